"""Landscape page sections inside a portrait document (the roadmap on one page).

Word ends a page section with a ``w:sectPr`` inside the last paragraph of that section;
the body's own ``w:sectPr`` describes the last one. The renderer writes the whole body
as one portrait section, notes where each landscape chapter begins and ends, and
``split_landscape`` then closes the portrait part before it and the landscape part
after it. The landscape paper is A3 when the template's paper is A3, else A4; the
margins are the template's, turned with the page.
"""

from __future__ import annotations

import copy

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from .docx_frame import page_header_footer
from .docx_xml import parse

_A3 = (Cm(29.7), Cm(42.0))
_A4 = (Cm(21.0), Cm(29.7))
_TOLERANCE = Cm(0.5)


def is_a3(section) -> bool:
    sides = sorted((int(section.page_width or 0), int(section.page_height or 0)))
    return all(abs(side - ref) <= _TOLERANCE for side, ref in zip(sides, _A3))


def landscape_page(section) -> tuple[int, int]:
    """(width, height) in EMU of the landscape page for a document whose paper is ``section``'s."""
    short, long = _A3 if is_a3(section) else _A4
    return int(long), int(short)


def landscape_usable_twips(section) -> tuple[int, int]:
    """Text width and height, in twips, of that landscape page with the section's margins
    turned a quarter: the top margin becomes the left one, and so on."""
    width, height = landscape_page(section)
    left, right = int(section.top_margin or 0), int(section.bottom_margin or 0)
    top, bottom = int(section.left_margin or 0), int(section.right_margin or 0)
    return max((width - left - right) // 635, 2880), max((height - top - bottom) // 635, 2880)


def _paragraph_ending(element):
    """A paragraph that can carry a section's end: ``element`` itself, else an empty one after it."""
    if element is None:
        raise ValueError("a page section needs content")
    if element.tag == qn("w:p"):
        return element
    p = parse("<w:p/>")
    element.addnext(p)
    return p


def _end_section(paragraph, sect_pr) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse("<w:pPr/>")
        paragraph.insert(0, ppr)
    ppr.append(sect_pr)


def _drop(sect_pr, tag: str) -> None:
    for el in sect_pr.findall(qn(tag)):
        sect_pr.remove(el)


def _no_break_before(paragraph) -> None:
    """A section already starts on a new page: a page break before would leave one blank."""
    if paragraph is None or paragraph.tag != qn("w:p"):
        return
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        _drop(ppr, "w:pageBreakBefore")


def _turn(sect_pr, page: tuple[int, int]) -> None:
    width, height = page
    pg = sect_pr.find(qn("w:pgSz"))
    if pg is None:
        pg = parse("<w:pgSz/>")
        sect_pr.insert(0, pg)
    pg.set(qn("w:w"), str(width // 635))
    pg.set(qn("w:h"), str(height // 635))
    pg.set(qn("w:orient"), "landscape")
    mar = sect_pr.find(qn("w:pgMar"))
    if mar is not None:  # the margins turn with the page
        sides = {k: mar.get(qn(f"w:{k}")) for k in ("top", "right", "bottom", "left")}
        for new, old in (("left", "top"), ("right", "bottom"), ("top", "left"), ("bottom", "right")):
            if sides[old] is not None:
                mar.set(qn(f"w:{new}"), sides[old])


def split_landscape(writer, report, spans, *, own_header: bool) -> None:
    """Make each (first, last) span of body elements a landscape page section of its own.

    Call once the header and footer are written: the sections copy their references, and
    with ``own_header`` a landscape section gets a header and footer of its own width (a
    template's own kept ones are shared as they are).
    """
    if not spans:
        return
    document = writer.document
    body_sect = document.element.body.find(qn("w:sectPr"))
    portrait = document.sections[0]
    page, (width, _height) = landscape_page(portrait), landscape_usable_twips(portrait)
    for index, (first, last) in enumerate(spans):
        before = _paragraph_ending(first.getprevious())
        closing = copy.deepcopy(body_sect)
        if index:  # only the first portrait part opens with the cover
            _drop(closing, "w:titlePg")
        _end_section(before, closing)
        _no_break_before(first)
        end = _paragraph_ending(last)
        if end.getnext() is body_sect:  # the document ends in landscape: its last section turns
            turned = body_sect
        else:
            turned = copy.deepcopy(body_sect)
            _end_section(end, turned)
            _no_break_before(end.getnext())
        _drop(turned, "w:titlePg")
        if own_header:
            for tag in ("w:headerReference", "w:footerReference"):
                _drop(turned, tag)  # linked to the previous part until given its own below
        _turn(turned, page)
    _drop(body_sect, "w:titlePg")
    if not own_header:
        return
    for section in document.sections:
        if section.orientation == WD_ORIENT.LANDSCAPE:
            page_header_footer(document, section, writer.ids, report, width, keep_existing=False)
