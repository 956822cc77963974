"""Screenshot the stages' phone pages (headless chromium, 360×740) and the shared screen
filling live from phones (the real GUI session, its Phones panel serving, 1920×1080).

Usage:
    python tools/screenshot_room_input.py phones OUT_FOLDER [--lang en|fr]
    xvfb-run -s "-screen 0 1920x1080x24" python tools/screenshot_room_input.py screen OUT_FOLDER [--lang fr]

Both build the demo seminar in a temporary folder (its participants already have join codes)
and serve it on 127.0.0.1 only. ``phones`` drives Debian's chromium as participants' phones
(tests/room/browser.py): phone-idea-*.png, phone-trend-*.png, phone-diagnosis-*.png.
``screen`` opens the GUI's own session and Phones panel, opens the stage's input as the
console's control does, lets a dozen phones (HTTP clients in a thread) send their ideas and
scores, and grabs the shared screen: shared-screen-idea-board-live-1920x1080.png and
shared-screen-radar-live-1920x1080.png.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
IDEAS = {"en": ["Call every new customer in their first week", "A single number that follows the customer",
                "Let customers see where their order is, live", "Ask for feedback once, at the right moment",
                "Train the front line on the three weakest points", "Reply to every complaint within 24 hours",
                "Invite five customers to each quarterly review", "One page that explains our prices simply"],
         "fr": ["Appeler chaque nouveau client dans sa première semaine", "Un numéro unique qui suit le client",
                "Montrer au client où en est sa commande, en direct", "Demander un avis une seule fois, au bon moment",
                "Former le terrain sur nos trois points faibles", "Répondre à chaque réclamation sous 24 heures",
                "Inviter cinq clients à chaque revue trimestrielle", "Une page qui explique nos prix simplement"]}
PROMPT = {"en": "How could we surprise our customers in their first month?",
          "fr": "Comment surprendre nos clients dès leur premier mois ?"}


def _demo(language: str) -> Path:
    from exercises.demo import build_demo

    folder = Path(tempfile.mkdtemp(prefix="room-input-shots-"))
    build_demo(folder / "demo.workshop", language).close()
    return folder / "demo.workshop"


def phones(out: Path, language: str) -> int:
    from selenium.webdriver.common.by import By

    from exercises.ideation.rounds import open_round
    from room.headless import start_headless, stop_headless
    from room.security import RoomConfig
    from tests.room.browser import phone_browser, tap, wait_for
    from workshop_app import join_codes
    from workshop_app.room_state import RoomState

    path = _demo(language)
    state = RoomState()
    server, writer = start_headless(path, config=RoomConfig(host="127.0.0.1", port=0), room_state=state)
    code = server.room.reader.read(join_codes.list_codes)[2]
    driver = phone_browser(language)

    def shot(name: str, css: str = "") -> None:
        time.sleep(0.4)
        if css:  # what the shot is about, at the bottom of the screen
            driver.execute_script("document.querySelector(arguments[0]).scrollIntoView({block: 'end'})", css)
        else:
            driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(out / f"phone-{name}.png"))
        print(out / f"phone-{name}.png")

    def wait(css: str) -> None:
        wait_for(driver, css, timeout=10)

    def click(css: str) -> None:
        tap(driver, css)

    try:
        driver.get(f"{server.url}/j/{code.code}")
        click("form.join button")
        wait("section.waiting")
        rid = writer.submit(lambda s, _k: open_round(s, PROMPT[language], hidden=True)).result()
        state.open_input("ideation", "phones", rid)
        wait("form#idea-form")
        driver.find_element(By.ID, "idea-text").send_keys(IDEAS[language][0])
        shot("idea-typing")
        click("button[value=send]")
        wait("p.note")
        driver.find_element(By.ID, "idea-text").send_keys(IDEAS[language][1])
        click("button[value=send]")
        wait("ul.mine li:nth-child(2)")
        shot("idea-sent", "ul.mine")
        click("ul.mine li:first-child a")
        wait("input[name=idea]")
        shot("idea-edit")
        state.close_input("ideation")
        state.open_input("trends", "both")
        wait("form.rating")
        driver.get(f"{server.url}/in/trends?n=0")  # the demo's participants rated some already
        wait("input[name=n][value='0']")
        click("label:has(input[name=relevance][value='4']) span")
        click("label:has(input[name=horizon][value='1-2y']) span")
        shot("trend-card")
        click("label:has(input[name=lifecycle][value='basic']) span")
        click("form.rating button.primary")
        wait("input[name=n][value='1']")
        click(".nav a:first-child")
        wait("input[name=n][value='0'] ")
        shot("trend-back")
        state.close_input("trends")
        state.open_input("diagnosis", "phones")
        wait("form.diagnosis")
        for i in range(3):
            click(f"label:has(input[name=c{i}][value='{2 + i}']) span")
        shot("diagnosis")
        click("form.diagnosis button.primary")
        wait("p.note")
        shot("diagnosis-saved", "p.note")
    finally:
        driver.quit()
        stop_headless(server, writer)
    return 0


class _Phones:
    """A dozen participants' phones (HTTP clients), joined once, working in a thread of their own."""

    def __init__(self, url: str, codes: list[str]):
        self.url, self.codes, self.clients = url, codes, []

    def run(self, work) -> threading.Thread:
        import httpx2

        def run() -> None:
            if not self.clients:
                for code in self.codes:
                    client = httpx2.Client(base_url=self.url, headers={"origin": self.url}, follow_redirects=True,
                                           timeout=20)
                    page = client.get(f"/j/{code}")
                    client.post("/join", data={"csrf": CSRF.search(page.text).group(1), "code": code})
                    self.clients.append(client)
            for n, client in enumerate(self.clients):
                work(client, n)
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def close(self) -> None:
        for client in self.clients:
            client.close()


