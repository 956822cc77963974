"""The document's frame: cover page, table of contents, page header and footer."""

from __future__ import annotations

import io

from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from .docx_errors import ExportError
from .docx_xml import clean, esc, field_runs, parse, ppr, text_runs

TOC_INSTR = 'TOC \\o "1-3" \\h \\z \\u'
DRAFT_COLOUR = "B3261E"  # the draft mark: a plain red, on the cover and in every header
_DRAFT_RPR = f'<w:rPr><w:b/><w:bCs/><w:color w:val="{DRAFT_COLOUR}"/></w:rPr>'


# -- cover ---------------------------------------------------------------------------
def write_cover(writer, report, *, confidentiality_in_body: bool = False) -> None:
    """Logo, a short accent rule, organisation, title, subtitle and dates.

    The confidentiality line goes in the cover's own footer (see
    ``write_header_footer``), or at the end of the cover when a template already
    owns that footer.
    """
    ids = writer.ids
    if report.logo_png:
        _logo(writer, report.logo_png)
    writer.paragraph_xml(f"<w:p>{ppr(ids['Cover Rule'])}</w:p>")
    if report.organisation:
        writer.paragraph_xml(
            f"<w:p>{ppr(ids['Cover Organisation'])}{text_runs(report.organisation)}</w:p>"
        )
    writer.paragraph_xml(f"<w:p>{ppr(ids['Title'])}{text_runs(report.title)}</w:p>")
    if report.subtitle:
        writer.paragraph_xml(f"<w:p>{ppr(ids['Subtitle'])}{text_runs(report.subtitle)}</w:p>")
    if report.dates:
        writer.paragraph_xml(f"<w:p>{ppr(ids['Cover Meta'])}{text_runs(report.dates)}</w:p>")
    if report.draft:
        space = '<w:spacing w:before="360"/>'
        writer.paragraph_xml(f"<w:p>{ppr(ids['Cover Meta'], extra=space)}"
                             f"{text_runs(report.draft, _DRAFT_RPR)}</w:p>")
    if report.confidentiality and confidentiality_in_body:
        space = '<w:spacing w:before="600"/>'
        writer.paragraph_xml(
            f"<w:p>{ppr(ids['Cover Confidential'], extra=space)}"
            f"{text_runs(report.confidentiality)}</w:p>"
        )


def _logo(writer, png: bytes) -> None:
    try:
        from docx.image.image import Image

        image = Image.from_blob(png)
        px_w, px_h = image.px_width, image.px_height
        max_w, max_h = Cm(6.0), Cm(2.6)
        scale = min(max_w / px_w, max_h / px_h) if px_w and px_h else 0
        width, height = int(px_w * scale), int(px_h * scale)
        inline = writer.document.part.new_pic_inline(io.BytesIO(png), Emu(width), Emu(height))
    except Exception:
        raise ExportError(
            "The logo could not be read: use a PNG or JPEG image.", ExportError.CONTENT
        ) from None
    p = writer.paragraph_xml(f"<w:p>{ppr(writer.ids['Cover Logo'])}<w:r/></w:p>")
    p.r_lst[-1].add_drawing(inline)


# -- table of contents ---------------------------------------------------------------
def write_toc_heading(writer, title: str):
    """The "Contents" title (style TOC Heading: not a Heading, so not listed)."""
    return writer.paragraph_xml(
        f"<w:p>{ppr(writer.ids['TOC Heading'], extra='<w:pageBreakBefore/>')}"
        f"{text_runs(title)}</w:p>"
    )


