"""The benchmarks' seminar generator, at a tiny scale (the benchmarks themselves are not tests)."""

from __future__ import annotations

from benchmarks.common import Figure
from benchmarks.generator import TINY, generate


def test_tiny_seminar_has_every_stage(tmp_path):
    counts = generate(tmp_path / "tiny.workshop", TINY)

    assert counts["days"] == 2
    assert counts["participants"] == 5
    assert counts["ideas"] == counts["ideas_in_axes"] == 50
    assert counts["axes"] == 3
    assert counts["initiatives"] == counts["complete_cases"] == 6
    assert counts["rounds"] == 6 and counts["methods"] == 5
    assert counts["ballots"] == 6 * 5
    assert counts["decisions"] == 6
    assert counts["go"] >= 1 and counts["placed"] == counts["go"]
    assert counts["milestones"] >= counts["go"]
    assert counts["governance_choices"] > 0
    assert counts["governance_settled"] == counts["governance_choices"]


def test_the_generator_is_deterministic(tmp_path):
    first = generate(tmp_path / "a.workshop", TINY)
    second = generate(tmp_path / "b.workshop", TINY)

    assert first == second


def test_figure_lines():
    assert Figure("export.word", 2.5, "s", 3.0).line() == "export.word 2.5 s target=<=3 ok"
    assert Figure("startup.ratio", 3.14159, "x", 2.5).line() == "startup.ratio 3.14 x target=<=2.5 MISSED"
    assert Figure("memory.bare_window", 68.2, "MB").line() == "memory.bare_window 68.2 MB target=- info"
