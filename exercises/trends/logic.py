"""Usage-trend decoding, the pure part: rating scales, validation, aggregation, ranking.

A trend is rated on three scales: relevance to our strategic customer segments (1–5),
time horizon (now / 1–2 years / 3+ years) and place on the usage life cycle
(innovation → basic feature → missing function: yesterday's innovation is today's
basic feature and tomorrow's missing function). Ratings come from each participant,
or from the room as one consensus typed by the facilitator (``participant_id`` None),
which overrides the individual ratings scale by scale.

No Qt and no store here: these functions take plain records and return plain results.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

from workshop_app.domain import ValidationError
from workshop_app.i18n import N_, _, format_decimal, translate

from . import KEY

RELEVANCE = (1, 2, 3, 4, 5)
HORIZONS = ("now", "1-2y", "3y+")
LIFECYCLES = ("innovation", "basic", "missing")

# N_ marks them for translation; they are translated when shown, in the language asked for.
_HORIZON_LABELS = {"now": N_("Now"), "1-2y": N_("1–2 years"), "3y+": N_("3+ years")}
_LIFECYCLE_LABELS = {"innovation": N_("Innovation"), "basic": N_("Basic feature"),
                     "missing": N_("Missing function")}


def horizon_label(horizon: str | None, language: str | None = None) -> str:
    """'1-2y' -> '1–2 years' in ``language`` (the UI language by default)."""
    if horizon is None:
        return ""
    return translate(_HORIZON_LABELS.get(horizon, horizon), language)


def lifecycle_label(lifecycle: str | None, language: str | None = None) -> str:
    if lifecycle is None:
        return ""
    return translate(_LIFECYCLE_LABELS.get(lifecycle, lifecycle), language)


def format_mean(value: Fraction | float | None, language: str | None = None) -> str:
    """A mean rounded to one decimal, with the decimal comma in French ('' if none)."""
    return format_decimal(value, language)


@dataclass(frozen=True)
class Trend:
    id: int
    title: str
    description: str = ""
    example: str = ""
    library_key: str = ""
    lifecycle_hint: str = ""
    hidden: bool = False
    retained: bool = False
    implication: str = ""
    position: int = 0


@dataclass(frozen=True)
class Rating:
    """One rating of one trend; ``participant_id`` None is the room's consensus."""

    trend_id: int
    participant_id: int | None
    relevance: int | None = None
    horizon: str | None = None
    lifecycle: str | None = None

    @property
    def is_consensus(self) -> bool:
        return self.participant_id is None


def check_rating(relevance, horizon, lifecycle) -> tuple[int | None, str | None, str | None]:
    """Return the rating's three values, or refuse them with a sentence for the user.

    Each scale may be left out (None), but not all three.
    """
    if relevance is not None:
        if isinstance(relevance, bool) or not isinstance(relevance, int) or relevance not in RELEVANCE:
            raise ValidationError(
                _("Relevance is rated from 1 to 5 (not {value}).").format(value=relevance))
    if horizon is not None and horizon not in HORIZONS:
        raise ValidationError(
            _("Unknown time horizon: {value} (choose now, 1–2 years or 3+ years).").format(value=horizon))
    if lifecycle is not None and lifecycle not in LIFECYCLES:
        raise ValidationError(
            _("Unknown life-cycle stage: {value} (choose innovation, basic feature or "
              "missing function).").format(value=lifecycle))
    if relevance is None and horizon is None and lifecycle is None:
        raise ValidationError(_("Give at least a relevance, a time horizon or a life-cycle stage."))
    return relevance, horizon, lifecycle


def mode(counts: dict[str, int], order: tuple[str, ...]) -> str | None:
    """The most frequent option; ties go to the earlier option in ``order``; None if no votes."""
    best = None
    for option in order:
        if counts.get(option, 0) > 0 and (best is None or counts[option] > counts[best]):
            best = option
    return best


@dataclass(frozen=True)
class TrendResult:
    """What the room thinks of one trend.

    ``relevance``, ``horizon`` and ``lifecycle`` are the values to use: the consensus
    where the facilitator typed one, else the mean (relevance) or the mode (the others)
    of the individual ratings. The distributions always count individual ratings.
    """

    trend: Trend
    raters: int
    relevance: Fraction | None
    horizon: str | None
    lifecycle: str | None
    horizon_counts: dict[str, int] = field(default_factory=dict)
    lifecycle_counts: dict[str, int] = field(default_factory=dict)
    relevance_counts: dict[int, int] = field(default_factory=dict)
    individual_relevance: Fraction | None = None
    consensus: Rating | None = None

    @property
    def rated(self) -> bool:
        return self.raters > 0 or self.consensus is not None

    @property
    def horizon_position(self) -> float | None:
        """Where the trend sits on the horizon axis: 0 = now … 2 = 3+ years.

        The consensus puts it on its tick; otherwise the mean of the individual choices.
        """
        if self.consensus is not None and self.consensus.horizon is not None:
            return float(HORIZONS.index(self.consensus.horizon))
        total = sum(self.horizon_counts.values())
        if not total:
            return None
        return sum(HORIZONS.index(h) * n for h, n in self.horizon_counts.items()) / total

    @property
    def agreement(self) -> float | None:
        """Share of individual raters who chose the modal horizon (1.0: all agree)."""
        total = sum(self.horizon_counts.values())
        if not total or self.horizon is None:
            return None
        return self.horizon_counts.get(self.horizon, 0) / total


def summarise(trend: Trend, ratings: list[Rating]) -> TrendResult:
    """Aggregate the ratings of one trend (ratings of other trends are ignored)."""
    own = [r for r in ratings if r.trend_id == trend.id]
    consensus = next((r for r in own if r.is_consensus), None)
    individual = [r for r in own if not r.is_consensus]
    scores = [r.relevance for r in individual if r.relevance is not None]
    mean = Fraction(sum(scores), len(scores)) if scores else None
    horizons = Counter(r.horizon for r in individual if r.horizon is not None)
    lifecycles = Counter(r.lifecycle for r in individual if r.lifecycle is not None)
    relevance, horizon, lifecycle = mean, mode(horizons, HORIZONS), mode(lifecycles, LIFECYCLES)
    if consensus is not None:
        if consensus.relevance is not None:
            relevance = Fraction(consensus.relevance)
        horizon = consensus.horizon or horizon
        lifecycle = consensus.lifecycle or lifecycle
    return TrendResult(
        trend=trend, raters=len(individual), relevance=relevance, horizon=horizon,
        lifecycle=lifecycle,
        horizon_counts={h: horizons[h] for h in HORIZONS},
        lifecycle_counts={c: lifecycles[c] for c in LIFECYCLES},
        relevance_counts={v: scores.count(v) for v in RELEVANCE},
        individual_relevance=mean, consensus=consensus)


def rank(results: list[TrendResult]) -> list[TrendResult]:
    """Most relevant first; ties: more raters first, then title; unrated trends last."""
    return sorted(results, key=lambda r: (r.relevance is None, -(r.relevance or 0), -r.raters,
                                          r.trend.title.casefold(), r.trend.id))


def results(trends: list[Trend], ratings: list[Rating]) -> list[TrendResult]:
    """The ranked results of the visible trends (hidden trends are left out)."""
    by_trend: dict[int, list[Rating]] = {}
    for rating in ratings:
        by_trend.setdefault(rating.trend_id, []).append(rating)
    return rank([summarise(t, by_trend.get(t.id, [])) for t in trends if not t.hidden])
