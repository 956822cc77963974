"""A clean environment for an installed app: no checkout, no virtual environment, a new HOME."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_env(home: Path, bin_dir: Path | None = None) -> dict:
    """PATH of the system only (plus ``bin_dir``), no PYTHONPATH, no venv, a private HOME."""
    for sub in ("config", "data", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TZ", "TMPDIR", "SYSTEMROOT")}
    system_path = [p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir()]
    keep.update({
        "PATH": os.pathsep.join(([str(bin_dir)] if bin_dir else []) + system_path),
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"), "QT_QPA_PLATFORM": "offscreen",
    })
    return keep
