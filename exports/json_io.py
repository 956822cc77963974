"""JSON interchange: a whole seminar as one JSON document, and back, exactly.

Format (documented in docs/json-format.md)::

    {"format": "workshop-app/seminar", "schema_version": 6,
     "tables": {"<table>": [{"<column>": value, ...}, ...], ...}}

Every table of the seminar is written with every column, rows ordered by primary key
(``file_state``, the file's own identity and seal, is not the seminar's and is left out);
BLOB values are written as {"base64": "..."}. Import refuses anything else with a
clear message and never leaves a half-written seminar behind: the values must be of
their columns' kinds, and the content must pass the same checks as ``workshop-app
check`` (``workshop_app.content_check`` and each stage's own).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

from workshop_app.content_check import FILE_TABLES, first_problem, fits, wrong_kind
from workshop_app.i18n import _
from workshop_app.schema import SCHEMA_VERSION
from workshop_app.store import APPLICATION_ID, Store, StoreError, _connect, migrate, open_store

FORMAT = "workshop-app/seminar"
MAX_JSON_BYTES = 200_000_000


class InterchangeError(Exception):
    """A JSON file that cannot become a seminar; ``str(error)`` is for the user."""


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The seminar's tables (not the file's own)."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if r[0] not in FILE_TABLES]


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, int]]:
    """(name, primary-key position) of each column."""
    return [(r[1], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _encode(value):
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value):
    if isinstance(value, dict):
        if set(value) != {"base64"} or not isinstance(value["base64"], str):
            raise InterchangeError(_("A value in the JSON file is not understood."))
        try:
            return base64.b64decode(value["base64"], validate=True)
        except ValueError:
            raise InterchangeError(_("A binary value in the JSON file is damaged.")) from None
    if isinstance(value, (list,)):
        raise InterchangeError(_("A value in the JSON file is not understood."))
    return value


def to_data(store: Store) -> dict:
    conn = store.conn
    tables = {}
    for table in _tables(conn):
        columns = _columns(conn, table)
        keys = [name for name, pk in sorted(columns, key=lambda c: c[1]) if pk] or ["rowid"]
        names = ", ".join(f'"{c}"' for c, _pk in columns)
        order = ", ".join(f'"{k}"' if k != "rowid" else k for k in keys)
        rows = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {order}').fetchall()
        tables[table] = [{c: _encode(v) for (c, _pk), v in zip(columns, row)} for row in rows]
    return {"format": FORMAT, "schema_version": store.schema_version, "tables": tables}


def export_json(store: Store, out_path: str | Path) -> Path:
    """Write the seminar as JSON, atomically (a temp file, then a replace)."""
    from exports.docx_io import write_atomic

    data = json.dumps(to_data(store), ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    target = Path(out_path)
    write_atomic(data, target)
    return target


def _load(path: Path) -> dict:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InterchangeError(_("The file {name} does not exist.").format(name=path.name)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InterchangeError(_("{name} is a folder, not a JSON file.").format(name=path.name))
    if not stat.S_ISREG(info.st_mode):
        raise InterchangeError(_("{name} is not a regular file (it is a pipe or a device); "
                                 "choose the JSON file itself.").format(name=path.name))
    size = info.st_size
    if size > MAX_JSON_BYTES:
        raise InterchangeError(_("{name} is too large to be a seminar export.").format(name=path.name))
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise InterchangeError(_("{name} is not a JSON file.").format(name=path.name)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("tables"), dict):
        raise InterchangeError(_("{name} is not a seminar export of this app.").format(name=path.name))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InterchangeError(_("{name} has no valid schema version.").format(name=path.name))
    if version > SCHEMA_VERSION:
        raise InterchangeError(_("{name} was exported by a newer version of the app; update the app "
                                 "to import it.").format(name=path.name))
    return data


def from_data(data: dict, out_path: str | Path) -> Store:
    """Create a seminar file from JSON data (of this or an older schema version)."""
    target = Path(out_path)
    if target.exists():
        raise InterchangeError(_("{name} already exists.").format(name=target.name))
    if not target.parent.is_dir():
        raise InterchangeError(_("The folder {folder} does not exist.").format(folder=target.parent))
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp", prefix=".import-")
    os.close(fd)
    os.unlink(tmp)
    tmp_path = Path(tmp)
    conn = None
    try:
        conn = _connect(tmp_path, read_only=False)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        version = data["schema_version"]
        _migrate_to(conn, version)
        _insert_all(conn, data["tables"])
        migrate(conn)
        problem = first_problem(conn, _stage_checks())  # what check runs, on the content as it is now
        if problem:
            raise _invalid(problem)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        conn = None
        os.replace(tmp_path, target)
    except InterchangeError:
        _cleanup(tmp_path, conn)
        raise
    except (sqlite3.Error, TypeError, ValueError, OverflowError) as error:
        _cleanup(tmp_path, conn)
        if _disk_full(error):
            raise InterchangeError(_("The disk is full: the seminar could not be written; make room "
                                     "and import again.")) from None
        raise InterchangeError(_("The JSON file does not describe a valid seminar ({reason}).")
                               .format(reason=error)) from None
    except OSError as error:
        _cleanup(tmp_path, conn)
        raise InterchangeError(_("The seminar could not be written: {reason}").format(reason=error)) from None
    try:
        return open_store(target)
    except StoreError as error:
        raise InterchangeError(str(error)) from None


def _disk_full(error: Exception) -> bool:
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return True
    return isinstance(error, sqlite3.OperationalError) and "disk is full" in str(error)


def _cleanup(path: Path, conn: sqlite3.Connection | None = None) -> None:
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _migrate_to(conn: sqlite3.Connection, version: int) -> None:
    from workshop_app.schema import apply

    apply(conn, 1, version)
    conn.execute(f"PRAGMA user_version = {version}")


def _insert_all(conn: sqlite3.Connection, tables: dict) -> None:
    known = set(_tables(conn))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, rows in tables.items():
            if table in FILE_TABLES:
                continue  # the new file has its own identity
            if table not in known:
                raise InterchangeError(_("The JSON file has an unknown table: {name}.").format(name=str(table)[:60]))
            if not isinstance(rows, list):
                raise InterchangeError(_("The table {name} is not a list of rows.").format(name=table))
            types = {r[1]: r[2] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            for row in rows:
                if not isinstance(row, dict) or not set(row) <= set(types):
                    raise InterchangeError(_("A row of {name} has unknown columns.").format(name=table))
                names = list(row)
                values = [_decode(row[n]) for n in names]
                for name, value in zip(names, values):
                    if not fits(types[name], value):
                        raise _invalid(wrong_kind(table, name))
                sql = (f'INSERT INTO "{table}" ({", ".join(chr(34) + n + chr(34) for n in names)}) '
                       f'VALUES ({", ".join("?" for _n in names)})')
                conn.execute(sql, values)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise InterchangeError(_("The JSON file refers to rows that are not in it ({table}).")
                                   .format(table=problems[0][0]))
        if conn.execute("SELECT count(*) FROM seminar").fetchone()[0] != 1:
            raise InterchangeError(_("The JSON file has no seminar record."))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _invalid(problem: str) -> InterchangeError:
    return InterchangeError(_("The JSON file does not describe a valid seminar: {problem}").format(problem=problem))


def _stage_checks() -> list:
    from exercises import REGISTRY

    return [exercise.content_problem for exercise in REGISTRY]


def import_json(json_path: str | Path, out_path: str | Path) -> Store:
    """Read a JSON export and write it as a new seminar file; return it open."""
    return from_data(_load(Path(json_path)), out_path)
