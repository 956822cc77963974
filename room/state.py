"""What a phone is asked now, from committed data only.

The open vote rounds that are not paper votes (the arbitration's and the governance's,
which share the round machinery), the first one this participant has not voted in, and
whether they have voted. ``key`` names that state in a few characters: the live stream
sends it and the page reloads when it differs from the one the page shows.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass

from exercises.arbitration.rounds import BallotRound, list_rounds, option_labels
from workshop_app.join_codes import token_hash
from workshop_app.store import Store


def phone_rounds(store: Store) -> list[BallotRound]:
    """The rounds a phone can vote in now, in the console's order."""
    return [r for r in list_rounds(store, purpose=None) if r.is_open and r.visibility != "paper"]


@dataclass(frozen=True)
class PhoneState:
    participant_id: int | None
    name: str = ""
    round: BallotRound | None = None  # the round to vote in now
    voted: BallotRound | None = None  # the round whose vote is recorded, when none is left to vote in

    @property
    def key(self) -> str:
        if self.participant_id is None:
            return "out"
        if self.round is not None:
            return f"r{self.round.id}"
        if self.voted is not None:
            return f"v{self.voted.id}"
        return "w"


def voted_rounds(store: Store, participant_id: int, round_ids: list[int]) -> set[int]:
    if not round_ids:
        return set()
    marks = ",".join("?" * len(round_ids))
    return {r["round_id"] for r in store.query(
        f"SELECT round_id FROM vote_marks WHERE participant_id = ? AND round_id IN ({marks})",
        (participant_id, *round_ids))}


def phone_state(store: Store, participant_id: int | None) -> PhoneState:
    if participant_id is None:
        return PhoneState(None)
    name = store.scalar("SELECT name FROM participants WHERE id = ?", (participant_id,))
    if name is None:
        return PhoneState(None)
    rounds = phone_rounds(store)
    done = voted_rounds(store, participant_id, [r.id for r in rounds])
    todo = [r for r in rounds if r.id not in done]
    if todo:
        return PhoneState(participant_id, name, round=todo[0])
    voted = [r for r in rounds if r.id in done]
    return PhoneState(participant_id, name, voted=voted[-1] if voted else None)


def labels(store: Store, rnd: BallotRound) -> dict:
    return option_labels(store, rnd)


@dataclass(frozen=True)
class RoomSnapshot:
    """The whole room at one version, read once for every live stream."""

    rounds: tuple[BallotRound, ...]
    marks: dict[int, frozenset[int]]  # round id -> participants who voted
    hashes: dict[int, str]  # participant id -> hash of the bound phone's token
    names: dict[int, str]
    read_at: float

    def state(self, participant_id: int | None, token: str) -> PhoneState:
        """That phone's state, if its token is still bound to ``participant_id``."""
        bound = self.hashes.get(participant_id) if participant_id is not None else None
        if bound is None or not hmac.compare_digest(bound.encode(), token_hash(token).encode()):
            return PhoneState(None)
        todo = [r for r in self.rounds if participant_id not in self.marks.get(r.id, ())]
        if todo:
            return PhoneState(participant_id, self.names.get(participant_id, ""), round=todo[0])
        voted = [r for r in self.rounds if participant_id in self.marks.get(r.id, ())]
        return PhoneState(participant_id, self.names.get(participant_id, ""), voted=voted[-1] if voted else None)


def snapshot(store: Store) -> RoomSnapshot:
    rounds = tuple(phone_rounds(store))
    marks: dict[int, set[int]] = {r.id: set() for r in rounds}
    if rounds:
        ids = ",".join(str(r.id) for r in rounds)
        for row in store.query(f"SELECT round_id, participant_id FROM vote_marks WHERE round_id IN ({ids})"):
            marks[row["round_id"]].add(row["participant_id"])
    hashes = {r["participant_id"]: r["token_hash"] for r in store.query(
        "SELECT participant_id, token_hash FROM join_codes WHERE token_hash IS NOT NULL")}
    names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM participants")}
    return RoomSnapshot(rounds, {k: frozenset(v) for k, v in marks.items()}, hashes, names, time.monotonic())
