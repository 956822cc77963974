"""The GUI's writer for the room's phones: submissions run on the Qt main thread.

The server (in its own thread) calls ``submit(fn)``; the function is queued to the main thread,
where the session's store lives, runs there with ``session.vote_keys`` (the same keys the booth
casts with), and its future is resolved after the commit. Then ``session.notify(kind)`` updates
the console and the shared screen, as a vote at the booth does: ``kind`` is the stage a
submission names (``fn.kind``, set by ``room.stage_routes``), "arbitration" for a ballot.
"""

from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from room.writer import Job, run_jobs
from workshop_app.i18n import _
from workshop_app.store import StoreError


class PhoneBridge(QObject):
    _queued = Signal()

    def __init__(self, session, parent: QObject | None = None):
        super().__init__(parent or session)
        self.session = session
        self._pending: deque[tuple[Job, Future]] = deque()
        self._lock = threading.Lock()
        self._queued.connect(self._run_pending, Qt.QueuedConnection)

    def submit(self, fn: Job) -> Future:
        """Thread-safe: queue ``fn(store, vote_keys)`` for the main thread."""
        future: Future = Future()
        with self._lock:
            self._pending.append((fn, future))
        self._queued.emit()
        return future

    @Slot()
    def _run_pending(self) -> None:
        with self._lock:
            jobs = list(self._pending)
            self._pending.clear()
        if not jobs:
            return
        store = self.session.store
        if store.conn is None or store.read_only:
            for _fn, future in jobs:
                if future.set_running_or_notify_cancel():
                    future.set_exception(StoreError(_("The seminar is closed or read-only: nothing can be saved.")))
            return
        if store.conn.in_transaction:
            # an action of the console is still open (a dialog inside it): our savepoints would be
            # committed only with it, and the phone must hear "recorded" after the real commit
            with self._lock:
                self._pending.extendleft(reversed(jobs))
            QTimer.singleShot(50, self._run_pending)
            return
        if run_jobs(store, self.session.vote_keys, jobs):
            for kind in dict.fromkeys(getattr(fn, "kind", "arbitration") for fn, _future in jobs):
                self.session.notify(kind)
