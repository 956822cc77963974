"""The roadmap as a Gantt chart for the Word document: swimlanes by axis, quarters across.

Readable in print: the figure is drawn at the width it is printed (about 17 cm), so
font sizes are real sizes. Horizon bands are shaded, milestones are diamonds, and
initiatives are named in the left margin, under their axis.
"""

from __future__ import annotations

from workshop_app.i18n import N_, translate

from .logic import horizon_bands, pack_rows, quarter_short_label
from .store_ops import Roadmap

INK = "#1B1F24"
MUTED = "#5B6673"
DEEP_BLUE = "#1F3A5F"
BAND_COLOURS = ("#E3F1EF", "#F4F6F9", "#FBF1E1", "#F1F1F1")
NO_AXIS = "#8A96A3"
BAND_LABELS = {  # two short lines so the 6-month band's label fits above it
    "quick_wins": N_("Quick wins\n0–6 months"),
    "mid_term": N_("6–18\nmonths"),
    "long_term": N_("18–36\nmonths"),
    "beyond": N_("Beyond\n36 months"),
}


def _ink(colour: str) -> str:
    """A darker shade of an axis colour, for text on white (amber is unreadable as is)."""
    try:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return INK
    return "#{:02X}{:02X}{:02X}".format(int(r * 0.7), int(g * 0.7), int(b * 0.7))


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
        if len(lines[1]) > width:
            lines[1] = lines[1][: width - 1].rstrip() + "…"
    return "\n".join(lines)


def lanes(plan: Roadmap, language: str) -> list[tuple[str, str, list]]:
    """(axis name, colour, [(item, sub-row)]) for every axis that has placed initiatives."""
    result = []
    known = {a.id for a in plan.axes}
    groups = [(a.name, a.colour, [i for i in plan.items if i.initiative.axis_id == a.id]) for a in plan.axes]
    loose = [i for i in plan.items if i.initiative.axis_id not in known]
    if loose:
        groups.append((translate("Other initiatives", language), NO_AXIS, loose))
    for name, colour, items in groups:
        if items:
            rows = pack_rows((i.id, i.start, i.duration) for i in items)
            result.append((name, colour, sorted(((i, rows[i.id]) for i in items),
                                                key=lambda p: (p[1], p[0].start))))
    return result


# The figure's height in inches: a frame for quarters, years and bands, then per axis
# heading and per initiative row. Drawn 6.9 inches wide, it prints at its real size.
FRAME_IN, HEADING_IN, ROW_IN = 1.5, 0.36, 0.5
MAX_HEIGHT_IN = 8.2  # a part fills an A4 page at most (report.Chart.tall), caption included


def chart_height(groups: list) -> float:
    return FRAME_IN + ROW_IN * max(sum(len(items) for _n, _c, items in groups), 1) + HEADING_IN * len(groups)


def chart_parts(groups: list, max_height: float = MAX_HEIGHT_IN) -> list[list]:
    """The lanes cut into charts no taller than ``max_height``: an axis stays whole when it
    fits in one part, else it carries on in the next one."""
    per_part = max(1, int((max_height - FRAME_IN - HEADING_IN) / ROW_IN))  # rows under one heading
    parts: list[list] = [[]]
    for name, colour, items in groups:
        for start in range(0, len(items), per_part):
            chunk = (name, colour, items[start:start + per_part])
            if parts[-1] and chart_height(parts[-1] + [chunk]) > max_height:
                parts.append([])
            parts[-1].append(chunk)
    return [part for part in parts if part] or [[]]


POSTER_SIZE_IN = (10.0, 5.5)  # A4 landscape's text width; A3's scales it up by the same ratio
LABELS_IN = 2.76  # the left margin naming the initiatives


def poster_chart(plan: Roadmap, language: str):
    """The whole roadmap in one landscape figure (the one-page roadmap): the rows share the
    height, and the text shrinks only when there are too many rows to keep 10 pt."""
    return roadmap_chart(plan, language, size=POSTER_SIZE_IN)


