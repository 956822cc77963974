"""A test-only stage, the smallest complete one: a check-in where each participant says in
one line what they expect from the seminar (exercises/README.md shows the same code).

It is registered by ``tests/test_stage_contract.py`` the way a real stage is (one more
entry in the registry) and keeps its lines in the shared ``exercise_data`` table.
"""

from __future__ import annotations

from workshop_app.exercise import Exercise
from workshop_app.i18n import tr_in, translate
from workshop_app.participants import list_participants
from workshop_app.report import BulletList, Heading, Section, SummaryPart

from . import logic


class CheckIn(Exercise):
    key = logic.KEY
    order = 5
    views_module = "tests.stage_example.views"

    def title(self, language: str) -> str:
        return translate("Check-in", language)

    def fill_demo(self, store, demo, language: str) -> None:
        lines = {"fr": "J’attends une feuille de route claire.", "en": "I expect a clear roadmap."}
        with store.action():
            for person in list_participants(store)[:3]:
                logic.set_expectation(store, person.id, lines[language])

    def report_section(self, store, language: str):
        lines = logic.expectations(store)
        if not lines:
            return None
        tr = tr_in(language)
        return Section(self.key, tr("Check-in"), [
            Heading(tr("Check-in"), 1),
            BulletList(tuple(f"{name}: {text}" for name, text in lines))])

    def summary_lines(self, store, language: str) -> list[SummaryPart]:
        count = len(logic.expectations(store))
        return [SummaryPart(translate("Check-in", language), (f"{count} expectations voiced",), 45)] if count else []


EXERCISE = CheckIn()
