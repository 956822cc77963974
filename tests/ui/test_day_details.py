"""The smaller frictions of a facilitator's day (issue 18), one test each, and the log file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui import settings
from ui.main_window import MainWindow
from ui.wizard import NewSeminarWizard
from workshop_app.i18n import set_language


def test_the_decision_log_writes_the_month_as_a_word_in_the_interface_language():
    from exercises.arbitration.console_models import log_time

    moment = 1_796_353_500  # 4 December 2026, in the morning
    set_language("en")
    english = log_time(moment)
    assert "Dec" in english and "/" not in english
    set_language("fr")
    assert "déc." in log_time(moment)
    set_language("en")


def test_the_idea_field_counts_characters_against_the_limit_while_typing(session, qtbot):
    from exercises.ideation import logic
    from exercises.ideation.views.capture import CaptureBar

    bar = CaptureBar(session)
    qtbot.addWidget(bar)
    bar.line.setText("A short idea")
    assert bar.counter.text() == f"12/{logic.IDEA_MAX}"
    assert bar.add_button.isEnabled()
    bar.line.setText("x" * (logic.IDEA_MAX + 1))
    assert bar.counter.text() == f"{logic.IDEA_MAX + 1}/{logic.IDEA_MAX}"
    assert "D1495B" in bar.counter.styleSheet() and not bar.add_button.isEnabled()
    assert len(bar.line.text()) == logic.IDEA_MAX + 1  # nothing typed is cut


def test_a_rehearsal_on_another_date_says_so(planned_session, qtbot, clock):
    from ui.run_panel import RunPanel
    from ui.shared_screen import SharedScreen

    screen = SharedScreen(planned_session)
    qtbot.addWidget(screen)
    panel = RunPanel(planned_session, screen)
    qtbot.addWidget(panel)
    assert clock.local().date().isoformat() != "2026-12-03"
    assert panel.drift_label.text().startswith("Rehearsal (the day is planned for 2026-12-03)")
    assert "projected end" in panel.drift_label.text()


def test_on_the_day_itself_no_rehearsal_word(planned_session, qtbot, clock):
    from datetime import datetime

    from ui.run_panel import RunPanel
    from ui.shared_screen import SharedScreen

    clock.set(datetime(2026, 12, 3, 9, 5).timestamp())
    screen = SharedScreen(planned_session)
    qtbot.addWidget(screen)
    panel = RunPanel(planned_session, screen)
    qtbot.addWidget(panel)
    assert "Rehearsal" not in panel.drift_label.text()


def test_the_black_screen_button_looks_pressed(planned_session, qtbot):
    from ui.console import Console

    console = Console(planned_session)
    qtbot.addWidget(console)
    qtbot.addWidget(console.shared_screen)
    console.resize(1366, 700)
    console.show()
    qtbot.waitExposed(console)
    button = console.run_panel.screen_buttons["black"]
    before = button.grab().toImage().pixelColor(button.width() // 4, button.height() // 2)
    assert console.clicker.handle_key(Qt.Key_B)
    assert button.isChecked()
    after = button.grab().toImage().pixelColor(button.width() // 4, button.height() // 2)
    assert after.lightness() < before.lightness() - 100  # dark when pressed, white when not


def test_open_the_document_after_an_export(qtbot, tmp_path, clock, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from ui.export_dialog import ExportDialog
    from ui.session import Session
    from exercises.demo import build_demo

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    session = Session(build_demo(tmp_path / "demo.workshop", "en"), clock)
    dialog = ExportDialog(session, tmp_path / "roadmap.docx")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_button.isVisible()
    dialog.short.setChecked(True)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.open_button.isVisible(), timeout=60_000)
    dialog.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "roadmap.docx")]
    dialog.done(0)
    session.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_language_menu_ticks_the_current_language(qtbot, language):
    settings.put(settings.LANGUAGE, language)
    window = MainWindow()
    qtbot.addWidget(window)
    ticked = [code for code, action in window.language_actions.items() if action.isChecked()]
    assert ticked == [language]


def test_after_a_new_seminar_the_participants_tab_is_pointed_to(qtbot, tmp_path, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)

    def run_wizard(self):
        self.title_edit.setText("My seminar")
        self.path_edit.setText(str(tmp_path / "mine.workshop"))
        return True

    monkeypatch.setattr(NewSeminarWizard, "exec", run_wizard)
    window.new_seminar()
    tabs = window.console.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Participants"
    assert "participants" in window.statusBar().currentMessage()
    window.close_seminar()


def _log_text() -> str:
    from ui.kit.errors import log_path, setup_logging

    path = setup_logging()
    for handler in __import__("logging").getLogger("workshop").handlers:
        handler.flush()
    return Path(path).read_text(encoding="utf-8") if Path(path).exists() else ""


def test_the_log_records_opening_copies_exports_and_rounds_never_ballots(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from exercises.arbitration import booth, rounds
    from workshop_app import __version__
    from exercises.demo import build_demo

    _log_text()  # the log file is set up, as the app does in idle time
    build_demo(tmp_path / "demo.workshop", "en").close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(tmp_path / "demo.workshop"))
    copy = tmp_path / "copy.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    window.save_copy()
    json_path = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(json_path), "")))
    window.export_json()
    store = window.session.store
    first = rounds.list_rounds(store)[0]
    new_id = rounds.create_round(store, "A secret question about salaries", "majority",
                                 list(first.options)[:3], "secret")
    rounds.close_round(store, new_id)
    text = _log_text()
    assert f"Workshop {__version__} opened {tmp_path / 'demo.workshop'}" in text
    assert f"copy saved to {copy}" in text
    assert f"JSON export written to {json_path}" in text
    assert f"round {new_id} opened: majority, secret, 3 options" in text
    assert f"round {new_id} closed" in text
    assert "salaries" not in text  # neither the question nor any ballot goes to the log
    assert not hasattr(booth, "log")  # the ballot box itself logs nothing
    window.close_seminar()
