"""The trend map: a bubble chart of the rated trends, for the shared screen and the report.

x = time horizon, y = relevance to our strategic segments, bubble size = number of
raters, colour = place on the usage life cycle, a thick ring = retained. Each bubble
carries its rank; its title is placed beside it where it collides least with the others.
matplotlib is imported inside the functions, never when the app starts.
"""

from __future__ import annotations

import itertools
import math
import textwrap

from workshop_app.i18n import translate

from .logic import HORIZONS, LIFECYCLES, TrendResult, horizon_label, lifecycle_label

DEEP_BLUE, TEAL, AMBER, RED, GREY = "#1F3A5F", "#2A9D8F", "#E9A23B", "#D1495B", "#8A96A3"
LIFECYCLE_COLOURS = {"innovation": TEAL, "basic": AMBER, "missing": RED}

# Margins around the plot, in inches (fixed so label placement knows the plot's size).
_LEFT, _RIGHT, _TOP, _BOTTOM = 1.0, 0.45, 0.45, 1.35
_Y_MIN, _Y_MAX = 0.5, 5.6  # relevance axis, with head room for the labels of the top trends
# Label wrappings tried, as (characters per line, lines at most); the first is preferred.
_WRAPS = ((19, 3), (30, 2), (13, 4))


def _palette(dark: bool) -> dict:
    if dark:
        return {"face": DEEP_BLUE, "ink": "white", "muted": "#C9D6E3", "grid": "#3E5E86",
                "ring": "white", "edge": DEEP_BLUE}
    return {"face": "white", "ink": "#1B1F24", "muted": "#5B6673", "grid": "#D5DAE1",
            "ring": DEEP_BLUE, "edge": "white"}


def _bubble_area(raters: int, scale: float) -> float:
    """Marker area in pt² (matplotlib's ``s``); grows with the number of raters."""
    return (200 + 75 * max(raters, 1)) * scale ** 2


def _short_title(title: str, width: int = 19, lines: int = 3) -> str:
    wrapped = textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines - 1] + [
            textwrap.shorten(" ".join(wrapped[lines - 1:]), width, placeholder="…")]
    return "\n".join(wrapped)


def _text_size(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height of a (multi-line) label in points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    engine = TextToPath()
    lines = text.split("\n")
    width = max(engine.get_text_width_height_descent(line or " ", prop, ismath=False)[0]
                for line in lines)
    return width, len(lines) * size * 1.25


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _clash(rect, boxes, limit: float) -> float:
    """The area ``rect`` shares with ``boxes`` (``_overlap`` summed), given up once over ``limit``.

    The hottest loop of label placement: inlined, and stopped early, it is several times faster.
    """
    x0, y0, x1, y1 = rect
    total = 0.0
    for b0, c0, b1, c1 in boxes:
        dx = (x1 if x1 < b1 else b1) - (x0 if x0 > b0 else b0)
        if dx <= 0:
            continue
        dy = (y1 if y1 < c1 else c1) - (y0 if y0 > c0 else c0)
        if dy <= 0:
            continue
        total += dx * dy
        if total > limit:
            break
    return total


def _separate(anchors: list[tuple[float, float]], radii: list[float], x_range: tuple[float, float],
              gap: float = 3.0) -> list[tuple[float, float]]:
    """Push overlapping bubbles apart sideways only (height is the relevance: it stays put).

    Works in points; a fixed number of passes keeps it deterministic and fast.
    """
    xs = [x for x, _y in anchors]
    ys = [y for _x, y in anchors]
    for _ in range(200):
        moved = False
        for i in range(len(xs)):
            for j in range(i + 1, len(xs)):
                need = radii[i] + radii[j] + gap
                dy = ys[j] - ys[i]
                if abs(dy) >= need:
                    continue
                dx = xs[j] - xs[i]
                room = math.sqrt(need * need - dy * dy)
                if abs(dx) >= room - 1e-6:
                    continue
                push = (room - abs(dx)) / 2 + 0.01
                sign = 1 if (dx > 0 or (dx == 0 and i < j)) else -1
                xs[i] -= sign * push
                xs[j] += sign * push
                moved = True
        xs = [min(max(x, x_range[0] + r), x_range[1] - r) for x, r in zip(xs, radii)]
        if not moved:
            break
    return list(zip(xs, ys))


# Directions tried around a bubble: sideways first (easiest to read), then every 15°.
_ANGLES = (0, 180) + tuple(a for a in range(15, 360, 15) if a != 180)
_DIRECTIONS = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in _ANGLES]


def _crossings(start, end, boxes) -> int:
    """How many boxes the segment start→end passes through (sampled every few points)."""
    steps = max(2, int(math.dist(start, end) / 4))
    lo_x, hi_x = min(start[0], end[0]), max(start[0], end[0])
    lo_y, hi_y = min(start[1], end[1]), max(start[1], end[1])
    near = [b for b in boxes if b[0] <= hi_x and b[2] >= lo_x and b[1] <= hi_y and b[3] >= lo_y]
    hit = set()
    for k in range(1, steps):
        if len(hit) == len(near):
            break
        t = k / steps
        px, py = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        hit.update(i for i, b in enumerate(near) if b[0] <= px <= b[2] and b[1] <= py <= b[3])
    return len(hit)


