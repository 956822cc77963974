"""The house look of the exported roadmap, defined as Word *styles*.

Everything visual is a style (Title, Heading 1..4, Caption, List Bullet, TOC entries,
table text, card parts, the "Roadmap Table" table style...), so leaders editing the
document in Word keep a coherent look and the navigation pane and TOC work.

Without a template every style below is (re)defined with the house look. With a
template, the template's styles are left untouched and only the missing ones are
created (with the house look), so a corporate template keeps its fonts and colours.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from .docx_theme import ACCENT, BAND, FONT, RULE, SECONDARY, PStyle, house_styles
from .docx_xml import esc, parse

TABLE_STYLE_NAME = "Roadmap Table"


def _table_style_xml(style_id: str) -> str:
    cell_mar = (
        '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
    )
    return (
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/>'
        '<w:tblBorders>'
        f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
        "</w:tblBorders>"
        f"{cell_mar}</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        '<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:tblPr/>"
        "<w:trPr><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>'
        "</w:tblStylePr>"
        '<w:tblStylePr w:type="band1Horz">'
        f'<w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BAND}"/></w:tcPr>'
        "</w:tblStylePr>"
        "</w:style>"
    )


def _find_style(styles_el, name: str):
    for st in styles_el.iterfind(qn("w:style")):
        n = st.find(qn("w:name"))
        if n is not None and (n.get(qn("w:val")) or "").lower() == name.lower():
            return st
    return None


def _unique_id(styles_el, wanted: str) -> str:
    ids = {st.get(qn("w:styleId")) for st in styles_el.iterfind(qn("w:style"))}
    sid, n = wanted, 1
    while sid in ids:
        n += 1
        sid = f"{wanted}{n}"
    return sid


def _style_id(el) -> str:
    return el.get(qn("w:styleId"))


def _bullet_num_id(document) -> int:
    """Add a teal single-level bullet definition to numbering.xml; return its numId."""
    numbering = document.part.numbering_part.element
    abs_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterfind(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iterfind(qn("w:num"))]
    abs_id = max(abs_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse(
        f'<w:abstractNum w:abstractNumId="{abs_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="340" w:hanging="227"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/><w:b/>'
        f'<w:color w:val="{SECONDARY}"/></w:rPr>'
        "</w:lvl></w:abstractNum>"
    )
    num = parse(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>')
    # Schema order: abstractNum*, num*, numIdMacAtCleanup?
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
        nums[-1].addnext(num)
    else:
        cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(abstract)
            cleanup.addprevious(num)
        else:
            numbering.append(abstract)
            numbering.append(num)
    return num_id


_BUILTIN = {"Normal", "Title", "Subtitle", "heading 1", "heading 2", "heading 3", "heading 4",
            "caption", "List Bullet", "header", "footer", "TOC Heading", "toc 1", "toc 2",
            "toc 3"}
_QUICK = {"Title", "Subtitle", "heading 1", "heading 2", "heading 3", "caption"}


def _style_xml(spec: PStyle, style_id: str, base_id: str | None, next_id: str | None,
               num_id: int | None) -> str:
    custom = "" if spec.name in _BUILTIN else ' w:customStyle="1"'
    x = f'<w:style w:type="paragraph"{custom} w:styleId="{esc(style_id)}">'
    x += f'<w:name w:val="{esc(spec.name)}"/>'
    if base_id:
        x += f'<w:basedOn w:val="{esc(base_id)}"/>'
    if spec.next and next_id:
        x += f'<w:next w:val="{esc(next_id)}"/>'
    if spec.ui_priority is not None:
        x += f'<w:uiPriority w:val="{spec.ui_priority}"/>'
    if spec.name in _QUICK or spec.name not in _BUILTIN:
        x += "<w:qFormat/>"
    x += spec.ppr(num_id) + spec.rpr() + "</w:style>"
    return x


def _restyle(el, spec: PStyle, num_id: int | None) -> None:
    """Replace a built-in style's formatting with the house look (no template)."""
    for tag in ("w:pPr", "w:rPr"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    fresh = parse(_style_xml(spec, _style_id(el), None, None, num_id))
    # Append the new pPr/rPr after the last header element (name, basedOn, ...).
    for child in fresh:
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            el.append(child)


def _language_tag(language: str) -> str:
    lang = (language or "").strip().replace("_", "-")
    if not lang:
        return ""
    if "-" in lang:
        return lang
    regions = {"en": "en-GB", "fr": "fr-FR", "de": "de-DE", "es": "es-ES", "it": "it-IT",
               "nl": "nl-NL", "pt": "pt-PT", "sv": "sv-SE", "da": "da-DK", "pl": "pl-PL"}
    return regions.get(lang.lower(), lang.lower())


def _set_default_language(styles_el, language: str) -> None:
    tag = _language_tag(language)
    if not tag:
        return
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse("<w:lang/>")
        # lang comes late in rPr; after sz/szCs it is in order for docDefaults.
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def setup_styles(document, *, own_look: bool, usable_twips: int, language: str) -> dict[str, str]:
    """Make every style the renderer uses exist; return {style name: styleId}.

    ``own_look``: True without a template (the house look overrides the built-ins);
    False with a template (only missing styles are created).
    """
    styles_el = document.styles.element
    _set_default_language(styles_el, language)
    ids: dict[str, str] = {}
    num_id: int | None = None
    for spec in house_styles(usable_twips):
        el = _find_style(styles_el, spec.name)
        if spec.numbering and (el is None or own_look):
            num_id = _bullet_num_id(document)
        if el is not None:
            if own_look:
                _restyle(el, spec, num_id)
                if spec.style_id == "Normal":
                    _clear_doc_default_fonts(styles_el)
        else:
            sid = _unique_id(styles_el, spec.style_id)
            base = ids.get(spec.base) if spec.base else None
            if spec.base and base is None:
                base_el = _find_style(styles_el, spec.base)
                base = _style_id(base_el) if base_el is not None else None
            styles_el.append(parse(_style_xml(spec, sid, base, ids.get("Normal"), num_id)))
            el = _find_style(styles_el, spec.name)
        ids[spec.name] = _style_id(el)
    table = _find_style(styles_el, TABLE_STYLE_NAME)
    if table is None:
        sid = _unique_id(styles_el, "RoadmapTable")
        styles_el.append(parse(_table_style_xml(sid)))
        table = _find_style(styles_el, TABLE_STYLE_NAME)
    ids[TABLE_STYLE_NAME] = _style_id(table)
    # Friendly aliases used by the renderer.
    for ui, internal in (("Heading 1", "heading 1"), ("Heading 2", "heading 2"),
                         ("Heading 3", "heading 3"), ("Heading 4", "heading 4"),
                         ("Caption", "caption"), ("Header", "header"), ("Footer", "footer"),
                         ("TOC 1", "toc 1"), ("TOC 2", "toc 2"), ("TOC 3", "toc 3")):
        ids[ui] = ids[internal]
    return ids


def _clear_doc_default_fonts(styles_el) -> None:
    """Drop theme-font references in docDefaults so the house font really applies."""
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        return
    for rfonts in defaults.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for a in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(qn(f"w:{a}"), FONT)
    for sz in defaults.iter(qn("w:sz")):
        sz.set(qn("w:val"), "21")
    for sz in defaults.iter(qn("w:szCs")):
        sz.set(qn("w:val"), "21")
