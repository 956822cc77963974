"""Counting a round with ``workshop_app.voting`` and reading its result for the room.

Nothing here counts by itself: every score, rank and spread comes from the pure tallies.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from workshop_app import voting
from workshop_app.domain import ValidationError
from workshop_app.i18n import N_, _, translate
from workshop_app.store import Store

from . import sources
from .booth import ballot_contents, progress
from .rounds import BallotRound, list_rounds, method_label, option_labels, require_round, scoring_criteria

# "Discuss before deciding": a spread strictly above these thresholds raises the flag.
DISSENT = {
    "scoring": ("iqr", Fraction(1)),        # weighted scores on the 1..5 scale
    "majority": ("far", Fraction(1, 4)),   # share of voters 2+ grades from the majority grade
    "points100": ("iqr", Fraction(20)),    # points out of 100
}
SENSITIVITY_DELTA = Fraction(1, 5)


def tally_round(store: Store, round_id: int) -> voting.Tally:
    """The round's result; refused while the round is open (nobody sees results early)."""
    rnd = require_round(store, round_id)
    if rnd.is_open:
        raise ValidationError(_("Results stay hidden until the round is closed."))
    return count(rnd, ballot_contents(store, round_id))


def count(rnd: BallotRound, ballots: list) -> voting.Tally:
    """Tally decoded ballots with the round's method (order of ``ballots`` does not matter)."""
    options, cfg = list(rnd.options), rnd.config
    if rnd.visibility == "paper":
        totals = ballots[0]["paper_totals"] if ballots else {}
        voters = ballots[0]["voters"] if ballots else 0
        budget = max(1, sum(totals.values()))
        tally = voting.tally_dots([totals] if ballots else [], options, budget=budget)
        return dataclasses.replace(tally, voters=voters)
    if rnd.method == "dot":
        return voting.tally_dots(ballots, options, budget=cfg["budget"], cap=cfg.get("cap"))
    if rnd.method == "points100":
        return voting.tally_points(ballots, options, total=cfg.get("total", 100))
    if rnd.method == "scoring":
        return voting.tally_scoring(ballots, scoring_criteria(cfg), options)
    if rnd.method == "majority":
        return voting.tally_majority_judgment(ballots, options, cfg["grades"])
    if rnd.method == "approval":
        return voting.tally_approval(ballots, options, max_approvals=cfg.get("max_approvals"))
    raise ValidationError(_("Unknown voting method: {method}.").format(method=rnd.method))


@dataclass(frozen=True)
class ValueEffort:
    """One bubble of the value/effort matrix (both on a 1..5 scale)."""

    option: Any
    label: str
    value: float
    effort: float
    weight: float


@dataclass(frozen=True)
class RoundResult:
    """What the room sees after the reveal."""

    round: BallotRound
    tally: voting.Tally
    labels: dict
    eligible: int
    dissent: dict = field(default_factory=dict)
    sensitivity: voting.Sensitivity | None = None

    @property
    def flagged(self) -> list:
        return [o for o, d in self.dissent.items() if d.flagged]


_RESULTS: OrderedDict[tuple, tuple[tuple, RoundResult]] = OrderedDict()
_RESULTS_KEPT = 32  # rounds whose results stay computed (a seminar has a handful)
_RESULTS_LOCK = threading.Lock()


def _fingerprint(store: Store, rnd: BallotRound) -> tuple:
    """What a round's result depends on: its settings, its ballots, who may vote, the options' names.

    Every ballot written gets a fresh random token (a cast, a paper total typed again), so
    the tokens identify the ballots' contents; an undone void puts the same token back.
    """
    tokens = store.query("SELECT count(*) AS n, group_concat(token) AS t FROM "
                         "(SELECT token FROM ballots WHERE round_id = ? ORDER BY token)", (rnd.id,))[0]
    return (rnd.status, rnd.method, rnd.visibility, rnd.options, json.dumps(rnd.config, sort_keys=True),
            tokens["n"], tokens["t"], progress(store, rnd.id)[1], tuple(option_labels(store, rnd).items()))


def round_result(store: Store, round_id: int) -> RoundResult:
    """The round's full result (tally, dissent, weight sensitivity), computed once per state of its data.

    The console and the shared screen both show it; while the round's ballots, settings,
    voters and option names are unchanged, the computed result is served again.
    """
    rnd = require_round(store, round_id)
    if rnd.is_open:
        raise ValidationError(_("Results stay hidden until the round is closed."))
    key = (str(store.path), round_id)
    fingerprint = _fingerprint(store, rnd)
    with _RESULTS_LOCK:
        kept = _RESULTS.get(key)
        if kept is not None and kept[0] == fingerprint:
            _RESULTS.move_to_end(key)
            return kept[1]
    result = _compute_result(store, rnd, labels=dict(fingerprint[-1]), eligible=fingerprint[-2])
    with _RESULTS_LOCK:
        _RESULTS[key] = (fingerprint, result)
        _RESULTS.move_to_end(key)
        while len(_RESULTS) > _RESULTS_KEPT:
            _RESULTS.popitem(last=False)
    return result


