"""Hostile files beside and instead of a seminar (issue #17, findings 3, 7, 8, 9, 12).

Each is refused with a sentence (naming what to do), or read without changing a byte.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from exports.cli import export_command
from exports.json_io import export_json, import_json
from workshop_app import participants
from workshop_app.store import DamagedFileError, StoreError, check_file, create_store, open_store

from .conftest import digest, folder_state
from .test_bad_files import _deny_writes

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "", "LANG": "C.UTF-8", "LANGUAGE": "en"}
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "workshop_app", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _seminar(path: Path, people: int = 5) -> Path:
    store = create_store(path, f"Seminar {path.stem}", "Org", "en")
    for n in range(people):
        participants.add_participant(store, f"{path.stem} person {n}")
    store.close()
    return path


def _journal_of_an_open_seminar(path: Path, people: int = 5):
    """A seminar whose commits are all in its journal (the app is running or crashed)."""
    store = create_store(path, f"Seminar {path.stem}", "Org", "en")
    for n in range(people):
        participants.add_participant(store, f"{path.stem} person {n}")
    return store


# 3 ----------------------------------------------------------------------------------

def test_check_with_a_journal_copies_nothing_anywhere(tmp_path, monkeypatch):
    private_tmp = tmp_path / "system-temp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    copies = []
    monkeypatch.setattr(shutil, "copyfile", lambda *a, **k: copies.append(a))
    seen_in_temp = []
    real_connect = sqlite3.connect

    def watching_connect(*args, **kwargs):
        seen_in_temp.extend(p.name for p in private_tmp.iterdir())
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", watching_connect)
    store = _journal_of_an_open_seminar(tmp_path / "open.workshop")
    try:
        assert Path(f"{store.path}-wal").stat().st_size > 0
        before = digest(store.path), digest(Path(f"{store.path}-wal"))
        assert check_file(store.path) >= 1
        assert check_file(store.path, full=False) >= 1
        assert (digest(store.path), digest(Path(f"{store.path}-wal"))) == before
    finally:
        store.close()
    assert copies == [] and seen_in_temp == [] and list(private_tmp.iterdir()) == []


# 7 ----------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_named_pipe_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "x.workshop"
    os.mkfifo(fifo)
    args = [command, fifo] + (["--json", tmp_path / "out.json"] if command == "export" else [])
    line = _one_line(_cli(*args, timeout=30))
    assert "x.workshop" in line and "not a regular file" in line
    with pytest.raises(StoreError, match="not a regular file"):
        open_store(fifo)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.workshop"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_as_journal_or_json_is_refused(tmp_path):
    path = _seminar(tmp_path / "s.workshop")
    os.mkfifo(f"{path}-wal")
    with pytest.raises(StoreError, match="not a regular file"):
        check_file(path)
    os.unlink(f"{path}-wal")
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    line = _one_line(_cli("import", fifo, tmp_path / "new.workshop", timeout=30))
    assert "not a regular file" in line and not (tmp_path / "new.workshop").exists()


# 8 ----------------------------------------------------------------------------------

def test_another_seminars_journal_is_refused_and_the_file_untouched(tmp_path):
    mine = _seminar(tmp_path / "mine.workshop")
    (tmp_path / "other").mkdir()
    other = _journal_of_an_open_seminar(tmp_path / "other" / "other.workshop")
    shutil.copyfile(f"{other.path}-wal", f"{mine}-wal")
    other.close()
    before = folder_state(tmp_path)
    with pytest.raises(StoreError) as info:
        check_file(mine)
    message = str(info.value)
    assert "mine.workshop-wal" in message and "does not belong" in message
    with pytest.raises(StoreError, match="does not belong"):
        open_store(mine)
    line = _one_line(_cli("export", mine, "--json", tmp_path / "out.json"))
    assert "does not belong" in line
    after = folder_state(tmp_path)
    after.pop("mine.workshop-shm", None)  # SQLite's shared index, which any reader may create
    assert after == before  # neither the file nor the journal was touched


def test_a_backup_copied_over_a_crashed_seminar_explains_the_leftover_journal(tmp_path):
    path = tmp_path / "s.workshop"
    store = create_store(path, "Seminar", "Org", "en")
    for n in range(40):
        participants.add_participant(store, f"Early {n}", "x" * 300)
    backup = store.backup_to(tmp_path / "backup.workshop")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for n in range(200):
        participants.add_participant(store, f"Late {n}", "y" * 300)
    participants.remove_participant(store, participants.list_participants(store)[0].id)
    crashed_wal = Path(f"{path}-wal").read_bytes()  # the app crashes with this journal
    store.conn.close()
    store.conn = None
    Path(f"{path}-wal").write_bytes(crashed_wal)
    shutil.copyfile(backup, path)  # the user puts the good backup in its place
    with pytest.raises(StoreError) as info:
        check_file(path)
    message = str(info.value)
    assert "s.workshop-wal" in message and ("move" in message.lower() or "aside" in message.lower()), message
    os.rename(f"{path}-wal", tmp_path / "kept-aside-wal")  # doing what it says
    for leftover in (Path(f"{path}-shm"),):
        if leftover.exists():
            leftover.unlink()
    assert check_file(path) >= 1


# 9 ----------------------------------------------------------------------------------

def test_reading_a_read_only_file_leaves_no_read_only_journal_behind(tmp_path, monkeypatch):
    path = _seminar(tmp_path / "ro.workshop")
    path.chmod(0o444)
    with monkeypatch.context() as patch:
        _deny_writes(patch)
        store = open_store(path)
        assert store.read_only
        assert len(participants.list_participants(store)) == 5
        store.close()
        assert check_file(path) >= 1
    for suffix in ("-shm", "-wal"):
        leftover = Path(f"{path}{suffix}")
        assert not leftover.exists() or leftover.stat().st_mode & 0o200, suffix
    path.chmod(0o644)
    store = open_store(path)
    participants.add_participant(store, "Writes again")
    store.close()


def test_a_read_only_journal_left_by_an_older_version_is_repaired_or_explained(tmp_path):
    path = _seminar(tmp_path / "s.workshop")
    store = open_store(path)
    participants.add_participant(store, "In the journal")
    kept = {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in ("-wal", "-shm")}
    store.close()
    for suffix, data in kept.items():  # what an older version's read-only opening left behind
        Path(f"{path}{suffix}").write_bytes(data)
        Path(f"{path}{suffix}").chmod(0o444)
    try:
        again = open_store(path)
    except StoreError as error:  # where it cannot be repaired, a sentence that says what to do
        assert "s.workshop-shm" in str(error) or "s.workshop-wal" in str(error)
        return
    participants.add_participant(again, "After")
    assert again.scalar("SELECT count(*) FROM participants") == 7
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{path}{suffix}")
        assert not leftover.exists() or leftover.stat().st_mode & 0o200, suffix
    again.close()


# 12 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("made_by", ["a copy", "sqlite"])
def test_exporting_a_rollback_journal_file_does_not_change_a_byte(tmp_path, made_by):
    source = create_store(tmp_path / "src.workshop", "Source", "Org", "en")
    participants.add_participant(source, "Ann")
    path = tmp_path / "plain.workshop"
    if made_by == "a copy":
        source.backup_to(path)  # copies are written in rollback-journal mode
        source.close()
    else:
        source.close()
        shutil.copyfile(tmp_path / "src.workshop", path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    (tmp_path / "src.workshop").unlink()
    assert path.read_bytes()[18:20] == b"\x01\x01"
    before = folder_state(tmp_path)
    export_command(str(path), json_out=str(tmp_path / "again.json"))
    check_file(path)
    assert _cli("check", path).returncode == 0
    after = folder_state(tmp_path)
    assert after.pop("again.json") and after == before
    assert json.loads((tmp_path / "again.json").read_text())["tables"]["participants"][0]["name"] == "Ann"


def test_exporting_an_older_file_leaves_it_at_its_version(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "v1.workshop"
    path = tmp_path / "old.workshop"
    shutil.copy(fixture, path)
    before = folder_state(tmp_path)
    export_command(str(path), json_out=str(tmp_path / "old.json"))
    after = folder_state(tmp_path)
    assert after.pop("old.json") and after == before
    data = json.loads((tmp_path / "old.json").read_text())
    assert [r["name"] for r in data["tables"]["participants"]] == ["Alice Martin", "Bruno Petit"]
