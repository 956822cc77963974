"""Change notification: the app says "something was committed", every phone's stream wakes up.

``notify()`` is thread-safe (the Qt main thread, the writer thread, tests call it); each
waiting stream registers its own asyncio event with its loop, so one notification wakes
them all without polling.
"""

from __future__ import annotations

import asyncio
import threading


class Changes:
    def __init__(self) -> None:
        self.version = 0
        self.stopped = False
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def notify(self) -> None:
        """A change was committed (call from any thread)."""
        with self._lock:
            self.version += 1
            waiters = list(self._waiters)
        for loop, event in waiters:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that loop is closed: its stream is gone
                pass

    def stop(self) -> None:
        """Wake every stream for good (the server is stopping)."""
        self.stopped = True
        self.notify()

    async def wait(self, seen: int, timeout: float) -> int:
        """Wait until the version differs from ``seen`` (or ``timeout``); returns the version."""
        if self.version != seen or self.stopped:
            return self.version
        event = asyncio.Event()
        waiter = (asyncio.get_running_loop(), event)
        with self._lock:
            self._waiters.add(waiter)
        try:
            if self.version == seen:
                try:
                    await asyncio.wait_for(event.wait(), timeout)
                except asyncio.TimeoutError:
                    pass
        finally:
            with self._lock:
                self._waiters.discard(waiter)
        return self.version

    @property
    def listeners(self) -> int:
        with self._lock:
            return len(self._waiters)
