"""What the app does once its window is on screen: idle-time imports, and only once."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from ui import app as ui_app
from ui.kit import errors


def test_callback_runs_once_after_the_first_paint(qtbot):
    calls = []
    label = QLabel("Séminaire")
    qtbot.addWidget(label)
    ui_app.after_first_paint(label, lambda: calls.append(label.isVisible()), delay_ms=10)
    qtbot.wait(30)
    assert calls == []  # not shown, not painted: nothing yet
    label.show()
    qtbot.waitUntil(lambda: calls == [True])
    label.repaint()
    label.hide()
    label.show()
    qtbot.wait(50)
    assert calls == [True]


def test_warm_up_sets_up_the_log_and_imports_sqlite_utils(qtbot, tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(errors, "log_path", lambda: tmp_path / "workshop.log")
    monkeypatch.setattr(errors.log, "handlers", [])  # as at start-up: no log file yet
    ui_app.warm_up()
    assert "sqlite_utils" in sys.modules and sys.modules["sqlite_utils"] is not None
    handlers = [h for h in errors.log.handlers if isinstance(h, logging.FileHandler)]
    assert [h.baseFilename for h in handlers] == [str(tmp_path / "workshop.log")]
    for handler in handlers:
        errors.log.removeHandler(handler)
        handler.close()
