"""Majority judgment (Balinski–Laraki) on a named grade scale, with the exact tie-break.

Grades are indices ``0..k-1`` of the caller's scale (0 is the worst). A ballot is
``{option: grade}``, the grade given as its index or its name. An option missing from a
ballot gets the lowest grade (0) from that voter, so every option has one grade per voter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Optional

from .core import (
    BallotError,
    Option,
    Tally,
    ballot_list,
    check_mapping_ballot,
    check_options,
    is_int,
    mean,
    numbered,
    rank,
)

MAJORITY_JUDGMENT = "majority_judgment"


def check_scale(grades: Sequence[str]) -> tuple[str, ...]:
    """The grade names as a tuple (worst first); ``ValueError`` unless >= 2 distinct strings."""
    if isinstance(grades, (str, bytes, Mapping)):
        raise ValueError("The grade scale must be a list of grade names, worst first.")
    scale = tuple(grades)
    if len(scale) < 2 or not all(isinstance(g, str) for g in scale):
        raise ValueError("The grade scale needs at least two grade names (strings), worst first.")
    if len(set(scale)) != len(scale):
        raise ValueError("The grade scale lists a grade name twice.")
    return scale


def grade_index(value: Any, scale: tuple[str, ...]) -> int:
    """The index of a grade given by index or name; ``BallotError`` when not on the scale."""
    if is_int(value):
        if 0 <= value < len(scale):
            return value
        raise BallotError(f"Grade {value} is not on the scale 0..{len(scale) - 1}.")
    if isinstance(value, str) and value in scale:
        return scale.index(value)
    raise BallotError(f"{value!r} is not a grade of the scale ({', '.join(scale)}).")


def validate_grades(ballot: Mapping[Option, Any], options: Iterable[Option], grades: Sequence[str]) -> None:
    """Refuse (``BallotError``) a ballot with unknown options or grades off the scale."""
    scale = check_scale(grades)
    check_mapping_ballot(ballot, set(check_options(options)), "grades")
    for option, value in ballot.items():
        try:
            grade_index(value, scale)
        except BallotError as error:
            raise BallotError(f"{option!r}: {error}") from None


def majority_grade(grades: Iterable[int]) -> Optional[int]:
    """The lower median grade (for 8 grades, the 4th lowest); ``None`` when there are none."""
    ordered = sorted(grades)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def majority_value(grades: Iterable[int]) -> tuple[int, ...]:
    """The majority grades met while removing one majority grade at a time until none is left."""
    ordered = sorted(grades)
    out = []
    while ordered:
        out.append(ordered.pop((len(ordered) - 1) // 2))
    return tuple(out)


def compare_grades(a: Iterable[int], b: Iterable[int]) -> int:
    """Majority-judgment comparison of two equally long grade lists: 1 if a wins, -1 if b, 0 if tied.

    Both majority grades are compared; while equal, one majority grade is removed from
    each and the new majority grades are compared. Equal profiles tie.
    """
    left, right = sorted(a), sorted(b)
    if len(left) != len(right):
        raise ValueError("Majority judgment compares grade lists of the same length.")
    while left:
        ga, gb = majority_grade(left), majority_grade(right)
        if ga != gb:
            return 1 if ga > gb else -1
        left.remove(ga)
        right.remove(gb)
    return 0


def tally_majority_judgment(
    ballots: Iterable[Mapping[Option, Any]], options: Iterable[Option], grades: Sequence[str]
) -> Tally:
    """Majority judgment: score = majority grade (index; 0 with no ballots), rank by the exact tie-break.

    Details: ``profile`` (voters per grade, worst first), ``majority_grade`` and
    ``majority_grade_name`` (``None`` with no ballots), ``above`` / ``below`` (share of
    voters strictly above / below it), ``majority_value`` and ``values`` (sorted grades).
    """
    scale = check_scale(grades)
    opts = check_options(options)
    ballots = ballot_list(ballots)
    for i, ballot in enumerate(ballots):
        try:
            validate_grades(ballot, opts, scale)
        except BallotError as error:
            raise numbered(i, error) from None
    entries = []
    for option in opts:
        values = tuple(sorted(grade_index(b[option], scale) if option in b else 0 for b in ballots))
        mg = majority_grade(values)
        details = {
            "profile": tuple(values.count(g) for g in range(len(scale))),
            "majority_grade": mg,
            "majority_grade_name": None if mg is None else scale[mg],
            "above": mean(Fraction(sum(1 for v in values if mg is not None and v > mg)), len(values)),
            "below": mean(Fraction(sum(1 for v in values if mg is not None and v < mg)), len(values)),
            "majority_value": majority_value(values),
            "values": values,
        }
        entries.append((option, details["majority_value"], Fraction(mg or 0), details))
    return Tally(MAJORITY_JUDGMENT, rank(entries), len(ballots))
