"""Undoable governance edits: each runs one core operation and knows how to put things back."""

from __future__ import annotations

from ui.kit.commands import run_command
from workshop_app.i18n import _

from .. import logic, roles, votes

KIND = "governance"


def _choice_command(session, key: str, text: str, do) -> object:
    store = session.store
    before = logic.get_choice(store, key)
    hands = logic.get_hands(store, key)

    def undo(_result):
        with store.action():
            logic.restore_choice(store, before)
            logic.restore_hands(store, key, hands)

    return run_command(session, text, KIND, do, undo)


def toggle_option(session, key: str, option_key: str) -> None:
    store = session.store
    _choice_command(session, key, _("Choose an option"),
                    lambda: logic.toggle_option(store, key, option_key))


def move_option(session, key: str, option_key: str, delta: int) -> None:
    store = session.store
    _choice_command(session, key, _("Change the ranking"),
                    lambda: logic.move_option(store, key, option_key, delta))


def add_own_option(session, key: str, label: str) -> str:
    store = session.store
    return _choice_command(session, key, _("Add our own option"),
                           lambda: logic.add_own_option(store, key, label))


def clear_choice(session, key: str) -> None:
    store = session.store
    _choice_command(session, key, _("Clear the answer"), lambda: logic.choose(store, key, [], ""))


def set_note(session, key: str, note: str) -> None:
    store = session.store
    _choice_command(session, key, _("Edit the note"), lambda: logic.set_note(store, key, note))


def set_hand_count(session, key: str, option_key: str, count: int) -> None:
    store = session.store
    _choice_command(session, key, _("Count the hands"),
                    lambda: logic.set_hand_count(store, key, option_key, count))


def set_revealed(session, key: str, revealed: bool) -> None:
    store = session.store
    _choice_command(session, key, _("Show the count") if revealed else _("Hide the count"),
                    lambda: logic.set_revealed(store, key, revealed))


def settle_by_hands(session, key: str) -> list[str]:
    store = session.store
    return _choice_command(session, key, _("Adopt the show of hands"),
                           lambda: logic.settle_by_hands(store, key))


def update_kpi(session, kpi_id: int, **fields: str) -> None:
    store = session.store
    before = logic.get_kpi(store, kpi_id)
    run_command(session, _("Edit {name}").format(name=before.name), KIND,
                lambda: logic.update_kpi(store, kpi_id, **fields),
                lambda _r: logic.restore_kpi(store, before))


def add_kpi(session, name: str, unit: str = "") -> int:
    store = session.store
    return run_command(session, _("Add an indicator"), KIND,
                       lambda: logic.add_kpi(store, name, unit),
                       lambda kpi_id: logic.remove_kpi(store, kpi_id))


def remove_kpi(session, kpi_id: int) -> None:
    store = session.store
    before = logic.get_kpi(store, kpi_id)
    run_command(session, _("Remove {name}").format(name=before.name), KIND,
                lambda: logic.remove_kpi(store, kpi_id),
                lambda _r: logic.restore_kpi(store, before))


def assign(session, initiative_id: int, owner_id: int | None, sponsor_id: int | None) -> None:
    store = session.store
    current = next(i for i in roles.roles_table(store).initiatives if i.id == initiative_id)
    marks = roles.get_marks(store)

    def undo(_result):
        with store.action():
            roles.assign(store, initiative_id, current.owner_id, current.sponsor_id)
            roles.restore_marks(store, marks)

    run_command(session, _("Name the owner and sponsor"), KIND,
                lambda: roles.assign(store, initiative_id, owner_id, sponsor_id), undo)


def set_mark(session, initiative_id: int, participant_id: int, mark: str) -> None:
    store = session.store
    marks = roles.get_marks(store)
    run_command(session, _("Change a RACI mark"), KIND,
                lambda: roles.set_mark(store, initiative_id, participant_id, mark),
                lambda _r: roles.restore_marks(store, marks))


def open_vote(session, key: str) -> int:
    """Open a booth round on a question (undo deletes it)."""
    store = session.store
    return run_command(session, _("Open a vote"), KIND,
                       lambda: votes.open_vote(store, key),
                       lambda round_id: votes.arbitration().delete_round(store, round_id))


def close_vote(session, key: str, round_id: int) -> list[str]:
    """Close the round and adopt its result (undo gives back the previous answer and reopens it)."""
    store = session.store
    api = votes.arbitration()
    was_open = api.require_round(store, round_id).is_open
    before = logic.get_choice(store, key)
    hands = logic.get_hands(store, key)

    def undo(_result):
        with store.action():
            logic.restore_choice(store, before)
            logic.restore_hands(store, key, hands)
        if was_open and api.require_round(store, round_id).status == "closed":
            api.reopen_round(store, round_id)

    return run_command(session, _("Adopt the vote"), KIND,
                       lambda: votes.close_and_settle(store, key, round_id), undo)
