"""Initiatives in the console and on the shared screen, and the whole stage-2 flow on the demo seminar."""

from __future__ import annotations


from PySide6.QtCore import Qt

from exercises.ideation import initiatives as ini
from exercises.ideation import logic
from exercises.ideation.views import ConsoleView, SharedView, commands
from exercises.ideation.views.initiatives_panel import InitiativesModel
from ui.session import Session
from exercises.demo import build_demo
from workshop_app.participants import add_participant


from tests.exercises.ideation_fixtures import console, session  # noqa: E402,F401 - fixtures


def test_model_passes_the_model_tester(qtmodeltester, session):
    ini.create_initiative(session.store, title="Complete me")
    ini.create_initiative(session.store, title="Me too", effort="M")
    model = InitiativesModel(session)
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "✗ Not ready"


def test_promote_then_complete_the_business_case(qtbot, session, console):
    store = session.store
    with store.action() as db:
        segment = db["segments"].insert({"key": "young", "name": "Young urban professionals"}).last_pk
    owner = add_participant(store, "Laurent Petit")
    session.notify("participants")
    axis = commands.add_axis(session, "Problems fixed right away")
    ids = commands.add_ideas(session, ["Reply within an hour on social media", "A social-media cell"])
    commands.move_ideas(session, ids, axis, 0)
    initiative_id = console.promote(ids, "Reply within one hour on social media")
    assert console.tabs.currentWidget() is console.initiatives
    form = console.initiatives.form
    assert form.initiative.id == initiative_id
    assert form.initiative.idea_ids == tuple(ids)
    assert "Not ready for arbitration" in form.banner.text()
    assert form.labels["problem"].text().startswith("●")  # flagged
    assert "D1495B" in form.labels["problem"].styleSheet().upper()  # red: required
    assert "B7791F" in form.labels["sponsor_id"].styleSheet().upper()  # amber: recommended
    assert not form.labels["axis_id"].text().startswith("●")  # the axis came from the ideas
    # fill the business case
    w = form.widgets
    w["problem"].setPlainText("We take six hours to answer online.")
    w["customer_value"].setPlainText("A fast, human reply.")
    w["org_impact"].setPlainText("A cell of four advisers.")
    w["tech_impact"].setPlainText("A listening tool.")
    w["effort"].setCurrentIndex(w["effort"].findData("S"))
    w["cost_range"].setText("60–120 k€")  # QTest types ASCII only
    qtbot.keyClicks(w["kpi"], "First-response time")
    qtbot.keyClicks(w["kpi_target"], "Under one hour")
    w["owner_id"].setCurrentIndex(w["owner_id"].findData(owner))
    w["segments"].item(0).setCheckState(Qt.Checked)
    assert form.banner.text() == "Ready for arbitration"  # live, before applying
    assert ini.missing_fields(ini.get_initiative(store, initiative_id))  # nothing stored yet
    form.apply_button.click()
    stored = ini.get_initiative(store, initiative_id)
    assert ini.is_ready(stored)
    assert stored.segments == (segment,)
    assert console.initiatives.model.index(0, 3).data() == "✓ Ready"
    # undo the business case, then the promotion
    session.undo_stack.undo()
    assert not ini.is_ready(ini.get_initiative(store, initiative_id))
    assert "Not ready" in form.banner.text()
    session.undo_stack.undo()
    assert ini.list_initiatives(store) == []
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert ini.is_ready(ini.get_initiative(store, initiative_id))


def test_unapplied_edits_survive_other_changes(qtbot, session, console):
    ident = ini.create_initiative(session.store, title="Draft")
    session.notify("ideation")
    console.initiatives.select(ident)
    form = console.initiatives.form
    form.widgets["problem"].setPlainText("half typed")
    commands.add_ideas(session, ["an idea captured meanwhile"])
    assert form.widgets["problem"].toPlainText() == "half typed"


def test_delete_an_initiative_and_undo(session, console):
    ident = commands.create_initiative(session, title="To delete", effort="L")
    console.initiatives.select(ident)
    console.initiatives.delete_button.click()
    assert ini.list_initiatives(session.store) == []
    session.undo_stack.undo()
    assert ini.get_initiative(session.store, ident).effort == "L"


def test_the_card_on_the_shared_screen(qtbot, session, console):
    ident = commands.create_initiative(session, title="Reply within one hour", problem="Six hours to answer.")
    shared = SharedView(session)
    qtbot.addWidget(shared)
    shared.resize(1280, 720)
    shown = []
    session.presentation_changed.connect(shown.append)
    console.initiatives.select(ident)
    console.initiatives.form.show_button.click()
    assert shown == ["ideation"]
    assert shared.stack.currentWidget() is shared.card
    card = shared.card
    assert card.initiative.id == ident
    assert card._missing("problem") is None
    assert card._missing("customer_value")[0] == "Missing"
    assert card._missing("sponsor_id")[0] == "To be completed"
    assert not shared.grab().isNull()
    commands.show_board(session)
    assert shared.stack.currentWidget() is shared.board


def test_the_stage_on_the_demo_seminar(qtbot, tmp_path, clock):
    """A round, 30 ideas typed, clustered into axes, promoted; then every step undone."""
    store = build_demo(tmp_path / "demo.workshop", "en", clock)
    session = Session(store, clock)
    view = ConsoleView(session)
    qtbot.addWidget(view)
    before = (logic.list_ideas(store, include_merged=True), logic.list_axes(store), ini.list_initiatives(store))
    assert len(before[0]) == 46 and len(before[1]) == 5 and len(before[2]) == 9
    stack = session.undo_stack
    round_id = commands.open_round(session, "How could real-time tracking change the first 90 days?")
    typed = [f"Quick idea {n}" for n in range(30)]
    for text in typed:
        qtbot.keyClicks(view.capture.line, text)
        qtbot.keyClick(view.capture.line, Qt.Key_Return)
    new = [i for i in logic.list_ideas(store) if i.round_id == round_id]
    assert [i.text for i in new] == typed
    axes = logic.list_axes(store)
    new_axis = commands.add_axis(session, "Real-time everything")
    commands.move_ideas(session, [i.id for i in new[:10]], new_axis, 0)
    commands.move_ideas(session, [i.id for i in new[10:20]], axes[0].id, 0)
    merged = commands.merge_ideas(session, [new[20].id, new[21].id])
    promoted = view.promote([merged, new[22].id], "")
    assert ini.get_initiative(store, promoted).title.startswith("Quick idea 20 / Quick idea 21")
    assert view.initiatives.model.rowCount() == 10
    assert stack.count() == 1 + 30 + 1 + 2 + 1 + 1
    while stack.canUndo():
        stack.undo()
    after = (logic.list_ideas(store, include_merged=True), logic.list_axes(store), ini.list_initiatives(store))
    assert after == before
    assert logic.current_round_id(store) == logic.list_rounds(store)[-1].id
    while stack.canRedo():
        stack.redo()
    assert ini.get_initiative(store, promoted).idea_ids == (merged, new[22].id)
    stack.clear()
    store.close()
