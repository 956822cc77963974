"""Shared pieces of the tallies: the error type, the result types, exact numbers, ranking.

Plain data in, plain frozen results out; standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Collection, Iterable, Mapping, Union

Option = Union[int, str]
"""An option (initiative) id: an ``int`` or a ``str``."""


class BallotError(ValueError):
    """A ballot that cannot be counted; ``str(error)`` is a sentence to show to people."""


@dataclass(frozen=True)
class RankedOption:
    """One option's place in a result: competition rank (1 is best), exact score, extras."""

    option: Option
    rank: int
    score: Fraction
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Tally:
    """The result of one method: ``ranking`` best first, ``voters`` = number of ballots."""

    method: str
    ranking: tuple[RankedOption, ...]
    voters: int

    @property
    def winners(self) -> tuple[Option, ...]:
        """The options ranked first (several on a tie; empty when there are no options)."""
        return tuple(r.option for r in self.ranking if r.rank == 1)

    def get(self, option: Option) -> RankedOption:
        """The entry of ``option``; ``KeyError`` when it is not in the result."""
        for r in self.ranking:
            if r.option == option and type(r.option) is type(option):
                return r
        raise KeyError(option)

    def scores(self) -> dict[Option, Fraction]:
        """``{option: score}`` in ranking order."""
        return {r.option: r.score for r in self.ranking}

    def ranks(self) -> dict[Option, int]:
        """``{option: rank}`` in ranking order."""
        return {r.option: r.rank for r in self.ranking}


def option_key(option: Option) -> tuple:
    """Sort key for option ids: ints (numerically) before strings (alphabetically)."""
    return (1, option) if isinstance(option, str) else (0, option)


def is_int(value: Any) -> bool:
    """True for a real ``int`` (``bool`` is not counted as a number here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_options(options: Iterable[Option]) -> tuple[Option, ...]:
    """The options as a tuple in id order; ``ValueError`` for a bad or repeated id."""
    if isinstance(options, (str, bytes)) or isinstance(options, Mapping):
        raise ValueError("Options must be a list of ids, not a string or a mapping.")
    seen: set = set()
    for option in options:
        if not (is_int(option) or isinstance(option, str)):
            raise ValueError(f"Option ids must be ints or strings, got {option!r}.")
        if option in seen:
            raise ValueError(f"Option {option!r} is listed twice.")
        seen.add(option)
    return tuple(sorted(seen, key=option_key))


def to_fraction(value: Any, what: str = "value") -> Fraction:
    """An exact Fraction from an int, Fraction, Decimal or float (floats as written: 0.2 -> 1/5)."""
    if is_int(value) or isinstance(value, (Fraction, Decimal)):
        return Fraction(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"The {what} must be a finite number, got {value!r}.")
        return Fraction(repr(value))
    raise ValueError(f"The {what} must be a number, got {value!r}.")


def ballot_list(ballots: Iterable[Any]) -> list:
    """The ballots as a list; ``BallotError`` for a single mapping or string passed by mistake."""
    if isinstance(ballots, (str, bytes, Mapping)):
        raise BallotError("Expected a list of ballots, got a single ballot.")
    return list(ballots)


def check_mapping_ballot(ballot: Any, options: Collection[Option], noun: str) -> None:
    """Check that ``ballot`` is a mapping whose keys are known options."""
    if not isinstance(ballot, Mapping):
        raise BallotError(f"A ballot must map options to {noun}, got {type(ballot).__name__}.")
    for option in ballot:
        if not known(option, options):
            raise BallotError(f"The ballot names an unknown option: {option!r}.")


def known(option: Any, options: Collection[Option]) -> bool:
    """True when ``option`` is one of ``options`` (``True`` is not taken for ``1``)."""
    return (is_int(option) or isinstance(option, str)) and option in options


def numbered(index: int, error: BallotError) -> BallotError:
    """The same error, prefixed with the 1-based ballot number."""
    return BallotError(f"Ballot {index + 1}: {error}")


def mean(total: Fraction, count: int) -> Fraction:
    """``total / count`` exactly, 0 when ``count`` is 0."""
    return Fraction(total) / count if count else Fraction(0)


def rank(entries: Iterable[tuple[Option, Any, Fraction, Mapping[str, Any]]]) -> tuple[RankedOption, ...]:
    """Competition ranking (1, 2, 2, 4) of ``(option, key, score, details)``; larger key is better.

    Options with equal keys share a rank and are listed by option id.
    """
    items = sorted(entries, key=lambda e: option_key(e[0]))
    items.sort(key=lambda e: e[1], reverse=True)  # stable: a tie keeps id order
    result: list[RankedOption] = []
    for index, (option, key, score, details) in enumerate(items):
        if index and key == items[index - 1][1]:
            place = result[-1].rank
        else:
            place = index + 1
        result.append(RankedOption(option, place, Fraction(score), dict(details)))
    return tuple(result)
