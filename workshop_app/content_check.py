"""What the app relies on in a seminar's content, checked the same way by ``check`` and ``import``.

SQLite's own integrity check proves the pages are sound, not that the app can use what
they hold: a table may be missing, a number column may hold text, a round's options
may not be JSON. ``first_problem`` returns the first such problem as a sentence (or
None). The core checks the tables, their columns, the kind of every value, the links
between rows and the one seminar record; each stage adds its own checks through the
exercise contract (``Exercise.content_problem``), which the composition root and the
JSON import pass in as ``stage_checks``.
"""

from __future__ import annotations

import functools
import math
import sqlite3

from .i18n import _
from .schema import MIGRATIONS, apply

# tables that describe the file itself, not the seminar (not exported, not imported)
FILE_TABLES = ("file_state",)

_KINDS = {"integer": ("integer",), "real": ("real", "integer"), "text": ("text",), "blob": ("blob",)}


def affinity(declared: str) -> str | None:
    """The kind of value a column of type ``declared`` holds (SQLite's rules), None for any."""
    kind = declared.upper()
    if "INT" in kind:
        return "integer"
    if "CHAR" in kind or "CLOB" in kind or "TEXT" in kind:
        return "text"
    if "BLOB" in kind:
        return "blob"
    if "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
        return "real"
    return None


def fits(declared: str, value) -> bool:
    """Whether a Python ``value`` is of the kind the column holds (None: NOT NULL decides).

    SQLite would silently turn "30" into 30 in an INTEGER column, 42 into "42" in a TEXT
    one, and ``true`` into 1: the app would then meet values it never wrote.
    """
    kind = affinity(declared)
    if value is None or kind is None:
        return True
    if isinstance(value, bool):
        return False
    if kind == "integer":
        return isinstance(value, int)
    if kind == "real":
        return isinstance(value, (int, float)) and math.isfinite(value)
    if kind == "text":
        return isinstance(value, str)
    return isinstance(value, bytes)


def wrong_kind(table: str, column: str) -> str:
    return _("a value of the wrong kind in {table}.{column}.").format(table=table, column=column)


@functools.lru_cache(maxsize=None)
def reference_schema(version: int) -> dict[str, dict[str, str]]:
    """{table: {column: declared type}} of a file at ``version``, as the migrations make it."""
    conn = sqlite3.connect(":memory:")
    try:
        apply(conn, 1, version)
        return _schema(conn)
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: {r[1]: r[2] for r in conn.execute(f'PRAGMA table_info("{t}")')} for t in tables}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def core_problem(conn: sqlite3.Connection) -> str | None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    expected = reference_schema(min(max(version, 0), len(MIGRATIONS)))
    found = _schema(conn)
    for table, columns in expected.items():
        if table not in found:
            return _("the table {table} is missing.").format(table=table)
        for column in columns:
            if column not in found[table]:
                return _("the column {table}.{column} is missing.").format(table=table, column=column)
    for table, columns in expected.items():
        checks = []
        for column, declared in columns.items():
            kind = affinity(declared)
            if kind is not None:
                allowed = ", ".join(f"'{k}'" for k in (*_KINDS[kind], "null"))
                checks.append((column, f"typeof({_quote(column)}) NOT IN ({allowed})"))
        if not checks:
            continue
        where = " OR ".join(c for _col, c in checks)
        row = conn.execute(f"SELECT {', '.join(c for _col, c in checks)} FROM {_quote(table)} "
                           f"WHERE {where} LIMIT 1").fetchone()
        if row is not None:
            column = next(col for (col, _c), bad in zip(checks, row) if bad)
            return wrong_kind(table, column)
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        return _("rows of {table} refer to rows that are not there.").format(table=broken[0])
    if "seminar" in found and conn.execute("SELECT count(*) FROM seminar").fetchone()[0] != 1:
        return _("it has no seminar record.")
    return None


def first_problem(conn: sqlite3.Connection, stage_checks=()) -> str | None:
    """The first thing in this file's content that the app could not use, as a sentence."""
    problem = core_problem(conn)
    if problem:
        return problem
    for check in stage_checks:
        problem = check(conn)
        if problem:
            return problem
    return None

