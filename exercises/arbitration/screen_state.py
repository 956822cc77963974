"""What the projector shows of the arbitration stage: a typed screen in the room state.

``ArbitrationScreen.show`` is "auto" (the open booth round's progress, else the latest
revealed result), "booth" (the vote in progress) or "results" (``round_id`` and its
chart ``view``, one of VIEWS). It lives in ``session.room`` (``workshop_app.room_state``),
out of the file; changing it announces ``room_changed("arbitration")``. Where the laptop's
booth is lives in ``session.room.booth``; the options' order shown to the current voter
lives only in the booth window.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

KEY = "arbitration"
STEPS = ("idle", "choose", "ballot", "review", "thanks")
VIEWS = ("ranking", "merit", "value_effort", "sensitivity")
SHOWS = ("auto", "booth", "results")


@dataclass(frozen=True)
class ArbitrationScreen:
    show: str = "auto"
    round_id: int | None = None  # the revealed round on screen
    view: str = "ranking"


def screen(session) -> ArbitrationScreen:
    return session.room.screen(KEY, ArbitrationScreen())


def show(session, **changes) -> bool:
    """Change what the projector shows (``show``, ``round_id``, ``view``); True if it changed."""
    if changes.get("show", "auto") not in SHOWS or changes.get("view", "ranking") not in VIEWS:
        raise ValueError(f"not an arbitration screen: {changes!r}")
    return session.room.set_screen(KEY, replace(screen(session), **changes))


def voter_order(options: tuple, shuffle: bool, rng: random.Random | None = None) -> list:
    """The options in the order one voter sees them (a fresh shuffle per voter by default)."""
    order = list(options)
    if shuffle:
        (rng or random.SystemRandom()).shuffle(order)
    return order
