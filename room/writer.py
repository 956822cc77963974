"""One writer to the seminar file: every phone's submission runs where the store lives.

A submission is a function ``fn(store, vote_keys) -> T``; ``submit`` returns a
``concurrent.futures.Future`` resolved only after the commit (and after ``on_commit``, which
tells the room what changed). The GUI's writer is ``ui.phone_bridge.PhoneBridge`` (the Qt main
thread); ``ThreadWriter`` owns its own store for ``workshop-app serve``.

Submissions waiting together are committed in one transaction, each inside its own savepoint:
one refused ballot rolls back alone, and 200 phones voting at once cost a few disk syncs, not 200.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Callable, Protocol, TypeVar

from workshop_app.store import Store, open_store
from workshop_app.vote_keys import VoteKeys

T = TypeVar("T")
Job = Callable[[Store, VoteKeys], T]
BATCH = 64


class Writer(Protocol):
    def submit(self, fn: Job) -> "Future": ...


def run_jobs(store: Store, keys: VoteKeys, jobs: list[tuple[Job, Future]]) -> bool:
    """Run ``jobs`` in one transaction, each in a savepoint; resolve their futures after the commit.

    Returns whether anything was committed successfully (for the change notification).
    """
    outcomes: list[tuple[Future, object, BaseException | None]] = []
    try:
        with store.action():
            for fn, future in jobs:
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    with store.action():
                        result = fn(store, keys)
                except Exception as error:  # noqa: BLE001 - handed back to the phone's request
                    outcomes.append((future, None, error))
                else:
                    outcomes.append((future, result, None))
    except Exception as error:  # noqa: BLE001 - the commit itself failed: nothing of the batch is saved
        for future, _result, _error in outcomes:
            future.set_exception(error)
        return False
    for future, result, error in outcomes:
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)
    return any(error is None for _f, _r, error in outcomes)


class ThreadWriter:
    """A thread that owns its own store of ``path`` (headless ``serve``, tests, benchmarks)."""

    def __init__(self, path: str | Path, on_commit: Callable[[], None] | None = None,
                 keys: VoteKeys | None = None):
        self.path = Path(path)
        self.keys = keys or VoteKeys()
        self.on_commit = on_commit
        self._queue: queue.Queue = queue.Queue()
        self._opened: Future = Future()
        self._thread = threading.Thread(target=self._run, name="room-writer", daemon=True)
        self._thread.start()
        self._opened.result()  # re-raises a StoreError from opening the file

    def submit(self, fn: Job) -> Future:
        future: Future = Future()
        if not self._thread.is_alive():
            future.set_exception(RuntimeError("the writer is stopped"))
            return future
        self._queue.put((fn, future))
        return future

    def _run(self) -> None:
        try:
            store = open_store(self.path)
        except BaseException as error:  # noqa: BLE001 - reported to the constructor
            self._opened.set_exception(error)
            return
        self._opened.set_result(None)
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    break
                jobs = [item]
                while len(jobs) < BATCH:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        self._queue.put(None)
                        break
                    jobs.append(more)
                committed = run_jobs(store, self.keys, jobs)
                if committed and self.on_commit is not None:
                    self.on_commit()
        finally:
            store.close()

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=10)
