"""One version number, in pyproject.toml, read by --version and the About box."""

from __future__ import annotations

import tomllib

from workshop_app import _pyproject_version, version
from workshop_app.__main__ import main

from .clean_env import ROOT


def test_version_is_the_pyproject_one(capsys):
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

    assert version() == expected
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out == f"workshop-app {expected}\n"


def test_the_pyproject_line_scan_reads_only_this_projects_version():
    text = ('[tool.other]\nversion = "9.9"\n[project]\nname = "workshop-app"\n'
            'version = "1.2.3"  # the one\n[tool.x]\nversion = "0"\n')

    assert _pyproject_version(text) == "1.2.3"
    assert _pyproject_version(text.replace("workshop-app", "another-app")) is None
