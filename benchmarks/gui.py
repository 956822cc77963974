"""Parent side of the GUI measures (see ``gui_child`` for what each child does)."""

from __future__ import annotations

from .common import ChildFailed, Context, Figure, child, median, run_child

OPEN_TARGET_S = 0.3
FRAME_TARGET_MS = 16.0
BALLOT_TARGET_MS = 16.0
IDLE_TARGET_PERCENT = 2.0
MEMORY_TARGET_MB = 250.0


def _failed(ctx: Context, name: str, error: Exception) -> list[Figure]:
    ctx.note(f"{name} FAILED: {error}")
    return []


def run_open(ctx: Context) -> list[Figure]:
    again = [] if ctx.quick else ["again"]  # --quick: no second opening in the same process
    opens = [child(ctx, "open", str(ctx.copy_large(f"open-{n}.workshop")), *again, timeout=180)
             for n in ctx.runs(5, 1, budget_s=30)]
    text = "open: console built in {:.2f} s, painted {:.3f} s later ({} runs)".format(
        median([o["build_s"] for o in opens]), median([o["paint_s"] for o in opens]), len(opens))
    figures = [Figure("open.large_first_paint", median([o["open_s"] for o in opens]), "s", OPEN_TARGET_S)]
    if again:
        text += "; opened again in the same process: {:.2f} s".format(median([o["again_s"] for o in opens]))
        figures.append(Figure("open.large_again", median([o["again_s"] for o in opens]), "s"))
    ctx.note(text)
    return figures


def run_use(ctx: Context) -> list[Figure]:
    """The idea board, the booth and the memory, in one child that opens the seminar once."""
    try:
        out = child(ctx, "use", str(ctx.copy_large("use.workshop")), timeout=300)
    except ChildFailed as error:
        return _failed(ctx, "scroll, ballot and memory", error)
    return _scroll(ctx, out["scroll"]) + _ballot(ctx, out["ballot"]) + _memory(ctx, out["memory"])


def _scroll(ctx: Context, out: dict) -> list[Figure]:
    if "error" in out:
        return _failed(ctx, "idea_board", RuntimeError(out["error"]))
    ctx.note(f"idea board: {out['ideas']} ideas in {out['columns']} columns, {out['frames']} frames "
             f"(one wheel notch each) in {out['total_s']:.2f} s; worst frame {out['max_ms']:.1f} ms")
    return [Figure("idea_board.frame_mean", out["mean_ms"], "ms", FRAME_TARGET_MS),
            Figure("idea_board.frame_p95", out["p95_ms"], "ms", FRAME_TARGET_MS),
            Figure("idea_board.ideas_scrolled", out["ideas"], "ideas")]


def _ballot(ctx: Context, out: dict) -> list[Figure]:
    if "error" in out:
        return _failed(ctx, "ballot", RuntimeError(out["error"]))
    ctx.note(f"ballot: {out['ballots']} ballots; worst {out['to_screen_max_ms']:.1f} ms to the screen, "
             f"worst commit {out['commit_max_ms']:.1f} ms")
    return [Figure("ballot.to_shared_screen", out["to_screen_ms"], "ms", BALLOT_TARGET_MS),
            Figure("ballot.commit", out["commit_ms"], "ms")]


def _memory(ctx: Context, out: dict) -> list[Figure]:
    if "error" in out:
        return _failed(ctx, "memory", RuntimeError(out["error"]))
    bare = _bare(ctx, "memory")
    ctx.note(f"memory: after the board, the booth, {out['tabs']} console tabs and every exercise's shared view")
    return [Figure("memory.peak_large_open", out["peak_mb"], "MB", MEMORY_TARGET_MB),
            Figure("memory.bare_window", bare["peak_mb"], "MB")]


def _bare(ctx: Context, *args: str) -> dict:
    results, _stderr = run_child(ctx, ["-m", "benchmarks.bare_window", *args], timeout=120)
    return results[-1]


def run_idle(ctx: Context) -> list[Figure]:
    """The app with a running timer, then an idle bare window for as long."""
    seconds = 3.0 if ctx.quick else 10.0
    out = child(ctx, "idle", str(ctx.copy_large("idle.workshop")), str(seconds), timeout=240)
    bare = _bare(ctx, "idle", str(seconds))
    ctx.note(f"idle: {out['ticks']} timer ticks in {out['wall_s']:.1f} s, timer running: {out['running']}, "
             f"shared screen shown: {out['shared_visible']}")
    return [Figure("idle.cpu_timer_running", out["cpu_percent"], "%core", IDLE_TARGET_PERCENT),
            Figure("idle.cpu_bare_window", bare["cpu_percent"], "%core")]
