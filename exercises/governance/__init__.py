"""Stage 4, governance: who steers, how often, with which KPIs, incentives and owners."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Section, SummaryPart
    from workshop_app.store import Store

    from .logic import GovernanceChoice

# Demo: the questions the room settled by a show of hands (the rest by consensus).
_DEMO_HANDS = ("steering_body", "shared_goal", "carrot_or_stick", "kpi_priorities")


def _pick(value, language: str) -> str:
    return value.get(language, value.get("en", "")) if isinstance(value, dict) else (value or "")


def _demo_hands(choice: GovernanceChoice, chosen: list[str], voters: int) -> dict[str, int]:
    """Plausible counts that give the demo's result (every voter raises one hand or more)."""
    order = [o.key for o in choice.options]
    if choice.kind == "ranking":
        return {key: max(voters - 2 * rank, 1) for rank, key in enumerate(chosen)} | \
            {k: 0 for k in order if k not in chosen}
    winner = max(voters // 2 + 1, 1)
    rest = [k for k in order if k not in chosen]
    counts = {k: 0 for k in order} | {chosen[0]: winner}
    for i in range(voters - winner if rest else 0):
        counts[rest[i % len(rest)]] += 1
    return counts


class GovernanceExercise(Exercise):
    key = "governance"
    order = 60
    views_module = "exercises.governance.views"

    def title(self, language: str) -> str:
        return translate("Governance choices", language)

    def seed(self, store: Store, language: str) -> None:
        from .library import seed_library

        seed_library(store, language)

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        from workshop_app.domain import ValidationError
        from workshop_app.participants import list_participants

        from . import logic

        voters = len(list_participants(store))
        with store.action():
            for key, answer in demo.get("governance", {}).items():
                try:
                    choice = logic.get_choice(store, key)
                except ValidationError:
                    continue
                chosen = [k for k in answer.get("chosen", []) if k in {o.key for o in choice.options}]
                if key in _DEMO_HANDS and chosen and voters:
                    for option_key, count in _demo_hands(choice, chosen, voters).items():
                        logic.set_hand_count(store, key, option_key, count)
                    logic.settle_by_hands(store, key, voters)
                    if logic.get_choice(store, key).chosen != tuple(chosen):
                        logic.choose(store, key, chosen, "consensus")
                else:
                    logic.choose(store, key, chosen, "consensus")
                logic.set_note(store, key, _pick(answer.get("note", ""), language))
            kpis = {k.key: k for k in logic.list_kpis(store)}
            for target in demo.get("kpi_targets", []):
                if target.get("kpi") in kpis:
                    logic.update_kpi(store, kpis[target["kpi"]].id,
                                     **{f: str(target.get(f, "")) for f in ("baseline", "target", "horizon")})
            self._demo_roles(store, demo, language)

    def _demo_roles(self, store: Store, demo: dict[str, Any], language: str) -> None:
        """Owners and sponsors of the Go initiatives (when stage 2 left them empty), a few C/I."""
        from workshop_app.participants import list_participants

        from . import roles
        from .sources import demo_initiative_ids, go_initiatives, set_roles

        people = [p.id for p in list_participants(store)]
        ids = demo_initiative_ids(store, demo, language)
        go = {i.id: i for i in go_initiatives(store)}
        for item in demo.get("initiatives", []):
            initiative = go.get(ids.get(item["key"], -1))
            if initiative is None:
                continue

            def person(index):
                return people[index] if isinstance(index, int) and 0 <= index < len(people) else None

            owner = initiative.owner_id if initiative.owner_id is not None else person(item.get("owner"))
            sponsor = initiative.sponsor_id if initiative.sponsor_id is not None else person(item.get("sponsor"))
            if (owner, sponsor) != (initiative.owner_id, initiative.sponsor_id):
                set_roles(store, initiative.id, owner, sponsor)
            # The head of CX is consulted on every initiative, the CFO informed.
            for index, mark in ((len(people) - 1, "C"), (7, "I")):
                pid = person(index)
                if pid is not None and pid not in (owner, sponsor):
                    roles.set_mark(store, initiative.id, pid, mark)

    def report_section(self, store: Store, language: str) -> Section | None:
        from .report import governance_section

        return governance_section(store, language, self.title(language))

    def summary_lines(self, store: Store, language: str) -> list[SummaryPart]:
        from .report import summary_lines

        return summary_lines(store, language)

    def export_data(self, store: Store) -> dict[str, Any]:
        from . import logic, roles

        return {
            "choices": [{"key": c.key, "question": c.question, "kind": c.kind,
                         "options": [{"key": o.key, "label": o.label, "own": o.own} for o in c.options],
                         "chosen": list(c.chosen), "note": c.note, "settled_by": c.settled_by,
                         "round_id": c.round_id, "hands": dict(logic.get_hands(store, c.key).counts)}
                        for c in logic.list_choices(store)],
            "kpis": [{"key": k.key, "name": k.name, "unit": k.unit, "baseline": k.baseline,
                      "target": k.target, "horizon": k.horizon} for k in logic.list_kpis(store)],
            "raci": {str(i): {str(p): m for p, m in row.items()} for i, row in roles.get_marks(store).items()},
        }


EXERCISE = GovernanceExercise()
