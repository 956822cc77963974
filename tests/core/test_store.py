"""The seminar file: round-trips, migrations, and refusal of files that are not ours."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from workshop_app import participants
from workshop_app.schema import SCHEMA_VERSION
from workshop_app.seminar import get_seminar, update_seminar
from workshop_app.store import (APPLICATION_ID, DamagedFileError, NewerVersionError, NotASeminarError,
                                StoreError, check_file, create_store, open_store)

FIXTURE_V1 = __import__("pathlib").Path(__file__).parents[1] / "fixtures" / "v1.workshop"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_our_identity_and_pragmas(store):
    conn = store.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_round_trip_through_close_and_reopen(tmp_path):
    path = tmp_path / "s.workshop"
    s = create_store(path, "Séminaire « CX » 🚀", "Banque", "fr")
    pid = participants.add_participant(s, "Zoé Lefèvre", "Marketing", "zoe@example.com")
    update_seminar(s, summary="Ligne 1\nLigne 2")
    s.close()
    again = open_store(path)
    assert get_seminar(again).title == "Séminaire « CX » 🚀"
    assert get_seminar(again).summary == "Ligne 1\nLigne 2"
    assert participants.get_participant(again, pid).name == "Zoé Lefèvre"
    again.close()


def test_each_action_is_committed_at_once(tmp_path):
    path = tmp_path / "s.workshop"
    s = create_store(path, "T")
    participants.add_participant(s, "Ann")
    other = sqlite3.connect(path)  # a second reader sees it without any "save"
    assert other.execute("SELECT name FROM participants").fetchall() == [("Ann",)]
    other.close()
    s.close()


def test_failed_action_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.action() as db:
            db["participants"].insert({"name": "Half"})
            raise RuntimeError("boom")
    assert participants.list_participants(store) == []


def test_migration_from_version_1_fixture(tmp_path):
    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURE_V1, path)
    seen = []
    s = open_store(path, before_migration=seen.append)
    assert seen == [1]
    assert s.schema_version == SCHEMA_VERSION
    sem = get_seminar(s)
    assert sem.title == "Séminaire v1" and sem.warning_seconds == 120 and sem.logo_png is None
    assert [p.name for p in participants.list_participants(s)] == ["Alice Martin", "Bruno Petit"]
    assert s.scalar("SELECT count(*) FROM timer_events") == 1
    s.close()
    assert check_file(path) == SCHEMA_VERSION


def test_committed_fixture_is_still_version_1():
    conn = sqlite3.connect(f"file:{FIXTURE_V1}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def _sqlite_of_another_app(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


def _newer(path):
    s = create_store(path, "future")
    s.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    s.close()


def _text(path):
    path.write_text("hello, I am a text file\n" * 10)


def _truncated(path):
    s = create_store(path, "T")
    for i in range(300):
        participants.add_participant(s, f"Person {i}", "x" * 100)
    s.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flipped(path):
    s = create_store(path, "T")
    for i in range(300):
        participants.add_participant(s, f"Person {i}", "x" * 100)
    s.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 997):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _empty(path):
    path.write_bytes(b"")


def _tiny_header(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


@pytest.mark.parametrize("make, error", [
    (_text, NotASeminarError),
    (_empty, NotASeminarError),
    (_sqlite_of_another_app, NotASeminarError),
    (_newer, NewerVersionError),
    (_truncated, DamagedFileError),
    (_flipped, DamagedFileError),
    (_tiny_header, DamagedFileError),
])
def test_foreign_or_damaged_files_are_refused_and_left_unchanged(tmp_path, make, error):
    path = tmp_path / "bad.workshop"
    make(path)
    before = digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(error) as info:
        open_store(path)
    assert "bad.workshop" in str(info.value)
    with pytest.raises(StoreError):
        check_file(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope.workshop")


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "x.workshop"
    path.write_text("precious")
    with pytest.raises(StoreError, match="already exists"):
        create_store(path, "T")
    assert path.read_text() == "precious"


def test_read_only_file_opens_read_only(tmp_path):
    path = tmp_path / "ro.workshop"
    s = create_store(path, "T")
    participants.add_participant(s, "Ann")
    s.close()
    before = digest(path)
    s = open_store(path, read_only=True)
    assert s.read_only
    assert [p.name for p in participants.list_participants(s)] == ["Ann"]
    with pytest.raises(StoreError, match="read-only"):
        participants.add_participant(s, "Bob")
    s.close()
    assert digest(path) == before


def test_backup_is_complete_and_atomic(store, tmp_path):
    participants.add_participant(store, "Ann")
    target = tmp_path / "copy.workshop"
    store.backup_to(target)
    assert check_file(target) == SCHEMA_VERSION
    copy = open_store(target)
    assert [p.name for p in participants.list_participants(copy)] == ["Ann"]
    copy.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".backup-")]


def test_backup_to_missing_folder_is_refused(store, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        store.backup_to(tmp_path / "nowhere" / "copy.workshop")


def test_query_reads_rows_as_dicts_and_refuses_writes(store):
    with store.action() as db:
        db["participants"].insert({"name": "Ana", "function": "CFO", "email": ""})
    rows = store.query("SELECT name, function FROM participants WHERE name = ?", ("Ana",))
    assert rows == [{"name": "Ana", "function": "CFO"}]
    assert store.query("SELECT count(*) AS n FROM participants WHERE name = :name", {"name": "Ana"}) == [{"n": 1}]
    for change in ("UPDATE participants SET name = 'Bob'", "  delete from participants", "DROP TABLE participants"):
        with pytest.raises(ValueError):
            store.query(change)  # a change goes through an action
    assert store.query("SELECT name FROM participants") == [{"name": "Ana"}]  # refused before it ran


def test_reading_a_seminar_does_not_import_sqlite_utils(tmp_path):
    """Opening and reading only uses sqlite3: sqlite-utils is imported by the first change."""
    import subprocess
    import sys

    path = tmp_path / "s.workshop"
    create_store(path, "Séminaire").close()
    code = ("import sys; from workshop_app.store import open_store; s = open_store(sys.argv[1]); "
            "s.query('SELECT * FROM seminar'); print('sqlite_utils' in sys.modules); "
            "s.action().__enter__(); print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# --- the read path cannot write (issue #15, item 5) -------------------------------------

def _settled(store):
    """The file's bytes as a reader sees them: everything checkpointed into the main file."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return digest(store.path), sorted(p.name for p in store.path.parent.iterdir())


