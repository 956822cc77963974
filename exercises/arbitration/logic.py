"""The arbitration stage's public, Qt-free API (other stages, e.g. governance, use it).

Rounds (``rounds``), ballots and secrecy (``booth``), counting (``tally``, which calls
``workshop_app.voting``) and decisions (``decisions``) live in their own modules; this
module gathers what other code may call.
"""

from __future__ import annotations

from .booth import (
    RESTART_REFUSAL,
    VoteKeys,
    ballot_contents,
    cast_ballot,
    has_voted,
    list_voids,
    paper_totals,
    progress,
    restore_paper_totals,
    seal,
    set_paper_totals,
    undo_void,
    validate_content,
    void_ballot,
    voter_ids,
    voters_missing,
)
from .decisions import (
    DECISIONS,
    HORIZONS,
    Decision,
    clear_decision,
    decision_label,
    decision_log,
    get_decision,
    horizon_from_quarter,
    horizon_label,
    list_decisions,
    restore_decision,
    set_decision,
    undo_decision,
)
from .rounds import (
    METHODS,
    VISIBILITIES,
    BallotRound,
    close_round,
    create_round,
    default_config,
    delete_round,
    get_round,
    hide_round,
    list_rounds,
    method_label,
    option_labels,
    reopen_round,
    require_round,
    restore_round,
    reveal_round,
    scoring_criteria,
    scrub_storage,
    status_label,
    visibility_label,
)
from .tally import RoundResult, ValueEffort, count, rank_ranges, round_result, score_text, tally_round, value_effort

__all__ = [
    "METHODS", "VISIBILITIES", "BallotRound", "create_round", "get_round", "require_round", "list_rounds",
    "close_round", "reopen_round", "reveal_round", "hide_round", "delete_round", "restore_round",
    "default_config", "option_labels", "scoring_criteria", "scrub_storage",
    "method_label", "visibility_label", "status_label",
    "VoteKeys", "seal", "cast_ballot", "validate_content", "has_voted", "voter_ids", "voters_missing",
    "progress", "ballot_contents", "void_ballot", "undo_void", "list_voids", "RESTART_REFUSAL",
    "set_paper_totals", "restore_paper_totals", "paper_totals",
    "tally_round", "count", "round_result", "RoundResult", "ValueEffort", "value_effort", "rank_ranges",
    "score_text",
    "DECISIONS", "HORIZONS", "Decision", "set_decision", "undo_decision", "clear_decision",
    "restore_decision", "list_decisions", "get_decision", "decision_log", "decision_label",
    "horizon_label", "horizon_from_quarter",
]
