"""A second process that draws some of the report's charts while the export draws the others.

Drawing the charts is most of a Word export's time, and matplotlib holds Python's lock
while it draws: a thread would not help, a process does. ``ChartHelper`` starts
``python -m exports.chart_worker`` beside the export; the two share the charts from
opposite ends (the export from the first, the helper from the last) until they meet,
so each chart is drawn once and neither waits for the other more than one chart.

Nothing depends on the helper: a chart it cannot take (its factory does not pickle), a
chart that fails there, a helper that dies, hangs or cannot start is simply drawn by the
export itself, which reports any real error. The helper only exists during an export.

Protocol on the helper's stdin/stdout: frames of a 4-byte big-endian length and a
pickle. The helper asks ``("next",)``; the export answers ``(index, pickled Chart)`` or
``None`` (nothing left: exit); the helper sends ``("png", index, bytes)`` or
``("error", index, text)``.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

MIN_CHARTS = 4  # fewer charts than this are drawn here: starting the helper would cost more
WAIT_S = 60.0  # the longest the export waits for one chart from the helper before drawing it


def _send(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def _receive(stream):
    """The next message, or raise EOFError when the other side has gone."""
    header = stream.read(4)
    if len(header) < 4:
        raise EOFError
    size = struct.unpack(">I", header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def worth_a_helper(chart_count: int) -> bool:
    """Enough charts, a second core, and a Python to start (not a frozen app's executable)."""
    return chart_count >= MIN_CHARTS and (os.cpu_count() or 1) >= 2 and not getattr(sys, "frozen", False)


class ChartHelper:
    """The export's side: ``png(block)`` gives each chart of ``blocks``, drawn here or there."""

    def __init__(self, blocks, draw_here):
        self._blocks = list(blocks)
        self._index = {id(block): i for i, block in enumerate(self._blocks)}
        self._draw_here = draw_here
        self._taken: set[int] = set()  # by either side
        self._here: set[int] = set()  # charts the helper cannot take
        self._results: dict[int, tuple] = {}
        self._gone = False
        self._lock = threading.Condition()
        root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([root] + [p for p in [env.get("PYTHONPATH")] if p])
        self._process = subprocess.Popen([sys.executable, "-m", "exports.chart_worker"], cwd=root, env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._thread = threading.Thread(target=self._serve, name="chart-helper", daemon=True)
        self._thread.start()

    # -- the export's thread -----------------------------------------------------------
    def png(self, block) -> bytes:
        index = self._index.get(id(block))
        if index is not None:
            with self._lock:
                if index in self._taken and index not in self._here:  # the helper has it
                    deadline = time.monotonic() + WAIT_S
                    while index not in self._results and not self._gone and time.monotonic() < deadline:
                        self._lock.wait(deadline - time.monotonic())
                    message = self._results.pop(index, None)
                    if message is not None and message[0] == "png":
                        return message[2]
                self._taken.add(index)
        return self._draw_here(block)  # not taken yet, failed there, or the helper is gone

    def close(self) -> None:
        """Stop the helper (at once if it is still drawing) and wait for its end."""
        process = self._process
        try:
            process.stdin.close()  # the helper reads the end of its input and exits
        except OSError:
            pass
        try:
            process.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._thread.join(timeout=2.0)
        process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the helper's thread -----------------------------------------------------------
    def _serve(self) -> None:
        try:
            while True:
                message = _receive(self._process.stdout)
                if message[0] == "next":
                    job = self._next_job()
                    _send(self._process.stdin, job)
                    if job is None:
                        break
                else:
                    with self._lock:
                        self._results[message[1]] = message
                        self._lock.notify_all()
        except (EOFError, OSError, ValueError, pickle.PickleError, IndexError, TypeError):
            pass  # the helper has gone (or the export closed it): the export draws the rest
        finally:
            with self._lock:
                self._gone = True
                self._lock.notify_all()

    def _next_job(self):
        """The last chart nobody has taken, pickled, or None when none is left."""
        with self._lock:
            for index in range(len(self._blocks) - 1, -1, -1):
                if index in self._taken:
                    continue
                self._taken.add(index)
                try:
                    return index, pickle.dumps(self._blocks[index], protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:  # noqa: BLE001 - e.g. a lambda: drawn by the export instead
                    self._here.add(index)
            return None


def main() -> int:
    """The helper process: draw the charts it is given until told there are none left."""
    out = os.fdopen(os.dup(1), "wb")  # the protocol's channel; stray prints go to stderr
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr (an app started without a terminal): prints go nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    sys.stdout = sys.stderr if sys.stderr is not None else open(os.devnull, "w")  # noqa: SIM115
    source = sys.stdin.buffer
    from .chart_png import chart_png  # matplotlib is imported by the first chart

    while True:
        try:
            _send(out, ("next",))
            job = _receive(source)
        except (EOFError, OSError):
            return 0
        if job is None:
            return 0
        index, data = job
        try:
            message = ("png", index, chart_png(pickle.loads(data)))
        except Exception as exc:  # noqa: BLE001 - the export draws it again and reports the error
            message = ("error", index, f"{type(exc).__name__}: {exc}")
        try:
            _send(out, message)
        except OSError:
            return 0


if __name__ == "__main__":
    sys.exit(main())
