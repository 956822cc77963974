"""The default library of the arbitration stage: scoring criteria and the grade scale.

Both are copied into a round's config when the round is created, in the seminar's
language, so a round stays readable even if the library changes later.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

CONTENT = Path(__file__).with_name("content")


@lru_cache(maxsize=None)
def _load(name: str):
    return json.loads((CONTENT / name).read_text(encoding="utf-8"))


def default_criteria(language: str) -> list[dict]:
    """The four criteria of the method (segments, customer value, organisation, technology).

    Each: ``{"key", "weight", "reversed", "name", "levels"}``; ``levels`` describe scores 1..5.
    """
    out = []
    for item in _load("criteria.json"):
        text = item.get(language) or item["en"]
        out.append({"key": item["key"], "weight": item["weight"], "reversed": item["reversed"],
                    "name": text["name"], "levels": list(text["levels"])})
    return out


def default_grades(language: str) -> list[str]:
    """The majority-judgment grades, worst first."""
    grades = _load("grades.json")
    return list(grades.get(language) or grades["en"])
