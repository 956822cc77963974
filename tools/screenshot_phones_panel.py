"""Screenshot the console's Phones panel with a few phones joined, and the projector's join page.

Usage: DISPLAY=:99 python tools/screenshot_phones_panel.py PANEL.png JOIN.png [--lang fr|en]
(run under Xvfb at 1920x1080; see tools/screenshot_app.py). Phones are simulated over loopback
with httpx2; the server listens on the laptop's first network address only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def phones(url: str, codes: list[str], rid: int, voters: int) -> None:
    import httpx2

    for index, code in enumerate(codes):
        with httpx2.Client(base_url=url, headers={"origin": url}, follow_redirects=True, timeout=10) as client:
            page = client.get(f"/j/{code}")
            joined = client.post("/join", data={"csrf": CSRF.search(page.text).group(1), "code": code})
            if index < voters:
                review = client.post(f"/vote/{rid}", data={"csrf": CSRF.search(joined.text).group(1),
                                                           "step": "review", "o0": "1"})
                client.post(f"/vote/{rid}", data={"csrf": CSRF.search(review.text).group(1), "step": "cast",
                                                  "o0": "1"})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("panel_out")
    parser.add_argument("join_out")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from ui.app import run_gui

    state: dict = {}

    def stage() -> None:
        from exercises.arbitration.rounds import close_round, create_round, list_rounds
        from workshop_app import join_codes

        window = next(w for w in app.topLevelWidgets() if w.__class__.__name__ == "MainWindow")
        window.setGeometry(window.screen().availableGeometry())
        console = window.console
        for i in range(console.tabs.count()):
            if console.tabs.tabText(i) in ("Phones", "Téléphones"):
                console.tabs.setCurrentIndex(i)
        panel = console.tabs.currentWidget().ensure_view()
        store = window.session.store
        for rnd in list_rounds(store, None):
            if rnd.is_open:
                close_round(store, rnd.id)
        options = [r["id"] for r in store.query("SELECT id FROM initiatives ORDER BY position LIMIT 6")]
        rid = create_round(store, "Quelles initiatives soutenez-vous ?" if args.lang == "fr"
                           else "Which initiatives do you support?", "approval", options, "secret")
        window.session.notify("arbitration")
        panel.network.setCurrentIndex(0)
        panel.toggle.setChecked(True)
        codes = [c.code for c in join_codes.list_codes(store)][:7]
        thread = threading.Thread(target=phones, args=(panel.server.url, codes, rid, 4))
        thread.start()
        state.update(window=window, panel=panel, thread=thread)
        QTimer.singleShot(500, wait_for_phones)

    def wait_for_phones() -> None:
        if state["thread"].is_alive():
            QTimer.singleShot(200, wait_for_phones)
            return
        state["panel"].refresh()
        QTimer.singleShot(800, shoot_panel)

    def shoot_panel() -> None:
        subprocess.run(["import", "-window", "root", args.panel_out], check=True)
        panel = state["panel"]
        panel.show_join_screen()
        screen = panel.join_screen
        screen.setGeometry(screen.screen().geometry())
        screen.showFullScreen()
        QTimer.singleShot(1500, shoot_join)

    def shoot_join() -> None:
        subprocess.run(["import", "-window", "root", args.join_out], check=True)
        state["panel"].stop()
        app.quit()

    def guarded(step):
        def run() -> None:
            try:
                step()
            except Exception:  # noqa: BLE001 - a screenshot tool: say what failed and stop
                import traceback

                traceback.print_exc()
                app.quit()
        return run

    stage, wait_for_phones, shoot_panel, shoot_join = (guarded(f) for f in (stage, wait_for_phones, shoot_panel,
                                                                             shoot_join))
    QTimer.singleShot(2000, stage)
    run_gui(demo=True, language=args.lang)


if __name__ == "__main__":
    main()
