"""What other stages may use of the moments-of-truth stage: the journey's steps (ideas can be
linked to one)."""

from __future__ import annotations

from workshop_app.store import Store

from .logic import JourneyStep, list_steps

__all__ = ["JourneyStep", "list_steps", "step_titles"]


def step_titles(store: Store) -> dict[int, str]:
    """{step id: title}, in the journey's order."""
    return {step.id: step.title for step in list_steps(store)}
