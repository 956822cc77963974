"""The neutral document model: report blocks that exercises produce and exporters render.

Exercises never call python-docx; they return these plain blocks. A chart block
carries a *factory* returning a matplotlib Figure, so matplotlib is imported only
when a renderer draws it (never at start-up, never in the core).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Union


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1..3, mapped to Word's "Heading 1".."Heading 3"


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # rendered in italics (a quote, a facilitator's note)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    # Relative column widths (any unit); None lets the renderer share the width evenly.
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Chart:
    """A chart: ``figure()`` returns a fresh matplotlib Figure each call.

    Make ``figure`` a module function or a ``functools.partial`` of one over plain data:
    it then pickles, and the export may draw it in its helper process.
    """

    figure: Callable[[], Any]
    caption: str
    width_cm: float = 16.0
    # A chart drawn at its printed size that may fill most of a page (its caption still
    # fits under it); others are kept to about 60 % of the page's height.
    tall: bool = False


@dataclass(frozen=True)
class Card:
    """A labelled card, e.g. one business case: a title and (label, value) rows."""

    title: str
    fields: tuple[tuple[str, str], ...]
    subtitle: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, BulletList, Table, Chart, Card, PageBreak]


@dataclass
class Section:
    """One chapter of the report, contributed by one exercise or by the core."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    in_short: bool = False  # also part of the short version for management
    # A page section of its own in landscape (A3 when the template's paper is A3, else A4),
    # e.g. the whole roadmap on one page to pin on a wall; the chapters around stay portrait.
    landscape: bool = False


@dataclass(frozen=True)
class SummaryPart:
    """A few lines of the executive summary contributed by a stage, under a heading.

    ``rank`` orders the parts of every stage (lower first): 10 axes, 20 horizons,
    30 governance, 40 next steps.
    """

    heading: str
    lines: tuple[str, ...]
    rank: int = 50


@dataclass
class Report:
    """The whole document, in the seminar's language."""

    title: str
    organisation: str
    subtitle: str  # e.g. "Mid-term roadmap"
    dates: str
    language: str
    confidentiality: str
    logo_png: bytes | None = None
    sections: list[Section] = field(default_factory=list)
    short: bool = False
    # Labels the renderer needs in the document's language (e.g. "Contents", "Page").
    labels: dict[str, str] = field(default_factory=dict)
    # "Draft — exported on <date> at <time>" for an export taken before the seminar's last
    # block, shown in every page's header and on the cover; "" for the final document.
    draft: str = ""
    contents: bool = True  # a contents page after the cover (not for one owner's part alone)

    def visible_sections(self) -> list[Section]:
        """Sections to render: non-empty, and only the short ones in the short version."""
        return [
            s for s in self.sections if s.blocks and (s.in_short or not self.short)
        ]