def _compute_result(store: Store, rnd: BallotRound, labels: dict, eligible: int) -> RoundResult:
    ballots = ballot_contents(store, rnd.id)
    sensitivity = None
    if rnd.method == "scoring" and ballots and rnd.visibility != "paper":
        sensitivity = voting.weight_sensitivity(ballots, scoring_criteria(rnd.config), list(rnd.options),
                                                SENSITIVITY_DELTA)
    tally = sensitivity.base if sensitivity is not None else count(rnd, ballots)  # the base is the tally
    dissent = {}
    if rnd.method in DISSENT and rnd.visibility != "paper":
        measure, threshold = rnd.config.get("dissent", DISSENT[rnd.method])
        dissent = voting.tally_dissent(tally, Fraction(threshold), measure)
    return RoundResult(rnd, tally, labels, eligible, dissent, sensitivity)


def score_text(result: RoundResult, option) -> str:
    """The option's result in a few words in the app's language, e.g. "Good", "3.80 / 5", "14 dots"."""
    return result_words(result, option, None)


def bar_values(result: RoundResult) -> list[tuple[Any, str, float]]:
    """(option, label, value to draw) best first; majority judgment uses the mean grade."""
    out = []
    for entry in result.tally.ranking:
        if result.round.method == "majority":
            values = entry.details["values"]
            value = float(sum(values)) / len(values) if values else 0.0
        else:
            value = float(entry.score)
        out.append((entry.option, result.labels[entry.option], value))
    return out


def _to_five(value: float, top: float) -> float:
    return 1 + 4 * value / top if top > 0 else 1.0


def value_effort(store: Store, result: RoundResult) -> list[ValueEffort]:
    """Value and effort per option, for initiatives only (governance options have no effort).

    Scoring rounds: value = weighted mean of the benefit criteria, effort = weighted
    mean of the cost criteria (raw scores, 5 = heaviest). Otherwise value comes from the
    vote (top score = 5) and effort from the business case's size S/M/L/XL.
    """
    efforts = sources.efforts(store)
    criteria = scoring_criteria(result.round.config) if result.round.method == "scoring" else []
    benefits = [c for c in criteria if not c["reversed"] and c["weight"]]
    costs = [c for c in criteria if c["reversed"] and c["weight"]]
    bars = {o: v for o, _label, v in bar_values(result)}
    top = max(bars.values(), default=0.0)
    if result.round.method == "majority":
        top = len(result.round.config["grades"]) - 1
    points = []
    for entry in result.tally.ranking:
        option = entry.option
        if not isinstance(option, int):
            continue
        means = entry.details.get("criterion_means", {})
        if benefits and entry.details.get("voters"):
            value = _weighted(means, benefits)
        else:
            value = _to_five(bars[option], top)
        if costs and entry.details.get("voters"):
            effort = _weighted(means, costs)
        elif efforts.get(option) in sources.EFFORT_SCALE:
            effort = sources.EFFORT_SCALE[efforts[option]]
        else:
            continue
        points.append(ValueEffort(option, result.labels[option], value, effort, _to_five(bars[option], top)))
    return points


def _weighted(means: dict, criteria: list[dict]) -> float:
    total = sum(Fraction(c["weight"]) for c in criteria)
    return float(sum(Fraction(c["weight"]) * Fraction(means[c["key"]]) for c in criteria) / total)


def rank_ranges(result: RoundResult) -> dict:
    """``{option: (best rank, worst rank)}`` over the ±20 % weight variants (scoring only)."""
    sens = result.sensitivity
    if sens is None:
        return {}
    out = {}
    for entry in sens.base.ranking:
        ranks = [entry.rank] + [v.tally.ranks()[entry.option] for v in sens.variants]
        out[entry.option] = (min(ranks), max(ranks))
    return out


def round_number(store: Store, round_id: int) -> int:
    """1-based number of a round among the rounds of its stage (0 if unknown)."""
    rnd = require_round(store, round_id)
    ids = [r.id for r in list_rounds(store, rnd.purpose)]
    return ids.index(round_id) + 1 if round_id in ids else 0


def result_words(result: RoundResult, option, language: str | None) -> str:
    """``score_text`` in the seminar's language (for evidence written into the data)."""
    entry = result.tally.get(option)
    t = lambda text: translate(text, language)  # noqa: E731
    method = result.round.method
    if method == "majority":
        return entry.details["majority_grade_name"] or "–"
    if method == "scoring":
        return t(N_("{score} / 5")).format(score=f"{float(entry.score):.2f}")
    if method == "dot":
        dots = entry.details["dots"]
        return t(N_("1 dot")) if dots == 1 else t(N_("{n} dots")).format(n=dots)
    if method == "points100":
        return t(N_("{n} points")).format(n=entry.details["points"])
    return t(N_("{n} approvals")).format(n=entry.details["approvals"])


def evidence_text(store: Store, result: RoundResult, option, language: str) -> str:
    """One line of evidence for a decision, e.g. "Round 1, majority judgment, 12 voters: rank 2 of 9 (Good)"."""
    entry = result.tally.get(option)
    text = translate(N_("Round {n}, {method}, {voters} voters: rank {rank} of {count} ({result})"), language)
    summary = text.format(n=round_number(store, result.round.id),
                          method=method_label(result.round.method, language).lower(),
                          voters=result.tally.voters, rank=entry.rank, count=len(result.tally.ranking),
                          result=result_words(result, option, language))
    if option in result.flagged:
        summary += translate(N_("; the room disagreed"), language)
    return summary
