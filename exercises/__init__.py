"""Seminar exercises. Registering one is adding it to ``REGISTRY`` (in stage order)."""

from __future__ import annotations

from workshop_app.exercise import Exercise

REGISTRY: list[Exercise] = []


def by_key(key: str) -> Exercise | None:
    return next((e for e in REGISTRY if e.key == key), None)
