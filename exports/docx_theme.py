"""The house look: colours, font and the paragraph style definitions (as data).

``docx_styles`` installs these definitions into a document.
"""

from __future__ import annotations

from dataclasses import dataclass

from .docx_xml import esc

ACCENT = "1F3A5F"  # deep blue: headings, table headers, title
SECONDARY = "2A9D8F"  # teal: subtitles, rules, bullets
TEXT = "262626"
MUTED = "6B7280"
RULE = "C8D0DA"
BAND = "EEF2F7"  # banded table rows
LABEL_FILL = "E9F4F2"  # card label column
FONT = "Calibri"  # metric-compatible with Carlito (LibreOffice)



def _tw(pt: float) -> int:
    return int(round(pt * 20))


@dataclass(frozen=True)
class PStyle:
    """A paragraph style, written as XML in schema order."""

    name: str
    style_id: str
    base: str | None = "Normal"
    next: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str | None = None
    char_spacing: float | None = None  # pt
    before: float | None = None  # pt
    after: float | None = None  # pt
    line: float | None = None  # multiple of single spacing
    keep_next: bool = False
    keep_lines: bool = False
    align: str | None = None  # left | center | right | both
    outline: int | None = None  # 0-based outline level; 9 = body text
    border_bottom: str | None = None  # colour
    border_top: str | None = None
    indent_left: float | None = None  # pt
    indent_right: float | None = None  # pt
    border_size: int = 6  # eighths of a point (top border)
    hanging: float | None = None  # pt
    tabs: tuple[tuple[str, int, str], ...] = ()  # (align, twips, leader)
    numbering: bool = False  # bullet numbering placeholder (numId filled later)
    ui_priority: int | None = None
    font: str | None = None

    def ppr(self, num_id: int | None = None) -> str:
        x = ""
        if self.keep_next:
            x += "<w:keepNext/>"
        if self.keep_lines:
            x += "<w:keepLines/>"
        if self.numbering and num_id is not None:
            x += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        if self.border_top or self.border_bottom:
            x += "<w:pBdr>"
            if self.border_top:
                x += (
                    f'<w:top w:val="single" w:sz="{self.border_size}" w:space="1" '
                    f'w:color="{self.border_top}"/>'
                )
            if self.border_bottom:
                x += (
                    f'<w:bottom w:val="single" w:sz="6" w:space="4" '
                    f'w:color="{self.border_bottom}"/>'
                )
            x += "</w:pBdr>"
        if self.tabs:
            x += "<w:tabs>" + "".join(
                f'<w:tab w:val="{a}" w:leader="{ld}" w:pos="{pos}"/>' for a, pos, ld in self.tabs
            ) + "</w:tabs>"
        sp = ""
        if self.before is not None:
            sp += f' w:before="{_tw(self.before)}"'
        if self.after is not None:
            sp += f' w:after="{_tw(self.after)}"'
        if self.line is not None:
            sp += f' w:line="{int(round(self.line * 240))}" w:lineRule="auto"'
        if sp:
            x += f"<w:spacing{sp}/>"
        if self.indent_left is not None or self.hanging is not None or self.indent_right:
            ind = ""
            if self.indent_left is not None:
                ind += f' w:left="{_tw(self.indent_left)}"'
            if self.indent_right is not None:
                ind += f' w:right="{_tw(self.indent_right)}"'
            if self.hanging is not None:
                ind += f' w:hanging="{_tw(self.hanging)}"'
            x += f"<w:ind{ind}/>"
        if self.align:
            x += f'<w:jc w:val="{self.align}"/>'
        if self.outline is not None:
            x += f'<w:outlineLvl w:val="{self.outline}"/>'
        return f"<w:pPr>{x}</w:pPr>" if x else ""

    def rpr(self) -> str:
        x = ""
        if self.font:
            f = esc(self.font)
            x += f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'
        if self.bold is not None:
            v = "" if self.bold else ' w:val="0"'
            x += f"<w:b{v}/><w:bCs{v}/>"
        if self.italic is not None:
            v = "" if self.italic else ' w:val="0"'
            x += f"<w:i{v}/><w:iCs{v}/>"
        if self.caps:
            x += "<w:caps/>"
        if self.color:
            x += f'<w:color w:val="{self.color}"/>'
        if self.char_spacing is not None:
            x += f'<w:spacing w:val="{_tw(self.char_spacing)}"/>'
        if self.size is not None:
            hp = int(round(self.size * 2))
            x += f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>'
        return f"<w:rPr>{x}</w:rPr>" if x else ""


