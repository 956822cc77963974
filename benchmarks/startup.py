"""Cold start: ``workshop-app --demo`` to the console painted, against a bare PySide6 window.

Both are fresh processes started the same way (this interpreter, offscreen Qt, the same
private home) and timed from just before the spawn to the end of the main window's
first paint, which each reports itself (the app through its
``WORKSHOP_BENCH_QUIT_AFTER_PAINT`` hook in ``ui/app.py``). Runs alternate, so both
see the same machine; the medians are compared. "Cold" means a new process: the
disk cache is warm (a warm-up run of each comes first and is not counted).
"""

from __future__ import annotations

import re

from .common import Context, Figure, median, run_child

MARKER = "WORKSHOP_BENCH first-paint "
TARGET_RATIO = 2.5
FORBIDDEN = ("matplotlib", "docx")  # must never be imported at start-up
HEAVY = FORBIDDEN + ("numpy", "lxml", "PIL", "pandas", "exports")  # worth knowing about
APP = ["-m", "workshop_app", "--demo", "--lang", "fr"]
BARE = ["-m", "benchmarks.bare_window"]


def _start(ctx: Context, args: list[str], importtime: bool = False) -> tuple[float, set[str], str]:
    results, stderr = run_child(ctx, (["-X", "importtime"] if importtime else []) + args, timeout=120,
                                extra_env={"WORKSHOP_BENCH_QUIT_AFTER_PAINT": "1"}, marker=MARKER)
    seconds, _sep, modules = results[0].partition(" ")
    return float(seconds), set(filter(None, modules.split(","))), stderr


def slowest_imports(stderr: str, count: int = 6) -> list[tuple[str, float]]:
    """The top-level imports with the largest cumulative time in ``-X importtime`` output."""
    found = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if match and not match.group(2):
            found.append((match.group(3), int(match.group(1)) / 1e6))
    return sorted(found, key=lambda item: -item[1])[:count]


def run(ctx: Context) -> list[Figure]:
    _start(ctx, APP)  # warm-up: disk cache, font caches, bytecode
    _start(ctx, BARE)
    app_times, bare_times = [], []
    modules: set[str] = set()
    bare_modules: set[str] = set()
    for _n in ctx.runs(7, 3, budget_s=70, minimum=3):
        seconds, modules, _err = _start(ctx, APP)
        app_times.append(seconds)
        seconds, bare_modules, _err = _start(ctx, BARE)
        bare_times.append(seconds)
    app, bare = median(app_times), median(bare_times)
    heavy = sorted(m for m in HEAVY if m in modules)
    forbidden = [m for m in FORBIDDEN if m in modules]
    ctx.note("heavy modules imported at start-up: " + (", ".join(heavy) or "none"))
    ctx.note("modules beyond the bare window's: " + ", ".join(sorted(modules - bare_modules)))
    if not ctx.quick:
        _seconds, _mods, stderr = _start(ctx, APP, importtime=True)
        ctx.note("slowest top-level imports (-X importtime, cumulative): " + ", ".join(
            f"{name} {secs:.2f} s" for name, secs in slowest_imports(stderr)))
    return [Figure("startup.console_demo", app, "s"),
            Figure("startup.bare_window", bare, "s"),
            Figure("startup.ratio", app / bare, "x", TARGET_RATIO),
            Figure("startup.matplotlib_docx_loaded", len(forbidden), "modules", 0)]
