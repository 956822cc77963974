"""Every text the shared screen shows the room is readable from 12 m (issue 18).

About 38 px capitals, i.e. a font of 4.8 % of the window's height (52 px at 1080 p),
at 1280×720 and 1920×1080: labels, tables, painted boards and matplotlib charts alike.
"""

from __future__ import annotations

import shutil

import pytest

from tests.ui.room_text import room_text_px
from ui.kit.legibility import ROOM_SHARE
from exercises.demo import build_demo
from workshop_app.store import open_store

SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("room") / "demo.workshop"
    build_demo(path, "en").close()
    return path


@pytest.fixture
def demo_session(demo_file, tmp_path, clock, qtbot):
    from ui.session import Session

    path = tmp_path / "demo.workshop"
    shutil.copy(demo_file, path)
    session = Session(open_store(path), clock)
    yield session
    session.close()


def trend_card(session):
    from exercises.trends import state
    from exercises.trends.views import SharedView

    state.update(session, screen="card")
    return SharedView(session)


def trend_card_rating(session):
    from exercises.trends import state
    from exercises.trends.views import SharedView

    state.update(session, screen="card")
    view = SharedView(session)
    state.update(session, rater_id=3, draft={"relevance": 4})
    return view


def trend_map(session):
    from exercises.trends import state
    from exercises.trends.views import SharedView

    state.update(session, screen="map")
    return SharedView(session)


def trend_ranking(session):
    from exercises.trends import state
    from exercises.trends.views import SharedView

    state.update(session, screen="ranking")
    return SharedView(session)


def diagnosis_rate(session):
    from exercises.diagnosis import views

    views.update(session, screen="rate")
    return views.SharedView(session)


def diagnosis_radar(session):
    from exercises.diagnosis import views

    views.update(session, screen="radar")
    return views.SharedView(session)


def journey_curve(session):
    from exercises.journey.views import SharedView

    return SharedView(session)


def idea_board(session):
    from exercises.ideation.views import SharedView, commands

    commands.set_screen(session, mode="board", page=0)
    return SharedView(session)


def business_case(session):
    from exercises.ideation import initiatives
    from exercises.ideation.views import SharedView, commands

    commands.set_screen(session, mode="card", initiative=initiatives.list_initiatives(session.store)[0].id)
    return SharedView(session)


def roadmap(session):
    from exercises.roadmap.views import SharedView

    return SharedView(session)


def _governance(session, mode, key):
    from exercises.governance.views import SharedView
    from exercises.governance.views.console import KEY, SCREEN, screen_state

    screen_state(session).update(mode=mode, key=key)
    session.notify(SCREEN, -1)
    session.notify(KEY, -1)
    return SharedView(session)


def governance_question(session):
    return _governance(session, "question", "steering_body")


def governance_summary(session):
    return _governance(session, "summary", "")


def _results(session, round_id, view):
    from exercises.arbitration import screen_state
    from exercises.arbitration.views import SharedView

    state = screen_state.state(session.exercise_state)
    state["screen"] = "results"
    state["results"] = {"round_id": round_id, "view": view}
    return SharedView(session)


def results_ranking(session):
    return _results(session, 1, "ranking")


def results_merit(session):
    return _results(session, 1, "merit")


def results_value_effort(session):
    return _results(session, 2, "value_effort")


VIEWS = [trend_card, trend_card_rating, trend_map, trend_ranking, diagnosis_rate, diagnosis_radar,
         journey_curve, idea_board, business_case, roadmap, governance_question, governance_summary,
         results_ranking, results_merit, results_value_effort]


def _shown(session, qtbot, view, size):
    from ui.shared_screen import SharedScreen

    screen = SharedScreen(session)
    qtbot.addWidget(screen)
    screen.set_exercise_view(view)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    for _ in range(3):
        qtbot.wait(5)
    return screen


def _too_small(sizes, height):
    floor = ROOM_SHARE * height - 1.0  # a pixel of rounding
    return sorted({(round(px, 1), what) for px, what in sizes if px < floor})


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_block_page_reads_from_the_back_of_the_room(planned_session, qtbot, monkeypatch, size):
    from ui.shared_screen import SharedScreen

    screen = SharedScreen(planned_session)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    sizes = room_text_px(screen, monkeypatch)
    texts = {what for _px, what in sizes}
    assert {"Opening", "Instructions for Opening", "Next: Trends", "Test seminar"} <= texts
    assert _too_small(sizes, size[1]) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("recipe", VIEWS, ids=lambda f: f.__name__)
def test_every_shared_view_reads_from_the_back_of_the_room(demo_session, qtbot, monkeypatch, recipe, size):
    screen = _shown(demo_session, qtbot, recipe(demo_session), size)
    sizes = room_text_px(screen, monkeypatch)
    assert len(sizes) >= 2, "nothing measured: the view shows no text?"
    assert _too_small(sizes, size[1]) == []
