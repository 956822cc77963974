"""The roadmap's pure rules: quarters, horizons, placement, dependencies and load.

A quarter is an index counted from the roadmap's first quarter (0, 1, 2, ...); an
initiative occupies ``[start, start + duration)``. The default horizon is 36 months
(12 quarters) in three bands: quick wins (0-6 months), 6-18 months, 18-36 months;
quarters past 36 months fall in a fourth band, "beyond".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from workshop_app import horizons
from workshop_app.domain import ValidationError
from workshop_app.i18n import N_, _

DEFAULT_HORIZON = 12
MIN_HORIZON = 4
MAX_HORIZON = 24
DEFAULT_DURATION = 2
MAX_CONCURRENT = 2  # initiatives one person can own at the same time

# (key, first quarter, end quarter exclusive); None: open-ended
_FIRST = horizons.FIRST_QUARTER
HORIZONS: tuple[tuple[str, int, int | None], ...] = (  # the seminar's one rule, as timeline bands
    ("quick_wins", _FIRST["quick_wins"], _FIRST["mid_term"]),
    ("mid_term", _FIRST["mid_term"], _FIRST["long_term"]),
    ("long_term", _FIRST["long_term"], DEFAULT_HORIZON),
    ("beyond", DEFAULT_HORIZON, None),
)
HORIZON_LABELS = {  # English source; translate() into the wanted language
    **horizons.LABELS,  # the decided horizons' names, from the seminar's one rule
    "beyond": N_("Beyond 36 months"),
}
_QUARTER_FORMAT = {"fr": "T{q} {year}", "en": "Q{q} {year}"}
_QUARTER_SHORT = {"fr": "T{q}", "en": "Q{q}"}


# --- quarters -------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class QuarterStart:
    """The calendar quarter the roadmap starts in."""

    year: int
    quarter: int  # 1..4

    def shifted(self, index: int) -> "QuarterStart":
        """The calendar quarter ``index`` quarters later."""
        total = self.year * 4 + (self.quarter - 1) + index
        return QuarterStart(total // 4, total % 4 + 1)


def quarter_of(day: date) -> QuarterStart:
    return QuarterStart(day.year, (day.month - 1) // 3 + 1)


def default_start(first_day: date) -> QuarterStart:
    """Where a roadmap drawn at a seminar starts: its quarter, or the next one when the
    seminar falls in that quarter's last month (a December seminar plans from January)."""
    current = quarter_of(first_day)
    return current.shifted(1) if first_day.month % 3 == 0 else current


def quarter_label(start: QuarterStart, index: int, language: str) -> str:
    """'T1 2027' in French, 'Q1 2027' in English, for quarter ``index`` of the roadmap."""
    q = start.shifted(index)
    return _QUARTER_FORMAT.get(language, _QUARTER_FORMAT["en"]).format(q=q.quarter, year=q.year)


def quarter_short_label(start: QuarterStart, index: int, language: str) -> str:
    q = start.shifted(index)
    return _QUARTER_SHORT.get(language, _QUARTER_SHORT["en"]).format(q=q.quarter)


def span_label(start: QuarterStart, first: int, duration: int, language: str) -> str:
    """'T1 2027 – T2 2027'; a single quarter is shown once."""
    first_label = quarter_label(start, first, language)
    if duration <= 1:
        return first_label
    return f"{first_label} – {quarter_label(start, first + duration - 1, language)}"


# --- horizons -------------------------------------------------------------------

def horizon_of_quarter(index: int) -> str:
    """The horizon band a quarter falls in ('quick_wins', 'mid_term', 'long_term', 'beyond')."""
    if index < 0:
        raise ValueError("a quarter index is never negative")
    for key, first, end in HORIZONS:
        if index >= first and (end is None or index < end):
            return key
    return HORIZONS[-1][0]


def horizon_bands(horizon_quarters: int) -> list[tuple[str, int, int]]:
    """The bands shown on a timeline of ``horizon_quarters`` quarters, clipped to it."""
    bands = []
    for key, first, end in HORIZONS:
        stop = horizon_quarters if end is None else min(end, horizon_quarters)
        if first < stop:
            bands.append((key, first, stop))
    return bands


# --- placement ------------------------------------------------------------------

def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_horizon(horizon_quarters: int) -> int:
    if not _is_int(horizon_quarters) or not MIN_HORIZON <= horizon_quarters <= MAX_HORIZON:
        raise ValidationError(_("The horizon runs from {min} to {max} quarters.").format(
            min=MIN_HORIZON, max=MAX_HORIZON))
    return horizon_quarters


