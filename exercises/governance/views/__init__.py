"""Governance views: the facilitator's tab and the projector page."""

from .console import ConsoleView
from .shared import SharedView

__all__ = ["ConsoleView", "SharedView"]
