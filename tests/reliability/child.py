"""A child process the reliability tests kill with SIGKILL (run as a script, never imported).

Every mode opens a real seminar file through the core and does real work. It prints
one line per *acknowledged* commit (``ack <kind> <id> ...``), flushed after the core
call returned, so the parent knows exactly what must survive the kill. Modes:

``work PATH SEED``
    open the seminar for editing (``open_for_editing``: it must get the lock, so a kill
    never leaves the file held), then an endless loop of core operations: add/rename
    participants, add/edit ideas, cast ballots in a secret round (exercises.arbitration
    ``create_round``/``cast_ballot``), close a round and seal the file, take a snapshot,
    close the file (releasing its lock) and open it again.
``fresh PATH COUNT``
    create a new seminar, add COUNT participants, then wait to be killed (never closed).
``migrate PATH PAUSE_AT``
    ``open_store`` on an old file with a progress handler on the migrating connection;
    at the PAUSE_AT-th call it prints ``paused`` and waits to be killed (PAUSE_AT < 0:
    migrate to the end and print ``total N``, the number of calls).
``backup PATH TARGET POINT`` / ``snapshot PATH POINT`` / ``restore PATH SNAPSHOT POINT``
    ``Store.backup_to``, ``ensure_day_snapshot``, ``restore_snapshot``, paused at POINT:
    ``copy:K`` (at the K-th step of the ``VACUUM INTO`` copy), ``fsync:N`` (before the N-th
    fsync), ``replace:N`` (before the N-th os.replace), ``after:N`` (after it), ``none``.
``resume PATH START_TS``
    run the agenda with a fake clock (start, pause, resume, next), acking each command.
``hold PATH``
    open the seminar for editing (taking its lock), add a participant, print
    ``ready <pid>`` and wait to be killed.
``race PATH ROUND PARTICIPANT GO_FILE``
    wait for GO_FILE to exist, then cast a ballot; print ``ok`` or ``refused <message>``.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# sqlite-utils imports numpy and pandas only to map their types, which the core never uses:
# without them the child starts twice as fast, so a run fits more kills
sys.modules.setdefault("numpy", None)
sys.modules.setdefault("pandas", None)


def say(*parts) -> None:
    print(*parts, flush=True)


def pause(label: str) -> None:
    """Tell the parent we are exactly at the point it wants, then wait for SIGKILL."""
    say("paused", label)
    time.sleep(60)
    os._exit(3)  # never reached when the parent does its job


# --- work ---------------------------------------------------------------------------

def _version(text: str) -> int:
    return int(text.rsplit(" v", 1)[1]) if " v" in text else 0


def work(path: str, seed: int) -> None:
    from exercises.arbitration import logic as arbitration
    from exercises.ideation import logic as ideation
    from workshop_app import participants
    from workshop_app.lock import open_for_editing
    from workshop_app.snapshots import take_snapshot

    def editing():
        opened = open_for_editing(path)
        if opened.read_only:
            raise SystemExit(f"the file is held by {opened.held_by}: a killed app left it locked")
        return opened

    rng = random.Random(seed)
    store = editing()
    keys = arbitration.VoteKeys()
    options = [r["id"] for r in store.query("SELECT id FROM initiatives ORDER BY id")]
    say("ready")

    def open_round() -> int:
        rounds = [r for r in arbitration.list_rounds(store) if r.is_open]
        if rounds:
            return rounds[-1].id
        rid = arbitration.create_round(store, "Which initiatives?", "approval", options, "secret")
        say("ack round", rid)
        return rid

    rid = open_round()
    while True:
        op = rng.random()
        people = [r["id"] for r in store.query("SELECT id FROM participants ORDER BY id")]
        if op < 0.25:
            pid = participants.add_participant(store, f"Person {rng.randrange(10**6)}", "Tester")
            say("ack participant", pid)
        elif op < 0.4 and people:
            pid = rng.choice(people)
            version = _version(participants.get_participant(store, pid).name) + 1
            participants.update_participant(store, pid, f"Person {pid} v{version}", "Tester")
            say("ack rename", pid, version)
        elif op < 0.55:
            iid = ideation.add_idea(store, f"Idea {rng.randrange(10**6)} ✨ « idée »")
            say("ack idea", iid)
        elif op < 0.65:
            ideas = [r["id"] for r in store.query("SELECT id FROM ideas ORDER BY id")]
            if ideas:
                iid = rng.choice(ideas)
                version = _version(ideation.get_idea(store, iid).text) + 1
                ideation.update_idea(store, iid, f"Idea {iid} v{version}")
                say("ack edit", iid, version)
        elif op < 0.93:
            voted = arbitration.voter_ids(store, rid)
            waiting = [p for p in people if p not in voted]
            if waiting:
                pid = rng.choice(waiting)
                choice = rng.sample(options, rng.randint(1, len(options)))
                arbitration.cast_ballot(store, rid, pid, choice, seal_key=keys.key(rid))
                say("ack ballot", rid, pid)
        elif op < 0.96:
            sealed = arbitration.close_round(store, rid)  # then seals: VACUUM and an emptied journal
            say("ack close", rid, int(sealed))
            rid = open_round()
        elif op < 0.98:
            taken = take_snapshot(store.path, store, "manual", keep=4)
            say("ack snapshot", 1 if taken is not None else 0)
        else:
            store.close()  # releases the lock: the next opening must get it back
            store = editing()
            say("ack reopen", 0)


def fresh(path: str, count: int) -> None:
    """A brand-new seminar, never closed: its main file has no identity yet, only the journal."""
    from workshop_app import participants
    from workshop_app.store import create_store

    store = create_store(path, "Fresh seminar", "Org", "en")
    say("ack created")
    for n in range(count):
        say("ack participant", participants.add_participant(store, f"Person {n}"))
    pause("fresh")


# --- pausing inside copies -------------------------------------------------------------

class _SlowBackup:
    """A connection whose copies (``VACUUM INTO``) go slowly and pause at step ``at``.

    A step is one call of SQLite's progress handler (every 100 virtual-machine
    instructions): ``copy:1`` pauses as the copy begins, ``copy:20`` within it.
    """

    def __init__(self, conn, at: int):
        self._conn = conn
        self._at = at

    def execute(self, sql, *args):
        if not sql.lstrip().upper().startswith("VACUUM INTO"):
            return self._conn.execute(sql, *args)
        steps = 0

        def progress():
            nonlocal steps
            steps += 1
            if steps == self._at:
                pause(f"copy step {steps}")
            return 0

        self._conn.set_progress_handler(progress, 100)
        try:
            return self._conn.execute(sql, *args)
        finally:
            self._conn.set_progress_handler(None, 0)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _install_pause(point: str) -> int | None:
    """Patch os.fsync/os.replace for ``fsync:N``/``replace:N``/``after:N``; return K of ``copy:K``."""
    kind, _sep, number = point.partition(":")
    if kind == "copy":
        return int(number)
    if kind not in ("fsync", "replace", "after"):
        return None
    wanted = int(number)
    calls = {"fsync": 0, "replace": 0}
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        calls["fsync"] += 1
        if kind == "fsync" and calls["fsync"] == wanted:
            pause(point)
        return real_fsync(fd)

    def replace(src, dst, *args, **kwargs):
        calls["replace"] += 1
        if kind == "replace" and calls["replace"] == wanted:
            pause(point)
        result = real_replace(src, dst, *args, **kwargs)
        if kind == "after" and calls["replace"] == wanted:
            pause(point)
        return result

    os.fsync, os.replace = fsync, replace
    return None


def backup(path: str, target: str, point: str) -> None:
    from workshop_app.store import open_store

    store = open_store(path)
    copy_at = _install_pause(point)
    if copy_at is not None:
        store.conn = _SlowBackup(store.conn, copy_at)
    say("ready")
    store.backup_to(target)
    say("ack backup", target)
    time.sleep(60)


def snapshot(path: str, point: str) -> None:
    from workshop_app.snapshots import ensure_day_snapshot
    from workshop_app.store import open_store

    store = open_store(path)
    copy_at = _install_pause(point)
    if copy_at is not None:
        store.conn = _SlowBackup(store.conn, copy_at)
    say("ready")
    taken = ensure_day_snapshot(store, 1)
    say("ack snapshot", taken)
    time.sleep(60)


def restore(path: str, snapshot_path: str, point: str) -> None:
    import sqlite3

    from workshop_app import snapshots

    copy_at = _install_pause(point)
    if copy_at is not None:
        real_connect = sqlite3.connect

        class _Sqlite:
            def __getattr__(self, name):
                return getattr(sqlite3, name)

            @staticmethod
            def connect(*args, **kwargs):
                return _SlowBackup(real_connect(*args, **kwargs), copy_at)

        snapshots.sqlite3 = _Sqlite()
    say("ready")
    snapshots.restore_snapshot(Path(path), Path(snapshot_path))
    say("ack restore")
    time.sleep(60)


# --- migration ------------------------------------------------------------------------

def migrate(path: str, pause_at: int) -> None:
    from workshop_app import snapshots, store as store_module

    calls = 0
    real_connect = store_module._connect

    def slow_connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)

        def handler():
            nonlocal calls
            calls += 1
            if calls == pause_at:
                pause(f"migration call {calls}")
            return 0

        conn.set_progress_handler(handler, 5)
        return conn

    store_module._connect = slow_connect
    say("ready")
    store = store_module.open_store(path, before_migration=snapshots.snapshot_before_migration(Path(path)))
    store.conn.set_progress_handler(None, 0)
    say("ack migrated", store.schema_version)
    say("total", calls)
    store.close()


# --- crash resume ---------------------------------------------------------------------

def resume(path: str, start: float) -> None:
    from workshop_app.clock import FakeClock
    from workshop_app.run import Runner
    from workshop_app.store import open_store

    clock = FakeClock(start)
    runner = Runner(open_store(path), clock)
    say("ready")
    runner.start_or_pause()
    say("ack started", runner.current().id)
    clock.advance(125)
    runner.start_or_pause()
    say("ack paused", runner.current().id)
    clock.advance(40)
    runner.start_or_pause()
    say("ack resumed", runner.current().id)
    clock.advance(300)
    block = runner.go(+1)
    say("ack next", block.id)
    clock.advance(200)
    runner.start_or_pause()
    say("ack paused", runner.current().id)
    clock.advance(15)
    runner.start_or_pause()
    say("ack resumed", runner.current().id)
    pause("mid-block")


# --- racing ballots -----------------------------------------------------------------

def race(path: str, round_id: int, participant_id: int, go_file: str) -> None:
    from exercises.arbitration import logic as arbitration
    from workshop_app.domain import ValidationError
    from workshop_app.store import open_store

    store = open_store(path)
    rnd = arbitration.require_round(store, round_id)
    content = {rnd.options[0]: 100} if rnd.method == "points100" else list(rnd.options[:1])
    say("ready")
    while not os.path.exists(go_file):
        time.sleep(0.0005)
    try:
        arbitration.cast_ballot(store, round_id, participant_id, content)
    except ValidationError as error:
        say("refused", error)
    else:
        say("ok")
    store.close()


def hold(path: str) -> None:
    from workshop_app import participants
    from workshop_app.lock import open_for_editing

    store = open_for_editing(path)
    assert not store.read_only, store.held_by
    participants.add_participant(store, "Added by the holder")
    say("ready", os.getpid())
    pause("holding")


def main(argv: list[str]) -> None:
    mode, args = argv[0], argv[1:]
    if mode == "work":
        work(args[0], int(args[1]))
    elif mode == "fresh":
        fresh(args[0], int(args[1]))
    elif mode == "migrate":
        migrate(args[0], int(args[1]))
    elif mode == "backup":
        backup(*args)
    elif mode == "snapshot":
        snapshot(*args)
    elif mode == "restore":
        restore(*args)
    elif mode == "resume":
        resume(args[0], float(args[1]))
    elif mode == "hold":
        hold(args[0])
    elif mode == "race":
        race(args[0], int(args[1]), int(args[2]), args[3])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
