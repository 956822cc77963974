"""Stage 2: innovation-axes ideation, and the initiatives that carry a business case."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Block, Section, SummaryPart
    from workshop_app.store import Store

PROMPTS = Path(__file__).with_name("content") / "prompts.json"


@lru_cache(maxsize=1)
def prompt_library() -> list[dict]:
    """Suggested round prompts, bilingual."""
    return json.loads(PROMPTS.read_text(encoding="utf-8"))


def suggested_prompts(language: str) -> list[str]:
    return [p[language] for p in prompt_library()]


CHARACTERISTICS = Path(__file__).parents[1] / "diagnosis" / "content" / "characteristics.json"


@lru_cache(maxsize=2)
def characteristic_names(language: str) -> dict[str, str]:
    """The CX characteristics a round can focus on, key -> name (from the self-diagnosis library)."""
    try:
        items = json.loads(CHARACTERISTICS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {item["key"]: item[language]["name"] for item in items}


class IdeationExercise(Exercise):
    key = "ideation"
    order = 40
    views_module = "exercises.ideation.views"

    def title(self, language: str) -> str:
        return translate("Innovation axes", language)

    def phone_page(self):
        from .phone_page import page

        return page()

    def fill_demo(self, store: Store, demo_content: dict[str, Any], language: str) -> None:
        from . import demo

        demo.fill_demo(store, demo_content, language)

    def report_section(self, store: Store, language: str) -> Section | None:
        from . import report

        return report.report_section(store, language)

    def summary_lines(self, store: Store, language: str) -> list[SummaryPart]:
        from . import report

        return report.summary_lines(store, language)

    def appendix_blocks(self, store: Store, language: str) -> list[Block]:
        from . import report

        return report.appendix_blocks(store, language)

    def export_data(self, store: Store) -> dict[str, Any]:
        from . import initiatives

        def rows(sql: str) -> list[dict]:
            return [dict(r) for r in store.query(sql)]

        data = {
            "axes": rows("SELECT id, name, colour, ambition, position FROM axes ORDER BY position, id"),
            "rounds": rows("SELECT id, prompt, trend_id, characteristic, hidden, position FROM idea_rounds"
                           " ORDER BY position, id"),
            "ideas": rows("SELECT id, text, author_id, round_id, axis_id, journey_step_id, position, hidden,"
                          " merged_into FROM ideas ORDER BY id"),
            "initiatives": [],
        }
        for initiative in initiatives.list_initiatives(store):
            record = {k: getattr(initiative, k) for k in ("id", "position") + initiatives.EDITABLE}
            for key in initiatives.LIST_FIELDS:
                record[key] = list(record[key])
            data["initiatives"].append(record)
        return data


EXERCISE = IdeationExercise()
