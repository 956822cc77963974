"""The booth on the laptop's own screen: a secret ballot never reaches the projector.

Driven through the real console (with its shared-screen window and thumbnail) on a copy
of the (French) demo seminar, with the interface in English; the booth is the window ``Open the booth on this laptop`` opens.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QWidget

from exercises.arbitration import logic, sources, view_commands
from exercises.arbitration.booth_view import fold
from exercises.arbitration.rounds import option_labels
from tests.exercises.arbitration_fixtures import demo, demo_path  # noqa: F401  (fixtures)
from tests.qt_fixtures import messages  # noqa: F401  (fixture)
from ui.console import Console
from ui.session import Session
from workshop_app import run as run_core
from workshop_app.participants import add_participant, list_participants


@pytest.fixture
def session(demo, clock, qtbot):
    """A session on a fresh copy of the demo seminar (arbitration_fixtures.demo)."""
    s = Session(demo, clock)
    yield s
    s.close()


@pytest.fixture
def console(session, qtbot):
    view = Console(session)
    qtbot.addWidget(view)
    qtbot.addWidget(view.shared_screen)
    view.resize(1366, 768)
    view.show()
    return view


def rounds_panel(console):
    tab = next(tab for _title, tab, exercise in console.exercises if exercise.key == "arbitration")
    console.tabs.setCurrentWidget(tab)
    return console.exercise_view("arbitration").rounds


def open_the_booth(qtbot, session, console, method: str = "majority", secret: bool = True):
    panel = rounds_panel(console)
    rid = view_commands.create_round(session, "Which initiatives first?", method, sources.ready_ids(session.store),
                                     "secret" if secret else "open", {})
    panel.select_round(rid)
    qtbot.mouseClick(panel.booth_button, Qt.LeftButton)
    window = panel.booth_window
    qtbot.addWidget(window)
    return rid, window


def texts(root: QWidget) -> list[str]:
    """Every text a widget tree can show: labels, buttons, fields, tool tips, window titles."""
    found = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found.extend((widget.text(), widget.placeholderText()))
        found.append(widget.toolTip())
    return [t for t in found if t]


def start_a_ballot(qtbot, window, person_id: int) -> None:
    page = window.page
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    qtbot.mouseClick(page.name_buttons[person_id], Qt.LeftButton)
    for index, option in enumerate(page.editor.order):
        qtbot.mouseClick(page.editor.rows[option].buttons[index % 6], Qt.LeftButton)


def test_a_ballot_being_filled_in_is_on_the_laptop_only(qtbot, session, console):
    console.show_shared_screen()
    rid, window = open_the_booth(qtbot, session, console)
    shared = console.shared_screen
    person = list_participants(session.store)[3]
    start_a_ballot(qtbot, window, person.id)
    rnd = logic.get_round(session.store, rid)
    grades = rnd.config["grades"]
    page = window.page
    # the voter sees their name and their grades on the laptop...
    assert any(person.name in t for t in texts(window))
    assert sum(1 for b in page.editor.findChildren(QAbstractButton) if b.isChecked()) == len(rnd.options)
    page.review()
    assert any(person.name in t for t in texts(window))
    # ...while nothing of the projector's widget tree names them or shows a grade or a tally
    on_screen = texts(shared)
    assert not any(person.name in t for t in on_screen)
    assert not any(t == g or g in t.split(" · ") for t in on_screen for g in grades)
    assert "Vote in progress · 0 of 12 have voted" in on_screen
    assert rnd.question in on_screen
    # the console's "The room sees" thumbnail is a picture of that same window, nothing else
    run_panel = console.run_panel
    assert run_panel.screen_window is shared
    assert not any(person.name in t for t in texts(run_panel))
    page.confirm()
    assert "Vote in progress · 1 of 12 have voted" in texts(shared)
    assert not any(person.name in t for t in texts(shared))


def test_the_console_follows_the_booth_by_step_never_by_content(qtbot, session, console):
    rid, window = open_the_booth(qtbot, session, console)
    panel = rounds_panel(console)
    person = list_participants(session.store)[0]
    assert session.room.booth.step == "idle" and "waiting for the next voter" in panel.at_booth.text()
    start_a_ballot(qtbot, window, person.id)
    assert session.room.booth.voter_id == person.id and session.room.booth.step == "ballot"
    assert person.name in panel.at_booth.text() and "filling in the ballot" in panel.at_booth.text()
    grades = logic.get_round(session.store, rid).config["grades"]
    assert not any(g in panel.at_booth.text() for g in grades)
    window.page.review()
    window.page.confirm()
    assert session.room.booth.step == "thanks" and session.room.booth.voter_id is None
    assert panel.progress.text() == "1/12 voted"


def test_the_booth_opens_without_a_shared_screen_window(qtbot, session, console):
    assert not console.shared_screen.isVisible()
    rid, window = open_the_booth(qtbot, session, console, method="approval", secret=False)
    assert window.isVisible() and window.isFullScreen()
    assert window.screen() is console.screen()  # one screen: the booth covers it all
    person = list_participants(session.store)[1]
    page = window.page
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    qtbot.mouseClick(page.name_buttons[person.id], Qt.LeftButton)
    qtbot.mouseClick(next(iter(page.editor.toggles.values())), Qt.LeftButton)
    page.review()
    page.confirm()
    assert logic.has_voted(session.store, rid, person.id)


def test_leaving_the_booth_takes_a_deliberate_second_gesture(qtbot, session, console):
    rid, window = open_the_booth(qtbot, session, console)
    person = list_participants(session.store)[2]
    start_a_ballot(qtbot, window, person.id)
    qtbot.keyClick(window, Qt.Key_Escape)
    assert window.isVisible() and window.stack.currentWidget() is window.confirm
    assert "discarded" in window.confirm_text.text()
    qtbot.keyClick(window, Qt.Key_Escape)  # a second Esc goes back to the ballot, not to the console
    assert window.stack.currentWidget() is window.page and window.page.editor is not None
    window.close()  # the window's own close button only asks too
    assert window.isVisible() and window.stack.currentWidget() is window.confirm
    qtbot.mouseClick(window.stay_button, Qt.LeftButton)
    assert window.page.booth["step"] == "ballot"
    qtbot.mouseClick(window.corner, Qt.LeftButton)
    qtbot.mouseClick(window.leave_button, Qt.LeftButton)
    assert not window.isVisible() and not session.room.booth.is_open
    assert not logic.has_voted(session.store, rid, person.id)  # nothing was cast
    assert window.page.editor is None


def test_clicker_keys_do_nothing_while_the_booth_is_active(qtbot, session, console):
    rid, window = open_the_booth(qtbot, session, console)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    before = session.runner.current()
    for key in (Qt.Key_PageDown, Qt.Key_Space, Qt.Key_B):
        event = QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier)
        assert console.clicker.eventFilter(window, event) is False
    assert session.runner.current() == before
    assert run_core.screen_mode(session.store) == "live"


def test_black_screen_hides_the_projector_not_the_booth(qtbot, session, console):
    console.show_shared_screen()
    rid, window = open_the_booth(qtbot, session, console)
    console.run_panel.toggle_screen_mode("black")
    assert run_core.screen_mode(session.store) == "black"
    assert console.shared_screen.curtain.isVisible()
    assert window.isVisible() and window.page.next_button.isVisible()


def test_the_voter_list_is_alphabetical_and_filters_as_one_types(qtbot, session, console):
    rid, window = open_the_booth(qtbot, session, console)
    page = window.page
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    names = [page.name_buttons[pid].full_name for pid in page.name_buttons]
    assert names == sorted(names, key=fold)
    target = list_participants(session.store)[4]
    first = target.name.split()[-1][:3].lower()
    qtbot.keyClicks(page.filter, first)
    shown = page.visible_names()
    assert target.id in shown and len(shown) < len(names)
    assert all(any(w.startswith(fold(first)) for w in fold(page.name_buttons[p].full_name).split()) for p in shown)
    page.filter.setText(target.name.upper())
    assert page.visible_names() == [target.id]
    qtbot.keyClick(page.filter, Qt.Key_Return)
    assert page.booth["step"] == "ballot" and page.booth["voter_id"] == target.id
    page.cancel()
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    page.filter.setText("zzzz")
    assert page.visible_names() == [] and page.no_match.isVisibleTo(page)


def test_forty_names_fit_the_laptop_screen_without_scrolling(qtbot, session, console):
    for index in range(28):
        add_participant(session.store, f"Invité·e {index:02d} Dupont-Léger")
    session.notify("participants")
    rid, window = open_the_booth(qtbot, session, console)
    window.showNormal()
    window.resize(1366, 768)
    page = window.page
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    assert len(page.name_buttons) == 40
    QApplication.processEvents()
    buttons = list(page.name_buttons.values())
    assert page.names_area.verticalScrollBar().maximum() == 0  # every name visible: no hunting in a scroll area
    viewport = page.names_area.viewport()
    assert all(viewport.rect().contains(b.mapTo(viewport, b.rect().bottomRight())) for b in buttons)
    assert min(b.height() for b in buttons) >= 44  # large touch targets


def test_voted_people_leave_the_list(qtbot, session, console):
    rid, window = open_the_booth(qtbot, session, console)
    person = list_participants(session.store)[0]
    start_a_ballot(qtbot, window, person.id)
    window.page.review()
    window.page.confirm()
    qtbot.mouseClick(window.page.next_button, Qt.LeftButton)
    assert person.id not in window.page.name_buttons and len(window.page.name_buttons) == 11


def test_closing_with_missing_voters_asks_first(qtbot, session, console, monkeypatch):
    rid, window = open_the_booth(qtbot, session, console)
    person = list_participants(session.store)[0]
    start_a_ballot(qtbot, window, person.id)
    window.page.review()
    window.page.confirm()
    window.leave()
    panel = rounds_panel(console)
    asked: list[str] = []
    answer = {"value": QMessageBox.No}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer["value"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.mouseClick(panel.buttons["close"], Qt.LeftButton)
    assert asked and "11 people have not voted yet (1 of 12 have)" in asked[0]
    assert logic.get_round(session.store, rid).is_open
    answer["value"] = QMessageBox.Yes
    qtbot.mouseClick(panel.buttons["close"], Qt.LeftButton)
    assert logic.get_round(session.store, rid).status == "closed"
    window.page.sync()
    assert "The vote is closed" in texts(window.page.pages.currentWidget())  # a booth left open says so


def test_the_option_labels_never_reach_the_projector_as_grades(qtbot, session, console):
    """The progress page names the question only: no option with a grade beside it."""
    console.show_shared_screen()
    rid, window = open_the_booth(qtbot, session, console)
    labels = option_labels(session.store, logic.get_round(session.store, rid))
    start_a_ballot(qtbot, window, list_participants(session.store)[5].id)
    on_screen = " ".join(texts(console.shared_screen))
    assert not any(label in on_screen for label in labels.values())
