"""What governance and the roadmap read from the earlier stages: initiatives, decisions, axes.

The initiatives (stage 2) and their decisions (stage 3) belong to other exercises; these
small readers query their tables directly so governance and the roadmap do not depend on
those packages' internals. Only ``set_roles`` writes to ``initiatives`` (owner and sponsor
are chosen in governance).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.store import Store

DECISIONS = ("go", "later", "nogo")


@dataclass(frozen=True)
class InitiativeRow:
    """One initiative as governance and the roadmap see it, with its decision ('' if none)."""

    id: int
    title: str
    axis_id: int | None
    kpi: str = ""
    kpi_target: str = ""
    owner_id: int | None = None
    sponsor_id: int | None = None
    position: int = 0
    decision: str = ""
    reason: str = ""
    horizon: str = ""  # the decided horizon of a Go ('quick_wins', 'mid_term', 'long_term')


@dataclass(frozen=True)
class Axis:
    id: int
    name: str
    colour: str
    position: int = 0


def list_initiatives(store: Store) -> list[InitiativeRow]:
    """Every initiative in stage-2 order, with its decision when one was taken."""
    rows = store.query(
        "SELECT i.id, i.title, i.axis_id, i.kpi, i.kpi_target, i.owner_id, i.sponsor_id, i.position,"
        " ifnull(d.decision, '') AS decision, ifnull(d.reason, '') AS reason,"
        " ifnull(d.horizon, '') AS horizon"
        " FROM initiatives i LEFT JOIN decisions d ON d.initiative_id = i.id"
        " ORDER BY i.position, i.id")
    return [InitiativeRow(**row) for row in rows]


def initiatives_with(store: Store, decision: str) -> list[InitiativeRow]:
    return [i for i in list_initiatives(store) if i.decision == decision]


def go_initiatives(store: Store) -> list[InitiativeRow]:
    return initiatives_with(store, "go")


def get_initiative(store: Store, initiative_id: int) -> InitiativeRow:
    for row in list_initiatives(store):
        if row.id == initiative_id:
            return row
    raise ValidationError(_("This initiative no longer exists."))


def initiative_record(store: Store, initiative_id: int) -> dict:
    """The full row of an initiative (business-case fields), JSON lists decoded."""
    rows = store.query("SELECT * FROM initiatives WHERE id = ?", (initiative_id,))
    if not rows:
        raise ValidationError(_("This initiative no longer exists."))
    record = dict(rows[0])
    for field in ("segments", "trend_ids", "idea_ids"):
        try:
            record[field] = json.loads(record.get(field) or "[]")
        except (TypeError, ValueError):
            record[field] = []
    return record


def list_axes(store: Store) -> list[Axis]:
    return [Axis(**row) for row in store.query(
        "SELECT id, name, colour, position FROM axes ORDER BY position, id")]


def segment_names(store: Store, refs: list) -> list[str]:
    """Names of segments referred to by id or by key (either may be stored)."""
    names = []
    rows = store.query("SELECT id, key, name FROM segments")
    for ref in refs:
        row = next((r for r in rows if r["id"] == ref or (r["key"] and r["key"] == ref)), None)
        names.append(row["name"] if row else str(ref))
    return names


def participant_names(store: Store) -> dict[int, str]:
    return {row["id"]: row["name"] for row in store.query("SELECT id, name FROM participants")}


def _check_participant(store: Store, participant_id: int | None) -> None:
    if participant_id is not None and not store.scalar(
            "SELECT count(*) FROM participants WHERE id = ?", (participant_id,)):
        raise ValidationError(_("This participant no longer exists."))


def set_roles(store: Store, initiative_id: int, owner_id: int | None, sponsor_id: int | None) -> None:
    """Name the owner (responsible) and the sponsor (accountable) of an initiative."""
    get_initiative(store, initiative_id)
    _check_participant(store, owner_id)
    _check_participant(store, sponsor_id)
    with store.action() as db:
        db["initiatives"].update(initiative_id, {"owner_id": owner_id, "sponsor_id": sponsor_id})


def ideation_api(name: str):
    """A function of the ideation stage's published API when that stage is registered, else None."""
    from exercises import by_key

    if by_key("ideation") is None:
        return None
    from exercises.ideation import api

    return getattr(api, name, None)


def demo_initiative_ids(store: Store, demo: dict, language: str) -> dict[str, int]:
    """Map the demo's initiative keys to ids: by title in ``language``, else by creation order."""
    rows = store.query("SELECT id, title FROM initiatives ORDER BY id")
    by_title = {row["title"]: row["id"] for row in rows}
    wanted = demo.get("initiatives", [])
    result = {}
    for item in wanted:
        title = item.get("title")
        title = title.get(language, title.get("en")) if isinstance(title, dict) else title
        if title in by_title:
            result[item["key"]] = by_title[title]
    if not result and len(rows) == len(wanted):
        result = {item["key"]: row["id"] for item, row in zip(wanted, rows)}
    return result
