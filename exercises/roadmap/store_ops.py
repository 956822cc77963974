"""The roadmap in the store: its settings, placements, milestones and dependencies.

Settings live in ``exercise_data('roadmap', ...)``: ``start`` ({"year", "quarter"}) and
``horizon`` (a number of quarters). Only Go initiatives are placed; a placement whose
initiative is no longer Go is kept (in case the decision comes back) but not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from exercises.governance.exercise_data import read_value, write_value
from exercises.governance.sources import (Axis, InitiativeRow, list_axes, list_initiatives,
                                          participant_names)
from workshop_app import horizons
from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.store import Store

from .logic import (DEFAULT_DURATION, DEFAULT_HORIZON, QuarterStart, Violation, creates_cycle, default_start,
                    dependency_violations, validate_horizon, validate_placement)

EXERCISE = "roadmap"


# --- settings --------------------------------------------------------------------

def _first_day(store: Store) -> date:
    value = store.scalar("SELECT date FROM days ORDER BY position, id LIMIT 1")
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        return date.today()


def get_start(store: Store) -> QuarterStart:
    value = read_value(store, EXERCISE, "start")
    if isinstance(value, dict) and value.get("year") and value.get("quarter") in (1, 2, 3, 4):
        return QuarterStart(int(value["year"]), int(value["quarter"]))
    return default_start(_first_day(store))


def get_horizon(store: Store) -> int:
    value = read_value(store, EXERCISE, "horizon")
    return value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_HORIZON


def set_start(store: Store, start: QuarterStart | None) -> None:
    """Start the roadmap at a calendar quarter (None: back to the default)."""
    if start is not None and (start.quarter not in (1, 2, 3, 4) or not 2000 <= start.year <= 2100):
        raise ValidationError(_("Choose a quarter between 2000 and 2100."))
    write_value(store, EXERCISE, "start",
                None if start is None else {"year": start.year, "quarter": start.quarter})


def set_horizon(store: Store, horizon: int | None) -> None:
    """Change the horizon in quarters; refused if a placed initiative would end past it."""
    if horizon is not None:
        validate_horizon(horizon)
        late = [i for i in load_roadmap(store).items if i.end > horizon]
        if late:
            raise ValidationError(_("“{title}” ends after this horizon: move or shorten it first.")
                                  .format(title=late[0].title))
    write_value(store, EXERCISE, "horizon", horizon)


def raw_setting(store: Store, key: str):
    return read_value(store, EXERCISE, key)


def restore_setting(store: Store, key: str, value) -> None:
    write_value(store, EXERCISE, key, value)


# --- reading the plan ------------------------------------------------------------

@dataclass(frozen=True)
class Milestone:
    id: int
    initiative_id: int
    quarter: int
    label: str


@dataclass(frozen=True)
class RoadmapItem:
    initiative: InitiativeRow
    start: int
    duration: int
    owner: str = ""
    milestones: tuple[Milestone, ...] = ()
    depends_on: tuple[int, ...] = ()

    @property
    def id(self) -> int:
        return self.initiative.id

    @property
    def title(self) -> str:
        return self.initiative.title

    @property
    def end(self) -> int:
        return self.start + self.duration

    @property
    def horizon(self) -> str:
        """The horizon the document states: the decided one (see ``workshop_app.horizons``)."""
        return horizons.stated_horizon(self.initiative.horizon, self.start)

    @property
    def conflict(self) -> bool:
        """The bar starts outside its decided horizon (the facilitator kept the decision)."""
        return horizons.in_conflict(self.initiative.horizon, self.start)


@dataclass(frozen=True)
class Roadmap:
    start: QuarterStart
    horizon: int
    axes: tuple[Axis, ...]
    items: tuple[RoadmapItem, ...]
    unplaced: tuple[InitiativeRow, ...]  # Go, not yet on the timeline
    parking: tuple[InitiativeRow, ...]  # Later
    dependencies: tuple[tuple[int, int], ...]  # (initiative, depends on), Go initiatives
    violations: tuple[Violation, ...] = ()
    owners: dict = field(default_factory=dict)  # participant id -> name

    def item(self, initiative_id: int) -> RoadmapItem | None:
        return next((i for i in self.items if i.id == initiative_id), None)

    def conflicts(self) -> tuple[RoadmapItem, ...]:
        return tuple(i for i in self.items if i.conflict)

    def placements(self) -> dict[int, tuple[int, int]]:
        return {i.id: (i.start, i.duration) for i in self.items}

    def title_of(self, initiative_id: int) -> str:
        rows = [*(i.initiative for i in self.items), *self.unplaced, *self.parking]
        return next((r.title for r in rows if r.id == initiative_id), "")


def list_milestones(store: Store, initiative_id: int | None = None) -> list[Milestone]:
    sql = "SELECT id, initiative_id, quarter, label FROM milestones"
    params: tuple = ()
    if initiative_id is not None:
        sql += " WHERE initiative_id = ?"
        params = (initiative_id,)
    return [Milestone(**r) for r in store.query(sql + " ORDER BY quarter, id", params)]


def list_dependencies(store: Store) -> list[tuple[int, int]]:
    return [(r["initiative_id"], r["depends_on"]) for r in store.query(
        "SELECT initiative_id, depends_on FROM dependencies ORDER BY initiative_id, depends_on")]


def load_roadmap(store: Store) -> Roadmap:
    initiatives = list_initiatives(store)
    go = [i for i in initiatives if i.decision == "go"]
    go_ids = {i.id for i in go}
    placed = {r["initiative_id"]: (r["start_quarter"], r["duration_quarters"])
              for r in store.query("SELECT * FROM roadmap_items")}
    names = participant_names(store)
    milestones = list_milestones(store)
    deps = list_dependencies(store)
    items = tuple(
        RoadmapItem(i, *placed[i.id], owner=names.get(i.owner_id, ""),
                    milestones=tuple(m for m in milestones if m.initiative_id == i.id),
                    depends_on=tuple(b for a, b in deps if a == i.id))
        for i in go if i.id in placed)
    go_deps = tuple((a, b) for a, b in deps if a in go_ids)
    placements = {i.id: (i.start, i.duration) for i in items}
    return Roadmap(start=get_start(store), horizon=get_horizon(store), axes=tuple(list_axes(store)),
                   items=items, unplaced=tuple(i for i in go if i.id not in placed),
                   parking=tuple(i for i in initiatives if i.decision == "later"),
                   dependencies=go_deps,
                   violations=tuple(dependency_violations(placements, go_deps)), owners=names)


# --- placing ---------------------------------------------------------------------

def _check_go(store: Store, initiative_id: int) -> None:
    decision = store.scalar("SELECT decision FROM decisions WHERE initiative_id = ?", (initiative_id,))
    if decision != "go":
        raise ValidationError(_("Only Go initiatives are placed on the roadmap."))


def snapshot(store: Store, initiative_id: int) -> dict:
    """An initiative's placement and milestone quarters, to restore on undo."""
    rows = store.query("SELECT start_quarter, duration_quarters FROM roadmap_items WHERE initiative_id = ?",
                       (initiative_id,))
    return {"initiative_id": initiative_id, "placement": dict(rows[0]) if rows else None,
            "milestones": {m.id: m.quarter for m in list_milestones(store, initiative_id)}}


