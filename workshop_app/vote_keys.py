"""The secret rounds' keys of one running app: they exist in memory only, never in a file.

A secret ballot is stored with ``seal`` = HMAC-SHA256(round key, round id and participant
id), so that while the app runs the facilitator can void one person's ballot, and the
file alone links no ballot to anyone. The session owns one ``VoteKeys``; every way into a
round (the laptop's booth, the phones) casts with it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading


class VoteKeys:
    """The per-round secret keys of this app session (never written anywhere). Thread-safe."""

    def __init__(self) -> None:
        self._keys: dict[int, bytes] = {}
        self._lock = threading.Lock()

    def key(self, round_id: int) -> bytes:
        """The round's key, created on first use."""
        with self._lock:
            if round_id not in self._keys:
                self._keys[round_id] = secrets.token_bytes(32)
            return self._keys[round_id]

    def known(self, round_id: int) -> bytes | None:
        with self._lock:
            return self._keys.get(round_id)


def seal(key: bytes, round_id: int, participant_id: int) -> str:
    return hmac.new(key, f"{round_id}:{participant_id}".encode(), hashlib.sha256).hexdigest()
