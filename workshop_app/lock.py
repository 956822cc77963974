"""One editor at a time: the app that opens a seminar first holds it until it closes it.

The hold is an operating-system lock on a small file beside the seminar
(``<name>.workshop.lock``), taken without waiting: ``flock`` on Linux and macOS,
``msvcrt.locking`` on Windows. Both work on a folder shared over the network (SMB, NFS)
where the server honours locks, and both die with the process: a crash, a kill or a
power cut never leaves a seminar held. The lock file names the holder (user, computer,
process, since when) so that a second app can say who has the file; it opens the
seminar read-only and offers to work on a copy.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .i18n import _

LOCK_SUFFIX = ".lock"
_WINDOWS_BYTE = 1 << 20  # the byte locked on Windows, far from the holder's description


def lock_path(seminar: str | Path) -> Path:
    return Path(f"{seminar}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class Holder:
    """Who holds a seminar, as its lock file says."""

    name: str
    host: str
    pid: int
    since: str = ""

    def describe(self) -> str:
        """E.g. "marie on LAPTOP-12 (process 4242, since 09:02)"."""
        if not self.name and not self.host:
            return _("another app (its lock file cannot be read)")
        return _("{name} on {host} (process {pid}, since {since})").format(
            name=self.name or _("someone"), host=self.host or "?", pid=self.pid, since=self._since())

    def _since(self) -> str:
        try:
            moment = datetime.fromisoformat(self.since)
        except ValueError:
            return self.since or "?"
        return f"{moment:%H:%M}" if moment.date() == datetime.now().date() else f"{moment:%Y-%m-%d %H:%M}"

    @classmethod
    def me(cls) -> "Holder":
        try:
            name = getpass.getuser()
        except (OSError, KeyError, ImportError):
            name = ""
        return cls(name, socket.gethostname(), os.getpid(), datetime.now().isoformat(timespec="seconds"))

    @classmethod
    def read(cls, path: Path) -> "Holder":
        try:
            with open(path, "rb") as fh:
                data = json.loads(fh.read(4096).decode("utf-8"))
            return cls(str(data.get("name", "")), str(data.get("host", "")), int(data.get("pid", 0)),
                       str(data.get("since", "")))
        except (OSError, ValueError, TypeError, AttributeError):
            return cls("", "", 0)  # held, by someone whose lock file cannot be read


class HeldError(Exception):
    def __init__(self, holder: Holder):
        super().__init__(holder.describe())
        self.holder = holder


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """The hold of one seminar by this process; ``release()`` when the seminar is closed."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, seminar: str | Path) -> "FileLock":
        """Hold ``seminar`` now, or raise ``HeldError`` naming who does (``OSError``: no lock possible)."""
        path = lock_path(seminar)
        for _attempt in range(5):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise HeldError(Holder.read(path))
            # the file may have been removed by a holder releasing it in between: lock the file
            # that is there now, or another app could lock a new one at the same time
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                lock = cls(path, fd)
                lock._describe(Holder.me())
                return lock
            _unlock(fd)
            os.close(fd)
        raise OSError("the lock file keeps changing")

    def _describe(self, holder: Holder) -> None:
        data = json.dumps({"name": holder.name, "host": holder.host, "pid": holder.pid,
                           "since": holder.since}).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
        with contextlib.suppress(OSError):
            os.fsync(self._fd)

    def release(self) -> None:
        """Remove the lock file, then let the lock go (a kill at any point leaves nothing held)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name != "nt":
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # while still locked: nobody can be holding this very file
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":  # pragma: no cover - Windows cannot remove an open file
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def open_for_editing(path: str | Path, before_migration=None):
    """Open a seminar the way the app does: held for editing, or read-only if someone holds it.

    The returned store has ``lock`` (this app holds the file) or ``held_by`` (the
    ``Holder`` that does: the store is then read-only). Where no lock can be taken at
    all (a folder that refuses lock files, read-only media), the file opens as
    ``open_store`` would open it.
    """
    from .store import open_store

    path = Path(path)
    try:
        lock = FileLock.acquire(path)
    except HeldError as held:
        store = open_store(path, read_only=True, upgrade_in_memory=True)
        store.held_by = held.holder
        return store
    except OSError:
        return open_store(path, before_migration=before_migration)
    try:
        store = open_store(path, before_migration=before_migration)
    except BaseException:
        lock.release()
        raise
    if store.read_only:  # a read-only file: nothing to hold
        lock.release()
    else:
        store.lock = lock
    return store


def hold(store) -> None:
    """Hold a seminar this app has just created (nobody else can have it open yet)."""
    if store.read_only or store.lock is not None:
        return
    try:
        store.lock = FileLock.acquire(store.path)
    except (HeldError, OSError):
        pass  # a folder that takes no locks: the seminar works as before, unheld
