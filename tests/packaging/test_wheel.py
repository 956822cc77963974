"""The wheel and the sdist hold every data file, and the wheel works installed away from the checkout.

``python -m build`` makes the sdist, then the wheel from the sdist (so the sdist is proved
complete too); the wheel goes into a fresh virtual environment in a temporary folder and
the installed ``workshop-app`` runs there with no checkout and no project venv in sight.
pip takes the dependencies from its cache (the project venv's were installed from it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from .clean_env import ROOT, clean_env

PACKAGES = ("workshop_app", "ui", "exercises", "exports", "room")
NOT_DATA = {".py", ".pyc", ".md"}
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def data_files() -> set[str]:
    """Every file of the app's packages that is not code or documentation, as a path from the root."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and path.suffix not in NOT_DATA and "__pycache__" not in path.parts:
                found.add(path.relative_to(ROOT).as_posix())
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return wheels[0], sdists[0]


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory):
    """A fresh venv outside the checkout with the wheel installed; (bin folder, clean env, work dir)."""
    base = tmp_path_factory.mktemp("wheel-venv")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    result = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
                             "--disable-pip-version-check", str(built[0])],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    work = base / "work"
    work.mkdir()
    return bin_dir, clean_env(base / "home", bin_dir), work


def run(installed, *args: str) -> subprocess.CompletedProcess:
    bin_dir, env, work = installed
    return subprocess.run([str(bin_dir / "workshop-app"), *args], cwd=work, env=env,
                          capture_output=True, text=True, timeout=180)


def test_the_wheel_holds_every_data_file(built):
    names = set(zipfile.ZipFile(built[0]).namelist())

    assert data_files() - names == set()
    assert data_files(), "the data files were not found in the checkout"
    assert f"workshop_app-{VERSION}.dist-info/METADATA" in names


def test_the_sdist_holds_every_data_file_and_the_changelog(built):
    prefix = f"workshop_app-{VERSION}/"
    names = {name.removeprefix(prefix) for name in tarfile.open(built[1]).getnames()}

    assert data_files() - names == set()
    assert {"pyproject.toml", "README.md", "CHANGELOG.md"} <= names


def test_the_installed_app_comes_from_the_venv_not_the_checkout(installed):
    bin_dir, env, work = installed
    code = "import workshop_app, ui, exercises, exports; print(workshop_app.__file__, exports.__file__)"
    result = subprocess.run([str(bin_dir / "python"), "-c", code], cwd=work, env=env,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    venv = bin_dir.parent.resolve()
    for path in result.stdout.split():
        assert Path(path).resolve().is_relative_to(venv)
        assert not Path(path).resolve().is_relative_to(ROOT)


def test_the_installed_app_reports_the_pyproject_version(installed):
    result = run(installed, "--version")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"workshop-app {VERSION}"


def test_the_installed_app_writes_checks_and_exports_the_demo(installed):
    _bin, _env, work = installed
    assert run(installed, "demo", "demo.workshop", "--lang", "en").returncode == 0
    check = run(installed, "check", "demo.workshop")
    docx = run(installed, "export", "demo.workshop", "--docx", "roadmap.docx")
    as_json = run(installed, "export", "demo.workshop", "--json", "demo.json")

    assert check.returncode == 0 and "OK" in check.stdout, check.stderr
    assert docx.returncode == 0, docx.stderr
    assert as_json.returncode == 0, as_json.stderr
    with zipfile.ZipFile(work / "roadmap.docx") as document:
        body = document.read("word/document.xml").decode("utf-8")
    assert "Customer experience roadmap" in body  # the demo's title, in the installed package's content
    exported = json.loads((work / "demo.json").read_text(encoding="utf-8"))
    assert exported["format"] == "workshop-app/seminar"
    assert exported["tables"]["seminar"][0]["title"] == "Customer experience roadmap 2026–2028"
    assert exported["tables"]["trends"]  # from exercises/trends/content/trends.json, packaged


def test_the_installed_app_passes_its_self_test(installed):
    result = run(installed, "--self-test", "--lang", "fr")

    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
