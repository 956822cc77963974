"""Weight sensitivity of a weighted-scoring result: does the ranking survive ±20 % weights?"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .core import Option, Tally, option_key, to_fraction
from .scoring import Criterion, CriterionLike, _tally_checked, normalise_criteria, prepare_scoring, scoring_matrix


@dataclass(frozen=True)
class WeightVariant:
    """One re-tally: ``criterion``'s weight multiplied by ``factor`` (others kept, then normalised)."""

    criterion: str
    factor: Fraction
    tally: Tally
    top_changed: bool


@dataclass(frozen=True)
class Sensitivity:
    """Base result, every variant, the options whose rank never moves, and whether the top moves."""

    base: Tally
    variants: tuple[WeightVariant, ...]
    stable: tuple[Option, ...]
    top_changes: bool

    @property
    def moved(self) -> tuple[Option, ...]:
        """Options whose rank differs from the base in at least one variant (id order)."""
        return tuple(r.option for r in sorted(self.base.ranking, key=lambda r: option_key(r.option))
                     if r.option not in self.stable)


def weight_sensitivity(
    ballots: Iterable[Mapping[Option, Mapping[str, int]]],
    criteria: Iterable[CriterionLike],
    options: Iterable[Option],
    delta: Any = 0.2,
) -> Sensitivity:
    """Re-tally with each criterion's weight times ``1 + delta`` and ``1 - delta`` (0 < delta < 1).

    The other weights stay as given and all are normalised again. A zero weight stays
    zero. ``stable`` lists (by id) the options whose rank is the same in the base and in
    every variant; ``top_changes`` is True when some variant has a different set of
    rank-1 options. Floats are read as written (0.2 means exactly 1/5).
    """
    step = to_fraction(delta, "delta")
    if not 0 < step < 1:
        raise ValueError(f"delta must be between 0 and 1 (exclusive), got {delta!r}.")
    ballots, crits, opts = prepare_scoring(ballots, criteria, options)
    matrix = scoring_matrix(ballots, crits, opts)  # the same for every variant: only weights move
    base = _tally_checked(ballots, crits, opts, matrix)
    base_ranks = base.ranks()
    base_top = set(base.winners)
    variants = []
    for crit in crits:
        for factor in (1 + step, 1 - step):
            moved = normalise_criteria(
                Criterion(c.key, c.weight * factor if c.key == crit.key else c.weight, c.reversed, c.label)
                for c in crits
            )
            tally = _tally_checked(ballots, moved, opts, matrix)
            variants.append(WeightVariant(crit.key, factor, tally, set(tally.winners) != base_top))
    stable = tuple(
        o for o in opts if all(v.tally.ranks()[o] == base_ranks[o] for v in variants)
    )
    return Sensitivity(base, tuple(variants), stable, any(v.top_changed for v in variants))
