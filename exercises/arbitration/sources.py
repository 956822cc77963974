"""What the arbitration stage reads from the ideation stage: the candidate initiatives.

A thin seam over ``exercises.ideation.api`` ("1 initiative = 1 business case"):
the rest of the package asks this module, never the ideation stage directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercises.ideation import api as ideation
from workshop_app.store import Store

# Effort sizes placed on the 1..5 scale of the technical criterion (S small .. XL heavy).
EFFORT_SCALE = {"S": 1.5, "M": 2.5, "L": 3.5, "XL": 4.5}


@dataclass(frozen=True)
class Candidate:
    """An initiative as the vote sees it."""

    id: int
    title: str
    effort: str = ""
    ready: bool = True
    position: int = 0


def list_candidates(store: Store) -> list[Candidate]:
    """Every initiative, in the ideation stage's order, with its readiness for the vote."""
    return [Candidate(i.id, i.title, i.effort, ideation.is_ready(i), i.position)
            for i in ideation.list_initiatives(store)]


def ready_ids(store: Store) -> list[int]:
    return [c.id for c in list_candidates(store) if c.ready]


def titles(store: Store) -> dict[int, str]:
    return {r["id"]: r["title"] for r in store.query("SELECT id, title FROM initiatives")}


def efforts(store: Store) -> dict[int, str]:
    return {r["id"]: r["effort"] for r in store.query("SELECT id, effort FROM initiatives")}


def business_case_text(store: Store, initiative_id: int) -> str:
    """The initiative's business case as a few lines (a tooltip beside the decision)."""
    initiative = ideation.get_initiative(store, initiative_id)
    rows = ideation.card_rows(initiative, store)
    return "\n".join([initiative.title] + [f"{label}: {value}" for _key, label, value in rows if value])
