"""The one horizon rule of a seminar: what a decided horizon means on the roadmap.

A Go initiative is decided for one of three horizons. On the roadmap, whose quarters
are counted from 0, each horizon starts at a fixed quarter: quick wins in the first
two quarters (0–1), mid-term from the third (2–5), long-term from the seventh (6 on).
A bar placed for the first time starts at its decided horizon's first quarter; a bar
whose first quarter falls in another horizon than the decided one is a *conflict*,
kept only when the facilitator chose to keep the decision, and said in the document.

The document always states the *decided* horizon of a Go (summary, decisions table,
roadmap tables, owner pages), and marks a conflict beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, translate
from .store import Store

HORIZONS = ("quick_wins", "mid_term", "long_term")
FIRST_QUARTER = {"quick_wins": 0, "mid_term": 2, "long_term": 6}
LABELS = {
    "quick_wins": N_("Quick wins (0–6 months)"),
    "mid_term": N_("6–18 months"),
    "long_term": N_("18–36 months"),
}
UNDECIDED = N_("Horizon not decided")


def horizon_label(horizon: str, language: str | None = None) -> str:
    """The horizon's name in ``language`` ('' for no horizon)."""
    if not horizon:
        return ""
    return translate(LABELS.get(horizon, horizon), language)


def horizon_of_start(start_quarter: int | None) -> str:
    """The decided horizon a bar starting at ``start_quarter`` matches ('' if not placed)."""
    if start_quarter is None:
        return ""
    if start_quarter < 0:
        raise ValueError("a quarter index is never negative")
    if start_quarter < FIRST_QUARTER["mid_term"]:
        return "quick_wins"
    return "mid_term" if start_quarter < FIRST_QUARTER["long_term"] else "long_term"


def default_start(horizon: str, duration: int, horizon_quarters: int) -> int:
    """Where a bar of ``duration`` quarters starts when first placed: its horizon's first
    quarter, pulled earlier only when the roadmap is too short to hold it there."""
    first = FIRST_QUARTER.get(horizon, 0)
    return max(0, min(first, horizon_quarters - max(duration, 1)))


def stated_horizon(decided: str, start_quarter: int | None) -> str:
    """The horizon the document states for a Go: the decided one; for an old file whose Go
    has no horizon, the one its bar sits in; '' when neither is known."""
    return decided if decided in HORIZONS else horizon_of_start(start_quarter)


def in_conflict(decided: str, start_quarter: int | None) -> bool:
    """Whether a placed bar starts outside its decided horizon."""
    return (decided in HORIZONS and start_quarter is not None
            and horizon_of_start(start_quarter) != decided)


@dataclass(frozen=True)
class GoHorizon:
    """What the document says of one Go initiative's horizon."""

    initiative_id: int
    title: str
    decided: str  # '' in an old file whose Go has no horizon
    start: int | None  # its bar's first quarter, None when not on the roadmap yet
    stated: str  # the horizon the document states ('' when neither decided nor placed)
    conflict: bool  # the bar starts outside the decided horizon (the decision was kept)


def go_horizons(store: Store) -> list[GoHorizon]:
    """Every Go initiative with the horizon the whole document states for it, in the
    initiatives' order (the summary, the decisions table, the roadmap and the owner
    pages all read it here, so they cannot disagree)."""
    rows = store.query(
        "SELECT i.id, i.title, ifnull(d.horizon, '') AS horizon, r.start_quarter"
        " FROM decisions d JOIN initiatives i ON i.id = d.initiative_id"
        " LEFT JOIN roadmap_items r ON r.initiative_id = i.id"
        " WHERE d.decision = 'go' ORDER BY i.position, i.id")
    return [GoHorizon(r["id"], r["title"], r["horizon"], r["start_quarter"],
                      stated_horizon(r["horizon"], r["start_quarter"]),
                      in_conflict(r["horizon"], r["start_quarter"])) for r in rows]
