"""Participants' words on charts stay words: a dollar sign is not the start of mathematics."""

from __future__ import annotations

from exercises.arbitration import charts

TITLE = "Save $5 on each $20 card"


def test_dollar_signs_in_an_initiative_title_are_drawn_as_typed():
    fig = charts.ranking_chart([(TITLE, 3.0, "3 dots", False), ("Other", 1.0, "1 dot", False)], "Dots")
    fig.canvas.draw()  # mathtext would fail or garble here: "5 on each " set in italics
    labels = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert TITLE in [t.get_text() for t in labels]
    title_label = next(t for t in labels if t.get_text() == TITLE)
    assert title_label._preprocess_math(title_label.get_text()) == (TITLE, False)
