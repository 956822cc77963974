"""Stage 3, arbitration: the room votes on the initiatives, then decides Go / Later / No-go."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Block, Section, SummaryPart
    from workshop_app.store import Store

KEY = "arbitration"


class ArbitrationExercise(Exercise):
    key = KEY
    order = 50
    views_module = "exercises.arbitration.views"

    def title(self, language: str) -> str:
        return translate("Arbitration", language)

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        from .demo import fill_demo

        fill_demo(store, demo, language)

    def report_section(self, store: Store, language: str) -> Section | None:
        from .report import report_section

        return report_section(store, language)

    def content_problem(self, conn) -> str | None:
        from .stored_check import content_problem

        return content_problem(conn)

    def summary_lines(self, store: Store, language: str) -> list[SummaryPart]:
        from .report import summary_lines

        return summary_lines(store, language)

    def appendix_blocks(self, store: Store, language: str) -> list[Block]:
        """The anonymous vote statistics of every round, all stages."""
        from .report import appendix_blocks

        return appendix_blocks(store, language)

    def export_data(self, store: Store) -> dict[str, Any]:
        """Its rounds, anonymous ballots, who has voted, voids and decisions.

        The seal is left out: without the key that lived in the app's memory it serves nothing.
        """
        mine = "round_id IN (SELECT id FROM vote_rounds WHERE purpose = 'arbitration')"
        return {
            "vote_rounds": store.query("SELECT * FROM vote_rounds WHERE purpose = 'arbitration'"
                                       " ORDER BY position, id"),
            "vote_marks": store.query(f"SELECT round_id, participant_id FROM vote_marks WHERE {mine}"
                                      " ORDER BY round_id, participant_id"),
            "ballots": store.query(f"SELECT token, round_id, voter_id, content FROM ballots WHERE {mine}"
                                   " ORDER BY round_id, token"),
            "ballot_voids": store.query(f"SELECT * FROM ballot_voids WHERE {mine} ORDER BY id"),
            "decisions": store.query("SELECT * FROM decisions ORDER BY initiative_id"),
            "decision_log": store.query("SELECT * FROM decision_log ORDER BY id"),
        }


EXERCISE = ArbitrationExercise()
