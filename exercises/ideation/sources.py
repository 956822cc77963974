"""What the ideation stage reads from the other stages, through their published APIs only:
the trends a round can start from, the strategic segments a business case serves, and the
journey's steps an idea can be linked to."""

from __future__ import annotations

from exercises.journey import api as journey
from exercises.trends import api as trends
from workshop_app.store import Store


def trend_choices(store: Store) -> list[tuple[int, str]]:
    """(id, label) of the trends a round can start from: the retained ones first, marked ★."""
    return trends.trend_choices(store)


def trend_title(store: Store, trend_id: int) -> str | None:
    return trends.trend_title(store, trend_id)


def segment_choices(store: Store) -> list[tuple[int, str]]:
    """(id, name) of the strategic segments, in their order."""
    return [(row["id"], row["name"]) for row in trends.list_segments(store)]


def step_titles(store: Store) -> dict[int, str]:
    """{journey step id: title}, in the journey's order."""
    return journey.step_titles(store)
