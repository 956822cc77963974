"""Workshop: run a timed customer-experience leadership seminar offline, end with a roadmap."""

from __future__ import annotations

from functools import cache
from pathlib import Path

APP_NAME = "Workshop"
ORGANISATION = "WorkshopApp"
DISTRIBUTION = "workshop-app"


@cache
def version() -> str:
    """The one version number, ``[project] version`` in pyproject.toml.

    From a source checkout it is read there (the checkout is the truth, even when the
    installed metadata is older); installed (wheel, bundle) it is the package's metadata.
    Read on first use only: importlib.metadata costs some 30 ms, not worth paying at start-up.
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        found = _pyproject_version(pyproject.read_text(encoding="utf-8"))
        if found:
            return found
    from importlib.metadata import PackageNotFoundError, version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def _pyproject_version(text: str) -> str | None:
    """``version`` of the ``[project]`` table naming this app (a line scan: tomllib costs 10 ms)."""
    table, name, found = "", None, None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            table = line
        elif table == "[project]" and "=" in line:
            key, _sep, value = (part.strip() for part in line.partition("="))
            if key in ("name", "version"):
                value = value.split("#", 1)[0].strip().strip("\"'")
                name, found = (value, found) if key == "name" else (name, value)
    return found if name == DISTRIBUTION else None


def __getattr__(name: str):
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
