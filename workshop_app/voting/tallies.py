"""Dot voting, 100-point split and approval: validate one ballot, tally many.

Every tally is a pure function of the options and the *multiset* of ballots, so any
order of the same ballots gives an identical :class:`~workshop_app.voting.core.Tally`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
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
    known,
    mean,
    numbered,
    rank,
)

DOTS = "dots"
POINTS = "points"
APPROVAL = "approval"


def _check_counts(ballot: Mapping, noun: str) -> int:
    """Check that every value is a whole number >= 0; return their sum."""
    total = 0
    for option, value in ballot.items():
        if not is_int(value):
            raise BallotError(f"{noun.capitalize()} for {option!r} must be a whole number, got {value!r}.")
        if value < 0:
            raise BallotError(f"{noun.capitalize()} for {option!r} cannot be negative ({value}).")
        total += value
    return total


def _check_budget(budget: Any, cap: Any) -> None:
    if not is_int(budget) or budget < 1:
        raise ValueError(f"The dot budget must be a whole number of at least 1, got {budget!r}.")
    if cap is not None and (not is_int(cap) or cap < 1):
        raise ValueError(f"The cap per option must be a whole number of at least 1, got {cap!r}.")


def _check_total(total: Any) -> None:
    if not is_int(total) or total < 1:
        raise ValueError(f"The points to split must be a whole number of at least 1, got {total!r}.")


def _check_limit(max_approvals: Any) -> None:
    if max_approvals is not None and (not is_int(max_approvals) or max_approvals < 0):
        raise ValueError(f"max_approvals must be a whole number >= 0, got {max_approvals!r}.")


def validate_dots(
    ballot: Mapping[Option, int],
    options: Iterable[Option],
    *,
    budget: int,
    cap: Optional[int] = None,
    spend_all: bool = False,
) -> None:
    """Refuse (``BallotError``) a dot ballot ``{option: dots}`` that breaks the rules.

    At most ``budget`` dots in all (exactly ``budget`` when ``spend_all``), at most ``cap``
    dots on one option (no cap when ``None``), whole numbers >= 0, known options only.
    """
    _check_budget(budget, cap)
    check_mapping_ballot(ballot, set(check_options(options)), "dots")
    spent = _check_counts(ballot, "dots")
    if spent > budget:
        raise BallotError(f"The ballot uses {spent} dots; each participant has only {budget}.")
    if cap is not None:
        for option, dots in ballot.items():
            if dots > cap:
                raise BallotError(f"{dots} dots on {option!r}; at most {cap} dots may go on one option.")
    if spend_all and spent != budget:
        raise BallotError(f"The ballot uses {spent} dots; all {budget} dots must be placed.")


def tally_dots(
    ballots: Iterable[Mapping[Option, int]],
    options: Iterable[Option],
    *,
    budget: int,
    cap: Optional[int] = None,
    spend_all: bool = False,
) -> Tally:
    """Dot voting: score = total dots; details ``dots``, ``share`` (of all dots), ``supporters``, ``values``.

    ``values`` are the voters' dots on the option, sorted (0 for a voter who placed none).
    """
    _check_budget(budget, cap)
    opts = check_options(options)
    ballots = ballot_list(ballots)
    for i, ballot in enumerate(ballots):
        try:
            validate_dots(ballot, opts, budget=budget, cap=cap, spend_all=spend_all)
        except BallotError as error:
            raise numbered(i, error) from None
    grand = sum(sum(b.values()) for b in ballots)
    entries = []
    for option in opts:
        values = tuple(sorted(b.get(option, 0) for b in ballots))
        total = sum(values)
        details = {
            "dots": total,
            "share": mean(Fraction(total), grand),
            "supporters": sum(1 for v in values if v > 0),
            "values": values,
        }
        entries.append((option, total, Fraction(total), details))
    return Tally(DOTS, rank(entries), len(ballots))


def validate_points(
    ballot: Mapping[Option, int], options: Iterable[Option], *, total: int = 100
) -> None:
    """Refuse (``BallotError``) a split ``{option: points}`` that is not whole points >= 0 summing to ``total``."""
    _check_total(total)
    check_mapping_ballot(ballot, set(check_options(options)), "points")
    given = _check_counts(ballot, "points")
    if given != total:
        raise BallotError(f"The points add up to {given}; they must add up to exactly {total}.")


def tally_points(
    ballots: Iterable[Mapping[Option, int]], options: Iterable[Option], *, total: int = 100
) -> Tally:
    """100-point split: score = total points; details ``points``, ``mean`` (per voter), ``share``, ``values``."""
    _check_total(total)
    opts = check_options(options)
    ballots = ballot_list(ballots)
    for i, ballot in enumerate(ballots):
        try:
            validate_points(ballot, opts, total=total)
        except BallotError as error:
            raise numbered(i, error) from None
    grand = total * len(ballots)
    entries = []
    for option in opts:
        values = tuple(sorted(b.get(option, 0) for b in ballots))
        points = sum(values)
        details = {
            "points": points,
            "mean": mean(Fraction(points), len(ballots)),
            "share": mean(Fraction(points), grand),
            "values": values,
        }
        entries.append((option, points, Fraction(points), details))
    return Tally(POINTS, rank(entries), len(ballots))


def validate_approval(
    ballot: Iterable[Option], options: Iterable[Option], *, max_approvals: Optional[int] = None
) -> None:
    """Refuse (``BallotError``) an approval ballot that is not a set/list of distinct known options.

    ``max_approvals`` (optional) limits how many options one participant may approve.
    """
    opts = set(check_options(options))
    if isinstance(ballot, (str, bytes, Mapping)) or not isinstance(ballot, Collection):
        raise BallotError(f"An approval ballot must be a set or list of options, got {type(ballot).__name__}.")
    chosen = list(ballot)
    for option in chosen:
        if not known(option, opts):
            raise BallotError(f"The ballot approves an unknown option: {option!r}.")
    if len(set(chosen)) != len(chosen):
        raise BallotError("The ballot approves the same option more than once.")
    _check_limit(max_approvals)
    if max_approvals is not None:
        if len(chosen) > max_approvals:
            raise BallotError(f"The ballot approves {len(chosen)} options; at most {max_approvals} are allowed.")


def tally_approval(
    ballots: Iterable[Iterable[Option]],
    options: Iterable[Option],
    *,
    max_approvals: Optional[int] = None,
) -> Tally:
    """Approval: score = number of approvals; details ``approvals`` and ``share`` (of voters)."""
    _check_limit(max_approvals)
    opts = check_options(options)
    ballots = ballot_list(ballots)
    sets = []
    for i, ballot in enumerate(ballots):
        try:
            validate_approval(ballot, opts, max_approvals=max_approvals)
        except BallotError as error:
            raise numbered(i, error) from None
        sets.append(frozenset(ballot))
    entries = []
    for option in opts:
        count = sum(1 for s in sets if option in s)
        details = {"approvals": count, "share": mean(Fraction(count), len(sets))}
        entries.append((option, count, Fraction(count), details))
    return Tally(APPROVAL, rank(entries), len(sets))
