"""Undo for the ideation and journey stages, as row differences (Qt-free).

``record`` runs one store operation and keeps, per watched table, the rows it changed:
their values before and after. ``rewind`` puts the before values back; ``replay`` puts
the after values back. Restoring exact rows (same ids) keeps later commands valid after an
undo and a redo, whatever the operation did (a merge, a move renumbering a column, a
deletion whose foreign keys cleared links elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from workshop_app.store import Store

# Parents before children: rows are restored in this order, removed in the reverse one.
TABLE_ORDER = ("exercise_data", "segments", "axes", "idea_rounds", "journey_steps", "ideas",
               "initiatives", "decisions", "roadmap_items", "milestones", "dependencies")
PRIMARY_KEYS = {"exercise_data": ("exercise", "key"), "decisions": ("initiative_id",),
                "roadmap_items": ("initiative_id",), "dependencies": ("initiative_id", "depends_on")}
IDEATION_TABLES = ("exercise_data", "axes", "idea_rounds", "ideas", "initiatives")
INITIATIVE_TABLES = IDEATION_TABLES + ("decisions", "roadmap_items", "milestones", "dependencies")
JOURNEY_TABLES = ("exercise_data", "journey_steps", "ideas")


@dataclass(frozen=True)
class TableChange:
    table: str
    before: tuple[dict, ...]  # changed or removed rows, as they were
    after: tuple[dict, ...]  # changed or added rows, as they became
    added: tuple[tuple, ...]  # keys of the rows the operation created
    removed: tuple[tuple, ...]  # keys of the rows it deleted


def _key(table: str) -> tuple[str, ...]:
    return PRIMARY_KEYS.get(table, ("id",))


def snapshot(store: Store, table: str) -> dict[tuple, dict]:
    key = _key(table)
    return {tuple(row[k] for k in key): row for row in store.query(f"SELECT * FROM [{table}]")}


def _ordered(tables) -> list[str]:
    return sorted(set(tables), key=lambda t: TABLE_ORDER.index(t) if t in TABLE_ORDER else len(TABLE_ORDER))


def record(store: Store, tables, operation: Callable[[], Any]) -> tuple[Any, tuple[TableChange, ...]]:
    """Run ``operation`` in one transaction; return its result and what it changed."""
    changes = []
    with store.action():
        before = {t: snapshot(store, t) for t in _ordered(tables)}
        result = operation()
        for table, old in before.items():
            new = snapshot(store, table)
            changed = [k for k in old.keys() & new.keys() if old[k] != new[k]]
            added = tuple(k for k in new if k not in old)
            removed = tuple(k for k in old if k not in new)
            if changed or added or removed:
                changes.append(TableChange(
                    table, tuple(old[k] for k in changed + list(removed)),
                    tuple(new[k] for k in changed + list(added)), added, removed))
    return result, tuple(changes)


def _restore(store: Store, changes: tuple[TableChange, ...], undo: bool) -> None:
    with store.action() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        for change in reversed(changes):
            key = _key(change.table)
            where = " AND ".join(f"[{k}] = ?" for k in key)
            for ident in (change.added if undo else change.removed):
                db.execute(f"DELETE FROM [{change.table}] WHERE {where}", list(ident))
        for change in changes:
            rows = change.before if undo else change.after
            if rows:
                db[change.table].upsert_all([dict(r) for r in rows], pk=_key(change.table) if len(
                    _key(change.table)) > 1 else _key(change.table)[0])


def rewind(store: Store, changes: tuple[TableChange, ...]) -> None:
    """Undo: the changed tables as they were before the operation."""
    _restore(store, changes, undo=True)


def replay(store: Store, changes: tuple[TableChange, ...]) -> None:
    """Redo: the changed tables as the operation left them."""
    _restore(store, changes, undo=False)