def validate_placement(start: int, duration: int, horizon_quarters: int) -> tuple[int, int]:
    """Refuse a placement that starts before the roadmap or ends after its horizon."""
    if not _is_int(start) or start < 0:
        raise ValidationError(_("An initiative cannot start before the roadmap's first quarter."))
    if not _is_int(duration) or duration < 1:
        raise ValidationError(_("An initiative lasts at least one quarter."))
    if start + duration > horizon_quarters:
        raise ValidationError(
            _("This initiative would end after the roadmap's horizon ({n} quarters): "
              "start it earlier, shorten it, or lengthen the horizon.").format(n=horizon_quarters))
    return start, duration


def clamp_placement(start: int, duration: int, horizon_quarters: int) -> tuple[int, int]:
    """The nearest valid placement (used while dragging)."""
    duration = min(max(duration, 1), horizon_quarters)
    start = min(max(start, 0), horizon_quarters - duration)
    return start, duration


# --- dependencies ---------------------------------------------------------------

@dataclass(frozen=True)
class Violation:
    """``initiative_id`` depends on ``depends_on`` but cannot follow it as planned.

    kind 'order': the prerequisite ends ``overlap`` quarters after the dependent starts;
    kind 'unplaced': the prerequisite is not on the roadmap.
    """

    initiative_id: int
    depends_on: int
    kind: str
    overlap: int = 0


def dependency_violations(placements: Mapping[int, tuple[int, int]],
                          dependencies: Iterable[tuple[int, int]]) -> list[Violation]:
    """Dependencies the plan breaks: A depends on B and B ends after A starts."""
    violations = []
    for initiative_id, depends_on in dependencies:
        if initiative_id not in placements:
            continue
        if depends_on not in placements:
            violations.append(Violation(initiative_id, depends_on, "unplaced"))
            continue
        start = placements[initiative_id][0]
        b_start, b_duration = placements[depends_on]
        end = b_start + b_duration
        if end > start:
            violations.append(Violation(initiative_id, depends_on, "order", end - start))
    return violations


def creates_cycle(dependencies: Iterable[tuple[int, int]], initiative_id: int, depends_on: int) -> bool:
    """Whether adding 'initiative_id depends on depends_on' closes a loop."""
    if initiative_id == depends_on:
        return True
    graph: dict[int, set[int]] = {}
    for a, b in dependencies:
        graph.setdefault(a, set()).add(b)
    seen, stack = set(), [depends_on]
    while stack:
        node = stack.pop()
        if node == initiative_id:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, ()))
    return False


# --- load -----------------------------------------------------------------------

def quarter_load(placements: Mapping[int, tuple[int, int]], horizon_quarters: int) -> list[int]:
    """How many initiatives run in each quarter of the horizon."""
    load = [0] * horizon_quarters
    for start, duration in placements.values():
        for q in range(max(start, 0), min(start + duration, horizon_quarters)):
            load[q] += 1
    return load


@dataclass(frozen=True)
class OwnerOverload:
    owner_id: int
    quarters: tuple[int, ...]  # the quarters where they own too many initiatives at once
    peak: int


def owner_overload(placements: Mapping[int, tuple[int, int]], owners: Mapping[int, int | None],
                   max_concurrent: int = MAX_CONCURRENT) -> list[OwnerOverload]:
    """Owners running more than ``max_concurrent`` initiatives in the same quarter."""
    per_owner: dict[int, dict[int, int]] = {}
    for initiative_id, (start, duration) in placements.items():
        owner = owners.get(initiative_id)
        if owner is None:
            continue
        quarters = per_owner.setdefault(owner, {})
        for q in range(start, start + duration):
            quarters[q] = quarters.get(q, 0) + 1
    result = []
    for owner, quarters in per_owner.items():
        busy = tuple(sorted(q for q, n in quarters.items() if n > max_concurrent))
        if busy:
            result.append(OwnerOverload(owner, busy, max(quarters.values())))
    return sorted(result, key=lambda o: (o.quarters[0], o.owner_id))


def pack_rows(placements: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Sub-rows inside a swimlane so bars never overlap: (id, start, duration) -> row.

    Greedy, in start order (ties: longer first), so the same plan always packs the same way.
    """
    rows_end: list[int] = []
    result = {}
    for initiative_id, start, duration in sorted(placements, key=lambda p: (p[1], -p[2], p[0])):
        row = next((r for r, end in enumerate(rows_end) if end <= start), None)
        if row is None:
            row = len(rows_end)
            rows_end.append(0)
        rows_end[row] = start + duration
        result[initiative_id] = row
    return result
