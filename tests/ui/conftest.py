from __future__ import annotations

import pytest

from ui.session import Session
from workshop_app import agenda


from tests.qt_fixtures import app_style, messages  # noqa: E402,F401 - shared fixtures


@pytest.fixture(autouse=True)
def _app_style(app_style):
    yield


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