def restore(store: Store, state: dict) -> None:
    with store.action() as db:
        iid = state["initiative_id"]
        if state["placement"] is None:
            db.execute("DELETE FROM roadmap_items WHERE initiative_id = ?", [iid])
        else:
            db["roadmap_items"].upsert({"initiative_id": iid, **state["placement"]}, pk="initiative_id")
        for mid, quarter in state["milestones"].items():
            db.execute("UPDATE milestones SET quarter = ? WHERE id = ?", [quarter, mid])


def place(store: Store, initiative_id: int, start: int, duration: int) -> None:
    """Put a Go initiative on the timeline, or move / resize it.

    Its milestones move with it and stay inside its new span.
    """
    _check_go(store, initiative_id)
    validate_placement(start, duration, get_horizon(store))
    before = snapshot(store, initiative_id)["placement"]
    delta = start - before["start_quarter"] if before else 0
    with store.action() as db:
        db["roadmap_items"].upsert({"initiative_id": initiative_id, "start_quarter": start,
                                    "duration_quarters": duration}, pk="initiative_id")
        for m in list_milestones(store, initiative_id):
            quarter = min(max(m.quarter + delta, start), start + duration - 1)
            if quarter != m.quarter:
                db.execute("UPDATE milestones SET quarter = ? WHERE id = ?", [quarter, m.id])


def first_placement(store: Store, initiative_id: int, duration: int = DEFAULT_DURATION) -> tuple[int, int]:
    """Where a Go goes when first placed: at its decided horizon's first quarter
    (quick wins 0, mid-term 2, long-term 6), as long as the roadmap's horizon allows."""
    horizon = get_horizon(store)
    duration = min(duration, horizon)
    decided = store.scalar("SELECT horizon FROM decisions WHERE initiative_id = ?", (initiative_id,)) or ""
    return horizons.default_start(decided, duration, horizon), duration


