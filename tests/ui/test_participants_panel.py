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


def test_paste_previews_the_columns_found_before_adding(session, qtbot):
    from ui.participants_panel import PasteDialog

    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing pasted: nothing to add
    dialog.text.setPlainText("Ann Lee\tCEO\nClaire Dubois, CEO, claire@x.fr\n")
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(1, c).text() for c in range(3)] == ["Claire Dubois", "CEO", "claire@x.fr"]
    assert [table.item(0, c).text() for c in range(3)] == ["Ann Lee", "CEO", ""]
    assert "2" in dialog.preview.text() and ok.isEnabled()
    assert core.list_participants(session.store) == []  # the preview adds nobody


def test_tab_moves_to_the_next_cell_without_a_qt_warning(session, qtbot):
    """Editing in place: Tab after a name opens Function (the model is not reset under the editor)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    core.add_participant(session.store, "Ann", "CEO")
    core.add_participant(session.store, "Bob", "CFO")
    panel = ParticipantsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitExposed(panel)
    table = panel.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    table.setCurrentIndex(panel.model.index(0, 0))
    table.edit(panel.model.index(0, 0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Ann Lee")
    qtbot.keyClick(editor, Qt.Key_Tab)
    assert core.list_participants(session.store)[0].name == "Ann Lee"
    assert table.currentIndex().row() == 0 and table.currentIndex().column() == 1
    second = QApplication.focusWidget()
    assert isinstance(second, QLineEdit) and second.text() == "CEO"  # Function is being edited
    qtbot.keyClick(second, Qt.Key_End)
    qtbot.keyClicks(second, " & founder")
    qtbot.keyClick(second, Qt.Key_Tab)
    assert core.list_participants(session.store)[0].function == "CEO & founder"
    assert table.currentIndex().column() == 2