def fill_toc(writer, after) -> None:
    """Insert a TOC field after ``after``, pre-filled with the headings written so far.

    The cached result lists every Heading 1-3 with a hyperlink and a PAGEREF to its
    bookmark (estimated page numbers); Word refreshes it when fields are updated.
    """
    ids = writer.ids
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {esc(TOC_INSTR)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    paragraphs: list[str] = []
    last = len(writer.toc_entries) - 1
    for i, (level, text, bookmark, page) in enumerate(writer.toc_entries):
        pageref = field_runs("PAGEREF " + bookmark + " \\h", str(page))
        link = (
            f'<w:hyperlink w:anchor="{esc(bookmark)}" w:history="1">'
            f"{text_runs(text)}<w:r><w:tab/></w:r>"
            f"{pageref}"
            "</w:hyperlink>"
        )
        # The field ends in the last entry's own paragraph: an empty paragraph after a full
        # contents page would spill onto a blank page of its own.
        paragraphs.append(
            f"<w:p>{ppr(ids[f'TOC {level}'])}{begin if i == 0 else ''}{link}"
            f"{end if i == last else ''}</w:p>"
        )
    if not paragraphs:
        paragraphs.append(f"<w:p>{ppr(ids['Normal'])}{begin}{end}</w:p>")
    anchor = after
    for xml in paragraphs:
        el = parse(xml)
        anchor.addnext(el)
        anchor = el


# -- header and footer ---------------------------------------------------------------
def _has_content(part_element) -> bool:
    if any(t.text and t.text.strip() for t in part_element.iter(qn("w:t"))):
        return True
    for tag in ("w:drawing", "w:pict", "w:fldSimple", "w:instrText", "w:object"):
        if next(part_element.iter(qn(tag)), None) is not None:
            return True
    return False


def _style_tab_positions(document, style_id: str) -> list[int]:
    """Tab stops defined by a paragraph style (to clear them on our own paragraph)."""
    positions = []
    for st in document.styles.element.iterfind(qn("w:style")):
        if st.get(qn("w:styleId")) == style_id:
            for tab in st.iter(qn("w:tab")):
                try:
                    positions.append(int(tab.get(qn("w:pos"))))
                except (TypeError, ValueError):
                    pass
    return positions


def _two_sided_paragraph(document, style_id: str, left: str, right: str, width: int) -> str:
    """One line: ``left`` text, then ``right`` runs flush right (a right tab stop)."""
    clears = "".join(
        f'<w:tab w:val="clear" w:pos="{pos}"/>'
        for pos in _style_tab_positions(document, style_id) if pos != width
    )
    tabs = f'<w:tabs>{clears}<w:tab w:val="right" w:pos="{width}"/></w:tabs>'
    return f"<w:p>{ppr(style_id, extra=tabs)}{left}<w:r><w:tab/></w:r>{right}</w:p>"


def _replace_content(hf, xml: str) -> None:
    el = hf._element
    for child in list(el):
        el.remove(child)
    el.append(parse(xml))


def cover_footer_is_free(document, keep_existing: bool) -> bool:
    """Whether the cover's (first-page) footer can take the confidentiality line."""
    footer = document.sections[0].first_page_footer
    return not (keep_existing and not footer.is_linked_to_previous
                and _has_content(footer._element))


def _keeps(hf, keep_existing: bool) -> bool:
    return keep_existing and not hf.is_linked_to_previous and _has_content(hf._element)


def write_header_footer(writer, report, *, keep_existing: bool) -> bool:
    """Title (and organisation) in the header, confidentiality and "Page N / M" in
    the footer; the cover (first page) has no header and only the confidentiality
    line. With a template, its own non-empty headers and footers are kept (returns
    whether one was)."""
    document, ids, width = writer.document, writer.ids, writer.usable_w
    section = document.sections[0]
    section.different_first_page_header_footer = True

    first_header = section.first_page_header
    if not _keeps(first_header, keep_existing):
        first_header.is_linked_to_previous = False
        _replace_content(first_header, f"<w:p>{ppr(ids['Normal'])}</w:p>")
    first_footer = section.first_page_footer
    if not _keeps(first_footer, keep_existing):
        first_footer.is_linked_to_previous = False
        _replace_content(first_footer, f"<w:p>{ppr(ids['Cover Confidential'])}"
                                       f"{text_runs(report.confidentiality)}</w:p>")

    return page_header_footer(document, section, ids, report, width, keep_existing)


def page_header_footer(document, section, ids, report, width: int, keep_existing: bool) -> bool:
    """The header and footer of the pages after the cover in ``section`` (``width``: its
    text width, for the right-aligned half). Returns whether a template's own were kept."""
    kept = False
    header = section.header
    if _keeps(header, keep_existing):
        kept = True
    else:
        header.is_linked_to_previous = False
        _replace_content(header, _two_sided_paragraph(
            document, ids["Header"], text_runs(report.title), text_runs(report.organisation),
            width))
    if report.draft:  # said plainly on every page, above a template's own header too
        header._element.insert(0, parse(f"<w:p>{ppr(ids['Header'])}{text_runs(report.draft, _DRAFT_RPR)}</w:p>"))

    footer = section.footer
    if _keeps(footer, keep_existing):
        return True
    footer.is_linked_to_previous = False
    label = clean(report.labels.get("page", "Page"))
    page = (
        text_runs(f"{label} ") + field_runs("PAGE", "1") + text_runs(" / ")
        + field_runs("NUMPAGES", "1")
    )
    _replace_content(footer, _two_sided_paragraph(
        document, ids["Footer"], text_runs(report.confidentiality), page, width))
    return kept
