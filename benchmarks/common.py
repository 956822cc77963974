"""Figures, their one-line form, and fresh child processes in an isolated home.

A figure prints as ``name value unit target=… ok|MISSED`` (``info`` when it has no
target: a reference or a breakdown). Every GUI or timing measure runs in a fresh child
process (``python -m benchmarks.child``) with ``QT_QPA_PLATFORM=offscreen`` and a
temporary HOME, so the user's settings, recent files and caches are never touched.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULT = "BENCH-RESULT "


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float | None = None
    op: str = "<="  # the value must be <= target (or >= for ">=")
    detail: str = ""
    digits: int = 3

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        return self.value <= self.target if self.op == "<=" else self.value >= self.target

    @property
    def status(self) -> str:
        return {None: "info", True: "ok", False: "MISSED"}[self.ok]

    def line(self) -> str:
        target = "-" if self.target is None else f"{self.op}{_fmt(self.target, self.digits)}"
        return f"{self.name} {_fmt(self.value, self.digits)} {self.unit} target={target} {self.status}"


def _fmt(value: float, digits: int) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) >= 10:
        return str(int(value))
    return f"{value:.{digits}g}" if abs(value) < 10 ** digits else f"{value:.0f}"


@dataclass
class Context:
    """What every measure gets: the run's size, its scratch folder, the large seminar."""

    quick: bool
    folder: Path
    large: Path
    env: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def repeats(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def runs(self, full: int, quick: int, budget_s: float, minimum: int = 1):
        """Yield run numbers: up to ``full`` (``quick``) runs, fewer when ``budget_s`` is spent."""
        start = time.monotonic()
        for n in range(self.repeats(full, quick)):
            if n >= minimum and time.monotonic() - start > budget_s * (0.4 if self.quick else 1.0):
                return
            yield n

    def note(self, text: str) -> None:
        """A detail line printed under the figures (``# text``)."""
        self.notes.append(text)
        print(f"# {text}", flush=True)

    def copy_large(self, name: str) -> Path:
        """A private copy of the large seminar (for a child that changes it)."""
        target = self.folder / name
        target.write_bytes(self.large.read_bytes())
        return target


def child_env(folder: Path) -> dict:
    """The environment of every child: offscreen Qt, a private home, this checkout first."""
    home = folder / "home"
    for sub in ("config", "data", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
        "MPLCONFIGDIR": str(home / "config" / "matplotlib"), "LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]),
    })
    env.pop("WORKSHOP_BENCH_QUIT_AFTER_PAINT", None)
    # Bytecode as an installed app has it (pip compiles on install): a shell that sets
    # PYTHONDONTWRITEBYTECODE would otherwise time the compiling of every module we import.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class ChildFailed(RuntimeError):
    pass


def run_child(ctx: Context, args: list[str], timeout: float = 120, extra_env: dict | None = None,
              marker: str = RESULT) -> tuple[list, str]:
    """Run ``python ARGS`` in a fresh process; return (results, stderr).

    Results are the JSON objects the child printed after ``BENCH-RESULT`` (or the raw
    text after ``marker`` for another marker). ``WORKSHOP_BENCH_T0`` tells the child
    when it was spawned, so it can time its start from the parent's clock.
    """
    env = dict(ctx.env)
    env.update(extra_env or {})
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
        env["WORKSHOP_BENCH_T0"] = repr(time.time())
        proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=err, text=True)
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        try:
            out, _unused = proc.communicate()
        finally:
            watchdog.cancel()
        err.seek(0)
        stderr = err.read()
    results: list = []
    for line in out.splitlines():
        if line.startswith(marker):
            payload = line[len(marker):].strip()
            results.append(json.loads(payload) if marker == RESULT else payload)
    if proc.returncode != 0 or not results:
        why = f"was stopped after {timeout:.0f} s" if proc.returncode == -9 else f"exited {proc.returncode}"
        raise ChildFailed(f"python {' '.join(args[:3])}… {why}: {_reason(stderr)}")
    return results, stderr


def _reason(stderr: str) -> str:
    """The gist of a child's failure: the fatal error or exception, and the project line it came from."""
    lines = [l.strip() for l in stderr.splitlines() if l.strip() and "propagateSizeHints" not in l]
    fatal = next((l for l in lines if l.startswith("Fatal Python error")), None)
    error = fatal or next((l for l in reversed(lines) if re.match(r"^[A-Za-z_.]+(Error|Exception)\b", l)), None)
    where = [l for l in lines if l.startswith("File ") and str(ROOT) in l and "/benchmarks/" not in l]
    place = where[0 if fatal else -1].replace(str(ROOT) + "/", "") if where else ""
    return "; ".join(p for p in (error or (lines[-1] if lines else "no output"), place) if p)


def child(ctx: Context, measure: str, *args: str, timeout: float = 120, extra_env: dict | None = None) -> dict:
    """Run ``benchmarks.child MEASURE ARGS`` and return its (last) result object."""
    results, _stderr = run_child(ctx, ["-m", "benchmarks.child", measure, *args], timeout, extra_env)
    return results[-1]


def median(values) -> float:
    return statistics.median(values)


def emit(result: dict) -> None:
    """In a child: hand a result object to the parent."""
    print(RESULT + json.dumps(result), flush=True)
