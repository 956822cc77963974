"""Helpers of the secrecy tests: a secret round with ballots cast in a known order, and the
raw layout of a b-tree page (what a curious reader of the file's bytes would look at)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from exercises.arbitration import logic as arbitration
from exercises.ideation import initiatives
from workshop_app import participants
from workshop_app.store import create_store

VOTERS = 12


def secret_round_with_ballots(folder: Path, name: str = "vote.workshop", method: str = "points100"):
    """A seminar with a secret 100-point round where 12 voters cast in a random order.

    Returns (store, round_id, people, options, keys, contents) where ``contents[pid]`` is
    the stored JSON of that voter's ballot (each one different).
    """
    store = create_store(folder / name, "Secret vote", "Org", "en")
    people = [participants.add_participant(store, f"Voter {n}") for n in range(VOTERS)]
    options = [initiatives.create_initiative(store, title=f"Initiative {n}") for n in range(2)]
    rid = arbitration.create_round(store, "Split 100 points", method, options, "secret")
    keys = arbitration.VoteKeys()
    contents = {}
    for rank, pid in enumerate(random.Random(11).sample(people, len(people))):
        before = {r["token"] for r in store.query("SELECT token FROM ballots")}
        arbitration.cast_ballot(store, rid, pid, {options[0]: 3 + 7 * rank, options[1]: 97 - 7 * rank},
                                seal_key=keys.key(rid))
        token = ({r["token"] for r in store.query("SELECT token FROM ballots")} - before).pop()
        contents[pid] = store.scalar("SELECT content FROM ballots WHERE token = ?", (token,))
    return store, rid, people, options, keys, contents


def leaf_cell_offsets(path: Path, table: str) -> list[int]:
    """The cell pointers of a one-page b-tree, in key order, read from the main file's bytes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = Path(path).read_bytes()
    start = (root - 1) * page_size
    header = start + (100 if root == 1 else 0)
    assert data[header] in (0x0D, 0x0A), "expected a single leaf page"
    count = int.from_bytes(data[header + 3:header + 5], "big")
    return [int.from_bytes(data[header + 8 + 2 * i:header + 10 + 2 * i], "big") for i in range(count)]


def keeps_casting_order(path: Path) -> bool:
    """Whether the cells of the booth's tables sit anywhere but in key order in ``path``."""
    for table in ("ballots", "vote_marks"):
        offsets = leaf_cell_offsets(path, table)
        if offsets != sorted(offsets, reverse=True):
            return True
    return False


def file_bytes(path: Path) -> bytes:
    """The main file and its journal, as one could read them from the disk."""
    data = Path(path).read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")
