"""The chart helper process: each chart drawn once, by one side or the other, the same picture."""

from __future__ import annotations

import time
from functools import partial

import pytest

from exports import chart_worker
from exports.chart_png import chart_png
from exports.docx_blocks import render_chart_png
from exports.docx_errors import ExportError
from tests.exports.chart_factories import bars, broken
from workshop_app.report import Chart


def _charts(count: int, pause: float = 0.15) -> list[Chart]:
    return [Chart(figure=partial(bars, 3 + n % 4, f"Chart {n}", pause), caption=f"Chart {n}") for n in range(count)]


class Here:
    """The export's own drawing, counted."""

    def __init__(self):
        self.drawn: list[str] = []

    def __call__(self, block) -> bytes:
        self.drawn.append(block.caption)
        return render_chart_png(block)


def _until_the_helper_works(helper) -> None:
    """Wait (on a slow machine, a while) until the helper has taken its first chart."""
    deadline = time.monotonic() + 60
    while not helper._taken and time.monotonic() < deadline:
        time.sleep(0.02)
    assert helper._taken, "the helper process did not start"


def test_the_export_and_the_helper_share_the_charts_and_draw_each_once():
    blocks, here = _charts(8), Here()
    with chart_worker.ChartHelper(blocks, here) as helper:
        _until_the_helper_works(helper)
        pictures = [helper.png(block) for block in blocks]
    assert 0 < len(here.drawn) < len(blocks)  # both sides drew some
    assert here.drawn == [b.caption for b in blocks[:len(here.drawn)]]  # the export from the first
    assert pictures == [chart_png(block) for block in blocks]  # the same pictures, in order


def test_a_chart_that_does_not_pickle_is_drawn_by_the_export():
    blocks = _charts(5, pause=0.1)
    blocks[-1] = Chart(figure=lambda: bars(2, "lambda"), caption="lambda chart")  # a lambda does not pickle
    here = Here()
    with chart_worker.ChartHelper(blocks, here) as helper:
        pictures = [helper.png(block) for block in blocks]
    assert "lambda chart" in here.drawn
    assert pictures[-1] == chart_png(blocks[-1])


def test_a_chart_failing_in_the_helper_is_reported_by_the_export():
    blocks = _charts(4, pause=0.2) + [Chart(figure=partial(broken, 0.0), caption="Broken chart")]
    with chart_worker.ChartHelper(blocks, Here()) as helper:
        for block in blocks[:-1]:
            helper.png(block)
        with pytest.raises(ExportError, match="Broken chart.*no data for this chart"):
            helper.png(blocks[-1])


def test_a_helper_that_dies_leaves_its_charts_to_the_export():
    blocks, here = _charts(5, pause=0.15), Here()
    with chart_worker.ChartHelper(blocks, here) as helper:
        first = helper.png(blocks[0])
        helper._process.kill()  # e.g. killed by the system while drawing
        pictures = [first] + [helper.png(block) for block in blocks[1:]]
    assert pictures == [chart_png(block) for block in blocks]


def test_closing_stops_a_helper_still_drawing():
    blocks = _charts(4, pause=1.0)
    helper = chart_worker.ChartHelper(blocks, Here())
    helper.png(blocks[0])  # the helper is busy with the last ones meanwhile
    helper.close()
    assert helper._process.returncode is not None
    assert not helper._thread.is_alive()


def test_a_helper_only_for_enough_charts(monkeypatch):
    monkeypatch.setattr(chart_worker.os, "cpu_count", lambda: 4)
    assert not chart_worker.worth_a_helper(chart_worker.MIN_CHARTS - 1)
    assert chart_worker.worth_a_helper(chart_worker.MIN_CHARTS)
    monkeypatch.setattr(chart_worker.os, "cpu_count", lambda: 1)
    assert not chart_worker.worth_a_helper(20)


def test_an_export_cancelled_while_the_helper_draws_writes_nothing_and_stops_it(tmp_path, monkeypatch):
    """The facilitator cancels the export: no file, and no helper process left behind."""
    from exports import docx_renderer
    from tests.exports.docx_sample import folder_listing, make_report

    started: list = []
    real = chart_worker.ChartHelper

    class Watched(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(docx_renderer, "ChartHelper", Watched)
    report = make_report(logo=False)
    report.sections[0].blocks.extend(_charts(6, pause=0.3))

    class Cancelled(Exception):
        pass

    seen = []

    def progress(done, total):
        seen.append(done)
        if len(seen) > 8:
            raise Cancelled

    with pytest.raises(Cancelled):
        docx_renderer.render_docx(report, tmp_path / "cancelled.docx", progress=progress)
    assert folder_listing(tmp_path) == []
    assert len(started) == 1
    assert started[0]._process.returncode is not None and not started[0]._thread.is_alive()
