"""Kill -9 harness shared by the tests and ``scripts/stress_kill.py``.

The parent starts ``child.py`` (a real Python process using the core), lets it work for
a few milliseconds, kills it with SIGKILL, then checks the file as the next start of the
app would find it: header and integrity, and every commit the child acknowledged.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = Path(__file__).with_name("child.py")
ROOT = Path(__file__).resolve().parents[2]


def spawn(mode: str, *args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen([sys.executable, str(CHILD), mode, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)


def wait_for(proc: subprocess.Popen, word: str, timeout: float = 30.0) -> list[str]:
    """Read lines until one starts with ``word``; return the lines read (fails on early exit)."""
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            proc.wait()
            raise AssertionError(f"child exited ({proc.returncode}) before '{word}':\n{proc.stderr.read()}")
        lines.append(line.rstrip("\n"))
        if line.startswith(word):
            return lines
    raise AssertionError(f"no '{word}' from the child")


def kill(proc: subprocess.Popen) -> list[str]:
    """SIGKILL the child; return the complete lines it printed (a cut last line is dropped)."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    out = proc.stdout.read()
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the child stopped by itself ({proc.returncode}) instead of being killed:\n{err}")
    lines = out.split("\n")
    return lines[:-1]  # the part after the last newline is an unfinished line


def dump(path: Path, columns: dict[str, list[str]] | None = None) -> dict:
    """The logical content of a seminar file: every table's rows, sorted (read-only)."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        tables = columns or {r[0]: ["*"] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        return {t: sorted(conn.execute(f'SELECT {", ".join(cols)} FROM "{t}"').fetchall(), key=repr)
                for t, cols in tables.items()}
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def prepare_seminar(path: Path) -> None:
    """A seminar with people, initiatives, ideas and an open secret round."""
    from exercises.arbitration import logic as arbitration
    from exercises.ideation import initiatives, logic as ideation
    from workshop_app import participants
    from workshop_app.store import create_store

    store = create_store(path, "Kill test", "Org", "en")
    for name in ("Ann", "Bob", "Chloé"):
        participants.add_participant(store, name)
    ids = [initiatives.create_initiative(store, title=f"Initiative {n}") for n in range(4)]
    ideation.add_idea(store, "First idea")
    arbitration.create_round(store, "Which initiatives?", "approval", ids, "secret")
    store.close()


@dataclass
class Expectation:
    """What the child acknowledged, accumulated over all kills."""

    participants: set = field(default_factory=set)
    renames: dict = field(default_factory=dict)
    ideas: set = field(default_factory=set)
    edits: dict = field(default_factory=dict)
    ballots: set = field(default_factory=set)
    rounds: set = field(default_factory=set)
    closed: set = field(default_factory=set)
    snapshots: int = 0
    reopens: int = 0
    acks: int = 0

    def feed(self, lines: list[str]) -> None:
        for line in lines:
            parts = line.split()
            if not parts or parts[0] != "ack":
                continue
            self.acks += 1
            kind, args = parts[1], [int(p) for p in parts[2:]]
            if kind == "participant":
                self.participants.add(args[0])
            elif kind == "rename":
                self.renames[args[0]] = max(args[1], self.renames.get(args[0], 0))
            elif kind == "idea":
                self.ideas.add(args[0])
            elif kind == "edit":
                self.edits[args[0]] = max(args[1], self.edits.get(args[0], 0))
            elif kind == "ballot":
                self.ballots.add((args[0], args[1]))
            elif kind == "round":
                self.rounds.add(args[0])
            elif kind == "close":
                self.closed.add(args[0])
            elif kind == "snapshot":
                self.snapshots += 1
            elif kind == "reopen":
                self.reopens += 1

    def check(self, store) -> None:
        """Every acknowledged commit is in ``store``; no vote is half-written."""
        def version(text: str) -> int:
            return int(text.rsplit(" v", 1)[1]) if " v" in text else 0

        names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM participants")}
        missing = self.participants - set(names)
        assert not missing, f"acknowledged participants lost: {sorted(missing)[:10]}"
        for pid, wanted in self.renames.items():
            assert version(names[pid]) >= wanted, f"participant {pid}: rename v{wanted} lost ({names[pid]})"
        texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM ideas")}
        missing = self.ideas - set(texts)
        assert not missing, f"acknowledged ideas lost: {sorted(missing)[:10]}"
        for iid, wanted in self.edits.items():
            assert version(texts[iid]) >= wanted, f"idea {iid}: edit v{wanted} lost ({texts[iid]})"
        marks = {(r["round_id"], r["participant_id"]) for r in store.query("SELECT * FROM vote_marks")}
        missing = self.ballots - marks
        assert not missing, f"acknowledged ballots lost: {sorted(missing)[:10]}"
        status = {r["id"]: r["status"] for r in store.query("SELECT id, status FROM vote_rounds")}
        assert self.rounds <= set(status), "an acknowledged round was lost"
        assert all(status[r] != "open" for r in self.closed), "an acknowledged close was lost"
        for row in store.query("SELECT r.id, (SELECT count(*) FROM ballots b WHERE b.round_id = r.id) AS b,"
                               " (SELECT count(*) FROM vote_marks m WHERE m.round_id = r.id) AS m"
                               " FROM vote_rounds r"):
            assert row["b"] == row["m"], f"round {row['id']}: {row['b']} ballots for {row['m']} voters"


def verify_copy(path: Path, expected: Expectation) -> None:
    """Check the file as the app's next start would see it, on a copy (the hot journal stays)."""
    from workshop_app.store import check_file, open_store

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        for suffix in ("", "-wal"):
            if Path(f"{path}{suffix}").exists():
                shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
        check_file(copy, full=False)
        store = open_store(copy)
        try:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert not store.seal_pending, "a seal left pending by the kill was not done at the next opening"
            expected.check(store)
        finally:
            store.close()
    verify_snapshots(path)


