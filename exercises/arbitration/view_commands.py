"""Undoable facilitator commands of the arbitration stage (one core operation each).

Casting a ballot is deliberately *not* on the undo stack: a cast ballot is the voter's,
not the facilitator's edit. The facilitator's way back is ``void`` (logged, undoable).
"""

from __future__ import annotations

from ui.kit.commands import run_command
from workshop_app.i18n import _

from . import booth, decisions, rounds, screen_state

KIND = "arbitration"


def create_round(session, question: str, method: str, options: list, visibility: str, config: dict,
                 parent_round_id: int | None = None) -> int:
    store = session.store
    return run_command(session, _("New vote: {question}").format(question=question), KIND,
                       lambda: rounds.create_round(store, question, method, options, visibility, config,
                                                   parent_round_id=parent_round_id),
                       lambda rid: rounds.delete_round(store, rid))


def delete_round(session, round_id: int) -> None:
    store = session.store
    rnd = rounds.require_round(store, round_id)
    run_command(session, _("Delete the vote: {question}").format(question=rnd.question), KIND,
                lambda: rounds.delete_round(store, round_id),
                lambda snap: rounds.restore_round(store, snap))


def close_round(session, round_id: int) -> None:
    store = session.store
    run_command(session, _("Close the vote"), KIND,
                lambda: rounds.close_round(store, round_id),
                lambda _r: rounds.reopen_round(store, round_id))


def reopen_round(session, round_id: int) -> None:
    store = session.store
    run_command(session, _("Reopen the vote"), KIND,
                lambda: rounds.reopen_round(store, round_id),
                lambda _r: rounds.close_round(store, round_id))


def reveal_round(session, round_id: int) -> None:
    """Allow the results on the shared screen and show them there."""
    store = session.store
    was = rounds.require_round(store, round_id).status
    state = screen_state.state(session.exercise_state)
    state["screen"] = "results"
    state["results"] = {"round_id": round_id, "view": "ranking"}
    run_command(session, _("Show the results"), KIND,
                lambda: rounds.reveal_round(store, round_id),
                lambda _r: rounds.hide_round(store, round_id) if was == "closed" else None)


def set_paper_totals(session, round_id: int, totals: dict, voters: int) -> None:
    store = session.store
    run_command(session, _("Type in the paper vote"), KIND,
                lambda: booth.set_paper_totals(store, round_id, totals, voters),
                lambda previous: booth.restore_paper_totals(store, round_id, previous))


def void_ballot(session, round_id: int, participant_id: int, reason: str) -> None:
    store = session.store
    key = session.vote_keys.known(round_id)
    run_command(session, _("Void a ballot"), KIND,
                lambda: booth.void_ballot(store, round_id, participant_id, reason, session.clock.now(), key),
                lambda record: booth.undo_void(store, record))


def decide(session, initiative_id: int, decision: str, reason: str, horizon: str, round_id: int | None,
           evidence: str) -> None:
    store = session.store
    run_command(session, _("Decide: {decision}").format(decision=decisions.decision_label(decision)), KIND,
                lambda: decisions.set_decision(store, initiative_id, decision, reason, horizon, round_id,
                                               evidence, session.clock.now()),
                lambda record: decisions.undo_decision(store, record))


def clear_decision(session, initiative_id: int) -> None:
    store = session.store
    run_command(session, _("Clear the decision"), KIND,
                lambda: decisions.clear_decision(store, initiative_id),
                lambda row: decisions.restore_decision(store, row))
