"""Automatic snapshots of a seminar file, each a fresh ``VACUUM INTO`` copy (``store.write_copy``).

Snapshots live in a folder beside the seminar (``<name>.snapshots/``): one at the start
of each seminar day, one before any migration, one before a restore. Only the newest
``KEEP`` are kept. Restoring replaces the seminar with a snapshot, after taking a
snapshot of the current state, so a restore can itself be undone. A snapshot, like any
copy, is written anew in key order: taken while a secret round is open, it keeps no more
than the sealed file would (never the order in which the ballots were cast).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .i18n import _
from .store import Store, StoreError, check_file, read_only_uri, write_copy

KEEP = 12
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.workshop$")


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: datetime
    reason: str  # "day-<id>", "migration-v<n>", "before-restore", "manual"

    def describe(self) -> str:
        when = self.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if self.reason.startswith("day-"):
            what = _("start of a seminar day")
        elif self.reason.startswith("migration"):
            what = _("before an update of the file format")
        elif self.reason == "before-restore":
            what = _("before a restore")
        else:
            what = _("manual")
        return f"{when} — {what}"


def folder_for(seminar_path: Path) -> Path:
    return seminar_path.with_name(seminar_path.stem + ".snapshots")


def list_snapshots(seminar_path: Path) -> list[Snapshot]:
    """Newest first."""
    folder = folder_for(Path(seminar_path))
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                found.append(Snapshot(path, datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"]))
    return sorted(found, key=lambda s: (s.taken_at, s.path.name), reverse=True)


def _prune(seminar_path: Path, keep: int) -> None:
    for old in list_snapshots(seminar_path)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def _free_name(folder: Path, moment: datetime, reason: str) -> Path:
    """The snapshot's file name; never one already taken (two snapshots within a second)."""
    while True:
        target = folder / f"{moment:%Y%m%d-%H%M%S}-{reason}.workshop"
        if not target.exists():
            return target
        moment += timedelta(seconds=1)


def take_snapshot(seminar_path: Path, conn: sqlite3.Connection | Store, reason: str, now: datetime | None = None,
                  keep: int = KEEP) -> Path | None:
    """Copy the seminar (a connection, or an open store) into its snapshot folder.

    None when the folder cannot be written: a snapshot never blocks the seminar.
    """
    seminar_path = Path(seminar_path)
    folder = folder_for(seminar_path)
    try:
        folder.mkdir(exist_ok=True)
        target = _free_name(folder, now or datetime.now(), reason)
        if isinstance(conn, Store):
            conn.copy_into(target, ".snap-")
        else:
            write_copy(conn, target, ".snap-")
    except (OSError, sqlite3.Error):
        return None  # a snapshot is a safety net: never block the seminar for it
    _prune(seminar_path, keep)
    return target


def snapshot_before_migration(seminar_path: Path):
    """A ``before_migration`` callback for ``open_store``: copy the file as it is."""

    def callback(version: int) -> None:
        conn = sqlite3.connect(read_only_uri(Path(seminar_path)), uri=True)
        try:
            if take_snapshot(seminar_path, conn, f"migration-v{version}") is None:
                raise StoreError(_("A safety copy could not be written before updating {name}; "
                                   "it was left unchanged.").format(name=Path(seminar_path).name))
        finally:
            conn.close()

    return callback


def ensure_day_snapshot(store: Store, day_id: int, now: datetime | None = None) -> Path | None:
    """Take the snapshot of a seminar day once, when the day's first block starts."""
    reason = f"day-{day_id}"
    if any(s.reason == reason for s in list_snapshots(store.path)):
        return None
    return take_snapshot(store.path, store, reason, now)


def restore_snapshot(seminar_path: Path, snapshot: Path) -> None:
    """Replace the (closed) seminar file by ``snapshot``, keeping a snapshot of the current state.

    The chosen snapshot is copied first (keeping the current state aside may prune old
    snapshots); a current file too damaged to be read as a database is kept byte for byte.
    """
    seminar_path = Path(seminar_path)
    check_file(snapshot)
    fd, tmp = tempfile.mkstemp(dir=seminar_path.parent, suffix=".tmp", prefix=".restore-")
    os.close(fd)
    try:
        shutil.copyfile(snapshot, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if seminar_path.exists() and _keep_current(seminar_path) is None:
            raise StoreError(_("The current state could not be kept aside; nothing was restored."))
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{seminar_path}{suffix}")
        os.replace(tmp, seminar_path)
    except OSError as error:
        raise StoreError(_("The snapshot could not be restored: {reason}").format(reason=error)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _keep_current(seminar_path: Path) -> Path | None:
    """The before-restore snapshot: a database copy, or the raw bytes of a damaged file."""
    conn = sqlite3.connect(seminar_path)
    try:
        kept = take_snapshot(seminar_path, conn, "before-restore", keep=KEEP + 1)
    finally:
        conn.close()
    if kept is not None:
        return kept
    try:
        check_file(seminar_path, full=False)
        return None  # a sound file that could not be copied: the folder is the problem
    except StoreError:
        pass
    folder = folder_for(seminar_path)
    try:
        folder.mkdir(exist_ok=True)
        target = _free_name(folder, datetime.now(), "before-restore")
        shutil.copyfile(seminar_path, target)
    except OSError:
        return None
    return target
