"""Dissent: how far apart the voters are on one option, and a flag to discuss before deciding.

Measures (all over the voters' values for one option):

* ``"iqr"``   - interquartile range Q3 - Q1, quartiles by linear interpolation between
  order statistics (as ``statistics.quantiles(method="inclusive")``), exact.
* ``"range"`` - max - min, exact.
* ``"stdev"`` - population standard deviation; the value is a float, the flag is decided
  exactly (variance > threshold**2).
* ``"far"``   - share of voters at least ``distance`` (2) grades away from the majority
  (lower median) grade, exact; meant for majority-judgment grades.

``flagged`` is ``value > threshold`` (strictly above). No values: value 0, not flagged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Union

from .core import Option, Tally, to_fraction
from .majority import MAJORITY_JUDGMENT, majority_grade

MEASURES = ("iqr", "range", "stdev", "far")


@dataclass(frozen=True)
class Dissent:
    """A spread measure over voters and whether it is above the threshold."""

    measure: str
    value: Union[Fraction, float]
    threshold: Fraction
    flagged: bool
    voters: int


def quantile(ordered: list[Fraction], p: Fraction) -> Fraction:
    """The ``p`` quantile of sorted values, linear interpolation between order statistics."""
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    if low + 1 >= len(ordered):
        return ordered[-1]
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low])


def variance(values: Iterable[Any]) -> Fraction:
    """Population variance, exact (0 for fewer than two values)."""
    xs = [to_fraction(v) for v in values]
    if not xs:
        return Fraction(0)
    m = sum(xs, Fraction(0)) / len(xs)
    return sum(((x - m) ** 2 for x in xs), Fraction(0)) / len(xs)


def far_share(grades: Iterable[int], distance: int = 2) -> Fraction:
    """Share of grades at least ``distance`` away from their majority (lower median) grade."""
    gs = list(grades)
    mg = majority_grade(gs)
    if mg is None:
        return Fraction(0)
    return Fraction(sum(1 for g in gs if abs(g - mg) >= distance), len(gs))


def spread(values: Iterable[Any], measure: str = "iqr", *, distance: int = 2) -> Union[Fraction, float]:
    """The ``measure`` of the values (see the module docstring); 0 for no values."""
    if measure not in MEASURES:
        raise ValueError(f"Unknown dissent measure {measure!r}; use one of {', '.join(MEASURES)}.")
    xs = sorted(to_fraction(v) for v in values)
    if not xs:
        return Fraction(0) if measure != "stdev" else 0.0
    if measure == "iqr":
        return quantile(xs, Fraction(3, 4)) - quantile(xs, Fraction(1, 4))
    if measure == "range":
        return xs[-1] - xs[0]
    if measure == "stdev":
        return math.sqrt(variance(xs))
    return far_share(xs, distance)


def dissent(values: Iterable[Any], threshold: Any, measure: str = "iqr", *, distance: int = 2) -> Dissent:
    """Spread of ``values`` by ``measure`` and ``flagged`` when strictly above ``threshold``."""
    xs = list(values)
    limit = to_fraction(threshold, "threshold")
    if limit < 0:
        raise ValueError("The dissent threshold cannot be negative.")
    value = spread(xs, measure, distance=distance)
    if measure == "stdev":
        flagged = variance(xs) > limit * limit
    else:
        flagged = value > limit
    return Dissent(measure, value, limit, bool(xs) and flagged, len(xs))


def tally_dissent(
    tally: Tally, threshold: Any, measure: Union[str, None] = None, *, distance: int = 2
) -> dict[Option, Dissent]:
    """``{option: Dissent}`` in ranking order, from the per-voter ``values`` of a tally.

    Default measure: ``"far"`` for majority judgment, ``"iqr"`` otherwise (for scoring the
    values are the voters' weighted scores on the 1..5 scale). Approval has no values.
    """
    if measure is None:
        measure = "far" if tally.method == MAJORITY_JUDGMENT else "iqr"
    out = {}
    for entry in tally.ranking:
        if "values" not in entry.details:
            raise ValueError(f"A {tally.method} tally has no per-voter values to measure dissent on.")
        out[entry.option] = dissent(entry.details["values"], threshold, measure, distance=distance)
    return out
