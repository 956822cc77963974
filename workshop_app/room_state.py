"""What the room is shown and asked right now: small Qt-free state, apart from the file.

Committed data (rounds, ballots, ideas) lives in the store; this is the live part that no
restart needs to keep: which stage the shared screen presents and where the laptop's
booth is. Each change goes through one method, and listeners are told which part changed,
so the console, the shared screen and (from another thread) the phone server can follow
without Qt.

The booth part says where the laptop's booth is (a voter choosing their name, filling in
a ballot…), never what a ballot holds: the ballot being filled in lives only in the
booth window until it is cast.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

BOOTH_STEPS = ("closed", "idle", "choose", "ballot", "review", "thanks")


@dataclass(frozen=True)
class Booth:
    """The laptop's booth: ``step`` is one of BOOTH_STEPS; ``kind`` the stage that opened it."""

    round_id: int | None = None
    kind: str = ""
    step: str = "closed"
    voter_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.step != "closed" and self.round_id is not None


Listener = Callable[[str], None]


class RoomState:
    """The room's live state. Listeners get the name of the part that changed ("booth", "presented")."""

    def __init__(self) -> None:
        self._booth = Booth()
        self._presented = ""
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    # --- reading -----------------------------------------------------------------
    @property
    def booth(self) -> Booth:
        return self._booth

    @property
    def presented(self) -> str:
        """The stage whose shared view the projector shows ("" : the current block's page)."""
        return self._presented

    # --- transitions -----------------------------------------------------------------
    def present(self, stage_key: str) -> None:
        self._presented = stage_key
        self._announce("presented")

    def open_booth(self, round_id: int, kind: str) -> None:
        """The laptop becomes the booth for ``round_id``, waiting for its first voter."""
        self._set_booth(Booth(round_id=round_id, kind=kind, step="idle"))

    def booth_step(self, step: str, voter_id: int | None = None) -> None:
        """The booth moved on (a voter chose their name, reviews, has cast…)."""
        if step not in BOOTH_STEPS or step == "closed":
            raise ValueError(f"not a booth step: {step!r}")
        if not self._booth.is_open:
            raise ValueError("the booth is not open")
        self._set_booth(replace(self._booth, step=step, voter_id=voter_id))

    def close_booth(self) -> None:
        self._set_booth(Booth())

    # --- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(part)`` after each change; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def _set_booth(self, booth: Booth) -> None:
        if booth == self._booth:
            return
        self._booth = booth
        self._announce("booth")

    def _announce(self, part: str) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(part)
