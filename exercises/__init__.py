"""Seminar exercises. Registering one is adding its module to ``_MODULES`` (stage order).

Each listed package exposes ``EXERCISE``, an instance of ``workshop_app.exercise.Exercise``.
"""

from __future__ import annotations

import importlib

from workshop_app.exercise import Exercise

_MODULES = [
    # one line per exercise, in the order of the seminar and of the roadmap's chapters
    "diagnosis",
    "trends",
    "journey",
    "ideation",
    "arbitration",
    "governance",
    "roadmap",
]

REGISTRY: list[Exercise] = [importlib.import_module(f"exercises.{name}").EXERCISE for name in _MODULES]


def by_key(key: str) -> Exercise | None:
    return next((e for e in REGISTRY if e.key == key), None)