def verify_snapshots(path: Path) -> None:
    """Every snapshot is complete (a kill mid-copy leaves at most a hidden temporary file)."""
    from workshop_app.snapshots import folder_for, list_snapshots
    from workshop_app.store import check_file

    for snapshot in list_snapshots(path):
        check_file(snapshot.path)
    folder = folder_for(path)
    if folder.is_dir():
        strays = [p.name for p in folder.iterdir() if not p.name.endswith(".workshop")
                  and not p.name.startswith(".snap-")]
        assert not strays, f"unexpected files among the snapshots: {strays}"


@dataclass
class Summary:
    kills: int = 0
    before_ready: int = 0
    acks: int = 0
    seconds: float = 0.0
    ballots: int = 0
    closes: int = 0
    snapshots: int = 0
    reopens: int = 0


def kill_cycles(path: Path, cycles: int, seed: int, progress=None) -> Summary:
    """Run ``cycles`` child processes on ``path``, SIGKILL each at a random moment, check each time."""
    from workshop_app.store import check_file, open_store

    rng = random.Random(seed)
    expected = Expectation()
    summary = Summary()
    began = time.monotonic()
    for cycle in range(cycles):
        proc = spawn("work", path, rng.randrange(2**32))
        seen: list[str] = []
        if rng.random() < 0.15:  # sometimes while it starts, opens and recovers the file
            time.sleep(rng.uniform(0.0, 0.25))
            summary.before_ready += 1
        else:
            # let it commit a random number of times (whatever the machine's speed), then a
            # random few milliseconds more: the kill lands anywhere, inside commits too
            seen += wait_for(proc, "ready")
            wanted = rng.randint(0, 25)
            while sum(line.startswith("ack") for line in seen) < wanted:
                line = proc.stdout.readline()
                if not line:
                    break
                seen.append(line.rstrip("\n"))
            time.sleep(rng.uniform(0.0, 0.02))
        lines = seen + kill(proc)
        expected.feed(lines)
        verify_copy(path, expected)
        summary.kills += 1
        if progress is not None:
            progress(cycle + 1, expected)
    # finally, in place: the next start of the app opens the very file
    check_file(path, full=False)
    store = open_store(path)
    try:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        expected.check(store)
    finally:
        store.close()
    summary.acks = expected.acks
    summary.ballots = len(expected.ballots)
    summary.closes = len(expected.closed)
    summary.snapshots = expected.snapshots
    summary.reopens = expected.reopens
    summary.seconds = time.monotonic() - began
    return summary
