"""GUI measures, run inside a fresh child process (offscreen Qt, private home).

``open``    opening the large seminar to the console's first paint (and once more, warm);
``use``     after one opening: the idea board scrolled through every idea, one wheel notch
            per frame; every participant voting in the booth on the shared screen; every
            console tab and every exercise's shared view shown once; the peak memory;
``idle``    CPU time while the current block's timer runs on both windows.
Each child opens its own copy of the large seminar.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QStackedWidget, QTabWidget

from .qt_tools import clock, lay_out, make_app, max_rss_mb, settle, wait_paint, wheel_down


# PySide6 6.12.0 loses references to None, True and False on common calls (e.g.
# ``index.data(role)`` when the model has nothing for that role, a void slot called from
# Python, ``Signal.emit``). On Python 3.11, where they are not immortal, the process
# aborts once a count reaches zero ("Fatal Python error: none_dealloc"). ``none_leak``
# measures it; the GUI children raise the three counts first so their timings can still
# be taken (WORKSHOP_BENCH_NONE_RESERVE=0 to see the crash instead). Nothing is allocated.
def _reserve_references() -> None:
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


if os.environ.get("WORKSHOP_BENCH_NONE_RESERVE", "1") == "1" and sys.version_info < (3, 12):
    _reserve_references()


def none_leak(args: list[str]) -> dict:
    """References to None lost per 1000 ``QModelIndex.data()`` calls that return nothing."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

    class Empty(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 1

        def data(self, index, role=Qt.DisplayRole):
            return None

    make_app()
    model = Empty()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        index.data(Qt.UserRole)
    import PySide6

    return {"lost_per_1000": before - sys.getrefcount(None), "pyside": PySide6.__version__,
            "python": sys.version.split()[0]}


def _window():
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    wait_paint(window)
    return window


def _open(window, path: str) -> dict:
    """File > Open: from the call to the end of the console's first paint."""
    start = clock()
    if not window.open_file(path):
        raise RuntimeError(f"could not open {path}")
    built = clock()
    if not wait_paint(window.console):
        raise RuntimeError("the console never painted")
    end = clock()
    return {"open_s": end - start, "build_s": built - start, "paint_s": end - built}


def open_seminar(args: list[str]) -> dict:
    path, again = args[0], args[1:] == ["again"]
    make_app()
    window = _window()
    first = _open(window, path)
    if not again:
        return first
    window.close_seminar()
    settle()
    return {**first, "again_s": _open(window, path)["open_s"]}


# --- the idea board -----------------------------------------------------------------

def _reveal(widget) -> None:
    """Make the tabs and stacks above ``widget`` show the page that holds it."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def _exercise_view(console, key: str):
    return console.exercise_view(key)


def scroll_board(window) -> dict:
    """Scroll every column of the idea board from top to bottom, one wheel notch per frame.

    A frame is the wheel event plus a synchronous repaint of the column's viewport.
    """
    view = _exercise_view(window.console, "ideation")
    if view is None:
        return {"error": "no ideation view"}
    _reveal(view)
    settle()
    boards = [w for w in view.findChildren(QAbstractScrollArea) if type(w).__name__ == "IdeaBoard"]
    if boards:
        board = boards[0]
        _reveal(board)
        columns = [(column, column.view) for column in board.columns]
    else:  # another layout of the board: every list of ideas in the view
        board = None
        columns = [(v, v) for v in view.findChildren(QAbstractItemView)]
    settle()
    frames: list[float] = []
    ideas = 0
    for holder, item_view in columns:
        if board is not None:
            board.ensureWidgetVisible(holder)
        settle()
        item_view.viewport().repaint()
        ideas += item_view.model().rowCount() if item_view.model() else 0
        bar = item_view.verticalScrollBar()
        guard = 0
        while bar.value() < bar.maximum() and guard < 20000:
            start = clock()
            wheel_down(item_view.viewport())
            item_view.viewport().repaint()
            frames.append(clock() - start)
            guard += 1
    if not frames:
        return {"error": "nothing to scroll", "ideas": ideas}
    ordered = sorted(frames)
    return {"frames": len(frames), "ideas": ideas, "columns": len(columns), "total_s": sum(frames),
            "mean_ms": 1000 * statistics.fmean(frames), "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
            "max_ms": 1000 * ordered[-1]}


# --- the booth ----------------------------------------------------------------------

def cast_ballots(window) -> dict:
    """Every participant votes in a new secret majority-judgment round on all initiatives.

    Timed per ballot: from "Confirm my vote" in the booth window (on the laptop's screen) to
    the shared screen repainted with the new count, minus the store's commit, which is timed
    apart; the booth window repaints after.
    """
    from exercises.arbitration import booth_view, rounds
    from exercises.arbitration.booth import cast_ballot

    session, console = window.console.session, window.console
    store = session.store
    options = [r["id"] for r in store.query("SELECT id FROM initiatives ORDER BY position, id")]
    rid = rounds.create_round(store, "Benchmark : une mention pour chaque initiative", "majority", options, "secret")
    session.notify("arbitration")
    panel = getattr(_exercise_view(console, "arbitration"), "rounds", None)
    if hasattr(panel, "select_round"):  # the facilitator follows the new round in the console
        panel.select_round(rid)
    session.present("arbitration")
    console.show_shared_screen()
    screen = console.shared_screen
    wait_paint(screen)
    from exercises.arbitration.booth_window import open_booth

    booth_window = open_booth(session, rid, "arbitration", console)  # the laptop's own screen
    wait_paint(booth_window)
    booth = booth_window.page
    timings: list[tuple[float, float]] = []

    def timed_cast(store_, *args, **kwargs):
        start = clock()
        with store_.action():
            cast_ballot(store_, *args, **kwargs)
            written = clock()
        timings.append((written - start, clock() - written))

    booth_view.cast_ballot = timed_cast
    grades = len(rounds.require_round(store, rid).config["grades"])
    to_screen, commits = [], []
    try:
        for index, person in enumerate(r["id"] for r in store.query("SELECT id FROM participants")):
            booth.next_voter()  # as the voter's taps would, with the event loop running between them
            settle()
            booth.choose(person)
            settle()
            for k, option in enumerate(rounds.require_round(store, rid).options):
                booth.editor.grade(option, (index + k) % grades)
            booth.review()
            settle()
            screen.repaint()
            start = clock()
            booth.confirm()
            lay_out()
            screen.repaint()
            total = clock() - start
            booth_window.repaint()  # the laptop's own screen, after the projector's count
            _work, commit = timings[-1]
            to_screen.append(total - commit)
            commits.append(commit)
    finally:
        booth_view.cast_ballot = cast_ballot
    voted = store.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (rid,))
    return {"ballots": voted, "to_screen_ms": 1000 * statistics.median(to_screen),
            "to_screen_max_ms": 1000 * max(to_screen), "commit_ms": 1000 * statistics.median(commits),
            "commit_max_ms": 1000 * max(commits)}


# --- every tab and shared view once, then the peak memory ---------------------------

def tour(window) -> dict:
    console = window.console
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        settle()
        window.repaint()
    for _title, _view, exercise in console.exercises:
        console.session.present(exercise.key)
        settle()
        console.shared_screen.repaint()
    return {"tabs": console.tabs.count(), "peak_mb": max_rss_mb()}


def _opened(path: str):
    make_app()
    window = _window()
    _open(window, path)
    return window


def use(args: list[str]) -> dict:
    """One opening, then the board, the booth and the tour (each reported apart on failure)."""
    window = _opened(args[0])
    out = {}
    for name, measure in (("scroll", scroll_board), ("ballot", cast_ballots), ("memory", tour)):
        try:
            out[name] = measure(window)
        except Exception as error:  # noqa: BLE001 - the other measures still count
            out[name] = {"error": f"{type(error).__name__}: {error}"}
    return out


# --- idle CPU with a running timer ----------------------------------------------------

def idle(args: list[str]) -> dict:
    path, seconds = args[0], float(args[1])
    app = make_app()
    window = _window()
    _open(window, path)
    console = window.console
    session_ = console.session
    session_.runner.start_or_pause()
    session_.notify("run")
    console.show_shared_screen()
    ticks = []
    session_.ticked.connect(lambda: ticks.append(time.monotonic()))
    settle(2.0)  # the first ticks, thumbnails and deferred work
    state = session_.runner.state()
    cpu0, wall0, count0 = time.process_time(), time.monotonic(), len(ticks)
    settle(seconds)
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    del app
    return {"cpu_percent": 100 * cpu / wall, "cpu_s": cpu, "wall_s": wall, "ticks": len(ticks) - count0,
            "running": bool(state and state.running), "shared_visible": console.shared_screen.isVisible()}
