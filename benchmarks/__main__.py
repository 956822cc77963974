"""``python -m benchmarks [--quick]``: print one line per figure, ``name value unit target=… ok|MISSED``.

See benchmarks/README.md for what each figure means and how it is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .common import ChildFailed, Context, Figure, child, child_env

SECTIONS = ("generator", "calibrate", "tallies", "startup", "open", "use", "idle", "export", "bundle", "room")


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        qt = "no Qt"
    return {"cores": os.cpu_count(), "cpu": cpu or "unknown", "python": platform.python_version(), "qt": qt,
            "system": f"{platform.system()} {platform.release()}"}


def _generator(ctx: Context) -> list[Figure]:
    from .generator import LARGE, generate

    start = time.perf_counter()
    counts = generate(ctx.large, LARGE)
    seconds = time.perf_counter() - start
    ctx.note("large seminar: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return [Figure("generator.large_seminar", seconds, "s"),
            Figure("generator.file_size", ctx.large.stat().st_size / 1e6, "MB")]


def _calibrate(ctx: Context) -> list[Figure]:
    leak = child(ctx, "none-leak")
    if leak["lost_per_1000"]:
        ctx.note(f"PySide6 {leak['pyside']} on Python {leak['python']} loses a reference to None on each "
                 "QModelIndex.data() that returns nothing: the app aborts (none_dealloc) after enough of them")
    return [Figure("machine.python_loop", child(ctx, "calibrate")["ms"], "ms"),
            Figure("qt.none_refs_lost_per_1000_data_calls", leak["lost_per_1000"], "refs", 0)]


def _run_section(name: str, ctx: Context) -> list[Figure]:
    if name == "generator":
        return _generator(ctx)
    if name == "calibrate":
        return _calibrate(ctx)
    if name == "tallies":
        from . import tallies
        return tallies.run(ctx)
    if name == "startup":
        from . import startup
        return startup.run(ctx)
    if name == "room":
        from . import room
        return room.run(ctx)
    if name == "bundle":
        from . import bundle
        return bundle.run(ctx)
    if name in ("open", "use", "idle"):
        from . import gui
        return getattr(gui, f"run_{name}")(ctx)
    from . import export
    return export.run(ctx)


def markdown(figures: list[Figure], info: dict, quick: bool) -> str:
    lines = [f"Machine: {info['cores']} cores, {info['cpu']}, Python {info['python']}, {info['qt']}, "
             f"{info['system']}; {'--quick' if quick else 'full'} run of {time.strftime('%Y-%m-%d')}.", "",
             "| figure | value | unit | target | status |", "| --- | ---: | --- | --- | --- |"]
    for f in figures:
        parts = f.line().split(" ")
        lines.append(f"| {parts[0]} | {parts[1]} | {parts[2]} | {parts[3][len('target='):]} | {parts[4]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, shorter idle measure (about 1 min)")
    parser.add_argument("--only", help=f"comma-separated sections among: {', '.join(SECTIONS)}")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (the seminar, the .docx files)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--markdown", action="store_true", help="also print the figures as a Markdown table")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    sections = SECTIONS if not args.only else tuple(s.strip() for s in args.only.split(","))
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    ctx = Context(quick=args.quick, folder=folder, large=folder / "large-seminar.workshop", env=child_env(folder))
    if ctx.large.exists():
        ctx.large.unlink()
    info = machine()
    print(f"# {info['cores']} cores, {info['cpu']}, Python {info['python']}, {info['qt']}", flush=True)
    started = time.monotonic()
    figures: list[Figure] = []
    failed = []
    try:
        for name in ("generator",) + tuple(s for s in sections if s != "generator"):
            try:
                for figure in _run_section(name, ctx):
                    figures.append(figure)
                    print(figure.line(), flush=True)
            except ChildFailed as error:
                failed.append(name)
                print(f"# {name} FAILED: {error}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    missed = [f.name for f in figures if f.ok is False]
    print(f"# {len(figures)} figures, {len(missed)} missed{': ' + ', '.join(missed) if missed else ''}; "
          f"{time.monotonic() - started:.0f} s", flush=True)
    if args.markdown:
        print(markdown(figures, info, args.quick))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "quick": args.quick, "notes": ctx.notes,
                                               "figures": [f.__dict__ | {"status": f.status} for f in figures]},
                                              indent=1, ensure_ascii=False), encoding="utf-8")
    if failed:
        return 2
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
