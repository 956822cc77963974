"""Block timers computed from stored events and the clock, so they never drift.

Events: ``started``, ``paused``, ``resumed``, ``extended`` (``seconds``), ``finished``.
Nothing ticks in the store: remaining time is always ``planned - elapsed(now)``, which
is exact after a restart, a crash, or a laptop that slept through lunch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .domain import BlockStep

EVENT_KINDS = ("started", "paused", "resumed", "extended", "finished")


@dataclass(frozen=True)
class TimerEvent:
    kind: str
    at: float
    seconds: float = 0.0


@dataclass(frozen=True)
class TimerState:
    status: str  # "ready" | "running" | "paused" | "finished"
    planned: float  # seconds, including extensions
    elapsed: float
    started_at: float | None
    finished_at: float | None

    @property
    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self.planned - self.elapsed

    @property
    def overtime(self) -> bool:
        return self.elapsed > self.planned

    @property
    def running(self) -> bool:
        return self.status == "running"


def compute(planned_minutes: int, events: Iterable[TimerEvent], now: float) -> TimerState:
    """Fold the events of one block into its state at ``now``."""
    planned = planned_minutes * 60.0
    elapsed = 0.0
    status = "ready"
    running_since: float | None = None
    started_at = finished_at = None
    for event in events:
        if event.kind == "extended":
            planned += event.seconds
        elif event.kind == "started" and status == "ready":
            status, running_since, started_at = "running", event.at, event.at
        elif event.kind == "paused" and status == "running":
            elapsed += max(0.0, event.at - running_since)
            status, running_since = "paused", None
        elif event.kind == "resumed" and status in ("paused", "finished"):
            status, running_since, finished_at = "running", event.at, None
        elif event.kind == "finished" and status in ("running", "paused"):
            if running_since is not None:
                elapsed += max(0.0, event.at - running_since)
            status, running_since, finished_at = "finished", None, event.at
    if running_since is not None:
        elapsed += max(0.0, now - running_since)
    return TimerState(status, planned, elapsed, started_at, finished_at)


def format_seconds(seconds: float) -> str:
    """'12:05', '1:02:03', or '+02:13' in overtime (negative input)."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds)) if seconds < 0 else int(-(-seconds // 1))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


@dataclass(frozen=True)
class StepState:
    index: int
    step: BlockStep
    remaining: float  # seconds left in this step


def current_step(steps: tuple[BlockStep, ...], elapsed: float) -> StepState | None:
    """The sub-timer step that ``elapsed`` seconds fall into (the last one in overtime)."""
    if not steps:
        return None
    cursor = 0.0
    for index, step in enumerate(steps):
        cursor += step.minutes * 60
        if elapsed < cursor:
            return StepState(index, step, cursor - elapsed)
    return StepState(len(steps) - 1, steps[-1], cursor - elapsed)
