"""Open the real GUI on the demo seminar and screenshot the X screen (run under Xvfb).

Usage: DISPLAY=:99 python tools/screenshot_app.py OUT.png [--tab TITLE] [--shared]
       [--present EXERCISE] [--start] [--lang fr|en]
--shared shows the shared screen full screen instead of the console.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--tab")
    parser.add_argument("--shared", action="store_true")
    parser.add_argument("--present", default="")
    parser.add_argument("--start", action="store_true", help="start the current block's timer")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from ui.app import run_gui

    def stage() -> None:
        window = next(w for w in app.topLevelWidgets() if w.__class__.__name__ == "MainWindow")
        window.setGeometry(window.screen().availableGeometry())  # no window manager under Xvfb
        console = window.console
        if args.tab:
            for i in range(console.tabs.count()):
                if console.tabs.tabText(i) == args.tab:
                    console.tabs.setCurrentIndex(i)
        if args.start:
            console.run_panel.start_or_pause()
            window.session.clock.now()
        if args.present:
            window.session.present(args.present)
        if args.shared:
            screen = console.shared_screen
            screen.setGeometry(screen.screen().geometry())  # full screen, without a window manager
            screen.showFullScreen()
        QTimer.singleShot(2500, shoot)

    def shoot() -> None:
        subprocess.run(["import", "-window", "root", args.out], check=True)
        app.quit()

    QTimer.singleShot(2000, stage)
    run_gui(demo=True, language=args.lang)


if __name__ == "__main__":
    main()