def _segments_cross(a, b, c, d) -> bool:
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _label_rect(x, y, w, h, ux, uy, d) -> tuple[tuple[float, float, float, float], str, str]:
    """The box of a label whose nearest corner/edge sits at distance ``d`` in direction (ux, uy)."""
    ha = "left" if ux > 0.3 else "right" if ux < -0.3 else "center"
    va = "bottom" if uy > 0.3 else "top" if uy < -0.3 else "center"
    px, py = x + ux * d, y + uy * d
    x0 = px - (w if ha == "right" else w / 2 if ha == "center" else 0)
    y0 = py - (h if va == "top" else h / 2 if va == "center" else 0)
    return (x0, y0, x0 + w, y0 + h), ha, va


def _gap(rect, circle) -> float:
    """Distance in points from a label box to the edge of a bubble (x, y, r)."""
    x, y, r = circle
    dx = max(rect[0] - x, 0.0, x - rect[2])
    dy = max(rect[1] - y, 0.0, y - rect[3])
    return math.hypot(dx, dy) - r


_RINGS = (3, 12, 26, 44, 66, 92, 124, 160)  # distances tried between a bubble and its label, in points


def _best_spot(own: int, circles, variants, box, labels, lines):
    """The nearest free spot for bubble ``own``'s label, or None.

    Returns ((variant, (dx, dy, ha, va), leader), rect, line-or-None). Free: inside ``box``,
    covering no bubble nor label (but a sliver), its leader line crossing no other bubble,
    label or line. A label nearer to another bubble than to its own gets a leader line.
    """
    x, y, r = circles[own]
    bubbles = [(cx - cr, cy - cr, cx + cr, cy + cr) for cx, cy, cr in circles]
    obstacles = bubbles + labels
    others = [o for k, o in enumerate(obstacles) if k != own]
    best = None
    for ring in _RINGS:
        for (ux, uy), (variant, (w, h)) in itertools.product(_DIRECTIONS, enumerate(variants)):
            d = r + ring
            rect, ha, va = _label_rect(x, y, w + 8, h + 4, ux, uy, d)
            if rect[0] < box[0] or rect[1] < box[1] or rect[2] > box[2] or rect[3] > box[3]:
                continue
            clash = _clash(rect, obstacles, 6)
            if clash > 6:
                continue
            mine = _gap(rect, circles[own])
            unclear = any(_gap(rect, c) < mine + 4 for k, c in enumerate(circles) if k != own)
            line = None
            if ring > 12 or unclear:
                line = ((x + ux * r, y + uy * r), (x + ux * d, y + uy * d))
                if _crossings(*line, others) or any(_segments_cross(*line, *o) for o in lines):
                    continue
            cost = ring * 3 + (0 if abs(uy) < 0.3 else 8) + clash + variant * 2 + 30 * unclear
            if best is None or cost < best[0]:
                best = (cost, (variant, (ux * d, uy * d, ha, va), line is not None), rect, line)
        if best is not None:
            break
    return None if best is None else best[1:]


def _place_labels(anchors, radii, variants, box) -> list[tuple | None]:
    """Place each label at the nearest spot where it covers nothing, most relevant trends
    first; a few more passes move each label again knowing where the others are. A label
    with no free spot is left out: its bubble keeps its rank, which the ranked list explains.

    ``anchors``/``radii`` are in points in the plot ``box`` (x0, y0, x1, y1).
    ``variants[i]`` lists the (width, height) of label i's wrappings. Returns, per label,
    (variant, (dx, dy, ha, va), leader line?) with the offset in points, or None.
    """
    circles = [(x, y, r) for (x, y), r in zip(anchors, radii)]
    spots: list = [None] * len(anchors)
    for _ in range(3):
        for i, sizes in enumerate(variants):
            others = [s for j, s in enumerate(spots) if j != i and s is not None]
            spots[i] = _best_spot(i, circles, sizes, box, [s[1] for s in others],
                                  [s[2] for s in others if s[2]])
    return [s[0] if s else None for s in spots]


