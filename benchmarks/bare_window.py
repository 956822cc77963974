"""The reference: a bare PySide6 window (QApplication + QMainWindow shown), nothing else.

``python -m benchmarks.bare_window``            print the first-paint line the app's
    ``WORKSHOP_BENCH_QUIT_AFTER_PAINT`` hook prints, then quit;
``python -m benchmarks.bare_window idle SECS``  stay idle SECS seconds, print the CPU used;
``python -m benchmarks.bare_window memory``     print the peak memory after the first paint.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1366, 820)  # the console's size
    mode = argv[0] if argv else "paint"

    def report() -> None:
        start = float(os.environ.get("WORKSHOP_BENCH_T0") or time.time())
        modules = sorted({name.split(".")[0] for name in sys.modules if not name.startswith("_")})
        print(f"WORKSHOP_BENCH first-paint {time.time() - start:.4f} {','.join(modules)}", flush=True)
        if mode == "idle":
            cpu0, wall0 = time.process_time(), time.monotonic()
            seconds = float(argv[1])

            def done() -> None:
                cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
                print("BENCH-RESULT " + json.dumps({"cpu_percent": 100 * cpu / wall, "cpu_s": cpu}), flush=True)
                app.quit()

            QTimer.singleShot(int(seconds * 1000), done)
            return
        if mode == "memory":
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
            print("BENCH-RESULT " + json.dumps({"peak_mb": peak}), flush=True)
        app.quit()

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, report)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
