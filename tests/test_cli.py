"""The headless command line: demo, check, --version, --help; it never needs a display."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from workshop_app.__main__ import main


def run_cli(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "", **(env_extra or {})}
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_demo_then_check_without_a_display(tmp_path):
    out = tmp_path / "d.workshop"
    result = run_cli("demo", str(out))
    assert result.returncode == 0, result.stderr
    result = run_cli("check", str(out))
    assert result.returncode == 0 and "OK" in result.stdout


def test_check_reports_a_bad_file_in_one_line_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "x.workshop"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "x.workshop" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "d.workshop"
    path.write_text("keep me")
    assert main(["demo", str(path)]) == 1
    assert path.read_text() == "keep me"


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "workshop-app" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "integrity" in capsys.readouterr().out


def test_english_demo(tmp_path):
    out = tmp_path / "en.workshop"
    assert main(["demo", str(out), "--lang", "en"]) == 0
    from workshop_app.seminar import get_seminar
    from workshop_app.store import open_store

    s = open_store(out)
    assert get_seminar(s).language == "en"
    s.close()
