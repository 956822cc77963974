"""Data tables and business-case cards, built as WordprocessingML strings.

Building the XML text directly and parsing it once per table keeps a 300-row table
at a few milliseconds (python-docx's ``table.cell()``/``add_row()`` are far slower).
"""

from __future__ import annotations

import re

from .docx_styles import TABLE_STYLE_NAME
from .docx_theme import ACCENT, LABEL_FILL, RULE
from .docx_xml import clean, esc, ppr, text_runs

# Short numeric-looking values (amounts, percentages, scores) are right-aligned.
_NUMERIC = re.compile(
    r"^\s*[-+\u2212~≈<>]?\s*[€$£]?\s*\d[\d\s.,'\u202f\u00a0]*\s*(%|‰|€|\$|£|k€|M€|k|M|pts?|x)?\s*$"
)
KEEP_TOGETHER_ROWS = 15  # smaller tables are kept on one page with their caption


def _cell(width: int, body: str, tcpr_extra: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{tcpr_extra}</w:tcPr>{body}</w:tc>'


def _para(text: str, style_id: str, keep_next: bool = False, jc: str | None = None) -> str:
    return f"<w:p>{ppr(style_id, keep_next=keep_next, jc=jc)}{text_runs(text)}</w:p>"


def column_widths(total: int, n: int, relative: tuple[float, ...] | None,
                  min_widths: list[int] | None = None) -> list[int]:
    """Split ``total`` twips over ``n`` columns, honouring relative widths when valid.

    ``min_widths`` (e.g. room for the longest word of a header) are granted when they
    fit, taking the room from the columns that have more than their minimum.
    """
    if relative and len(relative) == n and all((w or 0) > 0 for w in relative):
        s = float(sum(relative))
        widths = [max(int(total * w / s), 360) for w in relative]
    else:
        widths = [total // n] * n
    if min_widths and len(min_widths) == n and sum(min_widths) <= total:
        need = sum(max(m - w, 0) for w, m in zip(widths, min_widths, strict=True))
        spare = sum(max(w - m, 0) for w, m in zip(widths, min_widths, strict=True))
        if need and spare >= need:
            widths = [
                m if w < m else w - int((w - m) * need / spare)
                for w, m in zip(widths, min_widths, strict=True)
            ]
    elif min_widths and len(min_widths) == n and sum(min_widths) > total:
        # A crowded table: share the width in proportion to the room each column's words
        # need (the estimates are generous, so a small cut rarely breaks a word).
        widths = [max(int(total * m / sum(min_widths)), 360) for m in min_widths]
    widths[-1] += total - sum(widths)  # rounding goes to the last column
    return widths


def _min_widths(header: list[str], body: list[list[str]], n: int, total: int,
                char_scale: float) -> list[int]:
    """Room for each column's longest unbreakable word (header bold, body regular).

    Widths per character are for Calibri 9.5 pt; ``char_scale`` > 1 for wider or
    unknown fonts (a template's)."""
    cap = total * 35 // 100
    result = []
    for c in range(n):
        head = max((len(w) for w in header[c].split()), default=0) if header else 0
        longest = max((len(w) for r in body if r[c] for w in r[c].split()), default=0)
        need = int(max(head * 105, longest * 92) * char_scale) + 240
        result.append(min(need, cap))
    return result


def _numeric_columns(rows: list[list[str]], n: int) -> list[bool]:
    result = []
    for c in range(n):
        values = [r[c] for r in rows if r[c].strip()]
        result.append(bool(values) and all(len(v) <= 24 and _NUMERIC.match(v) for v in values))
    return result


def _look(first_row: bool, banded: bool) -> str:
    """``w:tblLook`` with the legacy hex value consistent with the attributes."""
    val = (0x0020 if first_row else 0) | (0 if banded else 0x0200) | 0x0400
    return (
        f'<w:tblLook w:val="{val:04X}" w:firstRow="{int(first_row)}" w:lastRow="0" '
        f'w:firstColumn="0" w:lastColumn="0" w:noHBand="{int(not banded)}" w:noVBand="1"/>'
    )


def _indent(twips: int) -> str:
    return f'<w:tblInd w:w="{twips}" w:type="dxa"/>' if twips else ""


def table_xml(columns, rows, widths, style_ids: dict[str, str], usable: int, *,
              keep_with_caption: bool, indent: int = 0, char_scale: float = 1.0
              ) -> tuple[str, int]:
    """The ``w:tbl`` XML of a data table and an estimate of its height in twips."""
    header = [clean(c) for c in columns]
    n = len(header) or max((len(r) for r in rows), default=0)
    body = [[clean(v) for v in (list(r) + [""] * n)[:n]] for r in rows]
    col_w = column_widths(usable, n, tuple(widths) if widths else None,
                          _min_widths(header, body, n, usable, char_scale))
    numeric = _numeric_columns(body, n)
    text_id, head_id = style_ids["Table Text"], style_ids["Table Header"]
    keep_all = len(body) <= KEEP_TOGETHER_ROWS
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblStyle w:val="{esc(style_ids[TABLE_STYLE_NAME])}"/>'
        f'<w:tblW w:w="{usable}" w:type="dxa"/>{_indent(indent)}'
        '<w:tblLayout w:type="fixed"/>'
        f"{_look(bool(header), True)}"
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{w}"/>' for w in col_w),
        "</w:tblGrid>",
    ]
    height = 0
    if header:
        cells = "".join(
            _cell(w, _para(t, head_id, True, "right" if num else None),
                  '<w:vAlign w:val="bottom"/>')
            for t, w, num in zip(header, col_w, numeric, strict=True)
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        height += _row_height(header, col_w)
    last = len(body) - 1
    for i, row in enumerate(body):
        keep = (keep_all and i < last) or (keep_with_caption and i == last)
        cells = "".join(
            _cell(w, _para(t, text_id, keep, "right" if num else None))
            for t, w, num in zip(row, col_w, numeric, strict=True)
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
        height += _row_height(row, col_w)
    out.append("</w:tbl>")
    return "".join(out), height


def _row_height(texts: list[str], col_w: list[int]) -> int:
    """Rough row height in twips (9.5 pt text, ~82 twips per character)."""
    lines = 1
    for t, w in zip(texts, col_w, strict=True):
        if t:
            per_line = max((w - 200) // 86, 4)
            lines = max(lines, sum(-(-max(len(x), 1) // per_line) for x in t.split("\n")))
    return 90 + lines * 230


def card_xml(title: str, subtitle: str, fields, style_ids: dict[str, str], usable: int,
             *, indent: int = 0) -> tuple[str, int]:
    """A business-case card: shaded title row across two columns, label/value rows."""
    label_w = min(max(int(usable * 0.28), 1700), 2900)
    value_w = usable - label_w
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblStyle w:val="{esc(style_ids[TABLE_STYLE_NAME])}"/>'
        f'<w:tblW w:w="{usable}" w:type="dxa"/>{_indent(indent)}'
        f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
        f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="70" w:type="dxa"/><w:left w:w="120" w:type="dxa"/>'
        '<w:bottom w:w="70" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
        f"{_look(False, False)}"
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{label_w}"/><w:gridCol w:w="{value_w}"/></w:tblGrid>'
    ]
    rows = [(clean(label), clean(value)) for label, value in fields]
    title_body = _para(title, style_ids["Card Title"], True)
    if subtitle:
        title_body += _para(subtitle, style_ids["Card Subtitle"], True)
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/>'
    out.append(
        '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{usable}" w:type="dxa"/><w:gridSpan w:val="2"/>{shade}'
        f"</w:tcPr>{title_body}</w:tc></w:tr>"
    )
    height = 500 + (250 if subtitle else 0)
    label_shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{LABEL_FILL}"/>'
    last = len(rows) - 1
    for i, (label, value) in enumerate(rows):
        keep = i < last
        out.append(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + _cell(label_w, _para(label, style_ids["Card Label"], keep), label_shade)
            + _cell(value_w, _para(value, style_ids["Table Text"], keep))
            + "</w:tr>"
        )
        height += _row_height([label, value], [label_w, value_w]) + 40
    out.append("</w:tbl>")
    return "".join(out), height
