"""The Linux desktop integration: the .desktop file, the .workshop MIME type, install.sh.

And the same file type as the spec declares for macOS and Windows.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from .clean_env import ROOT

LINUX = ROOT / "packaging" / "linux"
MIME = "application/x-workshop"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def desktop_entry(path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_workshop_files():
    entry = desktop_entry(LINUX / "workshop-app.desktop")

    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"].endswith(" %f")
    assert entry["MimeType"].split(";")[0] == MIME
    assert entry["Icon"] == "workshop-app"


def test_the_mime_type_globs_workshop_files():
    root = ET.parse(LINUX / "workshop-app.xml").getroot()
    kind = root.find("m:mime-type", NS)

    assert kind.get("type") == MIME
    assert [g.get("pattern") for g in kind.findall("m:glob", NS)] == ["*.workshop"]


def test_the_spec_declares_the_same_file_type_for_every_system():
    spec = (ROOT / "packaging" / "workshop-app.spec").read_text(encoding="utf-8")
    script = (ROOT / "packaging" / "windows" / "register-file-type.ps1").read_text(encoding="utf-8")

    assert f'"mime": "{MIME}"' in spec and '"extension": "workshop"' in spec
    assert "CFBundleDocumentTypes" in spec and "UTExportedTypeDeclarations" in spec
    assert "upx=False" in spec and "onefile" not in spec.lower()
    assert '"$classes\\.workshop"' in script and MIME in script


def install(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run(["sh", str(LINUX / "install.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "My Apps" / "workshop 100%"
    folder.mkdir(parents=True)
    exe = folder / "workshop-app"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    return exe


def test_install_sh_adds_the_menu_entry_and_the_type_then_removes_them(tmp_path, app):
    data = tmp_path / "data"
    result = install(tmp_path, str(app))

    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data / "applications" / "workshop-app.desktop")
    assert entry["Exec"] == f'"{str(app).replace("%", "%%")}" %f'  # quoted, % doubled (Desktop Entry spec)
    assert (data / "mime" / "packages" / "workshop-app.xml").read_bytes() == (LINUX / "workshop-app.xml").read_bytes()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "workshop-app.png").stat().st_size > 1000
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text()
        assert re.search(rf"^\d+:{re.escape(MIME)}:\*\.workshop$", globs, re.M)

    removed = install(tmp_path, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not (data / "applications" / "workshop-app.desktop").exists()
    assert not (data / "mime" / "packages" / "workshop-app.xml").exists()


def test_install_sh_refuses_a_missing_executable(tmp_path):
    result = install(tmp_path, str(tmp_path / "nowhere" / "workshop-app"))

    assert result.returncode == 1 and "no executable at" in result.stderr
    assert not (tmp_path / "data" / "applications").exists()
