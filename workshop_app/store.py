"""The seminar file: one SQLite document, one committed transaction per user action.

``open_store`` checks a file before touching it: a file that is not one of ours, is
from a newer version, or is damaged is refused with a ``StoreError`` whose message
can be shown as is, and its bytes are left unchanged.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Iterator


def import_sqlite_utils():
    """sqlite-utils, imported the first time a change is written (not to read a seminar).

    Importing it (with click, dateutil, pluggy…) costs a fifth of the app's start-up, and
    opening a seminar to show it only reads: ``Store.query`` reads through ``sqlite3``.
    The app imports it in idle time right after the first paint (``ui/app.py``).
    numpy and pandas are hidden during this one import, as sqlite-utils loads them only
    to map their types and we never store such values; matplotlib still imports numpy
    normally when the first chart is drawn.
    """
    if "sqlite_utils" in sys.modules and sys.modules["sqlite_utils"] is not None:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import numpy" raise ImportError, which sqlite-utils expects
    try:
        import sqlite_utils as module
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return module

from .i18n import _
from .schema import MIGRATIONS, SCHEMA_VERSION

APPLICATION_ID = 0x57534B50  # "WSKP": marks a file as a seminar of this app
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".workshop"


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """An SQLite URI for reading ``path``, whatever characters its name has (#, ?, %)."""
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


_READS = {"SELECT", "WITH", "VALUES", "PRAGMA", "EXPLAIN"}


class StoreError(Exception):
    """A problem with a seminar file; ``str(error)`` is a sentence for the user."""


class NotASeminarError(StoreError):
    pass


class NewerVersionError(StoreError):
    pass


class DamagedFileError(StoreError):
    pass


def _read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except FileNotFoundError:
        raise StoreError(_("The file {name} does not exist.").format(name=path.name)) from None
    except IsADirectoryError:
        raise NotASeminarError(_("{name} is a folder, not a seminar file.").format(name=path.name)) from None
    except PermissionError:
        raise StoreError(_("You are not allowed to read {name}.").format(name=path.name)) from None


def inspect_header(path: Path) -> int:
    """Check the 100-byte header without opening the database; return its schema version."""
    header = _read_header(path)
    name = path.name
    if not header.startswith(SQLITE_MAGIC):
        raise NotASeminarError(_("{name} is not a seminar file.").format(name=name))
    if len(header) < 100:
        raise DamagedFileError(_("{name} is damaged (it is truncated).").format(name=name))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if app_id != APPLICATION_ID:
        raise NotASeminarError(
            _("{name} is a database of another application, not a seminar file.").format(name=name)
        )
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            _("{name} was made by a newer version of the app; update the app to open it.").format(name=name)
        )
    if version < 1:
        raise DamagedFileError(_("{name} is damaged (no schema version).").format(name=name))
    return version


def check_file(path: str | Path, full: bool = True) -> int:
    """Check header and integrity without modifying the file; return its schema version.

    A seminar that is open, or whose app crashed, comes with a journal (``-wal``) holding
    the commits not yet copied into the main file: the main file alone may lack even its
    identity (a new seminar's header is written at the first checkpoint) or be half
    updated (a crash during a checkpoint). Such a file is checked on a private copy where
    SQLite replays the journal, so a recoverable seminar is never called foreign or damaged.
    """
    path = Path(path)
    header = _read_header(path)
    journals = [Path(f"{path}{s}") for s in ("-wal", "-journal")]
    if header.startswith(SQLITE_MAGIC) and any(j.is_file() and j.stat().st_size > 0 for j in journals):
        try:
            return _check_with_journal(path, journals, full)
        except OSError:
            pass  # no room for a copy: check the main file alone, as below
    return _check_image(path, full)


def _check_with_journal(path: Path, journals: list[Path], full: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="workshop-check-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        for journal in journals:
            if journal.is_file():
                shutil.copyfile(journal, Path(folder) / journal.name)
        try:
            conn = sqlite3.connect(copy)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # replays the journal
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and writes it into the copy
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            raise DamagedFileError(
                _("{name} is damaged and cannot be read ({reason}).").format(name=path.name, reason=error)
            ) from None
        inspect_header(copy)
        return _check_image(copy, full)


def _check_image(path: Path, full: bool) -> int:
    """Check a file whose main file is the whole database (no journal to replay)."""
    version = inspect_header(path)
    uri = read_only_uri(path, immutable=True)
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(uri, uri=True)
        conn.text_factory = lambda data: data.decode("utf-8", errors="replace")
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            seminars = conn.execute("SELECT count(*) FROM seminar").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, ValueError) as error:
        raise DamagedFileError(
            _("{name} is damaged and cannot be read ({reason}).").format(name=path.name, reason=error)
        ) from None
    if rows != [("ok",)]:
        raise DamagedFileError(
            _("{name} is damaged: {reason}").format(name=path.name, reason=rows[0][0])
        )
    if seminars != 1:  # the app stopped within the instant of creating it: there is nothing in it
        raise DamagedFileError(_("{name} was not completely created; create the seminar again.")
                               .format(name=path.name))
    return version