def screen(out: Path, language: str) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from workshop_app.i18n import set_language

    set_language(language)
    from ui.kit import theme

    app.setStyleSheet(theme.STYLE_SHEET)
    from exercises.diagnosis import views as diagnosis_views
    from exercises.ideation import logic as ideation
    from exercises.ideation.views import SharedView as IdeaShared
    from exercises.ideation.views import commands as idea_commands
    from ui.phones_panel import PhonesPanel
    from ui.session import Session
    from ui.shared_screen import SharedScreen
    from workshop_app import join_codes
    from workshop_app.store import open_store

    path = _demo(language)
    store = open_store(path)
    with store.action() as db:  # the board and the self-diagnosis start empty: the phones fill them
        db.execute("DELETE FROM diagnosis_ratings")
        db.execute("DELETE FROM ideas")
    session = Session(store)
    panel = PhonesPanel(session)
    panel.network.setCurrentIndex(panel.network.findData("127.0.0.1"))
    panel.port.setValue(0)
    panel.toggle.setChecked(True)
    url = panel.server.url
    codes = [c.code for c in join_codes.list_codes(store)]
    phones = _Phones(url, codes[:9])

    def pump(thread: threading.Thread) -> None:
        while thread.is_alive():
            app.processEvents()
            time.sleep(0.01)
        for _i in range(20):
            app.processEvents()
            time.sleep(0.02)

    def grab(view, name: str) -> None:
        window = SharedScreen(session)
        window.set_exercise_view(view)
        window.resize(1920, 1080)
        window.show()
        for _i in range(30):
            app.processEvents()
            time.sleep(0.02)
        window.grab().save(str(out / name))
        print(out / name)
        window.hide()

    rid = ideation.open_round(store, PROMPT[language])
    session.notify("ideation")
    session.room.open_input("ideation", "phones", rid)
    view = IdeaShared(session)
    idea_commands.set_screen(session, mode="board", page=0)

    def send_ideas(client, n):
        page = client.get("/in/ideation")
        client.post("/in/ideation", data={"csrf": CSRF.search(page.text).group(1), "action": "send",
                                          "text": IDEAS[language][n % len(IDEAS[language])]})
    pump(phones.run(send_ideas))
    grab(view, "shared-screen-idea-board-live-1920x1080.png")
    session.room.close_input("ideation")
    session.room.open_input("diagnosis", "phones")
    diagnosis_views.update(session, screen="radar")
    view = diagnosis_views.SharedView(session)

    def rate(client, n):
        page = client.get("/in/diagnosis")
        fields = {f"c{i}": str(1 + (i * 3 + n * 2) % 5 if (i + n) % 4 else 3) for i in range(14)}
        client.post("/in/diagnosis", data={"csrf": CSRF.search(page.text).group(1), **fields})
    pump(phones.run(rate))
    grab(view, "shared-screen-radar-live-1920x1080.png")
    phones.close()
    panel.stop()
    session.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("phones", "screen"))
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    return phones(out, args.lang) if args.what == "phones" else screen(out, args.lang)


if __name__ == "__main__":
    sys.exit(main())
