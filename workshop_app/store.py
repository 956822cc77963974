"""The seminar file: one SQLite document, one committed transaction per user action.

``open_store`` checks a file before touching it (``filecheck``): a file that is not one
of ours, is from a newer version, or is damaged is refused with a ``StoreError`` whose
message can be shown as is, and its bytes are left unchanged.

Reads and writes go two separate ways. ``Store.query``/``Store.scalar`` run under an
SQLite authorizer that denies anything but reading, so the read path cannot change the
file whatever SQL it is given; every change goes through ``Store.action()``, which
takes the file's write lock first (``BEGIN IMMEDIATE``), so an action that reads then
writes never fails half-way because another connection wrote in between.
"""

from __future__ import annotations

import _thread  # threading's RLock without importing threading (start-up time)
import contextlib
import os
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from .filecheck import (APPLICATION_ID, JOURNALS, SQLITE_MAGIC, DamagedFileError,  # noqa: F401 - re-exported
                        ForeignJournalError, NewerVersionError, NotASeminarError, StoreError, check_file,
                        has_journal, inspect_header, read_only_uri, sibling)
from .i18n import _
from .schema import SCHEMA_VERSION

SUFFIX = ".workshop"
BUSY_SECONDS = 3.0  # how long an action waits for another program's write to end
SEAL_WAIT_MS = 200  # how long sealing waits for a reader before trying again later


def import_sqlite_utils():
    """sqlite-utils, imported plainly the first time a change is written (not to read a seminar).

    Importing it costs a fifth of the app's start-up (it pulls in numpy when installed):
    reading a seminar only needs ``sqlite3``, so the start-up never pays it. The app
    imports it in idle time right after the first paint (``ui/app.py``).
    """
    import sqlite_utils

    return sqlite_utils


class BusyError(StoreError):
    """Another program held the file longer than an action waits."""


_READS = {"SELECT", "WITH", "VALUES", "PRAGMA", "EXPLAIN"}
# pragmas that only report (with or without an argument naming what to report on)
_REPORTING_PRAGMAS = {
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "collation_list",
    "function_list", "module_list", "pragma_list", "database_list", "compile_options",
}
# settings a read may look at, but never set
_SETTINGS = {
    "user_version", "application_id", "schema_version", "data_version", "journal_mode", "page_size",
    "page_count", "freelist_count", "foreign_keys", "encoding", "secure_delete", "synchronous",
    "auto_vacuum", "busy_timeout", "cache_size", "max_page_count", "query_only", "recursive_triggers",
}
_ALLOWED = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
            getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


def _read_only_authorizer(action, arg1, arg2, _database, _trigger):
    """Allow reading only: any write, schema change, transaction, ATTACH or setting is denied."""
    if action in _ALLOWED:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        if name in _REPORTING_PRAGMAS or (name in _SETTINGS and arg2 is None):
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


_REFUSED_READ = "Store.query() and Store.scalar() are for reads; make a change in an action"


