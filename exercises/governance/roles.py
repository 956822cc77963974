"""Roles on the Go initiatives: a RACI table and who carries too much.

R (responsible) is the initiative's owner, A (accountable) its sponsor; both live on
the initiative. C (consulted) and I (informed) are optional marks kept in
``exercise_data('governance', 'raci')`` as ``{initiative_id: {participant_id: "C"|"I"}}``.

Overload rule: a person is flagged when they own more than ``MAX_OWNED`` Go
initiatives (2 by default: owning is hands-on work that competes with a day job), or
when their load ``2 × owned + sponsored`` exceeds ``MAX_LOAD`` (5 by default:
sponsoring is lighter but still takes steering time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants
from workshop_app.store import Store

from .exercise_data import read_value, write_value
from .sources import InitiativeRow, go_initiatives, set_roles

MAX_OWNED = 2
MAX_LOAD = 5
OWNER_WEIGHT = 2
SPONSOR_WEIGHT = 1
MARKS = ("", "C", "I")


@dataclass(frozen=True)
class RoleLoad:
    owned: int = 0
    sponsored: int = 0

    @property
    def load(self) -> int:
        return OWNER_WEIGHT * self.owned + SPONSOR_WEIGHT * self.sponsored


def role_loads(assignments: Iterable[tuple[int | None, int | None]]) -> dict[int, RoleLoad]:
    """(owner, sponsor) pairs of the Go initiatives -> each person's load."""
    loads: dict[int, RoleLoad] = {}
    for owner, sponsor in assignments:
        if owner is not None:
            current = loads.get(owner, RoleLoad())
            loads[owner] = RoleLoad(current.owned + 1, current.sponsored)
        if sponsor is not None:
            current = loads.get(sponsor, RoleLoad())
            loads[sponsor] = RoleLoad(current.owned, current.sponsored + 1)
    return loads


def overloaded(loads: Mapping[int, RoleLoad], max_owned: int = MAX_OWNED,
               max_load: int = MAX_LOAD) -> dict[int, RoleLoad]:
    """The people the overload rule flags (see the module's docstring)."""
    return {pid: load for pid, load in loads.items() if load.owned > max_owned or load.load > max_load}


def raci_letters(initiative: InitiativeRow, participant_id: int, marks: Mapping[int, str]) -> str:
    """What one cell of the RACI table shows: 'R', 'A', 'R, A', 'C', 'I' or ''."""
    letters = []
    if initiative.owner_id == participant_id:
        letters.append("R")
    if initiative.sponsor_id == participant_id:
        letters.append("A")
    if not letters and marks.get(participant_id):
        letters.append(marks[participant_id])
    return ", ".join(letters)


# --- store operations -----------------------------------------------------------

def get_marks(store: Store) -> dict[int, dict[int, str]]:
    raw = read_value(store, "governance", "raci", {}) or {}
    return {int(i): {int(p): m for p, m in row.items() if m in ("C", "I")} for i, row in raw.items()}


def set_mark(store: Store, initiative_id: int, participant_id: int, mark: str) -> None:
    """Mark a person consulted (C), informed (I), or neither ('') on a Go initiative."""
    if mark not in MARKS:
        raise ValidationError(_("A RACI mark is C (consulted), I (informed) or empty."))
    initiative = next((i for i in go_initiatives(store) if i.id == initiative_id), None)
    if initiative is None:
        raise ValidationError(_("Roles are given on Go initiatives only."))
    if mark and participant_id in (initiative.owner_id, initiative.sponsor_id):
        raise ValidationError(_("This person already owns or sponsors the initiative."))
    marks = get_marks(store)
    row = marks.setdefault(initiative_id, {})
    if mark:
        row[participant_id] = mark
    else:
        row.pop(participant_id, None)
    restore_marks(store, marks)


def restore_marks(store: Store, marks: Mapping[int, Mapping[int, str]]) -> None:
    value = {str(i): {str(p): m for p, m in row.items()} for i, row in marks.items() if row}
    write_value(store, "governance", "raci", value or None)


def assign(store: Store, initiative_id: int, owner_id: int | None, sponsor_id: int | None) -> None:
    """Name the owner and sponsor of a Go initiative (clearing C/I marks they had)."""
    if initiative_id not in {i.id for i in go_initiatives(store)}:
        raise ValidationError(_("Roles are given on Go initiatives only."))
    with store.action():
        set_roles(store, initiative_id, owner_id, sponsor_id)
        marks = get_marks(store)
        row = marks.get(initiative_id, {})
        for pid in (owner_id, sponsor_id):
            row.pop(pid, None)
        restore_marks(store, marks)


@dataclass(frozen=True)
class RolesTable:
    """Everything the RACI view and the report need, read once."""

    initiatives: tuple[InitiativeRow, ...]
    people: tuple  # workshop_app.domain.Participant
    marks: Mapping[int, Mapping[int, str]]
    loads: Mapping[int, RoleLoad]
    flagged: Mapping[int, RoleLoad]

    def cell(self, initiative: InitiativeRow, participant_id: int) -> str:
        return raci_letters(initiative, participant_id, self.marks.get(initiative.id, {}))

    def name(self, participant_id: int | None) -> str:
        return next((p.name for p in self.people if p.id == participant_id), "")


def roles_table(store: Store) -> RolesTable:
    initiatives = tuple(go_initiatives(store))
    loads = role_loads((i.owner_id, i.sponsor_id) for i in initiatives)
    return RolesTable(initiatives, tuple(list_participants(store)), get_marks(store), loads,
                      overloaded(loads))


def overload_reason(load: RoleLoad, tr=_) -> str:
    """A short sentence saying why a person is flagged (``tr``: the language to write in)."""
    return tr("owns {owned} and sponsors {sponsored} Go initiatives").format(
        owned=load.owned, sponsored=load.sponsored)
