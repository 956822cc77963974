"""What the arbitration stage reads from the ideation stage: the candidate initiatives.

A thin seam: the rest of the package asks this module, never the table directly, so
the ideation stage's own functions can replace the private fallback in one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workshop_app.store import Store

EFFORT_LEVELS = ("S", "M", "L", "XL")
# Effort sizes placed on the 1..5 scale of the technical criterion (S small .. XL heavy).
EFFORT_SCALE = {"S": 1.5, "M": 2.5, "L": 3.5, "XL": 4.5}


@dataclass(frozen=True)
class Candidate:
    """An initiative as the vote sees it."""

    id: int
    title: str
    effort: str = ""
    segments: tuple[str, ...] = ()
    ready: bool = True
    position: int = 0


def _ideation():
    try:
        from exercises.ideation import initiatives  # noqa: PLC0415 - optional neighbour stage
    except ImportError:
        return None
    return initiatives


def _fallback_ready(row: dict) -> bool:
    """Ready for the vote when the business case names a problem, a value and an effort."""
    return bool(row["title"].strip() and row["problem"].strip() and row["customer_value"].strip()
                and row["effort"] in EFFORT_LEVELS)


def list_candidates(store: Store) -> list[Candidate]:
    """Every initiative, in the ideation stage's order, with its readiness for the vote."""
    rows = store.query("SELECT * FROM initiatives ORDER BY position, id")
    ideation = _ideation()
    out = []
    for row in rows:
        if ideation is not None and hasattr(ideation, "is_ready"):
            try:
                ready = bool(ideation.is_ready(store, row["id"]))
            except TypeError:
                ready = _fallback_ready(row)
        else:
            ready = _fallback_ready(row)
        try:
            segments = tuple(json.loads(row["segments"] or "[]"))
        except ValueError:
            segments = ()
        out.append(Candidate(row["id"], row["title"], row["effort"], segments, ready, row["position"]))
    return out


def ready_ids(store: Store) -> list[int]:
    return [c.id for c in list_candidates(store) if c.ready]


def titles(store: Store) -> dict[int, str]:
    return {r["id"]: r["title"] for r in store.query("SELECT id, title FROM initiatives")}


def efforts(store: Store) -> dict[int, str]:
    return {r["id"]: r["effort"] for r in store.query("SELECT id, effort FROM initiatives")}
