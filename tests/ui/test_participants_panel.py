from __future__ import annotations

from ui.participants_panel import ParticipantsModel, ParticipantsPanel, add_many, add_participant, \
    remove_participant
from workshop_app import participants as core


def test_model_passes_qt_model_tester(session, qtmodeltester):
    core.add_participant(session.store, "Ann", "CEO")
    model = ParticipantsModel(session)
    qtmodeltester.check(model)


def test_panel_shows_what_the_store_holds_and_undo_works(session, qtbot):
    panel = ParticipantsPanel(session)
    qtbot.addWidget(panel)
    add_participant(session, "Ann Lee", "Marketing")
    add_many(session, [("Bob", "Sales", ""), ("Chloé", "Ops", "")])
    assert panel.model.rowCount() == 3
    assert panel.model.index(2, 0).data() == "Chloé"
    assert "3" in panel.count_label.text()
    session.undo_stack.undo()
    assert panel.model.rowCount() == 1
    session.undo_stack.redo()
    assert panel.model.rowCount() == 3
    remove_participant(session, core.list_participants(session.store)[0].id)
    assert panel.model.rowCount() == 2
    session.undo_stack.undo()
    assert [p.name for p in core.list_participants(session.store)] == ["Ann Lee", "Bob", "Chloé"]


def test_editing_in_place_refuses_bad_input(session, qtbot, messages):
    pid = core.add_participant(session.store, "Ann")
    model = ParticipantsModel(session)
    assert not model.setData(model.index(0, 0), "")
    assert messages and "empty" in messages[0]
    assert core.get_participant(session.store, pid).name == "Ann"
    assert model.setData(model.index(0, 1), "CFO")
    assert core.get_participant(session.store, pid).function == "CFO"
