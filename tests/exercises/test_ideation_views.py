"""Ideation views: fast capture, the board's models and drops, merges, silent rounds, the paged shared board."""

from __future__ import annotations


from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from exercises.ideation import logic
from exercises.ideation.views import ConsoleView, SharedView
from exercises.ideation.views import commands
from exercises.ideation.views.models import IDEA_ID, AxisIdeasProxy, IdeasModel, encode_ids
from exercises.ideation.views.shared import MIN_FONT
from ui.session import Session
from workshop_app.participants import add_participant


from tests.exercises.ideation_fixtures import console, session  # noqa: E402,F401 - fixtures


def texts(session, axis_id=logic.ALL):
    return [i.text for i in logic.list_ideas(session.store, axis_id=axis_id)]


def test_thirty_ideas_typed_land_in_the_store_in_order(qtbot, session, console):
    round_id = commands.open_round(session, "How could this trend change our onboarding journey?")
    typed = [f"Idea number {n}" for n in range(1, 31)]
    for text in typed:
        qtbot.keyClicks(console.capture.line, text)
        qtbot.keyClick(console.capture.line, Qt.Key_Return)
    ideas = logic.list_ideas(session.store)
    assert [i.text for i in ideas] == typed
    assert [i.id for i in ideas] == sorted(i.id for i in ideas)
    assert {i.round_id for i in ideas} == {round_id}
    assert {i.author_id for i in ideas} == {None}  # anonymous by default
    assert console.capture.line.text() == ""
    assert console.model.rowCount() == 30
    assert console.board.column_for(None).proxy.rowCount() == 30
    # every idea is one step on the undo stack
    stack = session.undo_stack
    for _ in range(30):
        stack.undo()
    assert texts(session) == []
    assert console.model.rowCount() == 0
    for _ in range(30):
        stack.redo()
    assert texts(session) == typed


def test_the_author_is_optional(qtbot, session, console):
    claire = add_participant(session.store, "Claire Dubois")
    session.notify("participants")
    combo = console.capture.author
    combo.setCurrentIndex(combo.findData(claire))
    qtbot.keyClicks(console.capture.line, "A named adviser from day one")
    qtbot.keyClick(console.capture.line, Qt.Key_Return)
    assert logic.list_ideas(session.store)[0].author_id == claire


def test_pasting_several_lines_adds_several_ideas_in_one_undoable_action(qtbot, session, console):
    QGuiApplication.clipboard().setText("First idea\n\n- Second idea\nThird idea\n")
    console.capture.line.setFocus()
    qtbot.keyClick(console.capture.line, Qt.Key_V, Qt.ControlModifier)
    assert texts(session) == ["First idea", "Second idea", "Third idea"]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert texts(session) == []
    QGuiApplication.clipboard().setText("just one line")
    qtbot.keyClick(console.capture.line, Qt.Key_V, Qt.ControlModifier)
    assert console.capture.line.text() == "just one line"


def test_an_empty_line_adds_nothing(qtbot, session, console):
    qtbot.keyClick(console.capture.line, Qt.Key_Return)
    assert texts(session) == []
    assert session.undo_stack.count() == 0


def test_models_pass_the_model_tester(qtmodeltester, session):
    axis = logic.add_axis(session.store, "Onboarding")
    logic.add_ideas(session.store, ["one", "two", "three"])
    logic.add_ideas(session.store, ["four", "five"], axis_id=axis)
    model = IdeasModel(session)
    qtmodeltester.check(model)
    for axis_id in (None, axis):
        proxy = AxisIdeasProxy(session, axis_id)
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    assert proxy.index(0, 0).data() == "four"


