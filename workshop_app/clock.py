"""Time is injected: the app asks a ``Clock`` for now; tests use ``FakeClock``."""

from __future__ import annotations

import time
from datetime import datetime


class Clock:
    """Wall-clock seconds since the epoch (survives restarts, unlike a monotonic clock)."""

    def now(self) -> float:
        return time.time()

    def local(self, ts: float | None = None) -> datetime:
        return datetime.fromtimestamp(self.now() if ts is None else ts)


class FakeClock(Clock):
    """A clock the tests move by hand."""

    def __init__(self, start: float = 1_790_000_000.0):
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds

    def set(self, ts: float) -> None:
        self._now = ts
