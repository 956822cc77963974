"""Ideation's two views: the facilitator's console tab and the shared-screen board / card."""

from .console import ConsoleView
from .shared import SharedView

__all__ = ["ConsoleView", "SharedView"]