def test_dropping_ideas_on_an_axis_moves_them_and_undo_moves_them_back(session, console):
    a = commands.add_axis(session, "Onboarding")
    b = commands.add_axis(session, "Omnichannel")
    ids = commands.add_ideas(session, ["one", "two", "three", "four"])
    target = console.board.column_for(a).proxy
    assert target.canDropMimeData(encode_ids(ids[:2]), Qt.MoveAction, -1, 0, QModelIndex())
    assert target.dropMimeData(encode_ids(ids[:2]), Qt.MoveAction, -1, 0, QModelIndex())
    assert texts(session, a) == ["one", "two"]
    # reorder within the axis: drop "one" below "two"
    target.dropMimeData(encode_ids([ids[0]]), Qt.MoveAction, 2, 0, QModelIndex())
    assert texts(session, a) == ["two", "one"]
    # onto another axis, before its first card, then back to unclustered
    console.board.column_for(b).proxy.dropMimeData(encode_ids([ids[2]]), Qt.MoveAction, 0, 0, QModelIndex())
    assert texts(session, b) == ["three"]
    console.board.column_for(None).proxy.dropMimeData(encode_ids([ids[0]]), Qt.MoveAction, 0, 0, QModelIndex())
    assert texts(session, None) == ["one", "four"]
    assert [console.board.column_for(a).proxy.index(r, 0).data() for r in range(1)] == ["two"]
    stack = session.undo_stack
    stack.undo()
    assert texts(session, a) == ["two", "one"]
    stack.undo()
    assert texts(session, b) == []
    stack.undo()
    assert texts(session, a) == ["one", "two"]
    stack.undo()
    assert texts(session, None) == ["one", "two", "three", "four"]
    assert console.board.column_for(a).proxy.rowCount() == 0
    stack.redo()
    stack.redo()
    assert texts(session, a) == ["two", "one"]


def test_a_drop_that_changes_nothing_is_not_an_undo_step(session, console):
    ids = commands.add_ideas(session, ["one", "two"])
    count = session.undo_stack.count()
    console.board.column_for(None).proxy.dropMimeData(encode_ids([ids[0]]), Qt.MoveAction, 0, 0, QModelIndex())
    assert session.undo_stack.count() == count


def select(console, idea_ids):
    for column in console.board.columns:
        for row in range(column.proxy.rowCount()):
            index = column.proxy.index(row, 0)
            if index.data(IDEA_ID) in idea_ids:
                column.view.selectionModel().select(index, QItemSelectionModel.Select)


def test_merge_from_the_board_and_undo(session, console):
    axis = commands.add_axis(session, "Onboarding")
    ids = commands.add_ideas(session, ["Track the card", "Virtual card from day one", "Plain words"])
    commands.move_ideas(session, [ids[1]], axis, 0)
    select(console, ids[:2])
    assert console.buttons["merge"].isEnabled()
    console.buttons["merge"].click()
    assert texts(session) == ["Track the card / Virtual card from day one", "Plain words"]
    assert logic.get_idea(session.store, ids[1]).merged_into == ids[0]
    session.undo_stack.undo()
    assert texts(session) == ["Track the card", "Plain words", "Virtual card from day one"]
    session.undo_stack.redo()
    assert logic.get_idea(session.store, ids[1]).merged_into == ids[0]


def test_edit_in_place_and_delete(session, console):
    ids = commands.add_ideas(session, ["typo idae", "to delete"])
    proxy = console.board.column_for(None).proxy
    assert proxy.setData(proxy.index(0, 0), "typo fixed", Qt.EditRole)
    assert texts(session) == ["typo fixed", "to delete"]
    select(console, [ids[1]])
    console.buttons["delete"].click()
    assert texts(session) == ["typo fixed"]
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert texts(session) == ["typo idae", "to delete"]


