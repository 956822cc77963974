"""The arbitration stage's Qt pieces other stages may use: the booth window, the vote's
progress page for the projector, and the confirmation before closing a vote."""

from __future__ import annotations

from .booth_window import open_booth
from .console_rounds import confirm_close_with_missing
from .vote_progress_view import VoteProgressPage

__all__ = ["open_booth", "confirm_close_with_missing", "VoteProgressPage"]
