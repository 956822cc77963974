"""Initiatives: "1 initiative = 1 business case" (Qt-free; arbitration, roadmap and the export reuse it).

An initiative comes from one idea or several (merged) ideas. Its business case names the
problem, the strategic segments served, the customer value, the internal organisational
and technical impacts, the effort (S/M/L/XL), a cost range, the main KPI and its target,
an owner and a sponsor, its axis and the trends it answers. An initiative whose business
case misses a required field is "not ready for arbitration".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields as dataclass_fields

from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import N_, _, translate
from workshop_app.report import Card
from workshop_app.store import Store

EFFORTS = ("S", "M", "L", "XL")
EFFORT_NAMES = {"S": N_("small"), "M": N_("medium"), "L": N_("large"), "XL": N_("very large")}
LONG_FIELDS = ("problem", "customer_value", "org_impact", "tech_impact")
SHORT_FIELDS = ("title", "cost_range", "kpi", "kpi_target")
LIST_FIELDS = ("segments", "trend_ids", "idea_ids")
# A business case is complete when every required field is filled (red when missing);
# the recommended ones are flagged in amber but do not block the vote.
REQUIRED = ("title", "problem", "segments", "customer_value", "org_impact", "tech_impact", "effort",
            "cost_range", "kpi", "kpi_target", "owner_id")
RECOMMENDED = ("sponsor_id", "axis_id", "trend_ids")
FIELD_LABELS = {
    "title": N_("Title"),
    "problem": N_("Problem"),
    "segments": N_("Target segments"),
    "customer_value": N_("Customer value"),
    "org_impact": N_("Internal organisational impact"),
    "tech_impact": N_("Technical impact"),
    "effort": N_("Effort"),
    "cost_range": N_("Cost range"),
    "kpi": N_("Main KPI"),
    "kpi_target": N_("KPI target"),
    "owner_id": N_("Owner"),
    "sponsor_id": N_("Sponsor"),
    "axis_id": N_("Axis"),
    "trend_ids": N_("Linked trends"),
    "idea_ids": N_("Ideas"),
}
NOT_READY = N_("Not ready for arbitration")
READY = N_("Ready for arbitration")


@dataclass(frozen=True)
class Initiative:
    """One initiative and its business case (``segments``/``trend_ids``/``idea_ids``: ids)."""

    id: int
    title: str
    axis_id: int | None = None
    problem: str = ""
    segments: tuple[int, ...] = ()
    customer_value: str = ""
    org_impact: str = ""
    tech_impact: str = ""
    effort: str = ""
    cost_range: str = ""
    kpi: str = ""
    kpi_target: str = ""
    owner_id: int | None = None
    sponsor_id: int | None = None
    trend_ids: tuple[int, ...] = ()
    idea_ids: tuple[int, ...] = ()
    position: int = 0


EDITABLE = tuple(f.name for f in dataclass_fields(Initiative) if f.name not in ("id", "position"))


def _ids(value) -> tuple[int, ...]:
    try:
        items = json.loads(value or "[]") if isinstance(value, str) else list(value or [])
    except ValueError:
        return ()
    return tuple(int(i) for i in items if isinstance(i, int) or (isinstance(i, str) and i.isdigit()))


def _existing(store: Store, table: str) -> set[int]:
    return {r["id"] for r in store.query(f"SELECT id FROM [{table}]")}


def _initiative(row: dict, segments: set[int], trends: set[int], ideas: set[int]) -> Initiative:
    record = {k: row[k] for k in ("id", "position") + EDITABLE}
    # Links to deleted segments, trends or ideas are dropped as they are read.
    record["segments"] = tuple(i for i in _ids(row["segments"]) if i in segments)
    record["trend_ids"] = tuple(i for i in _ids(row["trend_ids"]) if i in trends)
    record["idea_ids"] = tuple(i for i in _ids(row["idea_ids"]) if i in ideas)
    return Initiative(**record)


def list_initiatives(store: Store) -> list[Initiative]:
    known = (_existing(store, "segments"), _existing(store, "trends"), _existing(store, "ideas"))
    return [_initiative(r, *known) for r in store.query("SELECT * FROM initiatives ORDER BY position, id")]


def get_initiative(store: Store, initiative_id: int) -> Initiative:
    rows = store.query("SELECT * FROM initiatives WHERE id = ?", (initiative_id,))
    if not rows:
        raise ValidationError(_("This initiative no longer exists."))
    return _initiative(rows[0], _existing(store, "segments"), _existing(store, "trends"),
                       _existing(store, "ideas"))


# --- readiness ------------------------------------------------------------------------

def _filled(initiative: Initiative, key: str) -> bool:
    value = getattr(initiative, key)
    if isinstance(value, str):
        return bool(value.strip()) and (key != "effort" or value in EFFORTS)
    if isinstance(value, tuple):
        return bool(value)
    return value is not None


def missing_fields(initiative: Initiative) -> list[str]:
    """Keys of the required business-case fields still empty (they block the vote)."""
    return [key for key in REQUIRED if not _filled(initiative, key)]


def missing_recommended(initiative: Initiative) -> list[str]:
    """Keys of the recommended fields still empty (sponsor, axis, linked trends)."""
    return [key for key in RECOMMENDED if not _filled(initiative, key)]


def is_ready(initiative, initiative_id: int | None = None) -> bool:
    """Ready for arbitration: no required field missing.

    Takes an ``Initiative``, or ``(store, initiative_id)`` for callers holding only an id.
    """
    if initiative_id is not None:
        initiative = get_initiative(initiative, initiative_id)
    return not missing_fields(initiative)


def readiness_text(initiative: Initiative, language: str | None = None) -> str:
    return translate(READY if is_ready(initiative) else NOT_READY, language)


def field_label(key: str, language: str | None = None) -> str:
    return translate(FIELD_LABELS[key], language)


def effort_label(effort: str, language: str | None = None) -> str:
    if effort not in EFFORTS:
        return ""
    return f"{effort} ({translate(EFFORT_NAMES[effort], language)})"


# --- the card ------------------------------------------------------------------------

CARD_ROWS = ("problem", "segments", "customer_value", "org_impact", "tech_impact", "effort", "cost_range",
             "kpi", "owner_id", "sponsor_id", "axis_id", "trend_ids")


def _names(store: Store, table: str, column: str, ids) -> list[str]:
    if not ids:
        return []
    found = {r["id"]: r[column] for r in store.query(
        f"SELECT id, [{column}] FROM [{table}] WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))}
    return [found[i] for i in ids if i in found]


def _person(store: Store, participant_id: int | None) -> str:
    if participant_id is None:
        return ""
    rows = store.query("SELECT name, function FROM participants WHERE id = ?", (participant_id,))
    if not rows:
        return ""
    return f"{rows[0]['name']} ({rows[0]['function']})" if rows[0]["function"] else rows[0]["name"]


def card_rows(initiative: Initiative, store: Store, language: str | None = None) -> list[tuple[str, str, str]]:
    """(field key, label, value) for each row of the business-case card ('' when missing)."""
    i = initiative
    kpi = i.kpi.strip()
    if kpi and i.kpi_target.strip():
        kpi = f"{kpi} → {i.kpi_target.strip()}"
    values = {
        "problem": i.problem, "customer_value": i.customer_value, "org_impact": i.org_impact,
        "tech_impact": i.tech_impact, "cost_range": i.cost_range, "kpi": kpi,
        "segments": ", ".join(_names(store, "segments", "name", i.segments)),
        "effort": effort_label(i.effort, language),
        "owner_id": _person(store, i.owner_id), "sponsor_id": _person(store, i.sponsor_id),
        "axis_id": ", ".join(_names(store, "axes", "name", [i.axis_id] if i.axis_id else [])),
        "trend_ids": "; ".join(_names(store, "trends", "title", i.trend_ids)),
    }
    labels = dict(FIELD_LABELS, kpi=N_("Main KPI and target"))
    return [(key, translate(labels[key], language), values[key].strip()) for key in CARD_ROWS]


def business_case_card(initiative: Initiative, store: Store, language: str) -> Card:
    """The business case as a report card, in ``language`` (missing values shown as a dash)."""
    rows = tuple((label, value or "—") for _key, label, value in card_rows(initiative, store, language))
    subtitle = "" if is_ready(initiative) else translate(NOT_READY, language)
    return Card(title=initiative.title, fields=rows, subtitle=subtitle)


# --- changes ---------------------------------------------------------------------------

def _participant(store: Store, participant_id) -> int | None:
    if participant_id in (None, ""):
        return None
    if not store.scalar("SELECT count(*) FROM participants WHERE id = ?", (participant_id,)):
        raise ValidationError(_("This participant no longer exists."))
    return int(participant_id)


def _check(store: Store, changes: dict) -> dict:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    record = {}
    for key, value in changes.items():
        label = _(FIELD_LABELS[key])
        if key in SHORT_FIELDS:
            record[key] = clean_text(value or "", label, required=key == "title")
        elif key in LONG_FIELDS:
            record[key] = clean_text(value or "", label, long=True)
        elif key == "effort":
            if value not in EFFORTS + ("", None):
                raise ValidationError(_("The effort is S, M, L or XL."))
            record[key] = value or ""
        elif key in ("owner_id", "sponsor_id"):
            record[key] = _participant(store, value)
        elif key == "axis_id":
            if value is not None and not store.scalar("SELECT count(*) FROM axes WHERE id = ?", (value,)):
                raise ValidationError(_("This axis no longer exists."))
            record[key] = value
        elif key in LIST_FIELDS:
            table = {"segments": "segments", "trend_ids": "trends", "idea_ids": "ideas"}[key]
            ids = list(dict.fromkeys(int(v) for v in (value or ())))
            if set(ids) - _existing(store, table):
                raise ValidationError(_("{label}: one of them no longer exists.").format(label=label))
            record[key] = json.dumps(ids)
    return record


def create_initiative(store: Store, **fields) -> int:
    """Create an initiative (``title`` required; any business-case field may follow)."""
    record = _check(store, fields)
    if "title" not in record:
        raise ValidationError(_("{label} cannot be empty.").format(label=_("Title")))
    with store.action() as db:
        record["position"] = (store.scalar("SELECT max(position) FROM initiatives") or 0) + 1
        return db["initiatives"].insert(record).last_pk


def update_initiative(store: Store, initiative_id: int, **fields) -> None:
    get_initiative(store, initiative_id)
    record = _check(store, fields)
    if record:
        with store.action() as db:
            db["initiatives"].update(initiative_id, record)


def delete_initiative(store: Store, initiative_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM initiatives WHERE id = ?", [initiative_id])


def promote_ideas(store: Store, idea_ids: list[int], title: str = "") -> int:
    """Turn one idea or several into an initiative; return its id.

    The initiative takes the first idea's axis and the trends of the ideas' rounds;
    without a title it takes the first idea's text.
    """
    ids = list(dict.fromkeys(idea_ids))
    if not ids:
        raise ValidationError(_("Select the ideas to promote."))
    rows = {r["id"]: r for r in store.query(
        f"SELECT i.id, i.text, i.axis_id, r.trend_id FROM ideas i LEFT JOIN idea_rounds r ON r.id = i.round_id"
        f" WHERE i.id IN ({','.join('?' * len(ids))})", tuple(ids))}
    if set(ids) - set(rows):
        raise ValidationError(_("This idea no longer exists."))
    first = rows[ids[0]]
    title = (title or "").strip() or first["text"][:120]
    trends = [t for t in dict.fromkeys(rows[i]["trend_id"] for i in ids) if t is not None]
    return create_initiative(store, title=title, axis_id=first["axis_id"], idea_ids=ids, trend_ids=trends)


def move_initiative(store: Store, initiative_id: int, position: int) -> None:
    ids = [i.id for i in list_initiatives(store) if i.id != initiative_id]
    get_initiative(store, initiative_id)
    ids.insert(max(0, min(position, len(ids))), initiative_id)
    with store.action() as db:
        for index, ident in enumerate(ids):
            db.execute("UPDATE initiatives SET position = ? WHERE id = ?", [index, ident])