def trend_map_figure(results: list[TrendResult], language: str, dark: bool = False,
                     size: tuple[float, float] = (9.0, 6.0), scale: float = 1.0,
                     text_scale: float | None = None):
    """The trend map of the rated trends (those with a relevance and a horizon).

    ``scale`` sizes the bubbles and margins; ``text_scale`` (default: ``scale``) the text,
    so the shared screen can have text read from 12 m on bubbles that still fit: the
    bubbles then grow just enough to hold their rank, and labels that find no room are
    left out (the ranking lists every trend).
    """
    t = scale if text_scale is None else text_scale
    room = t > scale
    from workshop_app.chart_theme import new_figure
    from matplotlib.lines import Line2D

    colours = _palette(dark)
    tr = lambda text: translate(text, language)  # noqa: E731
    width, height = size
    two_rows = width < 11 or room
    bottom = 1.05 * t if room else (_BOTTOM + 0.3 if two_rows else _BOTTOM) * scale
    left = _LEFT * (t * 0.8 if room else scale)
    fig = new_figure(figsize=size, facecolor=colours["face"])
    fig.subplots_adjust(left=left / width, right=1 - _RIGHT / width,
                        top=1 - _TOP / height, bottom=bottom / height)
    ax = fig.add_subplot()
    ax.set_facecolor(colours["face"])
    ax.set_xlim(-0.5, len(HORIZONS) - 0.5)
    ax.set_ylim(_Y_MIN, _Y_MAX)
    ax.set_xticks(range(len(HORIZONS)), [horizon_label(h, language) for h in HORIZONS])
    ax.set_yticks(range(1, 6))
    ax.tick_params(colors=colours["ink"], labelsize=13 * t, length=0)
    ax.set_xlabel(tr("Time horizon"), color=colours["muted"], fontsize=14 * t)
    y_label = tr("Relevance for our segments")
    ax.set_ylabel(textwrap.fill(y_label, 16) if room else y_label, color=colours["muted"], fontsize=14 * t,
                  linespacing=1.0)
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
                color=colours["muted"], fontsize=16 * t)
        return fig

    # Points per data unit, to move bubbles and labels in points.
    plot_w = (width - (left + _RIGHT)) * 72
    plot_h = (height - (_TOP + bottom)) * 72
    per_x, per_y = plot_w / len(HORIZONS), plot_h / (_Y_MAX - _Y_MIN)
    room = max(r.raters for _rank, r in shown)
    counts = [room if r.consensus is not None else r.raters for _rank, r in shown]
    fits_rank = math.pi * (0.62 * 11 * t) ** 2 if room else 0.0  # a bubble holds its rank
    areas = [max(_bubble_area(n, scale), fits_rank) for n in counts]
    radii = [math.sqrt(a / math.pi) for a in areas]
    raw = [((r.horizon_position + 0.5) * per_x, (float(r.relevance) - _Y_MIN) * per_y)
           for _rank, r in shown]
    anchors = _separate(raw, radii, (0.0, plot_w))
    points = [(ax_ / per_x - 0.5, ay / per_y + _Y_MIN) for ax_, ay in anchors]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    fill = [LIFECYCLE_COLOURS.get(r.lifecycle, GREY) for _rank, r in shown]
    rings = [colours["ring"] if r.trend.retained else colours["edge"] for _rank, r in shown]
    widths = [3.5 * scale if r.trend.retained else 1.2 for _rank, r in shown]
    ax.scatter(xs, ys, s=areas, c=fill, edgecolors=rings, linewidths=widths, zorder=3, alpha=0.95)
    for (x, y), (rank, _r) in zip(points, shown):
        ax.text(x, y, str(rank), ha="center", va="center", color="white", fontsize=11 * t,
                fontweight="bold", zorder=4)

    label_size = 12 * t
    labels = [[_short_title(r.trend.title, *wrap) for wrap in _WRAPS] for _rank, r in shown]
    sizes = [[_text_size(text, label_size, r.trend.retained) for text in texts]
             for texts, (_rank, r) in zip(labels, shown)]
    box = (0, 0, plot_w + _RIGHT * 72 - 4, plot_h + _TOP * 72 - 4)
    offsets = _place_labels(anchors, radii, sizes, box)
    for (x, y), texts, spot, (_rank, r), radius in zip(points, labels, offsets, shown, radii):
        if spot is None:
            continue
        variant, (dx, dy, ha, va), leader = spot
        text = texts[variant]
        ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                    fontsize=label_size, color=colours["ink"], zorder=2 if leader else 5,
                    fontweight="bold" if r.trend.retained else "normal", linespacing=1.05,
                    arrowprops={"arrowstyle": "-", "color": colours["muted"], "linewidth": 0.9,
                                "shrinkA": 2, "shrinkB": radius}
                    if leader else None)

    handles = [Line2D([], [], marker="o", linestyle="", markersize=13 * t,
                      markerfacecolor=LIFECYCLE_COLOURS[c], markeredgecolor=colours["edge"],
                      label=lifecycle_label(c, language)) for c in LIFECYCLES]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=13 * t,
                          markerfacecolor="none", markeredgecolor=colours["ring"],
                          markeredgewidth=3 * scale, label=tr("Retained")))
    if not room:  # on the shared screen bubbles are sized to hold their rank: no size key
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=18 * t,
                              markerfacecolor="none", markeredgecolor=colours["muted"],
                              markeredgewidth=1, label=tr("Size: number of raters")))
    legend = fig.legend(handles=handles, loc="lower center", ncols=2 if room else 3 if two_rows else len(handles),
                        frameon=False,
                        fontsize=12 * t, bbox_to_anchor=(0.5, 0.0), handletextpad=0.3,
                        columnspacing=1.2)
    for text in legend.get_texts():
        text.set_color(colours["ink"])
    return fig
