"""Entry point of the benchmarks' child processes: ``python -m benchmarks.child MEASURE ARGS…``.

Each measure runs in a fresh process and prints one ``BENCH-RESULT {json}`` line.
"""

from __future__ import annotations

import importlib
import os
import sys

from .common import emit

MEASURES = {
    "open": "benchmarks.gui_child:open_seminar",
    "use": "benchmarks.gui_child:use",
    "idle": "benchmarks.gui_child:idle",
    "none-leak": "benchmarks.gui_child:none_leak",
    "tallies": "benchmarks.tallies:measure",
    "export": "benchmarks.export:export",
    "export-reference": "benchmarks.export:reference",
    "export-warm-up": "benchmarks.export:warm_up",
    "calibrate": "benchmarks.calibrate:measure",
    "room": "benchmarks.room:measure",
    "room-input": "benchmarks.room_input:measure",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MEASURES:
        print(f"usage: python -m benchmarks.child {{{','.join(MEASURES)}}} ARGS…", file=sys.stderr)
        return 2
    module, _sep, function = MEASURES[argv[0]].partition(":")
    emit(getattr(importlib.import_module(module), function)(argv[1:]))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no interpreter teardown: nothing left to measure, and Qt objects die with the process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