def roadmap_chart(plan: Roadmap, language: str, groups: list | None = None,
                  size: tuple[float, float] | None = None):
    """A Gantt of the Go initiatives: one row per initiative, grouped by axis.

    ``groups``: the lanes to draw (one of ``chart_parts``); all of them by default.
    ``size``: the figure's (width, height) in inches; by default 6.9 inches wide and as
    tall as the rows need. A bar starting outside its decided horizon is marked ⚠.
    """
    from workshop_app.chart_theme import new_figure
    from matplotlib.patches import Rectangle

    tr = lambda text: translate(text, language)  # noqa: E731
    groups = lanes(plan, language) if groups is None else groups
    horizon = plan.horizon
    width, height = size if size is not None else (6.9, chart_height(groups))
    fig = new_figure(figsize=(width, height))
    bottom, top = 0.62 / height, 0.55 / height  # room for quarters and years, and band labels
    ax = fig.add_axes((LABELS_IN / width, bottom, 1 - (LABELS_IN + 0.14) / width, 1 - bottom - top))
    units = sum(0.8 + len(items) for _n, _c, items in groups) or 1.0
    row_pt = (height - 0.62 - 0.55) * 72 / units  # the printed height of one row, in points
    font = min(10.0, max(row_pt * 0.7, 5.0))
    # y positions, top to bottom, with a gap before each axis heading
    y, positions, headings = 0.0, [], []
    for name, colour, items in groups:
        headings.append((y, name, colour))
        y += 0.8
        for item, _row in items:
            positions.append((y, item, colour))
            y += 1.0
    total = max(y, 1.0)
    for index, (key, first, stop) in enumerate(horizon_bands(horizon)):
        ax.axvspan(first, stop, color=BAND_COLOURS[index % len(BAND_COLOURS)], zorder=0, lw=0)
        ax.annotate(tr(BAND_LABELS[key]), ((first + stop) / 2, 1), xycoords=("data", "axes fraction"),
                    xytext=(0, 8), textcoords="offset points", ha="center", va="bottom",
                    fontsize=10, color=DEEP_BLUE, fontweight="bold", linespacing=1.1, annotation_clip=False)
    for q in range(horizon + 1):
        ax.axvline(q, color="white" if q % 4 else "#C9D1DB", lw=0.8, zorder=1)
    for ypos, item, colour in positions:
        ax.add_patch(Rectangle((item.start + 0.06, ypos + 0.15), item.duration - 0.12, 0.7,
                               facecolor=colour, edgecolor="none", zorder=2))
        for m in item.milestones:
            ax.plot(m.quarter + 0.5, ypos + 0.5, marker="D", markersize=0.7 * font, color="white",
                    markeredgecolor=INK, markeredgewidth=1.0, zorder=4)
        mark = " ⚠" if getattr(item, "conflict", False) else ""
        if font >= 8:
            label = _wrap(item.title, 32) + mark
        else:  # small rows: one line, cut to what the margin holds at this size
            room = int((LABELS_IN - 0.2) * 72 / (font * 0.6)) - len(mark)
            label = (item.title if len(item.title) <= room else item.title[:room - 1].rstrip() + "…") + mark
        ax.text(-0.25, ypos + 0.5, label, ha="right", va="center", fontsize=font, color=INK, clip_on=False,
                linespacing=1.0)
    for ypos, name, colour in headings:
        ax.text(-0.25, ypos + 0.45, _wrap(name, 36).replace("\n", " "), ha="right", va="center",
                fontsize=font + 0.5, fontweight="bold", color=_ink(colour) if colour != NO_AXIS else MUTED,
                clip_on=False)
        ax.axhline(ypos + 0.05, color="#C9D1DB", lw=0.6, zorder=1)
    if not positions:
        ax.text(horizon / 2, 0.5, tr("No initiative placed yet."), ha="center", va="center",
                fontsize=11, color=MUTED)
    ax.set_xlim(0, horizon)
    ax.set_ylim(total, -0.05)
    ax.set_yticks([])
    ax.set_xticks([q + 0.5 for q in range(horizon)])
    ax.set_xticklabels([quarter_short_label(plan.start, q, language) for q in range(horizon)], fontsize=10)
    for year_start in range(horizon):
        q = plan.start.shifted(year_start)
        if q.quarter == 1 or year_start == 0:
            span = min(5 - q.quarter, horizon - year_start)
            ax.annotate(str(q.year), (year_start + span / 2, 0), xycoords=("data", "axes fraction"),
                        xytext=(0, -19), textcoords="offset points", ha="center", va="top",
                        fontsize=11, fontweight="bold", color=INK, annotation_clip=False)
    ax.tick_params(axis="x", length=0, pad=3)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig
