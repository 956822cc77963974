"""Adding a stage is a folder and one registry entry: the test-only check-in stage
(tests/stage_example/) gets a console tab, a shared view, its demo content, its chapter and
summary line in the Word report, with no other change anywhere."""

from __future__ import annotations

import pytest

import exercises
from tests.stage_example import EXERCISE as CHECKIN
from tests.stage_example import logic as checkin


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(exercises, "REGISTRY", [*exercises.REGISTRY, CHECKIN])
    return CHECKIN


def test_a_registered_stage_is_found_by_key(registered):
    assert exercises.by_key("checkin") is CHECKIN


def test_a_new_seminar_and_the_demo_include_the_stage(registered, tmp_path):
    from exercises.demo import build_demo

    store = build_demo(tmp_path / "demo.workshop", "en")
    try:
        assert len(checkin.expectations(store)) == 3
    finally:
        store.close()


def test_its_chapter_and_summary_line_reach_the_word_report(registered, tmp_path):
    from exercises.demo import build_demo
    from exports.report_builder import build_report

    store = build_demo(tmp_path / "demo.workshop", "en")
    try:
        report = build_report(store)
    finally:
        store.close()
    sections = {section.key: section for section in report.sections}
    assert "checkin" in sections
    texts = repr(report)
    assert "I expect a clear roadmap." in texts and "3 expectations voiced" in texts


def test_the_console_gives_it_a_tab_and_the_projector_its_view(registered, tmp_path, qtbot, clock):
    from exercises.demo import build_demo
    from ui.console import Console
    from ui.session import Session

    session = Session(build_demo(tmp_path / "demo.workshop", "en"), clock)
    try:
        console = Console(session)
        qtbot.addWidget(console)
        titles = [console.tabs.tabToolTip(i) or console.tabs.tabText(i) for i in range(console.tabs.count())]
        assert "Check-in" in titles
        view = console.exercise_view("checkin")
        person = next(iter(view.fields))
        view.save(person, "Learn from the others.")
        session.present("checkin")
        shared = console.shared_screen.exercise_view
        assert "Learn from the others." in shared.lines.text()
        session.undo_stack.undo()
        assert "Learn from the others." not in shared.lines.text()
    finally:
        session.close()
