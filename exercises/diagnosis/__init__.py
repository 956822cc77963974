"""Warm-up, the CX self-diagnosis: how good is our customer experience today, in the room's eyes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Section
    from workshop_app.store import Store

KEY = "diagnosis"


class DiagnosisExercise(Exercise):
    key = KEY
    order = 10
    views_module = "exercises.diagnosis.views"

    def title(self, language: str) -> str:
        return translate("CX self-diagnosis", language)

    def seed(self, store: Store, language: str) -> None:
        """Nothing to copy: the characteristics are read from the content file."""

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        from . import logic

        logic.fill_demo(store, demo, language)

    def report_section(self, store: Store, language: str) -> Section | None:
        from .report import report_section

        return report_section(store, language)

    def phone_page(self):
        from .phone_page import page

        return page()

    def export_data(self, store: Store) -> dict[str, Any]:
        return {"diagnosis_ratings": store.query(
            "SELECT characteristic, participant_id, score FROM diagnosis_ratings"
            " ORDER BY participant_id, characteristic")}


EXERCISE = DiagnosisExercise()
