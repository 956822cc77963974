"""Stage 1, usage-trend decoding: the room rates trends, keeps a few and says what they mean."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Section
    from workshop_app.store import Store

KEY = "trends"


class TrendsExercise(Exercise):
    key = KEY
    order = 20
    views_module = "exercises.trends.views"

    def title(self, language: str) -> str:
        return translate("Usage trends", language)

    def seed(self, store: Store, language: str) -> None:
        from . import store_ops

        store_ops.seed(store, language)

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        from .demo import fill_demo

        fill_demo(store, demo, language)

    def report_section(self, store: Store, language: str) -> Section | None:
        from .report import report_section

        return report_section(store, language)

    def phone_page(self):
        from .phone_page import page

        return page()

    def export_data(self, store: Store) -> dict[str, Any]:
        return {
            "segments": store.query("SELECT id, key, name, position FROM segments ORDER BY position, id"),
            "trends": store.query("SELECT id, library_key, title, description, example, lifecycle_hint,"
                                  " hidden, retained, implication, position FROM trends"
                                  " ORDER BY position, id"),
            "trend_ratings": store.query("SELECT trend_id, participant_id, relevance, horizon, lifecycle"
                                         " FROM trend_ratings ORDER BY trend_id, id"),
        }


EXERCISE = TrendsExercise()
