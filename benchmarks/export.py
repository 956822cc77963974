"""The full Word export of the large seminar, beside its bare reference.

Export (child): ``build_report`` then ``render_docx``, timed from before importing the
renderer, so the first export's imports (python-docx, matplotlib) count, as they do
for the user's first export in a session.

Reference (child): the same imports, the same charts drawn by the same factories and
saved to PNG as the renderer does (200 dpi, tight box), and a plain python-docx
document with the same headings, paragraphs, bullet items, tables (same rows and
cells), cards (as 2-column tables) and pictures, saved to a file. The report is built
before the clock starts, only to know what to draw and write.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from .common import Context, Figure, child, median

TARGET_S = 3.0
TARGET_RATIO = 1.3
CHART_DPI = 200


def _open(path: str):
    from workshop_app.store import open_store

    return open_store(path, read_only=True)


def export(args: list[str]) -> dict:
    """Child: the export as the app runs it."""
    store = _open(args[0])
    out = Path(args[1])
    charts: list[float] = []
    here: list[int] = []
    start = time.perf_counter()
    from exports import docx_blocks
    from exports.docx_renderer import render_docx
    from exports.report_builder import build_report

    chart, draw_here = docx_blocks.BodyWriter.chart, docx_blocks.BodyWriter.draw_here

    def timed(self, block):  # the export's time for a chart: drawn here, or waited for
        t = time.perf_counter()
        try:
            return chart(self, block)
        finally:
            charts.append(time.perf_counter() - t)

    def counted(self, block):
        here.append(1)
        return draw_here(self, block)

    docx_blocks.BodyWriter.chart, docx_blocks.BodyWriter.draw_here = timed, counted
    imported = time.perf_counter()
    report = build_report(store)
    built = time.perf_counter()
    render_docx(report, out)
    end = time.perf_counter()
    return {"total_s": end - start, "imports_s": imported - start, "build_report_s": built - imported,
            "render_s": end - built, "charts_s": sum(charts), "charts": len(charts), "charts_here": len(here),
            "bytes": out.stat().st_size}


def reference(args: list[str]) -> dict:
    """Child: the bare cost of the same charts and a python-docx document of the same size."""
    store = _open(args[0])
    out = Path(args[1])
    from exports.report_builder import build_report
    from workshop_app.report import BulletList, Card, Chart, Heading, PageBreak, Paragraph, Table

    report = build_report(store)
    blocks = [b for s in report.visible_sections() for b in [Heading(s.title, 0)] + list(s.blocks)]
    start = time.perf_counter()
    import docx
    from docx.shared import Cm
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    pngs = []
    for block in blocks:
        if isinstance(block, Chart):
            fig = block.figure()
            FigureCanvasAgg(fig)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=CHART_DPI, bbox_inches="tight", facecolor="white")
            pngs.append(buf.getvalue())
    drawn = time.perf_counter()
    document = docx.Document()
    document.add_heading(report.title, 0)
    counts = {"paragraphs": 0, "tables": 0, "rows": 0, "pictures": 0}
    images = iter(pngs)

    def table(header: tuple, rows: tuple) -> None:
        grid = document.add_table(rows=len(rows) + 1, cols=max(1, len(header)))
        for row, values in zip(grid.rows, (header,) + tuple(rows)):
            for cell, text in zip(row.cells, values):
                cell.text = str(text)
        counts["tables"] += 1
        counts["rows"] += len(rows) + 1

    def paragraph(text: str, style: str | None = None) -> None:
        document.add_paragraph(text, style=style)
        counts["paragraphs"] += 1

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, min(block.level + 1, 4))
            counts["paragraphs"] += 1
        elif isinstance(block, Paragraph):
            paragraph(block.text)
        elif isinstance(block, BulletList):
            for item in block.items:
                paragraph(item, "List Bullet")
        elif isinstance(block, Table):
            table(block.columns, block.rows)
            if block.caption:
                paragraph(block.caption, "Caption")
        elif isinstance(block, Card):
            table((block.title, block.subtitle), block.fields)
        elif isinstance(block, Chart):
            document.add_picture(io.BytesIO(next(images)), width=Cm(block.width_cm))
            counts["pictures"] += 1
            paragraph(block.caption, "Caption")
        elif isinstance(block, PageBreak):
            document.add_page_break()
    document.save(str(out))
    end = time.perf_counter()
    return {"total_s": end - start, "charts_s": drawn - start, "document_s": end - drawn, **counts,
            "bytes": out.stat().st_size}


def warm_up(_args: list[str]) -> dict:
    """Child: build matplotlib's font list, once per installation on a user's machine.

    The children share a private MPLCONFIGDIR that starts empty; without this, the first
    export of a run would also time the scan of the system's fonts (about a second).
    """
    start = time.perf_counter()
    from matplotlib import font_manager

    font_manager.findfont("DejaVu Sans")
    return {"seconds": time.perf_counter() - start}


def run(ctx: Context) -> list[Figure]:
    warm = child(ctx, "export-warm-up")
    ctx.note(f"matplotlib's font list built first (once per installation): {warm['seconds']:.2f} s")
    exports, references = [], []
    for n in ctx.runs(3, 1, budget_s=60):  # alternating, so both see the same machine
        exports.append(child(ctx, "export", str(ctx.large), str(ctx.folder / f"export-{n}.docx"), timeout=240))
        references.append(child(ctx, "export-reference", str(ctx.large), str(ctx.folder / f"reference-{n}.docx"),
                                timeout=240))
    full = median([e["total_s"] for e in exports])
    bare = median([r["total_s"] for r in references])
    last, ref = exports[-1], references[-1]
    ctx.note(f"export: imports {last['imports_s']:.2f} s, build_report {last['build_report_s']:.2f} s, "
             f"render {last['render_s']:.2f} s of which {last['charts']} charts {last['charts_s']:.2f} s "
             f"({last['charts_here']} drawn by the export, the others by its helper process); "
             f"{last['bytes'] // 1024} KiB")
    ctx.note(f"reference: charts {ref['charts_s']:.2f} s, document {ref['document_s']:.2f} s "
             f"({ref['paragraphs']} paragraphs, {ref['tables']} tables, {ref['rows']} rows, "
             f"{ref['pictures']} pictures); {ref['bytes'] // 1024} KiB")
    return [Figure("export.word", full, "s", TARGET_S),
            Figure("export.reference", bare, "s"),
            Figure("export.ratio", full / bare, "x", TARGET_RATIO),
            Figure("export.build_report", median([e["build_report_s"] for e in exports]), "s"),
            Figure("export.charts", median([e["charts_s"] for e in exports]), "s")]
