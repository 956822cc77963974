"""The starting document: python-docx's blank one (A4, house margins) or a template.

A template (.docx or .dotx) keeps its styles, page set-up, headers and footers; its
body content is removed. python-docx refuses .dotx files (their main part has the
"template" content type), so the package is copied in memory with the content type
rewritten to the "document" one before opening.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Cm

from .docx_errors import ExportError

_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

A4_WIDTH = Cm(21.0)
A4_HEIGHT = Cm(29.7)


def _as_document_package(data: bytes) -> bytes:
    """Return the package bytes with a .dotx main part declared as a document."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_CT, _DOCUMENT_CT)
            dst.writestr(item, content)
    return out.getvalue()


def open_template(template: str | Path):
    """Open a .docx/.dotx as a python-docx Document, or raise ExportError."""
    path = Path(template)
    name = path.name
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise ExportError(
            f"The template “{name}” must be a Word .docx or .dotx file.",
            ExportError.TEMPLATE, path,
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(
            f"The template “{name}” was not found.", ExportError.TEMPLATE, path
        ) from None
    except OSError as exc:
        raise ExportError(
            f"The template “{name}” could not be read ({exc.strerror or exc}).",
            ExportError.TEMPLATE, path,
        ) from None
    try:
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    except Exception:  # zipfile.BadZipFile, KeyError, ValueError, lxml errors...
        raise ExportError(
            f"The template “{name}” is not a valid Word document or template.",
            ExportError.TEMPLATE, path,
        ) from None
    _clear_body(document)
    return document


def _clear_body(document) -> None:
    """Remove the template's body content, keeping the final section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def blank_document():
    """python-docx's default document set to A4 portrait with the house margins."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.top_margin = Cm(2.4)
    section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.2)
    section.header_distance = Cm(1.1)
    section.footer_distance = Cm(1.0)
    section.gutter = 0
    return document


def usable_size_twips(section) -> tuple[int, int]:
    """Text-area width and height of a section, in twips (1/1440 inch)."""
    emu_per_twip = 635
    width = (section.page_width or A4_WIDTH) - (section.left_margin or 0) - (
        section.right_margin or 0
    )
    height = (section.page_height or A4_HEIGHT) - (section.top_margin or 0) - (
        section.bottom_margin or 0
    )
    return max(int(width) // emu_per_twip, 2880), max(int(height) // emu_per_twip, 2880)
