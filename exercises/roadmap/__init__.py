"""The roadmap: the Go initiatives placed on a timeline by axis and quarter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Section, SummaryPart
    from workshop_app.store import Store


def _pick(value, language: str) -> str:
    return value.get(language, value.get("en", "")) if isinstance(value, dict) else (value or "")


class RoadmapExercise(Exercise):
    key = "roadmap"
    order = 70
    views_module = "exercises.roadmap.views"

    def title(self, language: str) -> str:
        return translate("Roadmap", language)

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        """Place the demo's Go initiatives, with their milestones and dependencies."""
        from workshop_app.domain import ValidationError

        from exercises.governance.sources import demo_initiative_ids

        from . import store_ops

        ids = demo_initiative_ids(store, demo, language)
        go = {r["initiative_id"] for r in store.query(
            "SELECT initiative_id FROM decisions WHERE decision = 'go'")}
        with store.action():
            for item in demo.get("initiatives", []):
                iid = ids.get(item["key"])
                if iid is None or iid not in go or item.get("start_quarter") is None:
                    continue
                try:
                    store_ops.place(store, iid, int(item["start_quarter"]),
                                    int(item.get("duration_quarters") or 1))
                except ValidationError:
                    continue
                if not store_ops.list_milestones(store, iid):
                    for m in item.get("milestones", []):
                        try:
                            store_ops.add_milestone(store, iid, int(m["quarter"]), _pick(m["label"], language))
                        except ValidationError:
                            pass
            existing = set(store_ops.list_dependencies(store))
            for item in demo.get("initiatives", []):
                for other in item.get("depends_on", []):
                    a, b = ids.get(item["key"]), ids.get(other)
                    if a is not None and b is not None and (a, b) not in existing:
                        try:
                            store_ops.add_dependency(store, a, b)
                        except ValidationError:
                            pass

    def report_section(self, store: Store, language: str) -> Section | None:
        from .report import roadmap_section

        return roadmap_section(store, language, self.title(language))

    def report_sections(self, store: Store, language: str) -> list[Section]:
        """The roadmap on one landscape page, the roadmap chapter, then who carries what."""
        from .owners import owners_section
        from .report import poster_section

        sections = [poster_section(store, language), self.report_section(store, language),
                    owners_section(store, language)]
        return [s for s in sections if s is not None]

    def summary_lines(self, store: Store, language: str) -> list[SummaryPart]:
        from .report import summary_lines

        return summary_lines(store, language)

    def owner_report(self, store: Store, language: str, name: str) -> Section | None:
        from .owners import owner_section

        return owner_section(store, language, name)

    def export_data(self, store: Store) -> dict[str, Any]:
        from . import store_ops

        start = store_ops.get_start(store)
        return {
            "start": {"year": start.year, "quarter": start.quarter},
            "horizon_quarters": store_ops.get_horizon(store),
            "items": [{"initiative_id": r["initiative_id"], "start_quarter": r["start_quarter"],
                       "duration_quarters": r["duration_quarters"]}
                      for r in store.query("SELECT * FROM roadmap_items ORDER BY initiative_id")],
            "milestones": [{"id": m.id, "initiative_id": m.initiative_id, "quarter": m.quarter, "label": m.label}
                           for m in store_ops.list_milestones(store)],
            "dependencies": [{"initiative_id": a, "depends_on": b} for a, b in store_ops.list_dependencies(store)],
        }


EXERCISE = RoadmapExercise()
