"""scripts/ensure_system_packages.sh: nothing when all is there, apt-get when root, the command otherwise.

apt-get and sudo are replaced by fakes that record their calls (nothing is installed on
this machine); dpkg-query is the real one, on packages that surely are or are not there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .clean_env import ROOT

SCRIPT = ROOT / "scripts" / "ensure_system_packages.sh"
ABSENT = "workshop-test-no-such-package"
pytestmark = pytest.mark.skipif(not shutil.which("dpkg-query"), reason="not a Debian/Ubuntu system")


def fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def ensure(tmp_path: Path, listing: str, *groups: str, uid: int | None = None) -> tuple[subprocess.CompletedProcess, list[str]]:
    fakes = tmp_path / "fakes"
    fakes.mkdir(exist_ok=True)
    calls = tmp_path / "calls"
    fake(fakes, "apt-get", f'echo "apt-get $*" >> {calls}')
    fake(fakes, "sudo", f'echo "sudo $*" >> {calls}; [ "$1" = -n ] && exit 1; "$@"')
    if uid is not None:
        fake(fakes, "id", f"echo {uid}")
    (tmp_path / "packages.txt").write_text(listing)
    env = dict(os.environ, PATH=f"{fakes}{os.pathsep}{os.environ['PATH']}",
               WORKSHOP_SYSTEM_PACKAGES_LIST=str(tmp_path / "packages.txt"))
    env.pop("WORKSHOP_SKIP_SYSTEM_PACKAGES", None)
    result = subprocess.run(["sh", str(SCRIPT), *groups], env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    return result, calls.read_text().splitlines() if calls.exists() else []


def test_nothing_missing_runs_nothing(tmp_path):
    result, calls = ensure(tmp_path, "[run]\ndpkg\n[test]\n" + ABSENT + "\n", "run")

    assert result.returncode == 0, result.stderr
    assert calls == [] and result.stderr == ""


def test_one_installed_alternative_is_enough(tmp_path):
    result, calls = ensure(tmp_path, f"[run]\n{ABSENT} | dpkg\n", "run")

    assert result.returncode == 0, result.stderr
    assert calls == []


def test_as_root_it_updates_then_installs_only_what_is_missing(tmp_path):
    result, calls = ensure(tmp_path, f"[run]\ndpkg\n{ABSENT}\n", "run", uid=0)

    assert calls[0] == "apt-get update -q"
    assert calls[1].startswith("apt-get install -y -q --no-install-recommends ")
    assert calls[1].split()[-1] == ABSENT and "dpkg" not in calls[1].split()
    assert result.returncode == 1  # the fake apt-get installed nothing: said, not ignored
    assert f"{ABSENT} is still not installed" in result.stderr


def test_without_root_or_usable_sudo_it_prints_the_exact_command(tmp_path):
    result, calls = ensure(tmp_path, f"[run]\ndpkg\n{ABSENT}\n", "run", uid=1000)

    assert result.returncode == 1
    assert not [c for c in calls if c.startswith("apt-get")]
    assert (f"sudo apt-get update && sudo apt-get install -y --no-install-recommends {ABSENT}"
            in result.stderr)


def test_an_unknown_group_is_refused(tmp_path):
    result, calls = ensure(tmp_path, "[run]\ndpkg\n", "run", "tset")

    assert result.returncode == 2 and "unknown group: tset" in result.stderr
    assert calls == []


def test_the_real_list_has_the_groups_the_makefile_asks_for():
    listing = (ROOT / "scripts" / "system-packages.txt").read_text()
    groups = {line.strip("[] \n") for line in listing.splitlines() if line.startswith("[")}
    makefile = (ROOT / "Makefile").read_text()

    assert groups == {"python", "run", "test", "dist", "libpython"}
    assert "$(ENSURE) run test" in makefile and "$(ENSURE) run\n" in makefile and "$(ENSURE) run dist" in makefile
    for needed in ("libxkbcommon-x11-0", "libxcb-cursor0", "chromium", "xvfb", "libreoffice-writer-nogui"):
        assert needed in listing


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]

    assert "make test" in readme
    assert "make test" in ci
    assert not any("apt-get" in line for line in ci)  # the packages come from make test itself
