"""The trend map: a bubble chart of the rated trends, for the shared screen and the report.

x = time horizon, y = relevance to our strategic segments, bubble size = number of
raters, colour = place on the usage life cycle, a thick ring = retained. Each bubble
carries its rank; its title is placed beside it where it collides least with the others.
matplotlib is imported inside the functions, never when the app starts.
"""

from __future__ import annotations

import math
import textwrap

from workshop_app.i18n import translate

from .logic import HORIZONS, LIFECYCLES, TrendResult, horizon_label, lifecycle_label

DEEP_BLUE, TEAL, AMBER, RED, GREY = "#1F3A5F", "#2A9D8F", "#E9A23B", "#D1495B", "#8A96A3"
LIFECYCLE_COLOURS = {"innovation": TEAL, "basic": AMBER, "missing": RED}

# Margins around the plot, in inches (fixed so label placement knows the plot's size).
_LEFT, _RIGHT, _TOP, _BOTTOM = 1.0, 0.3, 0.35, 1.35


def _palette(dark: bool) -> dict:
    if dark:
        return {"face": DEEP_BLUE, "ink": "white", "muted": "#C9D6E3", "grid": "#3E5E86",
                "ring": "white", "edge": DEEP_BLUE}
    return {"face": "white", "ink": "#1B1F24", "muted": "#5B6673", "grid": "#D5DAE1",
            "ring": DEEP_BLUE, "edge": "white"}


def _bubble_area(raters: int, scale: float) -> float:
    """Marker area in pt² (matplotlib's ``s``); grows with the number of raters."""
    return (260 + 110 * max(raters, 1)) * scale ** 2


def _short_title(title: str, width: int = 24) -> str:
    lines = textwrap.wrap(title, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height of a (multi-line) label in points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=size)
    engine = TextToPath()
    lines = text.split("\n")
    width = max(engine.get_text_width_height_descent(line or " ", prop, ismath=False)[0]
                for line in lines)
    return width, len(lines) * size * 1.25


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _spread(points: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    """Move apart bubbles that sit on the same spot: side by side, centred on the spot."""
    placed = list(points)
    clusters: list[list[int]] = []
    for i, (x, y) in sorted(enumerate(points), key=lambda p: (p[1][0], p[1][1])):
        for cluster in clusters:
            cx, cy = points[cluster[0]]
            if abs(x - cx) < step * 0.8 and abs(y - cy) < 0.25:
                cluster.append(i)
                break
        else:
            clusters.append([i])
    for cluster in clusters:
        n = len(cluster)
        for k, i in enumerate(cluster):
            x, y = points[i]
            placed[i] = (x + (k - (n - 1) / 2) * step, y)
    return placed


def _place_labels(anchors, radii, sizes, box) -> list[tuple[float, float, str, str]]:
    """Choose, bubble by bubble, the spot around it where its label overlaps the least.

    ``anchors`` and ``radii`` are in points within the plot ``box`` (x0, y0, x1, y1);
    returns (dx, dy, ha, va) offsets in points for each label.
    """
    obstacles = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(anchors, radii)]
    chosen = []
    for (x, y), r, (w, h) in zip(anchors, radii, sizes):
        best = None
        for ring in (4, 14, 30):
            d = r + ring
            candidates = [(d, 0, "left", "center"), (-d, 0, "right", "center"),
                          (0, d, "center", "bottom"), (0, -d, "center", "top"),
                          (d * 0.75, d * 0.75, "left", "bottom"), (d * 0.75, -d * 0.75, "left", "top"),
                          (-d * 0.75, d * 0.75, "right", "bottom"), (-d * 0.75, -d * 0.75, "right", "top")]
            for dx, dy, ha, va in candidates:
                x0 = x + dx - (w if ha == "right" else w / 2 if ha == "center" else 0)
                y0 = y + dy - (h if va == "top" else h / 2 if va == "center" else 0)
                rect = (x0, y0, x0 + w, y0 + h)
                outside = (max(0, box[0] - rect[0]) + max(0, rect[2] - box[2])
                           + max(0, box[1] - rect[1]) + max(0, rect[3] - box[3])) * h * 4
                cost = outside + sum(_overlap(rect, o) for o in obstacles) + ring * 2
                if best is None or cost < best[0]:
                    best = (cost, (dx, dy, ha, va), rect)
            if best[0] <= ring * 2:
                break
        chosen.append(best[1])
        obstacles.append(best[2])
    return chosen


