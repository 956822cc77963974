"""Qt fixtures shared by the UI and the exercise view tests (import them where needed)."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_style(qapp):
    """The real application style sheet, so tests see what users see."""
    from ui.kit import theme

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
