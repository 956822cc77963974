"""Checking a seminar file without changing it, and without copying it anywhere.

``check_file`` reads the header, then the database through SQLite in read-only mode.
A seminar that is open, or whose app crashed, has a journal (``-wal``) beside it that
holds commits not yet in the main file: SQLite reads it in place (the main file and the
journal keep their bytes; SQLite may create its small shared index, ``-shm``). A
journal is first checked to belong to its file: another seminar's journal, or the
journal of a crashed seminar whose file was then replaced by a backup, is refused with
what to do, and neither file is touched.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from .i18n import _
from .schema import SCHEMA_VERSION

APPLICATION_ID = 0x57534B50  # "WSKP": marks a file as a seminar of this app
SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNALS = ("-wal", "-journal", "-shm")


class StoreError(Exception):
    """A problem with a seminar file; ``str(error)`` is a sentence for the user."""


class NotASeminarError(StoreError):
    pass


class NewerVersionError(StoreError):
    pass


class DamagedFileError(StoreError):
    pass


class ForeignJournalError(DamagedFileError):
    """The ``-wal`` beside a file does not belong to it."""


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """An SQLite URI for reading ``path``, whatever characters its name has (#, ?, %)."""
    return Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def sibling(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _not_regular(name: str) -> StoreError:
    return NotASeminarError(_("{name} is not a regular file (it is a pipe, a device or a link to one); "
                              "a seminar is an ordinary .workshop file.").format(name=name))


def _read_header(path: Path) -> bytes:
    """The first 100 bytes; anything but a regular file is refused before it is read."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise StoreError(_("The file {name} does not exist.").format(name=name)) from None
    except IsADirectoryError:
        raise NotASeminarError(_("{name} is a folder, not a seminar file.").format(name=name)) from None
    except PermissionError:
        if path.is_dir():
            raise NotASeminarError(_("{name} is a folder, not a seminar file.").format(name=name)) from None
        raise StoreError(_("You are not allowed to read {name}.").format(name=name)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise NotASeminarError(_("{name} is a folder, not a seminar file.").format(name=name))
        if not stat.S_ISREG(mode):
            raise _not_regular(name)
        return os.read(fd, 100)
    except IsADirectoryError:
        raise NotASeminarError(_("{name} is a folder, not a seminar file.").format(name=name)) from None
    finally:
        os.close(fd)


def check_siblings(path: Path) -> None:
    """Refuse a journal or index beside the file that is not a regular file (a pipe would hang SQLite)."""
    for suffix in JOURNALS:
        try:
            mode = os.lstat(sibling(path, suffix)).st_mode
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(mode):
            raise _not_regular(sibling(path, suffix).name)


def _identity(header: bytes, name: str) -> int:
    """Check the 100-byte header; return its schema version."""
    if not header.startswith(SQLITE_MAGIC):
        raise NotASeminarError(_("{name} is not a seminar file.").format(name=name))
    if len(header) < 100:
        raise DamagedFileError(_("{name} is damaged (it is truncated).").format(name=name))
    return _known(int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big"), name)


def _known(app_id: int, version: int, name: str) -> int:
    if app_id != APPLICATION_ID:
        raise NotASeminarError(
            _("{name} is a database of another application, not a seminar file.").format(name=name))
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            _("{name} was made by a newer version of the app; update the app to open it.").format(name=name))
    if version < 1:
        raise DamagedFileError(_("{name} is damaged (no schema version).").format(name=name))
    return version


def inspect_header(path: Path) -> int:
    """Check the 100-byte header without opening the database; return its schema version."""
    path = Path(path)
    return _identity(_read_header(path), path.name)


def has_journal(path: Path) -> bool:
    for suffix in ("-wal", "-journal"):
        journal = sibling(path, suffix)
        if journal.is_file() and journal.stat().st_size > 0:
            return True
    return False


def check_file(path: str | Path, full: bool = True, stage_checks=()) -> int:
    """Check header, integrity and content without modifying the file; return its schema version.

    ``full``: the complete integrity check and the content checks (what ``import`` checks
    too; ``stage_checks`` are the exercises' own, see ``content_check``); otherwise the
    quick check the app runs at every opening.
    """
    path = Path(path)
    header = _read_header(path)
    check_siblings(path)
    if header.startswith(SQLITE_MAGIC) and has_journal(path):
        return _check_live(path, header, full, stage_checks)
    version = _identity(header, path.name)
    conn = _connect_ro(path, immutable=True)
    try:
        _check_connection(conn, path.name, full, stage_checks)
    finally:
        conn.close()
    return version


def _connect_ro(path: Path, immutable: bool) -> sqlite3.Connection:
    name = path.name
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable), uri=True)
        conn.text_factory = lambda data: data.decode("utf-8", errors="replace")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except (sqlite3.DatabaseError, ValueError) as error:
        raise DamagedFileError(
            _("{name} is damaged and cannot be read ({reason}).").format(name=name, reason=error)) from None


def _check_connection(conn: sqlite3.Connection, name: str, full: bool, stage_checks=()) -> None:
    from .content_check import first_problem

    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        if rows != [("ok",)]:
            raise DamagedFileError(_("{name} is damaged: {reason}").format(name=name, reason=rows[0][0]))
        has_seminar = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'seminar'").fetchone()[0]
        if has_seminar and conn.execute("SELECT count(*) FROM seminar").fetchone()[0] != 1:
            # the app stopped within the instant of creating it: there is nothing in it
            raise DamagedFileError(_("{name} was not completely created; create the seminar again.")
                                   .format(name=name))
        if full or not has_seminar:
            # the stages check the current schema; an older file is checked by them once migrated
            current = conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            problem = first_problem(conn, stage_checks if current else ())
            if problem:
                raise DamagedFileError(_("{name} cannot be used by the app: {problem}")
                                       .format(name=name, problem=problem))
    except (sqlite3.DatabaseError, ValueError) as error:
        raise DamagedFileError(
            _("{name} is damaged and cannot be read ({reason}).").format(name=name, reason=error)) from None


def file_uid(conn: sqlite3.Connection) -> str | None:
    """This file's random identity (``file_state.uid``), None in a file from before it existed."""
    try:
        row = conn.execute("SELECT uid FROM file_state WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _main_alone(path: Path, header: bytes) -> tuple[str | None, bool]:
    """(identity, sound) of the main file read without its journal."""
    try:
        _identity(header, path.name)
        conn = _connect_ro(path, immutable=True)
    except StoreError:
        return None, False
    try:
        sound = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        return file_uid(conn), sound
    except sqlite3.DatabaseError:
        return None, False
    finally:
        conn.close()


def _check_live(path: Path, header: bytes, full: bool, stage_checks) -> int:
    """A file with a journal: read both in place, after checking that they belong together."""
    name, wal = path.name, sibling(path, "-wal").name
    uid_alone, sound_alone = _main_alone(path, header)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.DatabaseError as error:
        raise DamagedFileError(
            _("{name} is damaged and cannot be read ({reason}).").format(name=name, reason=error)) from None
    conn.text_factory = lambda data: data.decode("utf-8", errors="replace")
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            uid = file_uid(conn)
        except sqlite3.OperationalError as error:
            if "readonly" in str(error).lower() or "read-only" in str(error).lower():
                raise DamagedFileError(_("{name} has a journal left by an interrupted change that can only "
                                         "be finished by opening it in the app with the right to write "
                                         "in its folder.").format(name=name)) from None
            raise _mismatch(name, wal) if sound_alone else DamagedFileError(
                _("{name} is damaged and cannot be read ({reason}).").format(name=name, reason=error)) from None
        except sqlite3.DatabaseError as error:
            raise _mismatch(name, wal) if sound_alone else DamagedFileError(
                _("{name} is damaged and cannot be read ({reason}).").format(name=name, reason=error)) from None
        if uid_alone is not None and uid is not None and uid != uid_alone:
            raise ForeignJournalError(
                _("The journal {wal} beside {name} does not belong to it (it comes from another seminar). "
                  "Move {wal} out of this folder, keeping it, then open {name} again.").format(wal=wal, name=name))
        try:
            version = _known(app_id, version, name)
            _check_connection(conn, name, full, stage_checks)
        except DamagedFileError:
            if sound_alone:
                raise _mismatch(name, wal) from None
            raise
        return version
    finally:
        conn.close()


def _mismatch(name: str, wal: str) -> ForeignJournalError:
    return ForeignJournalError(
        _("The journal {wal} beside {name} does not belong to it: the file was probably replaced, by a "
          "backup for instance, after the app had stopped without closing it. Move {wal} out of this folder, "
          "keeping it, then open {name} again: it opens as it was saved.").format(name=name, wal=wal))
