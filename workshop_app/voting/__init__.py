"""Exact, order-independent voting tallies for the workshop (standard library only).

Plain data in (option ids are ints or strings, ballots are dicts / sets / lists), a
:class:`Tally` out: options ranked best first with competition ranks and exact scores.
See docs/voting.md.
"""

from .core import BallotError, Option, RankedOption, Tally, option_key
from .dissent import MEASURES, Dissent, dissent, far_share, spread, tally_dissent, variance
from .majority import (
    compare_grades,
    majority_grade,
    majority_value,
    tally_majority_judgment,
    validate_grades,
)
from .scoring import (
    SCORE_MAX,
    SCORE_MIN,
    Criterion,
    average_weight_splits,
    criteria_from_splits,
    effective_score,
    normalise_criteria,
    tally_scoring,
    validate_scores,
    voter_score,
)
from .sensitivity import Sensitivity, WeightVariant, weight_sensitivity
from .tallies import (
    tally_approval,
    tally_dots,
    tally_points,
    validate_approval,
    validate_dots,
    validate_points,
)

__all__ = [
    "BallotError", "Option", "RankedOption", "Tally", "option_key",
    "tally_dots", "validate_dots", "tally_points", "validate_points",
    "tally_approval", "validate_approval",
    "Criterion", "normalise_criteria", "effective_score", "voter_score", "SCORE_MIN", "SCORE_MAX",
    "tally_scoring", "validate_scores", "average_weight_splits", "criteria_from_splits",
    "Sensitivity", "WeightVariant", "weight_sensitivity",
    "tally_majority_judgment", "validate_grades", "majority_grade", "majority_value", "compare_grades",
    "Dissent", "MEASURES", "dissent", "spread", "variance", "far_share", "tally_dissent",
]
