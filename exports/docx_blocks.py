"""Rendering of the report's blocks into the document body.

Mapping (inside a section, whose title is the Heading 1):

* ``Heading(level=1)`` -> "Heading 2", ``level=2`` -> "Heading 3", ``level=3`` ->
  "Heading 4" (the section title owns Heading 1, so block headings sit one level
  below; the TOC lists Heading 1-3).
* ``Paragraph`` -> "Normal" (italic runs when ``emphasis``).
* ``BulletList`` -> one "List Bullet" paragraph per item.
* ``Table`` -> a "Roadmap Table" table (repeated header row, banded rows, fixed
  widths from ``widths``), then a "Caption" paragraph below.
* ``Chart`` -> a PNG (200 dpi) in a centred "Figure" paragraph, then a "Caption".
* ``Card`` -> a two-column table: shaded title row spanning both columns, narrow
  bold label column; rows never split and are kept together on one page.
* ``PageBreak`` -> a page break (dropped where it would create an empty page).
"""

from __future__ import annotations

import io
import struct

from docx.oxml.ns import qn
from docx.shared import Emu

from workshop_app.report import BulletList, Card, Chart, Heading, PageBreak, Paragraph, Table

from .chart_png import chart_png
from .docx_errors import ExportError
from .docx_tables import card_xml, table_xml
from .docx_xml import add_bookmark, clean, parse, ppr, text_runs

TALL_SHARE = 0.86  # of the page's usable height, for a tall chart (Chart.tall)
_EMU_PER_TWIP = 635
_EMU_PER_CM = 360000


class PageEstimate:
    """A rough page counter, only used for the page numbers pre-filled in the TOC
    (Word recomputes them when the user accepts to update fields)."""

    def __init__(self, page_height: int, first_page: int):
        self.page_height = page_height
        self.page = first_page
        self.used = 0

    def new_page(self) -> None:
        self.page += 1
        self.used = 0

    def add(self, height: int, splittable: bool = True) -> None:
        if not splittable and self.used and self.used + height > self.page_height:
            self.new_page()
        self.used += height
        while self.used > self.page_height:
            self.page += 1
            self.used -= self.page_height


