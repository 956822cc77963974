"""Trend decoding's two views: the facilitator's tab and the shared-screen view."""

from .console_view import ConsoleView
from .shared_view import SharedView

__all__ = ["ConsoleView", "SharedView"]
