"""Word (.docx) export of a Report: the mid-term roadmap leadership edits.

Public API::

    render_docx(report, out_path, template=None, progress=None) -> Path
    ExportError  # str(error) is a one-line message for the user; .kind, .path

Layout: A4 portrait; cover page (logo, organisation, Title, subtitle, dates,
confidentiality at the page foot); a "Contents" page holding a real Word TOC field
(pre-filled, refreshed by Word on opening); then each visible section starting on a
new page with its title as Heading 1. Block mapping: see ``exports.docx_blocks``.
Header: report title (every page but the cover); footer: confidentiality line and
"Page N / M" (PAGE / NUMPAGES fields). A section marked ``landscape`` becomes a page
section of its own in landscape (A3 when the paper is A3, else A4; see
``exports.docx_sections``), the chapters around it staying portrait. ``report.draft``
is written in red on the cover and above every page's header; ``report.contents``
False leaves the contents page out (one owner's part alone).

The function is safe to call from a worker thread: no global state, matplotlib only
through the Figure object API (imported lazily, only when a chart is drawn). The file
is written atomically: a failure never leaves a partial file nor alters an existing
one. ``progress(done, total)`` is called with increasing ``done`` up to ``total``
(charts count for more work than other blocks); an exception raised by the callback
(e.g. to cancel) propagates unchanged, and nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
from collections.abc import Callable
from pathlib import Path

from workshop_app.report import Chart, Heading, PageBreak, Table

from .chart_worker import ChartHelper, worth_a_helper
from .docx_blocks import BodyWriter
from .docx_errors import ExportError
from .docx_frame import (
    cover_footer_is_free,
    fill_toc,
    write_cover,
    write_header_footer,
    write_toc_heading,
)
from .docx_io import check_target, write_atomic
from .docx_sections import landscape_usable_twips, split_landscape
from .docx_styles import setup_styles
from .docx_template import blank_document, open_template, usable_size_twips
from .docx_xml import clean, set_update_fields

__all__ = ["render_docx", "ExportError"]

Progress = Callable[[int, int], None]

_CHART_WEIGHT = 8  # drawing a chart costs about as much as eight other blocks
_SAVE_WEIGHT = 2


def _weight(block) -> int:
    if isinstance(block, Chart):
        return _CHART_WEIGHT
    if isinstance(block, Table):
        return 1 + len(block.rows) // 200
    return 1


def _set_properties(document, report) -> None:
    props = document.core_properties
    props.title = clean(report.title)[:255]
    props.subject = clean(report.subtitle)[:255]
    props.author = clean(report.organisation)[:255]
    props.last_modified_by = clean(report.organisation)[:255]
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = clean(report.language)[:64]
    now = _dt.datetime.now(_dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
    # The base document's preview image would show the wrong content in file browsers.
    rels = document.part.package.rels
    for r_id in [k for k, rel in rels.items() if rel.reltype.endswith("/metadata/thumbnail")]:
        del rels[r_id]


class _CallbackError(Exception):
    """Carries an exception raised by the progress callback through the renderer."""

    def __init__(self, original: Exception):
        super().__init__(original)
        self.original = original


class _Progress:
    """Reports ``done`` units of work out of a fixed ``total`` to the callback."""

    def __init__(self, callback: Progress | None, total: int):
        self.callback, self.total, self.done = callback, total, 0
        self._emit()

    def _emit(self) -> None:
        if self.callback is None:
            return
        try:
            self.callback(self.done, self.total)
        except Exception as exc:
            raise _CallbackError(exc) from exc

    def step(self, amount: int = 1) -> None:
        self.done = min(self.done + amount, self.total)
        self._emit()


def render_docx(
    report,
    out_path: str | Path,
    template: str | Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Render ``report`` as a Word document at ``out_path`` and return its path.

    ``template``: optional .docx/.dotx whose styles, page set-up, header and footer
    are kept (its body is dropped; only missing styles are added). Raises
    ExportError (one-line human message) when the template, a chart, the logo or
    the destination is unusable, or on any unexpected failure (chained). An
    exception raised by ``progress`` propagates unchanged.
    """
    target = check_target(out_path)
    try:
        sections = report.visible_sections()
        total = 1 + sum(_weight(b) for s in sections for b in s.blocks) + _SAVE_WEIGHT
        tracker = _Progress(progress, total)
        data = _build(report, sections, template, tracker)
        write_atomic(data, target)
    except _CallbackError as exc:
        raise exc.original from None
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(
            f"The document could not be built ({type(exc).__name__}: {exc}).",
            ExportError.OTHER, target,
        ) from exc
    return target


