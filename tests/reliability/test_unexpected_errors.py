"""An unexpected exception: a calm dialog, the details in the rotating log, and the app runs on."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ui.kit import errors


@pytest.fixture
def dialogs(monkeypatch):
    """Record each dialog the hook would show, instead of blocking on it."""
    shown: list[dict] = []

    def fake_exec(box):
        shown.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                      "details": box.detailedText()})
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return shown


@pytest.fixture
def log_file():
    """The app's log set up as at start-up; its handler is closed afterwards."""
    path = errors.setup_logging()
    yield path
    for handler in list(errors.log.handlers):
        if isinstance(handler, RotatingFileHandler):
            errors.log.removeHandler(handler)
            handler.close()


def _log_text(path: Path) -> str:
    for handler in errors.log.handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_is_logged_and_the_app_runs_on(qtbot, dialogs, log_file):
    from ui.main_window import MainWindow

    home = Path(os.environ["HOME"])
    assert home in log_file.parents  # the test's own temporary home, never the user's
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    errors.install_excepthook(lambda: window)

    def broken_slot():
        raise RuntimeError("a bug in a slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    dialog = dialogs[0]
    assert dialog["title"] == "Something went wrong"
    assert "Everything you confirmed is saved" in dialog["text"] and "Traceback" not in dialog["text"]
    assert str(log_file) in dialog["info"]
    assert "RuntimeError: a bug in a slot" in dialog["details"]  # for the curious, folded away
    log = _log_text(log_file)
    assert "Unexpected error" in log and "RuntimeError: a bug in a slot" in log and "broken_slot" in log
    # the app keeps running: events are still processed, the window still works
    later = []
    QTimer.singleShot(0, lambda: later.append("still running"))
    qtbot.waitUntil(lambda: later == ["still running"])
    assert window.isVisible()
    window.new_seminar  # noqa: B018 - the window object is intact
    assert window.menuBar().actions()


@pytest.mark.qt_no_exception_capture
def test_an_error_repeating_while_the_dialog_is_open_is_logged_not_stacked(qtbot, monkeypatch, log_file):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []

    def exec_that_meets_the_error_again(box):
        shown.append(box.detailedText())
        if len(shown) == 1:  # a timer raises again inside the dialog's own event loop
            sys.excepthook(ValueError, ValueError("again"), None)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_that_meets_the_error_again)
    errors.install_excepthook(lambda: None)
    sys.excepthook(ValueError, ValueError("first"), None)
    assert len(shown) == 1
    log = _log_text(log_file)
    assert "ValueError: first" in log and "ValueError: again" in log
    sys.excepthook(ValueError, ValueError("third"), None)  # once closed, the next one shows again
    assert len(shown) == 2


def test_the_log_follows_the_home_folder_and_rotates(tmp_path, monkeypatch, log_file):
    assert Path(os.environ["HOME"]) in log_file.parents
    other = tmp_path / "other-home"
    other.mkdir()
    monkeypatch.setenv("HOME", str(other))
    moved = errors.setup_logging()
    assert other in moved.parents and moved != log_file
    handlers = [h for h in errors.log.handlers if isinstance(h, RotatingFileHandler)]
    assert len(handlers) == 1 and Path(handlers[0].baseFilename) == moved
    assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 3
    errors.log.log(logging.ERROR, "x" * 600_000)
    errors.log.log(logging.ERROR, "y" * 600_000)
    assert moved.with_name(moved.name + ".1").exists()  # rotated, not grown without end
