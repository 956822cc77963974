"""Weighted multi-criteria scoring on a 1..5 scale, and weights from 100-point splits.

Each ballot is ``{option: {criterion_key: score}}``. A participant may leave out an
option (abstain on it) but must score every criterion of an option they include.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import gcd
from typing import Any, Union

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
    to_fraction,
)

SCORING = "scoring"
SCORE_MIN = 1
SCORE_MAX = 5


@dataclass(frozen=True)
class Criterion:
    """A scoring criterion; ``reversed`` marks a cost (score s counts as 6 - s)."""

    key: str
    weight: Fraction = Fraction(1)
    reversed: bool = False
    label: str = ""


CriterionLike = Union[Criterion, Mapping[str, Any]]
_FIELDS = {"key", "weight", "reversed", "label"}


def _criterion(item: CriterionLike) -> Criterion:
    """A Criterion from a Criterion or a mapping with key, weight, reversed, label."""
    if isinstance(item, Criterion):
        key, weight, rev, label = item.key, item.weight, item.reversed, item.label
    elif isinstance(item, Mapping):
        unknown = set(item) - _FIELDS
        if unknown:
            raise ValueError(f"Unknown criterion field(s) {sorted(map(str, unknown))}; use {sorted(_FIELDS)}.")
        if "key" not in item:
            raise ValueError("A criterion needs a 'key'.")
        key, weight = item["key"], item.get("weight", 1)
        rev, label = item.get("reversed", False), item.get("label", "")
    else:
        raise ValueError(f"A criterion must be a Criterion or a mapping, got {item!r}.")
    if not (isinstance(key, str) or is_int(key)):
        raise ValueError(f"A criterion key must be a string or an int, got {key!r}.")
    if not isinstance(rev, bool):
        raise ValueError(f"'reversed' of criterion {key!r} must be True or False, got {rev!r}.")
    weight = to_fraction(weight, f"weight of criterion {key!r}")
    if weight < 0:
        raise ValueError(f"The weight of criterion {key!r} cannot be negative ({weight}).")
    return Criterion(key, weight, rev, str(label))


def normalise_criteria(criteria: Iterable[CriterionLike]) -> tuple[Criterion, ...]:
    """The criteria (same order) with exact weights scaled to sum to 1; ``ValueError`` if impossible."""
    if isinstance(criteria, (str, bytes, Mapping)):
        raise ValueError("Criteria must be a list of criteria.")
    items = [_criterion(c) for c in criteria]
    if not items:
        raise ValueError("At least one criterion is needed.")
    keys = [c.key for c in items]
    if len(set(keys)) != len(keys):
        raise ValueError("Two criteria have the same key.")
    total = sum((c.weight for c in items), Fraction(0))
    if total == 0:
        raise ValueError("At least one criterion needs a weight above zero.")
    return tuple(Criterion(c.key, c.weight / total, c.reversed, c.label) for c in items)


def effective_score(score: int, reversed: bool) -> int:
    """The score as it counts: ``6 - score`` for a reversed (cost) criterion, else ``score``."""
    return SCORE_MIN + SCORE_MAX - score if reversed else score


def validate_scores(
    ballot: Mapping[Option, Mapping[str, int]],
    options: Iterable[Option],
    criteria: Iterable[CriterionLike],
) -> None:
    """Refuse (``BallotError``) a scoring ballot with unknown options/criteria, gaps or scores outside 1..5."""
    crits = normalise_criteria(criteria)
    keys = [c.key for c in crits]
    check_mapping_ballot(ballot, set(check_options(options)), "criterion scores")
    for option, scores in ballot.items():
        if not isinstance(scores, Mapping):
            raise BallotError(f"The scores for {option!r} must map criteria to scores.")
        extra = [k for k in scores if k not in keys]
        if extra:
            raise BallotError(f"The scores for {option!r} name an unknown criterion: {extra[0]!r}.")
        for key in keys:
            if key not in scores:
                raise BallotError(f"{option!r} has no score for criterion {key!r}.")
            value = scores[key]
            if not is_int(value) or not SCORE_MIN <= value <= SCORE_MAX:
                raise BallotError(
                    f"The score of {option!r} on {key!r} must be a whole number "
                    f"from {SCORE_MIN} to {SCORE_MAX}, got {value!r}."
                )


def _integer_weights(criteria: tuple[Criterion, ...]) -> tuple[int, tuple[int, ...]]:
    """(D, m) with every weight = m_i / D: a voter's weighted score is then an integer over D."""
    denominator = 1
    for c in criteria:
        denominator = denominator * c.weight.denominator // gcd(denominator, c.weight.denominator)
    return denominator, tuple(c.weight.numerator * (denominator // c.weight.denominator) for c in criteria)


def _voter_total(scores: Mapping[str, int], criteria: tuple[Criterion, ...], multipliers: tuple[int, ...]) -> int:
    return sum(m * effective_score(scores[c.key], c.reversed) for c, m in zip(criteria, multipliers))


def voter_score(scores: Mapping[str, int], criteria: tuple[Criterion, ...]) -> Fraction:
    """One voter's weighted score (1..5) for one option, with normalised ``criteria``.

    Summed as integers over the weights' common denominator, then divided once: the
    same exact Fraction as adding Fractions term by term, several times faster.
    """
    denominator, multipliers = _integer_weights(criteria)
    return Fraction(_voter_total(scores, criteria, multipliers), denominator)


def scoring_matrix(ballots: list, crits: tuple[Criterion, ...], opts: tuple) -> dict:
    """Per option: every voter's effective scores (one integer per criterion) and the raw criterion means.

    Neither depends on the weights, so the weight-sensitivity check computes it once for
    all its re-tallies.
    """
    out = {}
    for option in opts:
        rows = [b[option] for b in ballots if option in b]
        effective = [tuple(effective_score(r[c.key], c.reversed) for c in crits) for r in rows]
        means = {c.key: mean(Fraction(sum(r[c.key] for r in rows)), len(rows)) for c in crits}
        out[option] = (effective, means)
    return out


def _tally_checked(ballots: list, crits: tuple[Criterion, ...], opts: tuple, matrix: dict | None = None) -> Tally:
    """Tally ballots already validated, with normalised criteria.

    Voters' scores are kept as integers over the common denominator while they are summed
    and sorted (the weight-sensitivity check re-tallies every round many times), and
    turned into Fractions once: the same exact results as ``voter_score`` per voter.
    ``matrix`` is ``scoring_matrix`` of the same ballots and criteria keys (computed if absent).
    """
    if matrix is None:
        matrix = scoring_matrix(ballots, crits, opts)
    denominator, multipliers = _integer_weights(crits)
    fractions: dict[int, Fraction] = {}  # voters' totals repeat a lot: one immutable Fraction each
    entries = []
    for option in opts:
        effective, means = matrix[option]
        totals = sorted(sum(m * e for m, e in zip(multipliers, row)) for row in effective)
        values = tuple(fractions.get(t) or fractions.setdefault(t, Fraction(t, denominator)) for t in totals)
        score = mean(Fraction(sum(totals), denominator), len(values))
        details = {
            "voters": len(values),
            "criterion_means": dict(means),
            "spread": Fraction(totals[-1] - totals[0], denominator) if totals else Fraction(0),
            "values": values,
        }
        entries.append((option, score, score, details))
    return Tally(SCORING, rank(entries), len(ballots))


def prepare_scoring(ballots: Iterable, criteria: Iterable[CriterionLike], options: Iterable[Option]):
    """Validate everything once; return ``(ballots, normalised criteria, options)``."""
    crits = normalise_criteria(criteria)
    opts = check_options(options)
    ballots = ballot_list(ballots)
    for i, ballot in enumerate(ballots):
        try:
            validate_scores(ballot, opts, crits)
        except BallotError as error:
            raise numbered(i, error) from None
    return ballots, crits, opts


def tally_scoring(
    ballots: Iterable[Mapping[Option, Mapping[str, int]]],
    criteria: Iterable[CriterionLike],
    options: Iterable[Option],
) -> Tally:
    """Weighted scoring: score = mean over the option's voters of their weighted score (1..5).

    Details: ``voters`` (who scored it), ``criterion_means`` (mean raw 1..5 score per
    criterion, as entered), ``spread`` (max - min of voters' weighted scores) and
    ``values`` (the voters' weighted scores, sorted). Unscored options get score 0.
    """
    return _tally_checked(*prepare_scoring(ballots, criteria, options))


def average_weight_splits(
    splits: Iterable[Mapping[str, int]], keys: Iterable[str], *, total: int = 100
) -> dict[str, Fraction]:
    """Average several participants' splits of ``total`` points over criterion ``keys``.

    Each split ``{key: points}`` must use whole points >= 0 summing to ``total`` (a missing
    key is 0 points). Returns ``{key: mean points}`` in ``keys`` order (exact, sums to ``total``).
    """
    keys = list(keys)
    if len(set(keys)) != len(keys) or not keys:
        raise ValueError("The criterion keys must be distinct and not empty.")
    splits = ballot_list(splits)
    if not splits:
        raise ValueError("No weight splits to average.")
    for i, split in enumerate(splits):
        try:
            _check_split(split, keys, total)
        except BallotError as error:
            raise numbered(i, error) from None
    return {k: mean(Fraction(sum(s.get(k, 0) for s in splits)), len(splits)) for k in keys}


def _check_split(split: Any, keys: list, total: int) -> None:
    if not isinstance(split, Mapping):
        raise BallotError("A weight split must map criteria to points.")
    for key, points in split.items():
        if key not in keys:
            raise BallotError(f"The split names an unknown criterion: {key!r}.")
        if not is_int(points) or points < 0:
            raise BallotError(f"Points for {key!r} must be a whole number >= 0, got {points!r}.")
    given = sum(split.values())
    if given != total:
        raise BallotError(f"The points add up to {given}; they must add up to exactly {total}.")


def criteria_from_splits(
    criteria: Iterable[CriterionLike], splits: Iterable[Mapping[str, int]], *, total: int = 100
) -> tuple[Criterion, ...]:
    """The criteria with weights replaced by the averaged splits (normalised to sum to 1)."""
    crits = [_criterion(c) for c in criteria]
    weights = average_weight_splits(splits, [c.key for c in crits], total=total)
    return normalise_criteria(Criterion(c.key, weights[c.key], c.reversed, c.label) for c in crits)
