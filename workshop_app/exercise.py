"""The exercise contract: what every folder in ``exercises/`` provides.

An exercise is registered by adding its instance to ``exercises.REGISTRY``. The core
only sees this Qt-free interface; views are imported lazily by the UI through
``views_module`` (a module with ``ConsoleView`` and ``SharedView`` classes, each
constructed with the UI session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: listing the exercises imports neither
    import sqlite3

    from .phone_page import PhonePage
    from .report import Block, Section, SummaryPart
    from .store import Store


class Exercise:
    """Base class. Subclasses set the attributes and override the methods they need."""

    key: str = ""  # stored in AgendaBlock.exercise
    order: int = 100  # place of its chapter in the roadmap document
    views_module: str = ""  # e.g. "exercises.trends.views"

    def title(self, language: str) -> str:
        """The exercise's name in ``language``."""
        raise NotImplementedError

    def seed(self, store: Store, language: str) -> None:
        """Copy the default library into a new seminar (called once at creation)."""

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        """Fill the demo seminar with this stage's content from ``demo_content.json``."""

    def report_section(self, store: Store, language: str) -> Section | None:
        """The chapter this exercise contributes to the roadmap, or None if it did not run."""
        return None

    def content_problem(self, conn: sqlite3.Connection) -> str | None:
        """The first thing in this stage's stored content the app could not use, as a sentence.

        Run by ``workshop-app check`` and by the JSON import (``workshop_app.content_check``)
        on a read-only connection, after the core has checked tables, columns and kinds.
        """
        return None

    def report_sections(self, store: Store, language: str) -> list[Section]:
        """Every chapter this exercise contributes, in order (by default its one ``report_section``)."""
        section = self.report_section(store, language)
        return [] if section is None else [section]

    def summary_lines(self, store: Store, language: str) -> list[SummaryPart]:
        """What this stage adds to the executive summary (headed lines; none by default)."""
        return []

    def appendix_blocks(self, store: Store, language: str) -> list[Block]:
        """What this stage adds to the appendix (block headings at level 1; none by default)."""
        return []

    def owner_report(self, store: Store, language: str, name: str) -> Section | None:
        """The part of the document one person carries alone (``export --owner``), or None
        when this stage has no such part or ``name`` carries nothing in it."""
        return None

    def phone_page(self) -> PhonePage | None:
        """The page phones get while this stage's input is open to them (``workshop_app.phone_page``),
        or None when the stage takes no individual input from phones. Imported lazily: listing
        the exercises loads no page."""
        return None

    def export_data(self, store: Store) -> dict[str, Any]:
        """Its tables as plain JSON data (for the JSON interchange)."""
        return {}