class BodyWriter:
    """Appends blocks to the document body (before its final section properties)."""

    def __init__(self, document, style_ids: dict[str, str], usable_w: int, usable_h: int):
        self.document = document
        self.ids = style_ids
        self.usable_w = usable_w
        self.usable_h = usable_h
        self._anchor = document.element.body.find(qn("w:sectPr"))
        self._bookmark = 0
        self.toc_entries: list[tuple[int, str, str, int]] = []  # level, text, bookmark, page
        self.estimate = PageEstimate(usable_h, 1)
        self._chars_per_line = max(usable_w // 95, 20)  # ~90 twips per 10.5 pt character
        # Word before 2013 (compatibilityMode < 15, python-docx's default) and
        # LibreOffice place a table's *text* at tblInd: indent by the cell margin so
        # table borders line up with the text margin.
        self.legacy_tables = _compat_mode(document) < 15
        # A template's fonts are unknown (often wider than Calibri): size columns
        # more generously so header words do not break mid-word.
        self.char_scale = 1.0
        self.charts = None  # a ChartHelper sharing the drawing with a second process, or None

    # -- low level -------------------------------------------------------------------
    def append(self, element):
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self.document.element.body.append(element)
        return element

    def last_element(self):
        """The body element written last (the one just before the final section properties)."""
        if self._anchor is not None:
            return self._anchor.getprevious()
        return self.document.element.body[-1]

    def paragraph_xml(self, xml: str):
        return self.append(parse(xml))

    def _lines(self, text: str, chars_per_line: int | None = None) -> int:
        cpl = chars_per_line or self._chars_per_line
        return sum(-(-max(len(line), 1) // cpl) for line in text.split("\n"))

    # -- blocks ----------------------------------------------------------------------
    def heading(self, text: str, level: int, *, new_page: bool = False):
        """A Heading 1..4 paragraph with a TOC bookmark; level 1 may start a page."""
        level = min(max(level, 1), 4)
        extra = "<w:pageBreakBefore/>" if new_page else ""
        # pageBreakBefore comes after keepNext/keepLines in pPr: put it via extra.
        p = self.paragraph_xml(
            f"<w:p>{ppr(self.ids[f'Heading {level}'], extra=extra)}{text_runs(text)}</w:p>"
        )
        if new_page:
            self.estimate.new_page()
        self.estimate.add({1: 1100, 2: 700, 3: 560, 4: 420}[level], splittable=False)
        if level <= 3:
            self._bookmark += 1
            name = f"_Toc{100000000 + self._bookmark}"
            add_bookmark(p, name, self._bookmark)
            self.toc_entries.append((level, clean(text), name, self.estimate.page))
        return p

    def paragraph(self, block: Paragraph) -> None:
        rpr = "<w:rPr><w:i/><w:iCs/></w:rPr>" if block.emphasis else ""
        self.paragraph_xml(f"<w:p>{ppr(self.ids['Normal'])}{text_runs(block.text, rpr)}</w:p>")
        self.estimate.add(self._lines(clean(block.text)) * 285 + 120)

    def bullets(self, block: BulletList) -> None:
        style = self.ids["List Bullet"]
        for item in block.items:
            self.paragraph_xml(f"<w:p>{ppr(style)}{text_runs(item)}</w:p>")
            self.estimate.add(self._lines(clean(item), self._chars_per_line - 4) * 285 + 60)

    def _caption(self, text: str, centred: bool = False) -> None:
        if text:
            jc = "center" if centred else None
            self.paragraph_xml(f"<w:p>{ppr(self.ids['Caption'], jc=jc)}{text_runs(text)}</w:p>")
            self.estimate.add(500)

    def _spacer(self) -> None:
        """An empty paragraph: keeps two tables from merging and gives air."""
        self.paragraph_xml(f"<w:p>{ppr(self.ids['Normal'])}</w:p>")
        self.estimate.add(300)

    def table(self, block: Table) -> None:
        if not block.columns and not any(block.rows):
            return
        xml, height = table_xml(
            block.columns, block.rows, block.widths, self.ids, self.usable_w,
            keep_with_caption=bool(block.caption), indent=100 if self.legacy_tables else 0,
            char_scale=self.char_scale,
        )
        self.append(parse(xml))
        self.estimate.add(height, splittable=len(block.rows) > 15)
        if block.caption:
            self._caption(block.caption)
        else:
            self._spacer()

    def card(self, block: Card) -> None:
        xml, height = card_xml(block.title, block.subtitle, block.fields, self.ids,
                               self.usable_w, indent=120 if self.legacy_tables else 0)
        self.append(parse(xml))
        self.estimate.add(height, splittable=False)
        self._spacer()

    def page_break(self) -> None:
        self.paragraph_xml('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        self.estimate.new_page()

    def draw_here(self, block: Chart) -> bytes:
        return render_chart_png(block)

    def chart(self, block: Chart) -> None:
        png = self.charts.png(block) if self.charts is not None else self.draw_here(block)
        px_w, px_h = _png_size(png)
        max_w = self.usable_w * _EMU_PER_TWIP
        width = min(int(max(block.width_cm, 1.0) * _EMU_PER_CM), max_w)
        height = int(width * px_h / px_w) if px_w else width // 2
        max_h = int(self.usable_h * _EMU_PER_TWIP * (TALL_SHARE if block.tall else 0.62))
        if height > max_h:  # very tall charts would push their caption off the page
            width, height = int(width * max_h / height), max_h
        inline = self.document.part.new_pic_inline(io.BytesIO(png), Emu(width), Emu(height))
        p = self.paragraph_xml(f"<w:p>{ppr(self.ids['Figure'])}<w:r/></w:p>")
        p.r_lst[-1].add_drawing(inline)
        self.estimate.add(height // _EMU_PER_TWIP + 200, splittable=False)
        if block.caption:
            self._caption(block.caption, centred=True)  # under the centred figure
        else:
            self._spacer()

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Heading):
            self.heading(block.text, min(max(block.level, 1), 3) + 1)
        elif isinstance(block, BulletList):
            self.bullets(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        elif isinstance(block, Card):
            self.card(block)
        elif isinstance(block, PageBreak):
            self.page_break()
        else:
            raise ExportError(
                f"The report contains an unknown block type ({type(block).__name__}).",
                ExportError.CONTENT,
            )


def _compat_mode(document) -> int:
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            try:
                return int(setting.get(qn("w:val")))
            except (TypeError, ValueError):
                break
    return 12


def render_chart_png(block: Chart) -> bytes:
    """Draw a chart block's Figure to PNG bytes here (Agg, no pyplot); ExportError if it fails."""
    try:
        return chart_png(block)
    except Exception as exc:
        caption = clean(block.caption) or "chart"
        raise ExportError(
            f"The chart “{caption}” could not be drawn ({type(exc).__name__}: {exc}).",
            ExportError.CONTENT,
        ) from exc


def _png_size(png: bytes) -> tuple[int, int]:
    if png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) >= 24:
        return struct.unpack(">II", png[16:24])
    return 0, 0



