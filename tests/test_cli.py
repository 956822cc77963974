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


def test_new_three_days_then_check_without_a_display(tmp_path):
    out = tmp_path / "s.workshop"
    result = run_cli("new", str(out), "--title", "Test", "--days", "3")
    assert result.returncode == 0, result.stderr
    result = run_cli("check", str(out))
    assert result.returncode == 0 and "OK" in result.stdout
    from workshop_app.agenda import list_blocks, list_days
    from workshop_app.store import open_store

    s = open_store(out)
    assert len(list_days(s)) == 3 and all(list_blocks(s, d.id) for d in list_days(s))
    assert s.scalar("SELECT count(*) FROM trends") and s.scalar("SELECT count(*) FROM governance_choices")
    s.close()


def test_new_with_dates_template_and_language(tmp_path, capsys):
    out = tmp_path / "s.workshop"
    assert main(["new", str(out), "--title", "Séminaire", "--organisation", "ACME", "--lang", "en",
                 "--dates", "2027-05-03,2027-05-04", "--template", "one_day"]) == 0
    from workshop_app.agenda import list_blocks, list_days
    from workshop_app.seminar import get_seminar
    from workshop_app.store import open_store

    s = open_store(out)
    days = list_days(s)
    assert [d.date for d in days] == ["2027-05-03", "2027-05-04"]
    assert list_blocks(s, days[0].id) and not list_blocks(s, days[1].id)
    assert (get_seminar(s).organisation, get_seminar(s).language) == ("ACME", "en")
    s.close()


def test_new_refuses_bad_input_in_one_line_and_creates_nothing(tmp_path, capsys):
    out = tmp_path / "s.workshop"
    assert main(["new", str(out), "--title", "T", "--dates", "2027-05-03", "--template", "three_day"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "3 days" in err
    assert main(["new", str(out), "--title", "T", "--dates", "03/05/2027"]) == 1
    assert "is not a date" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    assert "--days N" in capsys.readouterr().out


def test_export_one_owners_part(tmp_path, capsys):
    demo = tmp_path / "d.workshop"
    assert main(["demo", str(demo), "--lang", "en"]) == 0
    out = tmp_path / "claire.docx"
    assert main(["export", str(demo), "--docx", str(out), "--owner", "Claire Dubois"]) == 0
    from docx import Document

    doc = Document(out)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == ["Claire Dubois"]
    capsys.readouterr()
    assert main(["export", str(demo), "--docx", str(tmp_path / "x.docx"), "--owner", "Nobody Here"]) == 1
    assert "no Go initiative" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()
    assert main(["export", str(demo), "--json", str(tmp_path / "x.json"), "--owner", "Claire Dubois"]) == 1
    assert "--docx" in capsys.readouterr().err
