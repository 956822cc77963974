"""Helpers for the governance and roadmap tests (no tests here).

Stage 2 (initiatives) and stage 3 (decisions) are other exercises; when their demo
content is missing from a store these helpers write the rows those stages would, so
governance and the roadmap can be tested on their own.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from exercises.demo import build_demo, demo_content
from workshop_app.participants import add_participant, list_participants
from workshop_app.store import Store


def _pick(value, language):
    return value.get(language, value.get("en")) if isinstance(value, dict) else value


def add_initiative(store: Store, title: str, decision: str | None = "go", axis_id=None, owner_id=None,
                   sponsor_id=None, kpi: str = "", kpi_target: str = "", reason: str = "") -> int:
    with store.action() as db:
        position = (store.scalar("SELECT max(position) FROM initiatives") or 0) + 1
        iid = db["initiatives"].insert({"title": title, "axis_id": axis_id, "owner_id": owner_id,
                                        "sponsor_id": sponsor_id, "kpi": kpi, "kpi_target": kpi_target,
                                        "position": position}).last_pk
        if decision:
            db["decisions"].insert({"initiative_id": iid, "decision": decision, "reason": reason,
                                    "decided_at": time.time()})
    return iid


def add_axis(store: Store, name: str, colour: str = "#2A9D8F") -> int:
    with store.action() as db:
        position = (store.scalar("SELECT max(position) FROM axes") or 0) + 1
        return db["axes"].insert({"name": name, "colour": colour, "position": position}).last_pk


def demo_prerequisites(store: Store, language: str = "en") -> None:
    """Write the demo's participants, axes, initiatives and decisions where they are missing."""
    demo = demo_content()
    if not list_participants(store):
        for person in demo["participants"]:
            add_participant(store, person["name"], _pick(person["function"], language), person["email"])
    people = [p.id for p in list_participants(store)]
    with store.action() as db:
        if not store.scalar("SELECT count(*) FROM axes"):
            for position, axis in enumerate(demo["axes"], 1):
                db["axes"].insert({"name": _pick(axis["name"], language), "colour": axis["colour"],
                                   "ambition": _pick(axis["ambition"], language), "position": position})
        axis_ids = {axis["key"]: row["id"] for axis, row in zip(
            demo["axes"], store.query("SELECT id FROM axes ORDER BY position, id"))}
        if not store.scalar("SELECT count(*) FROM initiatives"):
            for position, item in enumerate(demo["initiatives"], 1):
                db["initiatives"].insert({
                    "title": _pick(item["title"], language), "axis_id": axis_ids.get(item["axis"]),
                    "problem": _pick(item["problem"], language),
                    "segments": json.dumps(item["segments"]),
                    "customer_value": _pick(item["customer_value"], language),
                    "org_impact": _pick(item["org_impact"], language),
                    "tech_impact": _pick(item["tech_impact"], language),
                    "effort": item["effort"], "cost_range": item["cost_range"],
                    "kpi": _pick(item["kpi"], language), "kpi_target": _pick(item["kpi_target"], language),
                    "owner_id": people[item["owner"]], "sponsor_id": people[item["sponsor"]],
                    "position": position})
        if not store.scalar("SELECT count(*) FROM decisions"):
            rows = store.query("SELECT id FROM initiatives ORDER BY id")
            for item, row in zip(demo["initiatives"], rows):
                db["decisions"].insert({"initiative_id": row["id"], "decision": item["decision"],
                                        "reason": _pick(item["reason"], language), "decided_at": time.time()})


def demo_seminar(path: Path, language: str = "en") -> Store:
    """The demo seminar with governance and the roadmap filled, whatever stages are merged."""
    from exercises.governance import EXERCISE as governance
    from exercises.roadmap import EXERCISE as roadmap

    store = build_demo(path, language)
    demo_prerequisites(store, language)
    governance.seed(store, language)
    governance.fill_demo(store, demo_content(), language)
    roadmap.fill_demo(store, demo_content(), language)
    return store