@pytest.mark.parametrize("sql", [
    "WITH x AS (SELECT 1) DELETE FROM participants",
    "WITH x AS (SELECT 1) UPDATE participants SET name = 'Bob'",
    "WITH x AS (SELECT 1) INSERT INTO participants (name) SELECT 'Eve'",
    "PRAGMA user_version = 9",
    "PRAGMA journal_mode = DELETE",
    "pragma main.application_id=1",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "ATTACH DATABASE 'other.db' AS other",
    "SELECT 1; DELETE FROM participants",
    "VALUES (1) ; DROP TABLE participants",
    "PRAGMA foreign_keys = OFF",
])
def test_every_write_through_the_read_path_is_refused_and_the_file_is_unchanged(store, sql, monkeypatch):
    monkeypatch.chdir(store.path.parent)  # where ATTACH would create its file
    participants.add_participant(store, "Ana")
    before = _settled(store)
    for read in (store.query, store.scalar):
        with pytest.raises(ValueError):
            read(sql)
        assert not store.conn.in_transaction
    assert store.query("SELECT name FROM participants") == [{"name": "Ana"}]
    assert store.scalar("PRAGMA user_version") == SCHEMA_VERSION
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert _settled(store) == before
    participants.add_participant(store, "Bob")  # the write path still works afterwards
    assert store.scalar("SELECT count(*) FROM participants") == 2


def test_a_write_refused_in_the_read_path_inside_an_action_leaves_the_action_alone(store):
    with store.action() as db:
        db["participants"].insert({"name": "Ana"})
        with pytest.raises(ValueError):
            store.scalar("WITH x AS (SELECT 1) DELETE FROM participants")
        assert store.scalar("SELECT count(*) FROM participants") == 1  # reads see the action's writes
    assert store.query("SELECT name FROM participants") == [{"name": "Ana"}]


def test_reads_keep_working_the_usual_ways(store):
    participants.add_participant(store, "Ana")
    assert store.query("PRAGMA table_info(participants)")[1]["name"] == "name"
    assert store.scalar("PRAGMA foreign_key_check") is None
    assert store.query("EXPLAIN SELECT 1")
    assert store.scalar("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) "
                        "SELECT sum(i) FROM n") == 15
    assert store.scalar("SELECT json_extract('{\"a\": 2}', '$.a')") == 2


def test_sqlite_utils_is_imported_plainly(tmp_path):
    """No module is hidden from ``sys.modules`` to import it (a race once a server thread runs):
    sqlite-utils sees numpy as any other import would, and nothing is left set to None."""
    import subprocess
    import sys

    code = ("import sys; from workshop_app.store import import_sqlite_utils; m = import_sqlite_utils(); "
            "print(m.db.np is not None, [k for k, v in sys.modules.items() if v is None])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "[]"]


def test_migrations_are_cut_where_sqlite_ends_a_statement():
    """A semicolon inside a quoted value or a trigger does not end a statement."""
    from workshop_app import schema

    script = ("CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('one; two');\n"
              "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  UPDATE t SET a = a || ';';\nEND;\n")
    saved = list(schema.MIGRATIONS)
    try:
        schema.MIGRATIONS[:] = [script]
        assert schema.statements(1) == ["CREATE TABLE t (a TEXT);", "INSERT INTO t VALUES ('one; two');",
                                        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  UPDATE t SET a = a || ';';\nEND;"]
    finally:
        schema.MIGRATIONS[:] = saved
    every = [s for number in range(1, schema.SCHEMA_VERSION + 1) for s in schema.statements(number)]
    assert len(every) > 20 and all(s.endswith(";") or s.upper().startswith(("CREATE", "INSERT", "UPDATE",
                                                                           "ALTER", "DROP")) for s in every)


def test_a_failing_migration_leaves_the_file_at_its_version(tmp_path, monkeypatch):
    """All pending migrations run in one transaction: a failure changes nothing."""
    import sqlite3

    from workshop_app import schema
    from workshop_app.store import migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.apply(conn, 1, 1)
    conn.execute("PRAGMA user_version = 1")
    tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, "CREATE TABLE broken (;"])
    monkeypatch.setattr("workshop_app.store.SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(sqlite3.Error):
        migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")) == tables
    conn.close()
