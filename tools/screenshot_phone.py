"""Screenshot the phone pages in headless chromium at 360×740 (waiting, each method, review, receipt).

Usage: python tools/screenshot_phone.py OUT_FOLDER [--lang en|fr]
Builds the demo seminar in a temporary folder, serves it on 127.0.0.1 and drives Debian's
chromium (tests/room/browser.py) as one participant's phone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

METHODS = ("dot", "points100", "scoring", "majority", "approval")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from selenium.webdriver.common.by import By

    from exercises.arbitration.rounds import close_round, create_round, list_rounds
    from room.headless import start_headless, stop_headless
    from room.security import RoomConfig
    from tests.room.browser import phone_browser, tap, wait_for
    from workshop_app import join_codes
    from exercises.demo import build_demo

    folder = Path(tempfile.mkdtemp(prefix="room-shots-"))
    demo = build_demo(folder / "demo.workshop", args.lang)
    for rnd in list_rounds(demo, None):
        if rnd.is_open:
            close_round(demo, rnd.id)
    initiatives = [r["id"] for r in demo.query("SELECT id FROM initiatives ORDER BY position, id LIMIT 5")]
    code = join_codes.list_codes(demo)[2]
    demo.close()
    server, writer = start_headless(folder / "demo.workshop", config=RoomConfig(host="127.0.0.1", port=0))
    driver = phone_browser(args.lang)
    question = {"en": {"dot": "Which initiatives first?", "points100": "Share 100 points of budget",
                       "scoring": "Score the shortlist", "majority": "How good is each initiative?",
                       "approval": "Which would you support?"},
                "fr": {"dot": "Quelles initiatives d'abord ?", "points100": "Répartissez 100 points de budget",
                       "scoring": "Notez la sélection", "majority": "Que vaut chaque initiative ?",
                       "approval": "Lesquelles soutiendriez-vous ?"}}[args.lang]

    def shot(name: str) -> None:
        time.sleep(0.4)
        driver.save_screenshot(str(out / f"phone-{name}.png"))

    def wait(css: str) -> None:
        wait_for(driver, css, timeout=10)

    def click(css: str) -> None:
        tap(driver, css)

    try:
        driver.get(f"{server.url}/j/{code.code}")
        shot("join")
        click("form.join button")
        wait("section.waiting")
        shot("waiting")
        for method in METHODS:
            rid = writer.submit(lambda store, _keys, m=method: create_round(
                store, question[m], m, initiatives, "secret")).result()
            wait(f"form#ballot[data-round='{rid}']")
            # (fieldset, row, value): what the participant touched first, on the options shown first
            touched = {"dot": [(1, 1, "2"), (3, 1, "1")], "points100": [],
                       "scoring": [(1, 1, "4"), (1, 2, "3"), (1, 3, "5")],
                       "majority": [(1, 1, "4"), (2, 1, "2")], "approval": [(1, 1, "1"), (3, 1, "1")]}[method]
            for box, row, value in touched:
                click(f"form#ballot fieldset:nth-of-type({box}) .row:nth-of-type({row}) input[value='{value}'] + span"
                      if method != "approval" else f"form#ballot fieldset:nth-of-type({box}) .toggle span")
            if method == "points100":
                for name, value in (("o0", "40"), ("o2", "35"), ("o4", "25")):
                    box = driver.find_element(By.CSS_SELECTOR, f"input[name={name}]")
                    box.clear()
                    box.send_keys(value)
            driver.execute_script("window.scrollTo(0, 0)")
            shot(f"ballot-{method}")
            # complete what is missing, as the participant would, then review and confirm
            if method == "scoring":
                for i in range(5):
                    for c in range(4):
                        click(f"label:has(input[name=o{i}c{c}][value='{1 + (i + 2 * c) % 5}']) span")
            if method == "majority":
                for i in range(5):
                    click(f"label:has(input[name=o{i}][value='{(i * 3) % 6}']) span")
            click("button[value=review]")
            wait("table.summary")
            if method == "approval":
                shot("review")
            click("button[value=cast]")
            wait("section.receipt")
            if method == "approval":
                shot("receipt")
    finally:
        driver.quit()
        stop_headless(server, writer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
