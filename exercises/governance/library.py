"""The default library of governance choices and KPIs (content/*.json, French and English)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from workshop_app.store import Store

CONTENT = Path(__file__).with_name("content")


@lru_cache(maxsize=None)
def _load(name: str) -> tuple:
    return tuple(json.loads((CONTENT / name).read_text(encoding="utf-8")))


def library_choices() -> tuple[dict, ...]:
    return _load("choices.json")


def library_kpis() -> tuple[dict, ...]:
    return _load("kpis.json")


def _pick(value, language: str) -> str:
    if isinstance(value, dict):
        return value.get(language) or value.get("en") or ""
    return value or ""


def help_text(choice_key: str, language: str) -> str:
    """The library's explanation of a question ('' for a question the room wrote)."""
    for item in library_choices():
        if item["key"] == choice_key:
            return item.get(language, item["en"]).get("help", "")
    return ""


def seed_library(store: Store, language: str) -> None:
    """Copy the choices and KPIs into a new seminar, in its language (once)."""
    with store.action() as db:
        if not store.scalar("SELECT count(*) FROM governance_choices"):
            for position, item in enumerate(library_choices(), start=1):
                options = [{"key": o["key"], "label": _pick(o, language)} for o in item["options"]]
                db["governance_choices"].insert({
                    "key": item["key"],
                    "question": item.get(language, item["en"])["question"],
                    "kind": item["kind"],
                    "options": json.dumps(options, ensure_ascii=False),
                    "position": position,
                })
        if not store.scalar("SELECT count(*) FROM kpis"):
            for position, item in enumerate(library_kpis(), start=1):
                db["kpis"].insert({
                    "key": item["key"],
                    "name": item.get(language, item["en"])["name"],
                    "unit": item.get("unit", ""),
                    "position": position,
                })
