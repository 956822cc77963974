"""A report chart drawn to PNG bytes: the only place the export touches matplotlib's drawing.

Free of python-docx and Qt, so the helper process (``exports.chart_worker``) can import
it quickly. matplotlib itself is imported when the first chart is drawn.
"""

from __future__ import annotations

import io
import sys

CHART_DPI = 200  # pixels per printed inch
PAD_INCHES = 0.1  # white margin around a chart's content, as savefig(bbox_inches="tight") leaves


def print_dpi(fig, block) -> float:
    """Pixels per figure inch giving CHART_DPI once the figure is scaled to its printed width.

    A figure drawn 11 inches wide and printed 16 cm wide needs ~115 dpi, not 200: saving
    it at 200 made pixels nobody sees and took three times as long (benchmarks/README.md).
    """
    width_in = max(float(fig.get_size_inches()[0]), 0.1)
    printed_in = block.width_cm / 2.54
    return max(100.0, CHART_DPI * min(1.0, printed_in / width_in))


def chart_png(block) -> bytes:
    """Draw a ``report.Chart`` block to PNG bytes; its errors propagate as they are."""
    fig = block.figure()
    try:
        return figure_png(fig, print_dpi(fig, block))
    finally:
        release(fig)


def figure_png(fig, dpi: float) -> bytes:
    """The figure as an RGB PNG cropped to its content, like ``savefig(bbox_inches="tight")``.

    savefig's tight box draws the figure twice (once to measure it); here it is drawn once
    and the picture cropped to the same box, which is about a third faster over a report's
    charts (benchmarks/README.md). A figure whose content reaches beyond its own edges is
    left to savefig, which enlarges the canvas to show it.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    fig.set_facecolor("white")
    canvas.draw()
    box = fig.get_tightbbox(canvas.get_renderer())  # inches
    width, height = canvas.get_width_height()
    inside = (box.x0 >= -0.5 / dpi and box.y0 >= -0.5 / dpi
              and box.x1 * dpi <= width + 0.5 and box.y1 * dpi <= height + 0.5)
    if not inside:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", pad_inches=PAD_INCHES,
                    facecolor="white")
        return buf.getvalue()
    pad = PAD_INCHES * dpi
    left, right = max(0, int(box.x0 * dpi - pad)), min(width, int(round(box.x1 * dpi + pad)))
    top, bottom = max(0, int(height - box.y1 * dpi - pad)), min(height, int(round(height - box.y0 * dpi + pad)))
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    picture = image.convert("RGB").crop((left, top, right, bottom))
    buf = io.BytesIO()
    picture.save(buf, format="png", dpi=(dpi, dpi), compress_level=1)
    return buf.getvalue()


def release(fig) -> None:
    """Free a figure; close it in pyplot only if pyplot created (and tracks) it."""
    try:
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None and getattr(fig.canvas, "manager", None) is not None:
            pyplot.close(fig)
        fig.clear()
    except Exception:
        pass
