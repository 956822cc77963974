"""What the room is shown and asked right now: small Qt-free state, apart from the file.

Committed data (rounds, ballots, ideas) lives in the store; this is the live part that no
restart needs to keep: which stage the shared screen presents, what each stage's shared
view shows (its "screen", a small frozen dataclass the stage defines), where the laptop's
booth is, and which stages take individual input now and from where (phones, the laptop,
or both). Each change goes through one method, and listeners are told which part changed
("presented", "booth", "input", or a stage's key for its screen), so the console, the
shared screen and (from another thread) the phone server can follow without Qt. Values
are immutable and replaced whole, so a reader on another thread never sees half a change.

The booth part says where the laptop's booth is (a voter choosing their name, filling in
a ballot…), never what a ballot holds: the ballot being filled in lives only in the
booth window until it is cast.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

BOOTH_STEPS = ("closed", "idle", "choose", "ballot", "review", "thanks")
INPUT_WAYS = ("phones", "laptop", "both")


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


@dataclass(frozen=True)
class StageInput:
    """How a stage collects individual input now: ``ways`` is one of INPUT_WAYS.

    ``target_id`` names what the input goes to when the stage has several (an ideation
    round); a closed input refuses what arrives, with a clear message on the phone.
    """

    stage: str
    ways: str = "laptop"
    open: bool = False
    target_id: int | None = None

    @property
    def phones(self) -> bool:
        return self.open and self.ways in ("phones", "both")

    @property
    def laptop(self) -> bool:
        return self.open and self.ways in ("laptop", "both")


Listener = Callable[[str], None]


class RoomState:
    """The room's live state. Listeners get the name of the part that changed ("booth", "presented")."""

    def __init__(self) -> None:
        self._booth = Booth()
        self._presented = ""
        self._screens: dict[str, object] = {}
        self._inputs: dict[str, StageInput] = {}
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

    def screen(self, stage: str, default):
        """What ``stage``'s shared view shows (``default``, the stage's initial screen, until set)."""
        return self._screens.get(stage, default)

    def input_for(self, stage: str) -> StageInput:
        return self._inputs.get(stage) or StageInput(stage)

    @property
    def inputs(self) -> tuple[StageInput, ...]:
        """Every stage whose input is open now."""
        return tuple(i for i in self._inputs.values() if i.open)

    # --- transitions -----------------------------------------------------------------
    def set_screen(self, stage: str, screen, announce: bool = True) -> bool:
        """Replace ``stage``'s screen (a frozen dataclass); True (and announced) if it changed.

        ``announce=False`` is for a view that corrects the screen while rendering it (for
        example a deleted trend): every view makes the same correction before it draws.
        """
        if self._screens.get(stage) == screen:
            return False
        self._screens[stage] = screen
        if announce:
            self._announce(stage)
        return True

    def open_input(self, stage: str, ways: str, target_id: int | None = None) -> None:
        """``stage`` takes individual input from ``ways`` (phones, laptop or both)."""
        if ways not in INPUT_WAYS:
            raise ValueError(f"not a way to take input: {ways!r}")
        self._set_input(StageInput(stage, ways, True, target_id))

    def close_input(self, stage: str) -> None:
        current = self.input_for(stage)
        self._set_input(StageInput(stage, current.ways, False, current.target_id))

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

    def _set_input(self, value: StageInput) -> None:
        if self._inputs.get(value.stage, StageInput(value.stage)) == value:
            return
        self._inputs[value.stage] = value
        self._announce("input")

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