def trend_map_figure(results: list[TrendResult], language: str, dark: bool = False,
                     size: tuple[float, float] = (9.0, 6.0), scale: float = 1.0):
    """The trend map of the rated trends (those with a relevance and a horizon)."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    colours = _palette(dark)
    tr = lambda text: translate(text, language)  # noqa: E731
    width, height = size
    fig = Figure(figsize=size, facecolor=colours["face"])
    fig.subplots_adjust(left=_LEFT * scale / width, right=1 - _RIGHT / width,
                        top=1 - _TOP / height, bottom=_BOTTOM * scale / height)
    ax = fig.add_subplot()
    ax.set_facecolor(colours["face"])
    ax.set_xlim(-0.5, len(HORIZONS) - 0.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(len(HORIZONS)), [horizon_label(h, language) for h in HORIZONS])
    ax.set_yticks(range(1, 6))
    ax.tick_params(colors=colours["ink"], labelsize=13 * scale, length=0)
    ax.set_xlabel(tr("Time horizon"), color=colours["muted"], fontsize=14 * scale)
    ax.set_ylabel(tr("Relevance for our segments"), color=colours["muted"], fontsize=14 * scale)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(colours["grid"])
    for x in (0.5, 1.5):
        ax.axvline(x, color=colours["grid"], linewidth=1, zorder=0)
    ax.yaxis.grid(True, color=colours["grid"], linewidth=0.8, zorder=0)

    shown = [(rank, r) for rank, r in enumerate(results, start=1)
             if r.relevance is not None and r.horizon_position is not None]
    if not shown:
        ax.text(1, 3, tr("No trend rated yet"), ha="center", va="center",
                color=colours["muted"], fontsize=16 * scale)
        return fig

    # Points per data unit, to move bubbles and labels in points.
    plot_w = (width - (_LEFT * scale + _RIGHT)) * 72
    plot_h = (height - (_TOP + _BOTTOM * scale)) * 72
    per_x, per_y = plot_w / len(HORIZONS), plot_h / 5.0
    room = max(r.raters for _rank, r in shown)
    counts = [room if r.consensus is not None else r.raters for _rank, r in shown]
    areas = [_bubble_area(n, scale) for n in counts]
    radii = [math.sqrt(a / math.pi) for a in areas]
    step = (2 * max(radii) + 4) / per_x
    points = _spread([(r.horizon_position, float(r.relevance)) for _rank, r in shown], step)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    fill = [LIFECYCLE_COLOURS.get(r.lifecycle, GREY) for _rank, r in shown]
    rings = [colours["ring"] if r.trend.retained else colours["edge"] for _rank, r in shown]
    widths = [3.5 * scale if r.trend.retained else 1.2 for _rank, r in shown]
    ax.scatter(xs, ys, s=areas, c=fill, edgecolors=rings, linewidths=widths, zorder=3, alpha=0.95)
    for (x, y), (rank, _r) in zip(points, shown):
        ax.text(x, y, str(rank), ha="center", va="center", color="white", fontsize=11 * scale,
                fontweight="bold", zorder=4)

    label_size = 12 * scale
    labels = [_short_title(r.trend.title) for _rank, r in shown]
    sizes = [_text_size(text, label_size) for text in labels]
    anchors = [((x + 0.5) * per_x, (y - 0.5) * per_y) for x, y in points]
    offsets = _place_labels(anchors, radii, sizes, (0, 0, plot_w, plot_h))
    for (x, y), text, (dx, dy, ha, va), (_rank, r) in zip(points, labels, offsets, shown):
        far = abs(dx) + abs(dy) > 2 * max(radii) + 24
        ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                    fontsize=label_size, color=colours["ink"], zorder=5,
                    fontweight="bold" if r.trend.retained else "normal", linespacing=1.05,
                    arrowprops={"arrowstyle": "-", "color": colours["muted"], "linewidth": 0.8}
                    if far else None)

    handles = [Line2D([], [], marker="o", linestyle="", markersize=13 * scale,
                      markerfacecolor=LIFECYCLE_COLOURS[c], markeredgecolor=colours["edge"],
                      label=lifecycle_label(c, language)) for c in LIFECYCLES]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=13 * scale,
                          markerfacecolor="none", markeredgecolor=colours["ring"],
                          markeredgewidth=3 * scale, label=tr("Retained")))
    legend = fig.legend(handles=handles, loc="lower center", ncols=len(handles), frameon=False,
                        fontsize=12 * scale, bbox_to_anchor=(0.5, 0.0), handletextpad=0.3,
                        columnspacing=1.4)
    for text in legend.get_texts():
        text.set_color(colours["ink"])
    fig.text(1 - _RIGHT / width, 0.01 + 0.3 / height, tr("Bubble size: number of raters"),
             ha="right", va="bottom", fontsize=10 * scale, color=colours["muted"])
    return fig
