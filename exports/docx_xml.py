"""Low-level WordprocessingML helpers: safe text, runs, fields, bookmarks, settings.

Large structures (tables, cards, the table of contents) are built as XML strings and
parsed once: this is an order of magnitude faster than python-docx's object API on
tables with hundreds of rows. Everything here is pure (no global state).
"""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# Characters XML 1.0 forbids (python-docx would refuse them) and lone surrogates.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text safe for a Word document: a str without forbidden control characters."""
    s = text if isinstance(text, str) else ("" if text is None else str(text))
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID_XML.sub("", s)


def esc(text: str) -> str:
    """Escape cleaned text for use in element content or a double-quoted attribute."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def text_runs(text: str, rpr: str = "") -> str:
    """One ``w:r`` holding ``text``; newlines become line breaks, tabs become tabs."""
    text = clean(text)
    parts: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{esc(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def ppr(style_id: str | None = None, *, keep_next: bool = False, jc: str | None = None,
        extra: str = "") -> str:
    """A ``w:pPr`` in schema order (pStyle, keepNext, ..., extra, jc)."""
    inner = ""
    if style_id:
        inner += f'<w:pStyle w:val="{esc(style_id)}"/>'
    if keep_next:
        inner += "<w:keepNext/>"
    inner += extra
    if jc:
        inner += f'<w:jc w:val="{jc}"/>'
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def field_runs(instr: str, cached: str = "", rpr: str = "") -> str:
    """A complex field: begin / instrText / separate / cached result / end."""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{text_runs(cached, rpr) if cached else ''}"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def parse(fragment: str):
    """Parse one element written without namespace declarations (``<w:p>...``)."""
    # Insert the declarations into the root start tag.
    head, sep, rest = fragment.partition(">")
    if head.endswith("/"):
        head, tail = head[:-1], "/>"
    else:
        tail = ">"
    return parse_xml(f"{head} {NSDECL}{tail}{rest}" if sep else fragment)


def add_bookmark(p_element, name: str, bookmark_id: int) -> None:
    """Wrap the content of a paragraph in a bookmark (the target of a TOC entry)."""
    start = parse(f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{esc(name)}"/>')
    end = parse(f'<w:bookmarkEnd w:id="{bookmark_id}"/>')
    ppr_el = p_element.find(qn("w:pPr"))
    if ppr_el is not None:
        ppr_el.addnext(start)
    else:
        p_element.insert(0, start)
    p_element.append(end)


# Elements that follow w:updateFields in CT_Settings (Word rejects out-of-order XML).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def set_update_fields(settings_element) -> None:
    """Ask Word to refresh fields (TOC, page numbers) when the document is opened."""
    existing = settings_element.find(qn("w:updateFields"))
    if existing is not None:
        existing.set(qn("w:val"), "true")
        return
    el = parse('<w:updateFields w:val="true"/>')
    following = {qn(f"w:{n}") for n in _AFTER_UPDATE_FIELDS} | {f"{{{_M_NS}}}mathPr"}
    for child in settings_element:
        if child.tag in following:
            child.addprevious(el)
            return
    settings_element.append(el)