def house_styles(usable_twips: int) -> list[PStyle]:
    """The paragraph styles of the house look (built-in names first)."""
    right = ("right", usable_twips, "none")
    center = ("center", usable_twips // 2, "none")
    toc_tab = ("right", usable_twips, "dot")
    return [
        PStyle("Normal", "Normal", base=None, size=10.5, color=TEXT, after=6, line=1.12,
               font=FONT),
        PStyle("Title", "Title", next="Normal", size=34, bold=True, color=ACCENT, after=10,
               line=0.95, char_spacing=-0.5, ui_priority=10),
        PStyle("Subtitle", "Subtitle", next="Normal", size=17, color=SECONDARY, after=28,
               line=1.0, ui_priority=11),
        PStyle("heading 1", "Heading1", next="Normal", size=22, bold=True, color=ACCENT,
               before=0, after=14, line=1.0, keep_next=True, keep_lines=True, outline=0,
               border_bottom=SECONDARY, ui_priority=9),
        PStyle("heading 2", "Heading2", next="Normal", size=14, bold=True, color=ACCENT,
               before=16, after=6, line=1.0, keep_next=True, keep_lines=True, outline=1,
               ui_priority=9),
        PStyle("heading 3", "Heading3", next="Normal", size=12, bold=True, color=SECONDARY,
               before=12, after=4, line=1.0, keep_next=True, keep_lines=True, outline=2,
               ui_priority=9),
        PStyle("heading 4", "Heading4", next="Normal", size=10.5, bold=True, italic=True,
               color=ACCENT, before=10, after=2, keep_next=True, keep_lines=True, outline=3,
               ui_priority=9),
        PStyle("caption", "Caption", next="Normal", size=8.5, italic=True, color=MUTED,
               before=4, after=14, line=1.0, ui_priority=35),
        PStyle("List Bullet", "ListBullet", after=3, numbering=True, ui_priority=99),
        PStyle("header", "Header", size=8.5, color=MUTED, after=0, line=1.0,
               tabs=(center, right), border_bottom=RULE),
        PStyle("footer", "Footer", size=8.5, color=MUTED, after=0, line=1.0,
               tabs=(center, right)),
        PStyle("TOC Heading", "TOCHeading", next="Normal", size=22, bold=True, color=ACCENT,
               after=18, line=1.0, outline=9, border_bottom=SECONDARY, ui_priority=39),
        PStyle("toc 1", "TOC1", next="Normal", size=11, bold=True, color=ACCENT, before=8,
               after=2, tabs=(toc_tab,), ui_priority=39),
        PStyle("toc 2", "TOC2", next="Normal", after=1, indent_left=14, tabs=(toc_tab,),
               ui_priority=39),
        PStyle("toc 3", "TOC3", next="Normal", size=9.5, color=MUTED, after=0,
               indent_left=28, tabs=(toc_tab,), ui_priority=39),
        # The house's own styles (always created when missing).
        PStyle("Cover Rule", "CoverRule", size=2, before=170, after=14, line=1.0,
               border_top=SECONDARY, border_size=36,
               indent_right=max(usable_twips - 1500, 0) / 20),
        PStyle("Cover Organisation", "CoverOrganisation", size=12, bold=True, caps=True,
               color=SECONDARY, char_spacing=1, after=10),
        PStyle("Cover Meta", "CoverMeta", size=11, color=TEXT, after=4),
        PStyle("Cover Confidential", "CoverConfidential", size=8.5, italic=True, color=MUTED,
               after=0),
        PStyle("Cover Logo", "CoverLogo", after=0, line=1.0),
        PStyle("Figure", "Figure", before=6, after=0, line=1.0, keep_next=True, align="center"),
        PStyle("Table Text", "TableText", size=9.5, after=0, line=1.0),
        PStyle("Table Header", "TableHeader", size=9.5, bold=True, color="FFFFFF", after=0,
               line=1.0, keep_next=True),
        PStyle("Card Title", "CardTitle", size=11.5, bold=True, color="FFFFFF", after=0,
               line=1.0, keep_next=True),
        PStyle("Card Subtitle", "CardSubtitle", size=9, italic=True, color="FFFFFF",
               before=1, after=0, line=1.0, keep_next=True),
        PStyle("Card Label", "CardLabel", size=9.5, bold=True, color=ACCENT, after=0,
               line=1.0),
    ]
