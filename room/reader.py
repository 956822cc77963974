"""The server's own read-only view of the seminar file (never the app's connection).

Reads go through a ``Store`` opened read-only on a connection of the server's own, so the
core's read functions (``list_rounds``, ``option_labels``…) work unchanged; sqlite3
connections are not shared across threads, hence the lock.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Callable, TypeVar

from workshop_app.store import Store, read_only_uri

T = TypeVar("T")


class Reader:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        conn = sqlite3.connect(read_only_uri(self.path), uri=True, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA query_only=ON")
        self._store = Store(self.path, conn, read_only=True)
        self._lock = threading.Lock()

    def read(self, fn: Callable[[Store], T]) -> T:
        """``fn(store)`` on the read-only store, as one consistent snapshot."""
        with self._lock:
            conn = self._store.conn
            if conn is None:
                raise RuntimeError("the reader is closed")
            conn.execute("BEGIN")
            try:
                return fn(self._store)
            finally:
                conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            if self._store.conn is not None:
                self._store.conn.close()
                self._store.conn = None  # type: ignore[assignment]
