from __future__ import annotations

import pytest

from ui.session import Session
from workshop_app import agenda


@pytest.fixture(autouse=True)
def _app_style(qapp):
    """The real application style sheet, so tests see what users see."""
    from ui import theme

    qapp.setStyleSheet(theme.STYLE_SHEET)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def messages(monkeypatch):
    """Collect what would be shown in message boxes instead of blocking on them."""
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    def fake(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(fake))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))
    return shown


@pytest.fixture
def session(store, clock, qtbot):
    s = Session(store, clock)
    yield s
    s.close()


@pytest.fixture
def planned_session(session):
    day = agenda.add_day(session.store, "2026-12-03", "09:00", "12:00")
    for title, minutes in (("Opening", 30), ("Trends", 60), ("Break", 15)):
        agenda.add_block(session.store, day, title, planned_minutes=minutes,
                         instructions=f"Instructions for {title}")
    return session
