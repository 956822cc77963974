"""The arbitration charts stay readable however many initiatives there are."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg

from exercises.arbitration import charts
from tests.exercises.arbitration_fixtures import demo, demo_path  # noqa: F401 - fixtures


def _points(count: int) -> list[tuple]:
    title = "with a title long enough to be cut somewhere near its end, even on two lines"
    return [(f"Initiative {n} {title}", 5 - (n % 9) / 2, 1 + (n % 7) / 2, 3, ("go", "later", "nogo", "")[n % 4])
            for n in range(count)]


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _inside(fig) -> bool:
    """Whether everything drawn lies within the figure (nothing runs past its edges)."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    box = fig.get_tightbbox(canvas.get_renderer())
    width, height = fig.get_size_inches()
    return box.x0 >= -0.01 and box.y0 >= -0.01 and box.x1 <= width + 0.01 and box.y1 <= height + 0.01


def test_value_effort_names_each_bubble_beside_the_matrix_when_they_fit():
    fig = charts.value_effort_chart(_points(8), "Value", "Effort", decision_labels={"go": "Go"})
    texts = _texts(fig)
    assert [str(n) for n in range(1, 9)] == [t for t in texts if t.isdigit()][:8]
    names = [t for t in texts if t.startswith("Initiative")]
    assert len(names) == 8 and all(t.count("\n") == 1 for t in names)  # room for two lines each
    assert all(t.endswith("…") for t in names)  # and cut after them
    assert _inside(fig)
    crowded = _texts(charts.value_effort_chart(_points(15), "Value", "Effort"))
    assert all("\n" not in t for t in crowded if t.startswith("Initiative"))  # one line each


def test_value_effort_with_many_bubbles_leaves_the_names_to_a_table():
    assert charts.value_effort_key_fits(8) and not charts.value_effort_key_fits(60)
    fig = charts.value_effort_chart(_points(60), "Value", "Effort", decision_labels={"go": "Go", "nogo": "No-go"},
                                    numbers_note="Numbers: rank in this vote")
    texts = _texts(fig)
    assert not [t for t in texts if t.startswith("Initiative")]  # 60 names would overwrite each other
    assert "Numbers: rank in this vote" in texts and "No-go" in texts
    assert _inside(fig)


def test_ranking_texts_end_inside_the_figure():
    rows = [(f"Initiative {n}", 100 - n, f"{100 - n} points", n == 0) for n in range(12)]
    fig = charts.ranking_chart(rows, "Points", flag_text="discuss before deciding, the room was divided")
    texts = _texts(fig)
    assert "100 points  ⚑" in texts and "⚑ discuss before deciding, the room was divided" in texts
    assert _inside(fig)


def test_the_report_names_the_matrix_bubbles_in_a_table_when_there_are_many(demo, monkeypatch):
    from exercises.arbitration import report

    section = report.report_section(demo, "fr")
    assert not [b for b in section.blocks if getattr(b, "caption", "").startswith("Les initiatives de la matrice")]
    monkeypatch.setattr(charts, "value_effort_key_fits", lambda count, size=None: False)
    section = report.report_section(demo, "fr")
    table = next(b for b in section.blocks if getattr(b, "caption", "").startswith("Les initiatives de la matrice"))
    assert table.columns == ("#", "Initiative", "Valeur", "Effort", "Décision")
    assert [row[0] for row in table.rows] == [str(n) for n in range(1, len(table.rows) + 1)]
    assert "," in table.rows[0][2]  # French decimals
