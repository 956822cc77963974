"""``workshop-app --self-test``: 0 once the demo's console has painted, 1 with the reason otherwise."""

from __future__ import annotations

import subprocess
import sys

from .clean_env import ROOT, clean_env


def self_test(home, *args: str) -> subprocess.CompletedProcess:
    env = clean_env(home)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "workshop_app", "--self-test", *args], cwd=home, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_self_test_passes_once_the_console_has_painted(tmp_path):
    result = self_test(tmp_path / "home", "--lang", "en")

    assert result.returncode == 0, result.stderr
    assert "self-test passed: the console of 'Customer experience roadmap 2026–2028' painted" in result.stdout
    demo = tmp_path / "home" / "data" / "WorkshopApp" / "Workshop" / "demo"
    assert [p.name for p in demo.iterdir()] == ["cache"]  # its own copy of the demo is gone


def test_the_self_test_fails_with_the_reason_when_the_demo_cannot_open(tmp_path):
    home = tmp_path / "home"
    demo = home / "data" / "WorkshopApp" / "Workshop" / "demo"
    demo.mkdir(parents=True)
    (demo / "cache").write_text("a file where the demo's cache folder should be")

    result = self_test(home)

    assert result.returncode == 1
    assert "self-test FAILED: the demo seminar did not open" in result.stderr
    assert "self-test passed" not in result.stdout
