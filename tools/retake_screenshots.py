"""Re-render the widget screenshots in docs/screenshots/ on the French demo seminar.

Usage: QT_QPA_PLATFORM=offscreen python tools/retake_screenshots.py [--out DIR] [NAME ...]

Each shot gets a fresh demo seminar and session, is driven into the state the file
shows through the real widgets and their commands, and is saved under its existing name.
Shared-screen shots are rendered in the real SharedScreen window at 1280x720; console
shots at the size of the existing file. The real-window shots taken under Xvfb
(console-run-mode-demo.png, shared-screen-block-timer-*.png, word-export-*.png) are
not touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SHOTS_DIR = ROOT / "docs" / "screenshots"
SHARED_SIZE = (1280, 720)
LANGUAGE = "fr"

app: QApplication | None = None
_tmp = Path(tempfile.mkdtemp(prefix="retake-"))
_counter = 0
_keep: list = []  # sessions and windows stay alive until the end (no teardown races)


def new_session():
    """A fresh French demo seminar and its session."""
    global _counter
    from ui.session import Session
    from exercises.demo import build_demo

    _counter += 1
    folder = _tmp / str(_counter)
    folder.mkdir()
    store = build_demo(folder / "demo.workshop", LANGUAGE)
    session = Session(store)
    _keep.append(session)
    return session


def settle() -> None:
    for _ in range(5):
        app.processEvents()


def shared_screen(session, view):
    from ui.shared_screen import SharedScreen

    window = SharedScreen(session)
    _keep.append(window)
    window.set_exercise_view(view)
    window.resize(*SHARED_SIZE)
    window.show()
    settle()
    return window


def console_window(view, size):
    _keep.append(view)
    view.resize(*size)
    view.show()
    settle()
    return view


def existing_size(name: str) -> tuple[int, int]:
    image = QImage(str(SHOTS_DIR / name))
    return (image.width(), image.height()) if not image.isNull() else SHARED_SIZE


# --- the shared-screen shots ----------------------------------------------------------

def shared_trend_card(session):
    from exercises.trends import state as trend_state
    from exercises.trends.views import SharedView

    trend_state.update(session, screen="card", trend_id=9)
    view = SharedView(session)
    trend_state.update(session, rater_id=3)  # Sophie Martin
    trend_state.update(session, draft={"relevance": 4, "horizon": "now"})
    return view


def shared_trend_map(session):
    from exercises.trends import state as trend_state
    from exercises.trends.views import SharedView

    trend_state.update(session, screen="map")
    return SharedView(session)


def shared_diagnosis_radar(session):
    from exercises.diagnosis import views

    views.update(session, screen="radar")
    return views.SharedView(session)


def shared_journey_curve(session):
    from exercises.journey.views import SharedView

    return SharedView(session)


def _sixty_ideas(session) -> None:
    """The demo has 46 ideas; add 14 more (through the undoable commands) and cluster them."""
    from exercises.ideation import logic
    from exercises.ideation.views import commands

    extra = [
        (1, 1, ["Un rendez-vous d’ouverture pris en ligne en deux clics",
                "Un tableau de bord des 90 premiers jours dans l’appli",
                "Un kit de bienvenue envoyé à domicile"]),
        (2, 2, ["Un historique partagé entre l’agence et le centre de relation",
                "Reprendre sur le web une demande commencée en agence",
                "Un seul numéro pour joindre son conseiller"]),
        (3, 3, ["Un message personnel pour l’anniversaire de la relation",
                "Des conseils budget au moment d’un déménagement",
                "Un coup de pouce pour le premier achat immobilier"]),
        (1, 4, ["Remboursement immédiat en cas de fraude avérée",
                "Un suivi en temps réel de chaque réclamation"]),
        (2, 5, ["Des conseillers formés à l’écoute active",
                "Un temps réservé chaque semaine aux verbatims clients",
                "Des équipes récompensées sur la satisfaction"]),
    ]
    for round_id, axis_id, texts in extra:
        ids = commands.add_ideas(session, texts, round_id=round_id)
        end = len(logic.list_ideas(session.store, axis_id=axis_id))
        commands.move_ideas(session, ids, axis_id, end)
    assert len(logic.list_ideas(session.store)) == 60, len(logic.list_ideas(session.store))


def shared_idea_board(session):
    from exercises.ideation.views import SharedView, commands

    _sixty_ideas(session)
    commands.set_screen(session, mode="board", page=0)
    return SharedView(session)


def shared_business_case(session):
    from exercises.ideation import initiatives
    from exercises.ideation.views import SharedView, commands

    target = next(i for i in initiatives.list_initiatives(session.store)
                  if i.title.startswith("Programme d’accueil"))
    commands.set_screen(session, mode="card", initiative=target.id)
    return SharedView(session)


def _results(session, round_id: int, view_name: str):
    from exercises.arbitration import screen_state
    from exercises.arbitration.views import SharedView

    state = screen_state.state(session.exercise_state)
    state["screen"] = "results"
    state["results"] = {"round_id": round_id, "view": view_name}
    return SharedView(session)


def shared_results_ranking(session):
    return _results(session, 1, "ranking")


def shared_results_merit(session):
    return _results(session, 1, "merit")


def shared_results_value_effort(session):
    return _results(session, 2, "value_effort")


def shared_governance(session):
    from exercises.governance.views import SharedView
    from exercises.governance.views.console import KEY, SCREEN, screen_state

    screen_state(session).update(mode="question", key="steering_body")
    session.notify(SCREEN, -1)
    session.notify(KEY, -1)
    return SharedView(session)


def shared_governance_summary(session):
    from exercises.governance.views import SharedView
    from exercises.governance.views.console import KEY, SCREEN, screen_state

    screen_state(session).update(mode="summary", key="")
    session.notify(SCREEN, -1)
    session.notify(KEY, -1)
    return SharedView(session)


def shared_roadmap(session):
    from exercises.roadmap.views import SharedView

    return SharedView(session)


SHARED = {
    "shared-screen-trend-card-1280x720.png": shared_trend_card,
    "shared-screen-trend-map-1280x720.png": shared_trend_map,
    "shared-screen-diagnosis-radar-1280x720.png": shared_diagnosis_radar,
    "shared-screen-journey-curve-1280x720.png": shared_journey_curve,
    "shared-screen-idea-board-60-ideas-1280x720.png": shared_idea_board,
    "shared-screen-business-case-card-1280x720.png": shared_business_case,
    "shared-screen-results-ranking-1280x720.png": shared_results_ranking,
    "shared-screen-results-merit-profile-1280x720.png": shared_results_merit,
    "shared-screen-results-value-effort-1280x720.png": shared_results_value_effort,
    "shared-screen-governance-1280x720.png": shared_governance,
    "shared-screen-governance-summary-1280x720.png": shared_governance_summary,
    "shared-screen-roadmap-1280x720.png": shared_roadmap,
}


# --- the console shots ------------------------------------------------------------------

def console_trends(session):
    from exercises.trends import state as trend_state
    from exercises.trends.views import ConsoleView

    trend_state.update(session, screen="card", trend_id=11)
    view = ConsoleView(session)
    trend_state.update(session, rater_id=5)  # Nadia Benali rates on the shared screen
    return view


def console_ideation_board(session):
    from exercises.ideation.views import ConsoleView, commands

    from PySide6.QtCore import QItemSelectionModel

    from exercises.ideation.views import SharedView

    _sixty_ideas(session)
    commands.set_current_round(session, 3)
    commands.set_screen(session, mode="board", page=0)
    shared_screen(session, SharedView(session))  # the projector pages the board: "Page 1/4"
    view = ConsoleView(session)
    wanted = ("Suivre l’envoi de sa carte", "Carte virtuelle utilisable")
    for column in view.board.columns:
        for row in range(column.proxy.rowCount()):
            index = column.proxy.index(row, 0)
            if str(index.data()).startswith(wanted):
                column.view.selectionModel().select(index, QItemSelectionModel.Select)
    return view


def console_governance_roles(session):
    from exercises.governance.views import ConsoleView

    view = ConsoleView(session)
    view.tabs.setCurrentWidget(view.roles_tab)
    return view


def console_roadmap(session):
    from exercises.ideation import initiatives
    from exercises.roadmap.views import ConsoleView

    view = ConsoleView(session)
    target = next(i for i in initiatives.list_initiatives(session.store)
                  if i.title.startswith("Vue multibanque"))
    view._on_item_selected(target.id)
    return view


CONSOLE = {
    "console-trends.png": console_trends,
    "console-ideation-board.png": console_ideation_board,
    "console-governance-roles.png": console_governance_roles,
    "console-roadmap.png": console_roadmap,
}

SKIPPED = {"console-run-mode-demo.png", "shared-screen-block-timer-1920x1080.png",
           "shared-screen-block-timer-1280x720.png",
           # tools/screenshot_app.py --booth list|ballot|progress, under Xvfb
           "shared-screen-vote-in-progress-1920x1080.png"}


def main() -> int:
    global app
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these files (default: all)")
    parser.add_argument("--out", type=Path, default=SHOTS_DIR, help="where to write (default: docs/screenshots)")
    parser.add_argument("--size", default="1280x720",
                        help="shared-screen size, WxH (default 1280x720); other sizes replace "
                             "'1280x720' in the file names")
    parser.add_argument("--lang", default="fr", help="language of the demo and the interface")
    parser.add_argument("--console-size", default="", help="console shots' size, WxH (default: the existing file's)")
    parser.add_argument("--suffix", default="", help="added to each file name before .png (e.g. -en)")
    args = parser.parse_args()
    global SHARED_SIZE, LANGUAGE
    SHARED_SIZE = tuple(int(n) for n in args.size.lower().split("x"))
    LANGUAGE = args.lang

    app = QApplication(sys.argv[:1])
    from workshop_app.i18n import set_language

    set_language(LANGUAGE)  # before any widget is created
    from ui.kit import theme

    app.setStyleSheet(theme.STYLE_SHEET)

    existing = sorted(p.name for p in SHOTS_DIR.glob("*.png")
                      if p.name.startswith(("shared-screen-", "console-")))
    unknown = [n for n in existing if n not in SHARED and n not in CONSOLE and n not in SKIPPED]
    for name in unknown:
        print(f"not reproduced (no recipe): {name}", file=sys.stderr)
    wanted = args.names or [n for n in existing if n in SHARED or n in CONSOLE]
    args.out.mkdir(parents=True, exist_ok=True)
    for name in wanted:
        if name in SKIPPED or name.startswith("word-export-"):
            print(f"skipped (real-window shot): {name}", file=sys.stderr)
            continue
        session = new_session()
        if name in SHARED:
            view = SHARED[name](session)
            window = shared_screen(session, view)
        elif name in CONSOLE:
            size = tuple(int(n) for n in args.console_size.lower().split("x")) if args.console_size \
                else existing_size(name)
            window = console_window(CONSOLE[name](session), size)
        else:
            print(f"no recipe for {name}", file=sys.stderr)
            continue
        settle()
        path = args.out / name.replace("1280x720", args.size).replace(".png", f"{args.suffix}.png")
        if not window.grab().save(str(path)):
            print(f"could not save {path}", file=sys.stderr)
            return 1
        print(path)
        window.hide()
    for item in _keep:
        if hasattr(item, "undo_stack"):
            item.close()  # the sessions: close their stores before the scratch folder goes
    shutil.rmtree(_tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
