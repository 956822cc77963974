"""Fixtures of the reliability tests: message boxes collected instead of shown."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


@pytest.fixture
def messages(monkeypatch):
    """What would be shown in message boxes (title, text), instead of blocking on them."""
    shown: list[tuple[str, str]] = []
    from PySide6.QtWidgets import QMessageBox

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.Yes

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(fake))
    return shown


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file of a folder with its digest (to prove nothing was written or left)."""
    return {p.name: digest(p) if p.is_file() else "<dir>" for p in sorted(Path(folder).iterdir())}