class Store:
    """An open seminar file. Use ``with store.action():`` around each user action.

    One store may be shared by threads (the UI and a server): its connection is used by
    one thread at a time, an action holding it from start to commit.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.read_only = read_only
        self.conn = conn
        self.lock = None  # the editing lock (``workshop_app.lock``) when this app holds the file
        self.held_by = None  # who holds it, when this app opened it read-only for that reason
        self._db = None
        self._mutex = _thread.RLock()
        self._busy_seconds = BUSY_SECONDS

    # --- the read path ---------------------------------------------------------------
    def _read(self, sql: str, params) -> tuple[list, list | None]:
        words = sql.lstrip(" \t\r\n(").split(None, 1)
        if not words or words[0].upper() not in _READS:
            raise ValueError(_REFUSED_READ)
        with self._mutex:
            conn = self.conn
            conn.set_authorizer(_read_only_authorizer)
            try:
                cursor = conn.execute(sql, params)
                return cursor.fetchall(), cursor.description
            except sqlite3.DatabaseError as error:
                if "not authorized" in str(error) or isinstance(error, sqlite3.ProgrammingError):
                    raise ValueError(_REFUSED_READ) from None
                raise
            except sqlite3.Warning:  # more than one statement
                raise ValueError(_REFUSED_READ) from None
            finally:
                conn.set_authorizer(None)

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """The rows of a read (SELECT, WITH, VALUES, a PRAGMA that reports) as dicts.

        Anything that would change the file is refused (``ValueError``) before it runs.
        """
        rows, description = self._read(sql, params)
        if description is None:
            raise ValueError("Store.query() is for statements that return rows; use an action")
        keys = [column[0] for column in description]
        return [dict(zip(keys, row)) for row in rows]

    def scalar(self, sql: str, params: tuple = ()):
        """The first column of the first row of a read (None without rows); writes refused."""
        rows, _description = self._read(sql, params)
        return rows[0][0] if rows else None

    @property
    def schema_version(self) -> int:
        return self.scalar("PRAGMA user_version")

    # --- the write path ---------------------------------------------------------------
    @property
    def db(self):
        """The ``sqlite_utils.Database`` over this file (imports sqlite-utils on first use)."""
        if self._db is None:
            self._db = import_sqlite_utils().Database(self.conn)
        return self._db

    @property
    def busy_seconds(self) -> float:
        return self._busy_seconds

    @busy_seconds.setter
    def busy_seconds(self, seconds: float) -> None:
        self._busy_seconds = seconds
        with self._mutex:
            self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def refusal(self) -> str:
        if self.held_by is not None:
            return _("This seminar is open read-only because {holder} has it open; changes cannot be saved "
                     "here. Use “Open a copy” above the tabs to work on a copy.").format(holder=self.held_by.describe())
        return _("This seminar is open read-only; changes cannot be saved.")

    @contextlib.contextmanager
    def action(self) -> Iterator["sqlite_utils.Database"]:  # noqa: F821 - imported lazily
        """One user action: a transaction committed at the end (nested ones join it)."""
        if self.read_only:
            raise StoreError(self.refusal())
        with self._mutex:
            try:
                db = self.db
                if self.conn.in_transaction:
                    with db.atomic():
                        yield db
                    return
                self.conn.execute("BEGIN IMMEDIATE")  # waits up to busy_seconds for another writer
                try:
                    yield db
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            except UnicodeEncodeError:
                from .domain import ValidationError

                raise ValidationError(_("This text contains broken characters that cannot be saved; "
                                        "type it again.")) from None
            except sqlite3.OperationalError as error:
                explained = _explained(error)
                if explained is error:
                    raise
                raise explained from error

    # --- sealing: no byte keeps the order of secret ballots ----------------------------
    @property
    def seal_pending(self) -> bool:
        """Whether a secret round was closed (or a ballot voided) and the file not yet rewritten."""
        with self._mutex:
            if self.conn is None:  # closed
                return False
            try:
                row = self.conn.execute("SELECT seal_pending FROM file_state WHERE id = 1").fetchone()
            except sqlite3.OperationalError:
                return False
        return bool(row and row[0])

    def request_seal(self) -> None:
        """Inside an action: the file must be sealed once this change is committed."""
        with self.action() as db:
            db.execute("UPDATE file_state SET seal_pending = 1 WHERE id = 1")

    def seal(self) -> bool:
        """Rewrite the file in key order and empty the journal; False when it must be retried.

        SQLite places each new row where free space is, so the raw pages of ``ballots`` and
        ``vote_marks`` (and the journal's frames) would otherwise keep the casting order.
        VACUUM rebuilds every page; the checkpoint then empties the journal. It waits at
        most ``SEAL_WAIT_MS`` for a reader, never an action in progress (another thread's
        action finishes first). Called after closing a round, at idle moments, at the next
        opening; copies are made with ``VACUUM INTO`` and never need it.
        """
        if self.read_only or self.conn is None:
            return False
        with self._mutex:
            conn = self.conn
            if conn.in_transaction:
                return False
            conn.execute(f"PRAGMA busy_timeout = {SEAL_WAIT_MS}")
            try:
                conn.execute("VACUUM")
                if not self._checkpoint():
                    return False
                if conn.execute("SELECT seal_pending FROM file_state WHERE id = 1").fetchone()[0]:
                    conn.execute("UPDATE file_state SET seal_pending = 0 WHERE id = 1")
                    self._checkpoint()  # the journal then holds nothing but that one small page
                return True
            except sqlite3.Error as error:
                import logging  # not at start-up: it is imported once the window is shown

                logging.getLogger(__name__).warning("the seminar file could not be sealed yet: %s", error)
                return False
            finally:
                conn.execute(f"PRAGMA busy_timeout = {int(self._busy_seconds * 1000)}")

    def _checkpoint(self) -> bool:
        """Copy the journal into the file and empty it; False if a reader kept it from finishing."""
        busy, _log, _done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0

    # --- copies ------------------------------------------------------------------------
    def copy_into(self, target: Path, prefix: str) -> None:
        """Write a complete copy of the seminar at ``target`` (see ``write_copy``)."""
        if not self.read_only and self.seal_pending:
            self.seal()  # the copy never needs it, but the original is better sealed too
        with self._mutex:
            write_copy(self.conn, target, prefix)

    def backup_to(self, target: str | Path) -> Path:
        """Save a copy of the whole seminar, atomically."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StoreError(_("Choose another file than the open seminar."))
        folder = target.parent
        if not folder.is_dir():
            raise StoreError(_("The folder {folder} does not exist.").format(folder=folder))
        try:
            self.copy_into(target, ".backup-")
        except (OSError, sqlite3.Error) as error:
            raise StoreError(_("The copy could not be written: {reason}").format(reason=error)) from None
        return target

    def close(self) -> None:
        with self._mutex:
            if self.conn is None:
                return
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def _explained(error: sqlite3.OperationalError) -> Exception:
    """A sentence for what SQLite reports while writing (a busy file, a full disk)."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BusyError(_("The seminar file is busy (another program is using it): the last change was "
                           "not saved. Try again in a moment."))
    if "disk" in text or "full" in text:
        return StoreError(_("The disk is full: the last change was not saved."))
    if "readonly" in text or "read-only" in text:
        return StoreError(_("The seminar file cannot be written any more (its folder or the file became "
                            "read-only): the last change was not saved."))
    return error


def write_copy(conn: sqlite3.Connection, target: Path, prefix: str) -> None:
    """Copy the database behind ``conn`` to ``target``: a fresh file, then an atomic replace.

    ``VACUUM INTO`` writes every row anew in key order, so the copy never keeps more than
    a sealed file would (no casting order, no free page holding a deleted ballot), even
    while a round is open. It goes to a hidden temporary file in the target's folder,
    flushed to the disk, then swapped in.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp", prefix=prefix)
    os.close(fd)
    try:
        conn.execute("VACUUM INTO ?", (tmp,))
        dest = sqlite3.connect(tmp)
        try:
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{tmp}{suffix}")
        raise


def _writable(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return True
    return bool(mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _repair_journal_permissions(path: Path) -> None:
    """A ``-shm``/``-wal`` left read-only (by reading a read-only file) would make writing fail."""
    for suffix in ("-wal", "-shm"):
        journal = sibling(path, suffix)
        if _writable(journal):
            continue
        try:
            os.chmod(journal, os.stat(journal).st_mode | stat.S_IWUSR | stat.S_IRUSR)
        except OSError:
            pass
        if not _writable(journal):
            raise StoreError(_("{name} cannot be written: {journal} beside it is read-only. Close every app "
                               "that has it open, then make {journal} writable or delete it.")
                             .format(name=path.name, journal=journal.name))


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        # a file nobody may write and that has no journal is read as it is: SQLite then creates
        # no index beside it (which would be read-only too, and stop the file's next writer)
        immutable = not _writable(path) and not has_journal(path)
        conn = sqlite3.connect(read_only_uri(path, immutable), uri=True, isolation_level=None,
                               check_same_thread=False)
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
        conn.execute("PRAGMA secure_delete=ON")  # a deleted ballot's bytes are overwritten, not left free
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    return conn


def migrate(conn: sqlite3.Connection, before_migration=None) -> None:
    """Run the migrations the file lacks, statement by statement, in one transaction:
    a failure or a crash leaves the file at the version it had."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    if version > 0 and before_migration is not None:
        before_migration(version)
    from .schema import apply

    conn.execute("BEGIN IMMEDIATE")
    try:
        apply(conn, version + 1, SCHEMA_VERSION)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def create_store(path: str | Path, title: str, organisation: str = "", language: str = "fr",
                 created_at: str = "") -> Store:
    """Create a new, empty seminar file (refusing to overwrite an existing one)."""
    path = Path(path)
    if path.exists() or path.is_symlink():
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


def open_store(path: str | Path, before_migration=None, read_only: bool | None = None,
               upgrade_in_memory: bool = False) -> Store:
    """Open an existing seminar, migrating it forward if it is older.

    ``before_migration(version)`` is called before a migration (to take a snapshot), before
    the file is touched at all: if it raises, the file is left exactly as it was.
    A file the user may not write is opened read-only; a read-only opening of an older
    file is refused, or with ``upgrade_in_memory`` (the export) migrated in memory only.
    A seal left pending (see ``Store.seal``) is done first.
    """
    path = Path(path)
    version = check_file(path, full=False)
    if read_only is None:
        read_only = not _writable(path) or not os.access(path.parent, os.W_OK)
    if read_only and version < SCHEMA_VERSION:
        if upgrade_in_memory:
            return _upgraded_in_memory(path)
        raise StoreError(_("{name} is read-only and made by an older version: "
                           "copy it to a folder you can write to.").format(name=path.name))
    if not read_only:
        _repair_journal_permissions(path)
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
        if isinstance(error, sqlite3.OperationalError) and not read_only:
            explained = _explained(error)
            if explained is not error:
                raise StoreError(_("{name} cannot be opened: {reason}").format(name=path.name,
                                                                               reason=explained)) from None
        raise DamagedFileError(
            _("{name} cannot be opened: {reason}").format(name=path.name, reason=error)) from None
    store = Store(path, conn, read_only=read_only)
    if not read_only and store.seal_pending:
        store.seal()
    return store


def _upgraded_in_memory(path: Path) -> Store:
    """A read-only store over an in-memory copy of an older file, migrated there (the file untouched)."""
    source = _connect(path, read_only=True)
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        source.backup(memory)
        migrate(memory)
        memory.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as error:
        memory.close()
        raise DamagedFileError(
            _("{name} cannot be opened: {reason}").format(name=path.name, reason=error)) from None
    finally:
        source.close()
    return Store(path, memory, read_only=True)