def horizon_change(store: Store, initiative_id: int, start: int) -> str | None:
    """The horizon a move to ``start`` brings a bar into when that is neither its decided
    horizon nor the one it sits in now (the facilitator is then asked what to do); else None."""
    decided = store.scalar("SELECT horizon FROM decisions WHERE initiative_id = ?", (initiative_id,)) or ""
    if decided not in horizons.HORIZONS:
        return None
    target = horizons.horizon_of_start(start)
    before = snapshot(store, initiative_id)["placement"]
    current = horizons.horizon_of_start(before["start_quarter"]) if before else None
    return target if target != decided and target != current else None


def place_and_redecide(store: Store, initiative_id: int, start: int, duration: int, horizon: str,
                       at: float = 0.0) -> dict:
    """Move a bar into another horizon and change its decided horizon to match, in one
    action (the decision log records the change); returns what ``undo_redecide`` needs."""
    from exercises.arbitration.decisions import get_decision, set_decision

    decision = get_decision(store, initiative_id)
    if decision is None or decision.decision != "go":
        raise ValidationError(_("Only Go initiatives are placed on the roadmap."))
    before = snapshot(store, initiative_id)
    with store.action():
        place(store, initiative_id, start, duration)
        record = set_decision(store, initiative_id, "go", decision.reason, horizon, decision.round_id,
                              decision.evidence, at)
    return {"placement": before, "decision": record}


def undo_redecide(store: Store, done: dict) -> None:
    from exercises.arbitration.decisions import undo_decision

    with store.action():
        undo_decision(store, done["decision"])
        restore(store, done["placement"])


def unplace(store: Store, initiative_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM roadmap_items WHERE initiative_id = ?", [initiative_id])


# --- milestones ------------------------------------------------------------------

def _check_milestone(store: Store, initiative_id: int, quarter: int, label: str) -> str:
    label = clean_text(label, _("Milestone"), required=True)
    rows = store.query("SELECT start_quarter, duration_quarters FROM roadmap_items WHERE initiative_id = ?",
                       (initiative_id,))
    if not rows:
        raise ValidationError(_("Place the initiative on the timeline before adding milestones."))
    start, duration = rows[0]["start_quarter"], rows[0]["duration_quarters"]
    if isinstance(quarter, bool) or not isinstance(quarter, int) or not start <= quarter < start + duration:
        raise ValidationError(_("A milestone falls within its initiative's quarters."))
    return label


def add_milestone(store: Store, initiative_id: int, quarter: int, label: str,
                  milestone_id: int | None = None) -> int:
    label = _check_milestone(store, initiative_id, quarter, label)
    with store.action() as db:
        record = {"initiative_id": initiative_id, "quarter": quarter, "label": label}
        if milestone_id is not None:
            record["id"] = milestone_id
        return db["milestones"].insert(record).last_pk


def get_milestone(store: Store, milestone_id: int) -> Milestone:
    rows = store.query("SELECT id, initiative_id, quarter, label FROM milestones WHERE id = ?",
                       (milestone_id,))
    if not rows:
        raise ValidationError(_("This milestone no longer exists."))
    return Milestone(**rows[0])


def update_milestone(store: Store, milestone_id: int, quarter: int, label: str) -> None:
    m = get_milestone(store, milestone_id)
    label = _check_milestone(store, m.initiative_id, quarter, label)
    with store.action() as db:
        db["milestones"].update(milestone_id, {"quarter": quarter, "label": label})


def remove_milestone(store: Store, milestone_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM milestones WHERE id = ?", [milestone_id])


def restore_milestone(store: Store, m: Milestone) -> None:
    with store.action() as db:
        db["milestones"].upsert({"id": m.id, "initiative_id": m.initiative_id, "quarter": m.quarter,
                                 "label": m.label}, pk="id")


# --- dependencies ----------------------------------------------------------------

def add_dependency(store: Store, initiative_id: int, depends_on: int) -> None:
    """Record that ``initiative_id`` needs ``depends_on`` finished first."""
    ids = {i.id for i in list_initiatives(store)}
    if initiative_id not in ids or depends_on not in ids:
        raise ValidationError(_("This initiative no longer exists."))
    if initiative_id == depends_on:
        raise ValidationError(_("An initiative cannot depend on itself."))
    deps = list_dependencies(store)
    if (initiative_id, depends_on) in deps:
        raise ValidationError(_("This dependency is already recorded."))
    if creates_cycle(deps, initiative_id, depends_on):
        raise ValidationError(_("This dependency would close a loop: each would wait for the other."))
    with store.action() as db:
        db["dependencies"].insert({"initiative_id": initiative_id, "depends_on": depends_on})


def remove_dependency(store: Store, initiative_id: int, depends_on: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM dependencies WHERE initiative_id = ? AND depends_on = ?",
                   [initiative_id, depends_on])
