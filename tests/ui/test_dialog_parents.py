"""Every error dialog belongs to the console's window, never to nothing (or the projector)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from workshop_app import participants as core

ROOT = Path(__file__).resolve().parents[2]


def test_no_dialog_is_given_a_none_parent_in_the_sources():
    pattern = re.compile(r"show_error\(\s*None|QMessageBox(\.\w+)?\(\s*None")
    offenders = [f"{path.relative_to(ROOT)}:{n}"
                 for folder in ("ui", "exercises", "exports")
                 for path in sorted((ROOT / folder).rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []


def _capture(monkeypatch):
    parents = []

    def fake(parent, title, text, *args, **kwargs):
        parents.append(parent)
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    return parents


def test_a_refused_edit_in_a_model_opens_over_the_console_window(session, qtbot, monkeypatch):
    from ui.console import Console

    parents = _capture(monkeypatch)
    core.add_participant(session.store, "Ann")
    window = QMainWindow()
    qtbot.addWidget(window)
    console = Console(session)
    qtbot.addWidget(console.shared_screen)
    window.setCentralWidget(console)
    window.show()
    console.shared_screen.resize(1280, 720)
    console.shared_screen.show()  # the projector window is open, and even active
    console.shared_screen.activateWindow()
    console.tabs.setCurrentIndex(2)
    panel = console.tabs.currentWidget().ensure_view()
    assert not panel.model.setData(panel.model.index(0, 0), "")
    assert parents == [window]


def test_exercise_models_report_over_their_window(session, qtbot, monkeypatch):
    """Each exercise model that refuses an edit finds its window through its QObject parents."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from ui.kit.errors import dialog_parent, show_error

    parents = _capture(monkeypatch)
    window = QMainWindow()
    qtbot.addWidget(window)
    holder = QWidget()
    window.setCentralWidget(holder)
    window.show()  # the console's window is on screen (closed windows of earlier tests may linger)
    model = QObject(holder)
    show_error(model, "refused")
    assert parents == [window]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert dialog_parent(None) is window  # no owner at all: the (active) main window still
