"""Open the real GUI on the demo seminar and screenshot the X screen (run under Xvfb).

Usage: DISPLAY=:99 python tools/screenshot_app.py OUT.png [--tab TITLE] [--shared]
       [--present EXERCISE] [--start] [--lang fr|en] [--booth list|ballot|progress]
--shared shows the shared screen full screen instead of the console.
--booth opens a secret majority-judgment vote in the booth window: ``list`` shows the
voter list with 40 names, ``ballot`` a voter half-way through, ``progress`` the shared
screen while that ballot is being filled in on the laptop (the booth window hidden, as
if on the laptop's own screen).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def stage_booth(window, step: str) -> None:
    """A secret vote at the laptop's booth, driven through its buttons' own methods."""
    from exercises.arbitration import sources, view_commands
    from exercises.arbitration.booth_window import open_booth
    from workshop_app.participants import add_participant, list_participants

    session = window.session
    if step == "list":
        extra = ["Aurélie Rousset", "Bastien Caron", "Chloé Marchand", "Damien Leroy", "Élodie Fabre",
                 "Farid Haddad", "Gaëlle Morin", "Hugo Lambert", "Inès Barbier", "Julien Perrin",
                 "Karima Saïdi", "Laurent Giraud", "Maëlle Roche", "Nicolas Vidal", "Océane Brun",
                 "Pierre Colin", "Quentin Masson", "Rachida Benamar", "Sébastien Noël", "Thi Mai Nguyen",
                 "Ulysse Garnier", "Valérie Dumont", "William Ferrand", "Xavier Poulain", "Yasmine Cherif",
                 "Zoé Marty", "Arnaud de La Tour", "Bérénice Olivier"]
        for name in extra:
            add_participant(session.store, name)
        session.notify("participants")
    question = ("Quelles initiatives lancer en premier ?" if session.language == "fr"
                else "Which initiatives should we launch first?")
    rid = view_commands.create_round(session, question, "majority", list(sources.ready_ids(session.store)),
                                     "secret", {"shuffle": False})
    session.present("arbitration")
    booth = open_booth(session, rid, "arbitration", window.console)
    page = booth.page
    people = list_participants(session.store)
    for person in people[:0 if step == "list" else 3]:  # three have voted already (all 40 on the list)
        page.next_voter()
        page.choose(person.id)
        for index, option in enumerate(page.editor.order):
            page.editor.rows[option].pick((index + person.id) % 4 + 2)
        page.review()
        page.confirm()
    page.next_voter()
    if step in ("ballot", "progress"):
        page.choose(people[4].id)
        for option, grade in zip(page.editor.order, (4, 5, 3, 2, 4)):
            page.editor.rows[option].pick(grade)
    if step == "progress":
        booth.hide()  # on the laptop's own screen; the projector is what this shot shows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--tab")
    parser.add_argument("--shared", action="store_true")
    parser.add_argument("--present", default="")
    parser.add_argument("--start", action="store_true", help="start the current block's timer")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--booth", choices=("list", "ballot", "progress"))
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
        if args.booth:
            stage_booth(window, args.booth)
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