def _build(report, sections, template, tracker: _Progress) -> bytes:
    """The finished document as bytes (nothing touches the disk here)."""
    if template is not None and str(template).strip():
        document = open_template(template)
        own_look = False
    else:
        document = blank_document()
        own_look = True
    usable_w, usable_h = usable_size_twips(document.sections[0])
    ids = setup_styles(document, own_look=own_look, usable_twips=usable_w,
                       language=report.language)
    writer = BodyWriter(document, ids, usable_w, usable_h)
    writer.char_scale = 1.0 if own_look else 1.25
    charts = [b for s in sections for b in s.blocks if isinstance(b, Chart)]
    with contextlib.ExitStack() as stack:
        if worth_a_helper(len(charts)):
            with contextlib.suppress(OSError):  # no second process here: every chart is drawn in this one
                writer.charts = stack.enter_context(ChartHelper(charts, writer.draw_here))
        return _write(writer, document, report, sections, tracker, own_look)


def _write(writer, document, report, sections, tracker: _Progress, own_look: bool) -> bytes:
    step = tracker.step

    write_cover(writer, report,
                confidentiality_in_body=not cover_footer_is_free(document, not own_look))
    toc_heading = None
    if report.contents:
        toc_heading = write_toc_heading(writer, report.labels.get("contents", "Contents"))
        # Pages before the first section: the cover and the contents (~34 entries a page).
        entries = len(sections) + sum(
            1 for s in sections for b in s.blocks if isinstance(b, Heading) and b.level <= 2
        )
        writer.estimate.page = 1 + max(1, -(-(entries + 4) // 34))
    step()

    portrait = (writer.usable_w, writer.usable_h)
    landscape = landscape_usable_twips(document.sections[0])
    spans = []  # (first, last) body elements of each landscape section
    for section in sections:
        writer.usable_w, writer.usable_h = landscape if section.landscape else portrait
        first = writer.heading(section.title, 1, new_page=True)
        kept = {id(b) for b in _drop_useless_breaks(section.blocks)}
        for block in section.blocks:
            if id(block) in kept:
                writer.block(block)
            step(_weight(block))
        if section.landscape:
            spans.append((first, writer.last_element()))
    writer.usable_w, writer.usable_h = portrait

    if toc_heading is not None:
        fill_toc(writer, toc_heading)
    template_kept = write_header_footer(writer, report, keep_existing=not own_look)
    split_landscape(writer, report, spans, own_header=not template_kept)
    set_update_fields(document.settings.element)
    _set_properties(document, report)

    buffer = io.BytesIO()
    document.save(buffer)
    step(_SAVE_WEIGHT)  # writing the bytes atomically is quick
    return buffer.getvalue()


def _drop_useless_breaks(blocks) -> list:
    """Blocks minus page breaks that would leave an empty page or a lone heading:
    at the start or end of a section (sections already start on a new page) and
    repeated breaks."""
    kept: list = []
    for i, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            if not kept or isinstance(kept[-1], PageBreak) or i == len(blocks) - 1:
                continue
        kept.append(block)
    while kept and isinstance(kept[-1], PageBreak):
        kept.pop()
    return kept
