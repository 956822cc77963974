"""Roadmap views: the facilitator's timeline and the projector page."""

from .console import ConsoleView
from .shared import SharedView

__all__ = ["ConsoleView", "SharedView"]
