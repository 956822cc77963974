"""Shared fixtures: offscreen Qt, isolated settings, a fake clock, real stores on tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from workshop_app.clock import FakeClock
from workshop_app.i18n import set_language
from workshop_app.store import create_store


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path_factory, monkeypatch):
    """Never touch the user's real settings, logs or documents."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    set_language("en")
    try:
        from PySide6.QtCore import QSettings, QStandardPaths
    except ImportError:  # pragma: no cover - core-only environments
        yield
        return
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(home / "settings"))
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test():
    """Close and delete every top-level widget a test left, after its fixtures closed their sessions.

    A closed window is only hidden; left alive, its views would be re-polished by the next
    test's style sheet while the models behind them point at a closed seminar.
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:  # a core test: no Qt to clean
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(tmp_path):
    s = create_store(tmp_path / "seminar.workshop", "Test seminar", "Test org", "en")
    yield s
    s.close()
