"""``check`` and ``import`` validate what the app relies on, the same way (issue #17, 10-11).

A file whose content would break the app (a round's options that are not JSON, a
missing table, a majority round without its grades, a secret round with more ballots
than voters...) is refused by ``check`` with one line, by ``export`` with one line and
no traceback, and the same content is refused by the JSON import.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exports import json_io
from exports.cli import stage_checks
from exports.json_io import InterchangeError, from_data, import_json, to_data
from workshop_app.store import StoreError, check_file

from .conftest import digest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from exercises.demo import build_demo

    path = tmp_path_factory.mktemp("content") / "demo.workshop"
    build_demo(path, "en").close()
    return path


@pytest.fixture(scope="module")
def demo_data(demo_file):
    from workshop_app.store import open_store

    store = open_store(demo_file, read_only=True)
    data = to_data(store)
    store.close()
    return data


def _cli(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "", "LANG": "C.UTF-8", "LANGUAGE": "en"}
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "workshop_app", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _broken(demo_file: Path, folder: Path, *statements: str) -> Path:
    path = folder / "broken.workshop"
    shutil.copyfile(demo_file, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


BREAKAGES = {
    "options-not-json": ("UPDATE vote_rounds SET options = 'not json' WHERE id = 1",),
    "missing-table": ("DROP TABLE decisions",),
    "majority-without-grades": (
        "UPDATE vote_rounds SET config = json_remove(config, '$.grades') WHERE method = 'majority'",),
    "unknown-method": ("UPDATE vote_rounds SET method = 'lottery' WHERE id = 2",),
    "text-in-an-integer-column": ("UPDATE participants SET id = id WHERE 0",
                                  "UPDATE vote_rounds SET position = 'first' WHERE id = 1"),
    "secret-ballot-with-a-voter": (
        "UPDATE ballots SET voter_id = (SELECT min(id) FROM participants) "
        "WHERE token = (SELECT min(token) FROM ballots WHERE round_id = 1)",),
    "more-ballots-than-voters": (
        "INSERT INTO ballots (token, round_id, voter_id, seal, content) "
        "SELECT token + 1, round_id, NULL, NULL, content FROM ballots WHERE round_id = 1",),
    "ballot-not-json": ("UPDATE ballots SET content = '{' WHERE round_id = 2",),
}


@pytest.mark.parametrize("kind", sorted(BREAKAGES))
def test_check_and_export_refuse_content_that_breaks_the_app_with_one_line(demo_file, tmp_path, kind):
    path = _broken(demo_file, tmp_path, *BREAKAGES[kind])
    before = digest(path)
    with pytest.raises(StoreError) as info:
        check_file(path, stage_checks=stage_checks())
    reason = str(info.value)
    assert "broken.workshop" in reason
    for args in (["check", path], ["export", path, "--docx", tmp_path / "out.docx"]):
        result = _cli(*args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out.docx").exists()
    assert digest(path) == before
    # the JSON import refuses the same content with the same reason
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row

    class _Plain:  # to_data needs only .conn and .schema_version
        def __init__(self, conn):
            self.conn = conn
            self.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]

    conn.row_factory = None
    data = to_data(_Plain(conn))
    conn.close()
    if kind == "missing-table":
        return  # an export has no table to miss: the import creates every table itself
    with pytest.raises(InterchangeError) as imported:
        from_data(data, tmp_path / "imported.workshop")
    assert not (tmp_path / "imported.workshop").exists()
    assert reason.split(": ", 1)[-1] in str(imported.value), (reason, str(imported.value))


def test_the_demo_passes_both(demo_file, demo_data, tmp_path):
    assert check_file(demo_file, stage_checks=stage_checks()) >= 1
    from_data(copy.deepcopy(demo_data), tmp_path / "again.workshop").close()
    assert check_file(tmp_path / "again.workshop", stage_checks=stage_checks()) >= 1


# 11 ---------------------------------------------------------------------------------

def _secret_round(data) -> int:
    return next(r["id"] for r in data["tables"]["vote_rounds"] if r["visibility"] == "secret")


def test_import_refuses_a_secret_round_with_more_ballots_than_marks(demo_data, tmp_path):
    data = copy.deepcopy(demo_data)
    rid = _secret_round(data)
    ballots = [b for b in data["tables"]["ballots"] if b["round_id"] == rid]
    for n in range(50):
        data["tables"]["ballots"].append({**ballots[n % len(ballots)], "token": 10**12 + n})
    with pytest.raises(InterchangeError, match="ballots"):
        from_data(data, tmp_path / "s.workshop")
    assert not (tmp_path / "s.workshop").exists()


def test_import_refuses_a_secret_ballot_carrying_a_voter(demo_data, tmp_path):
    data = copy.deepcopy(demo_data)
    rid = _secret_round(data)
    ballot = next(b for b in data["tables"]["ballots"] if b["round_id"] == rid)
    ballot["voter_id"] = data["tables"]["participants"][0]["id"]
    with pytest.raises(InterchangeError, match="secret"):
        from_data(data, tmp_path / "s.workshop")


@pytest.mark.parametrize("table, column", [("participants", "id"), ("vote_rounds", "position"),
                                           ("seminar", "warning_seconds")])
def test_import_refuses_true_in_an_integer_column(demo_data, tmp_path, table, column):
    data = copy.deepcopy(demo_data)
    data["tables"][table][0][column] = True
    with pytest.raises(InterchangeError, match="wrong kind"):
        from_data(data, tmp_path / "s.workshop")


@pytest.mark.parametrize("version", [True, False, 1.0, "6", None])
def test_a_schema_version_that_is_not_a_number_is_named(demo_data, tmp_path, version):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({**demo_data, "schema_version": version}))
    with pytest.raises(InterchangeError, match="no valid schema version"):
        import_json(path, tmp_path / "s.workshop")


def test_a_full_disk_during_import_is_called_a_full_disk(demo_data, tmp_path, monkeypatch):
    real = json_io._connect

    def small_disk(path, read_only):
        conn = real(path, read_only)
        conn.execute("PRAGMA max_page_count = 40")  # SQLite's own "database or disk is full"
        return conn

    monkeypatch.setattr(json_io, "_connect", small_disk)
    with pytest.raises(InterchangeError) as info:
        from_data(copy.deepcopy(demo_data), tmp_path / "s.workshop")
    assert "disk is full" in str(info.value) and "JSON" not in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