def test_axes_are_columns_and_undo_restores_a_deleted_axis(session, console):
    a = commands.add_axis(session, "Onboarding", ambition="Ten days, not three months.")
    commands.add_ideas(session, ["one"])
    commands.move_ideas(session, [logic.list_ideas(session.store)[0].id], a, 0)
    assert [c.title.text() for c in console.board.columns] == ["Not clustered yet", "Onboarding"]
    commands.update_axis(session, a, name="Seamless onboarding", colour="#7B5EA7")
    assert console.board.columns[1].title.text() == "Seamless onboarding"
    commands.delete_axis(session, a)
    assert len(console.board.columns) == 1
    assert texts(session, None) == ["one"]
    session.undo_stack.undo()
    assert console.board.columns[1].title.text() == "Seamless onboarding"
    assert texts(session, a) == ["one"]


def test_silent_round_stays_off_the_shared_screen_until_revealed(qtbot, session):
    commands.open_round(session, "Silent round", hidden=True)
    commands.add_ideas(session, ["secret one", "secret two"], round_id=logic.current_round_id(session.store))
    commands.add_ideas(session, ["free idea"])
    shared = SharedView(session)
    qtbot.addWidget(shared)
    shared.resize(1280, 720)
    board = shared.board
    assert sum(len(g.texts) for g in board.groups) == 1
    assert board.hidden_count == 2
    commands.set_round_hidden(session, logic.current_round_id(session.store), False)
    assert sum(len(g.texts) for g in board.groups) == 3
    assert board.hidden_count == 0


def test_the_shared_board_pages_instead_of_shrinking(qtbot, session, console):
    axes = [commands.add_axis(session, f"Axis {n}") for n in range(5)]
    for n in range(80):
        logic.add_idea(session.store, f"An idea long enough to need two lines on the wall, number {n}",
                       axis_id=axes[n % 5])
    session.notify("ideation")
    shared = SharedView(session)
    qtbot.addWidget(shared)
    shared.resize(1280, 720)
    shared.board.relayout()
    board = shared.board
    assert len(board.pages) > 1
    fonts = {k: v for k, v in board.sizes().items() if k not in ("gap", "pad")}
    assert min(fonts.values()) >= MIN_FONT * 720  # never below the readable floor
    state = commands.screen_state(session)
    assert state.pages == len(board.pages)
    assert console.page_label.text() == f"Page 1/{len(board.pages)}"
    console.next_page.click()
    assert board.page() == 1
    assert console.page_label.text() == f"Page 2/{len(board.pages)}"
    for _ in range(len(board.pages)):  # more pages now that text is sized for 12 m
        console.next_page.click()
    assert board.page() == len(board.pages) - 1
    assert not console.next_page.isEnabled()
    shown = [text for page in board.pages for chunk in page for text in chunk.cards]
    assert len(shown) == 80  # every idea is on some page
    assert not shared.grab().isNull()


def test_two_thousand_ideas(qtbot, session):
    axes = [logic.add_axis(session.store, f"Axis {n}") for n in range(6)]
    with session.store.action():
        for n in range(2000):
            logic.add_idea(session.store, f"Idea {n}", axis_id=axes[n % 6] if n % 7 else None)
    view = ConsoleView(session)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    assert view.model.rowCount() == 2000
    assert sum(c.proxy.rowCount() for c in view.board.columns) == 2000
    shared = SharedView(session)
    qtbot.addWidget(shared)
    shared.resize(1280, 720)
    assert not shared.grab().isNull()
    assert len(shared.board.pages) > 10


def test_show_on_the_shared_screen(session, console):
    shown = []
    session.presentation_changed.connect(shown.append)
    console.show_button.click()
    assert shown == ["ideation"]
    assert commands.screen_state(session).mode == "board"


def test_read_only_seminar_cannot_capture(qtbot, tmp_path, store, clock):
    store.close()
    from workshop_app.store import open_store

    read_only = open_store(tmp_path / "seminar.workshop", read_only=True)
    session = Session(read_only, clock)
    view = ConsoleView(session)
    qtbot.addWidget(view)
    assert not view.capture.line.isEnabled()
    assert not view.model.flags(view.model.index(0, 0)) & Qt.ItemIsEditable
    read_only.close()