class Store:
    """An open seminar file. Use ``with store.action():`` around each user action."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.read_only = read_only
        self.conn = conn
        self._db = None

    @property
    def db(self):
        """The ``sqlite_utils.Database`` over this file (imports sqlite-utils on first use)."""
        if self._db is None:
            self._db = import_sqlite_utils().Database(self.conn)
        return self._db

    @contextlib.contextmanager
    def action(self) -> Iterator["sqlite_utils.Database"]:
        """One user action: a transaction committed at the end (nested ones join it)."""
        if self.read_only:
            raise StoreError(_("This seminar is open read-only; changes cannot be saved."))
        try:
            with self.db.atomic():
                yield self.db
        except UnicodeEncodeError:
            from .domain import ValidationError

            raise ValidationError(_("This text contains broken characters that cannot be saved; "
                                    "type it again.")) from None
        except sqlite3.OperationalError as error:
            if "disk" in str(error) or "full" in str(error):
                raise StoreError(_("The disk is full: the last change was not saved.")) from error
            raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """The rows of a read (SELECT, WITH, VALUES, a PRAGMA that returns rows) as dicts.

        Anything else is refused before it runs: a change goes through ``action()``.
        """
        words = sql.lstrip(" \t\r\n(").split(None, 1)
        if not words or words[0].upper() not in _READS:
            raise ValueError("Store.query() is for reads; make a change in an action")
        cursor = self.conn.execute(sql, params)
        if cursor.description is None:
            raise ValueError("Store.query() is for statements that return rows; use an action")
        keys = [column[0] for column in cursor.description]
        return [dict(zip(keys, row)) for row in cursor]

    def scalar(self, sql: str, params: tuple = ()):
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def backup_to(self, target: str | Path) -> Path:
        """Copy the whole seminar with SQLite's online backup API, atomically."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StoreError(_("Choose another file than the open seminar."))
        folder = target.parent
        if not folder.is_dir():
            raise StoreError(_("The folder {folder} does not exist.").format(folder=folder))
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp", prefix=".backup-")
        os.close(fd)
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as error:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise StoreError(_("The copy could not be written: {reason}").format(reason=error)) from None
        return target

    def close(self) -> None:
        if self.conn is None:
            return
        if not self.read_only:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        self.conn = None  # type: ignore[assignment]


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            if os.access(path.parent, os.W_OK):
                raise
            # On read-only media SQLite cannot create the journal's index beside the file;
            # nobody can write there either, so the file is read as it is.
            conn.close()
            conn = sqlite3.connect(read_only_uri(path, immutable=True), uri=True, isolation_level=None,
                                   check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def migrate(conn: sqlite3.Connection, before_migration=None) -> None:
    """Run the migrations the file lacks, each in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION and version > 0 and before_migration is not None:
        before_migration(version)
    for number in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def create_store(path: str | Path, title: str, organisation: str = "", language: str = "fr",
                 created_at: str = "") -> Store:
    """Create a new, empty seminar file (refusing to overwrite an existing one)."""
    path = Path(path)
    if path.exists():
        raise StoreError(_("{name} already exists.").format(name=path.name))
    if not path.parent.is_dir():
        raise StoreError(_("The folder {folder} does not exist.").format(folder=path.parent))
    try:
        conn = _connect(path, read_only=False)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn)
    except sqlite3.Error as error:
        raise StoreError(_("The seminar could not be created: {reason}").format(reason=error)) from None
    store = Store(path, conn, read_only=False)
    with store.action() as db:
        db["seminar"].insert({"id": 1, "title": title, "organisation": organisation,
                              "language": language, "created_at": created_at})
        db["run_state"].insert({"id": 1})
    return store


def open_store(path: str | Path, before_migration=None, read_only: bool | None = None) -> Store:
    """Open an existing seminar, migrating it forward if it is older.

    ``before_migration(version)`` is called before a migration (to take a snapshot), before
    the file is touched at all: if it raises, the file is left exactly as it was.
    A file the user may not write is opened read-only.
    """
    path = Path(path)
    version = check_file(path, full=False)
    if read_only is None:
        read_only = not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
    if read_only and version < SCHEMA_VERSION:
        raise StoreError(_("{name} is read-only and made by an older version: "
                           "copy it to a folder you can write to.").format(name=path.name))
    if not read_only and version < SCHEMA_VERSION and before_migration is not None:
        before_migration(version)
    conn = None
    try:
        conn = _connect(path, read_only)
        if not read_only:
            migrate(conn)
        conn.execute("SELECT count(*) FROM seminar").fetchone()
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise DamagedFileError(
            _("{name} cannot be opened: {reason}").format(name=path.name, reason=error)
        ) from None
    return Store(path, conn, read_only=read_only)
