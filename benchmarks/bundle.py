"""The Linux bundle (``make dist``): its size, and its cold start beside the virtual environment's.

Sizes: every regular file of ``dist/workshop-app/`` (symbolic links not counted twice),
and the ``.tar.gz`` that ``make dist`` makes of it. Start: ``dist/workshop-app/workshop-app
--demo`` and ``.venv/bin/workshop-app --demo`` (the console script a ``pip install``
gives), each a fresh process with the same private home and offscreen Qt, timed from
just before the spawn to the end of the main window's first paint with the demo's
console (the app's ``WORKSHOP_BENCH_QUIT_AFTER_PAINT`` hook). A warm-up run of each
comes first; then they alternate and the medians are compared. Skipped, with a
message, when no bundle has been built.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from .common import ROOT, ChildFailed, Context, Figure, _reason, median

BUNDLE = ROOT / "dist" / "workshop-app"
MARKER = "WORKSHOP_BENCH first-paint "
MAX_SIZE_MB = 200
TARGET_RATIO = 1.3
ARGS = ["--demo", "--lang", "fr"]


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def venv_executable() -> Path:
    return Path(sys.executable).parent / "workshop-app"


def first_paint(ctx: Context, command: list[str], timeout: float = 120) -> float:
    """Seconds from the spawn of ``command`` to the end of its first paint (reported by the app)."""
    env = dict(ctx.env, WORKSHOP_BENCH_QUIT_AFTER_PAINT="1")
    env["WORKSHOP_BENCH_T0"] = repr(time.time())
    proc = subprocess.Popen(command, cwd=ctx.folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        out, err = proc.communicate()
    finally:
        watchdog.cancel()
    lines = [line[len(MARKER):] for line in out.splitlines() if line.startswith(MARKER)]
    if proc.returncode != 0 or not lines:
        raise ChildFailed(f"{Path(command[0]).name} {' '.join(command[1:])} exited {proc.returncode}: {_reason(err)}")
    return float(lines[0].split(" ", 1)[0])


def run(ctx: Context) -> list[Figure]:
    exe = BUNDLE / "workshop-app"
    if not exe.is_file():
        ctx.note(f"bundle: skipped, no bundle in {BUNDLE.relative_to(ROOT)} (build it with `make dist`)")
        return []
    figures = [Figure("bundle.unpacked_size", folder_mb(BUNDLE), "MB", MAX_SIZE_MB)]
    archives = sorted(BUNDLE.parent.glob("workshop-app-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if archives:
        figures.append(Figure("bundle.archive_size", archives[-1].stat().st_size / 1e6, "MB"))
        ctx.note(f"bundle archive: {archives[-1].name}")
    else:
        ctx.note("bundle: no archive next to the bundle (make dist makes one)")
    venv = [str(venv_executable()), *ARGS]
    frozen = [str(exe), *ARGS]
    first_paint(ctx, frozen)  # warm-up: disk cache, font caches, the demo's cached copy
    first_paint(ctx, venv)
    bundle_times, venv_times = [], []
    for _n in ctx.runs(7, 3, budget_s=60, minimum=3):
        bundle_times.append(first_paint(ctx, frozen))
        venv_times.append(first_paint(ctx, venv))
    bundle, from_venv = median(bundle_times), median(venv_times)
    return figures + [Figure("bundle.start_console_demo", bundle, "s"),
                      Figure("bundle.venv_console_demo", from_venv, "s"),
                      Figure("bundle.start_ratio", bundle / from_venv, "x", TARGET_RATIO)]
