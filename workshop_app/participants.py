"""Participants of the seminar: the people in the room who rate and vote."""

from __future__ import annotations

import csv
import io

from .domain import Participant, ValidationError, clean_text
from .i18n import _
from .store import Store


def _check(name: str, function: str, email: str) -> dict:
    name = clean_text(name, _("Name"), required=True)
    function = clean_text(function, _("Function"))
    email = clean_text(email, _("E-mail"))
    if email and ("@" not in email or " " in email):
        raise ValidationError(_("{email} is not an e-mail address.").format(email=email))
    return {"name": name, "function": function, "email": email}


def list_participants(store: Store) -> list[Participant]:
    return [Participant(**row) for row in store.query(
        "SELECT id, name, function, email, position FROM participants ORDER BY position, id")]


def add_participant(store: Store, name: str, function: str = "", email: str = "",
                    position: int | None = None, participant_id: int | None = None) -> int:
    record = _check(name, function, email)
    with store.action() as db:
        if position is None:
            position = (store.scalar("SELECT max(position) FROM participants") or 0) + 1
        record["position"] = position
        if participant_id is not None:
            record["id"] = participant_id
        return db["participants"].insert(record).last_pk


def update_participant(store: Store, participant_id: int, name: str, function: str = "",
                       email: str = "") -> None:
    record = _check(name, function, email)
    with store.action() as db:
        db["participants"].update(participant_id, record)


def get_participant(store: Store, participant_id: int) -> Participant:
    rows = store.query("SELECT id, name, function, email, position FROM participants WHERE id = ?",
                       (participant_id,))
    if not rows:
        raise ValidationError(_("This participant no longer exists."))
    return Participant(**rows[0])


def remove_participant(store: Store, participant_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM participants WHERE id = ?", [participant_id])


def line_separator(line: str) -> str:
    """The separator of one pasted line: a tab, a semicolon, a comma, or "" (a name alone)."""
    return next((sep for sep in ("\t", ";", ",") if sep in line), "")


def parse_pasted_list(text: str) -> list[tuple[str, str, str]]:
    """Parse pasted names: one per line, or CSV/TSV rows of name, function, e-mail.

    The separator is guessed for each line (tab, then semicolon, then comma), so a list
    mixing a spreadsheet's tab-separated lines with typed "name, function" lines reads
    right. A first row that looks like a header (name/nom) is skipped; blank lines are ignored.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    people = []
    for line in lines:
        delimiter = line_separator(line)
        row = next(csv.reader([line], delimiter=delimiter)) if delimiter else [line]
        cells = [cell.strip() for cell in row] + ["", "", ""]
        name, function, email = cells[0], cells[1], cells[2]
        if not name:
            continue
        if not people and name.lower() in ("name", "nom", "participant", "prénom nom"):
            continue
        people.append((name, function, email))
    return people


def add_many(store: Store, people: list[tuple[str, str, str]]) -> list[int]:
    """Add several participants in one action (all or nothing)."""
    for name, function, email in people:
        _check(name, function, email)
    with store.action():
        return [add_participant(store, *person) for person in people]
