"""Fixtures shared by the ideation and initiatives view tests (import them where needed)."""

from __future__ import annotations

import pytest

from exercises.ideation.views import ConsoleView
from ui.session import Session


@pytest.fixture
def session(store, clock):
    s = Session(store, clock)
    yield s
    s.undo_stack.clear()


@pytest.fixture
def console(qtbot, session):
    view = ConsoleView(session)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    return view
