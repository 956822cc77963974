"""UI state both windows share (``session.exercise_state``), kept Qt-free and out of the file.

``exercise_state["arbitration"]``:
    ``screen``  what the shared screen shows: "auto" (the open booth round's progress, else
                the latest revealed result), "booth" (the vote in progress), or "results";
    ``results`` ``{"round_id", "view"}``: the revealed round shown and which chart.
Where the laptop's booth is lives in ``session.room.booth`` (the core's ``RoomState``); the
options' order shown to the current voter lives only in the booth window.
"""

from __future__ import annotations

import random

KEY = "arbitration"
STEPS = ("idle", "choose", "ballot", "review", "thanks")
VIEWS = ("ranking", "merit", "value_effort", "sensitivity")


def state(exercise_state: dict) -> dict:
    found = exercise_state.get(KEY)
    if not isinstance(found, dict):
        found = {"screen": "auto", "results": {"round_id": None, "view": "ranking"}}
        exercise_state[KEY] = found
    return found


def voter_order(options: tuple, shuffle: bool, rng: random.Random | None = None) -> list:
    """The options in the order one voter sees them (a fresh shuffle per voter by default)."""
    order = list(options)
    if shuffle:
        (rng or random.SystemRandom()).shuffle(order)
    return order
