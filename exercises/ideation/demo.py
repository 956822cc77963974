"""The demo seminar's ideation: axes, rounds, ideas and initiatives from ``demo_content.json``."""

from __future__ import annotations

from typing import Any

from workshop_app.participants import list_participants
from workshop_app.store import Store

from . import initiatives, logic


def _pick(value, language: str):
    return value[language] if isinstance(value, dict) and language in value else value


def _segment_ids(store: Store, keys: list[str], demo: dict[str, Any], language: str) -> list[int]:
    """Segments by key, creating one the trends stage did not (names from the demo's list)."""
    ids = []
    for key in keys:
        found = store.scalar("SELECT id FROM segments WHERE key = ?", (key,))
        if found is None:
            spec = next((s for s in demo.get("segments", []) if s.get("key") == key), {})
            name = spec.get(language) or key.replace("_", " ").capitalize()
            position = (store.scalar("SELECT max(position) FROM segments") or 0) + 1
            with store.action() as db:
                found = db["segments"].insert({"key": key, "name": name, "position": position}).last_pk
        ids.append(found)
    return ids


def _trend_ids(store: Store, keys: list[str]) -> list[int]:
    ids = (store.scalar("SELECT id FROM trends WHERE library_key = ? ORDER BY id", (key,)) for key in keys)
    return [i for i in ids if i is not None]


def fill_demo(store: Store, demo: dict[str, Any], language: str) -> None:
    people = [p.id for p in list_participants(store)]
    person = lambda index: people[index] if index is not None and 0 <= index < len(people) else None  # noqa: E731
    steps = [r["id"] for r in store.query("SELECT id FROM journey_steps ORDER BY position, id")]
    with store.action():
        axes = {}
        for spec in demo.get("axes", []):
            axes[spec["key"]] = logic.add_axis(store, _pick(spec["name"], language), spec.get("colour"),
                                               _pick(spec.get("ambition", ""), language))
        rounds = []
        for spec in demo.get("rounds", []):
            trend = _trend_ids(store, [spec["trend_key"]]) if spec.get("trend_key") else []
            rounds.append(logic.open_round(store, _pick(spec["prompt"], language), trend[0] if trend else None,
                                           spec.get("characteristic", "")))
        ideas = []
        for spec in demo.get("ideas", []):
            round_index, step_index = spec.get("round"), spec.get("journey_step")
            ideas.append(logic.add_idea(
                store, _pick(spec["text"], language), person(spec.get("author")),
                rounds[round_index] if round_index is not None and round_index < len(rounds) else None,
                axes.get(spec.get("axis")),
                steps[step_index] if step_index is not None and step_index < len(steps) else None))
        for spec in demo.get("initiatives", []):
            initiatives.create_initiative(
                store, title=_pick(spec["title"], language), axis_id=axes.get(spec.get("axis")),
                problem=_pick(spec.get("problem", ""), language),
                segments=_segment_ids(store, spec.get("segments", []), demo, language),
                customer_value=_pick(spec.get("customer_value", ""), language),
                org_impact=_pick(spec.get("org_impact", ""), language),
                tech_impact=_pick(spec.get("tech_impact", ""), language),
                effort=spec.get("effort", ""), cost_range=_pick(spec.get("cost_range", ""), language),
                kpi=_pick(spec.get("kpi", ""), language), kpi_target=_pick(spec.get("kpi_target", ""), language),
                owner_id=person(spec.get("owner")), sponsor_id=person(spec.get("sponsor")),
                trend_ids=_trend_ids(store, spec.get("trends", [])),
                idea_ids=[ideas[i] for i in spec.get("ideas", []) if 0 <= i < len(ideas)])
