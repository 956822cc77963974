"""The arbitration charts, as functions returning a matplotlib Figure (no pyplot).

Readable from the back of a room and in print: labels of 12 pt and more, the app's
colours, no chart junk. matplotlib is imported inside each function.
"""

from __future__ import annotations

import textwrap
from typing import Sequence

DEEP_BLUE = "#1F3A5F"
TEAL = "#2A9D8F"
AMBER = "#E9A23B"
RED = "#D1495B"
GREY = "#8A96A3"
INK = "#1B1F24"
GRADE_COLOURS_6 = ("#A4303F", "#D1495B", "#E9A23B", "#C3BE4E", "#62B07A", "#2A9D8F")
DECISION_COLOURS = {"go": TEAL, "later": AMBER, "nogo": RED, "": GREY}


def _wrap(label: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(label, width)[:2]) or label


def _figure(width: float, height: float):
    from workshop_app.chart_theme import new_figure

    fig = new_figure(figsize=(width, height), dpi=100, facecolor="white")
    return fig


def _clean_axes(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#C4CBD4")
    ax.spines["bottom"].set_color("#C4CBD4")
    ax.tick_params(colors=INK, labelsize=13)


def grade_colours(count: int) -> list:
    """Red (worst) to green (best) for a scale of ``count`` grades."""
    if count == 6:
        return list(GRADE_COLOURS_6)
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("grades", [RED, AMBER, TEAL])
    return [cmap(i / max(1, count - 1)) for i in range(count)]


def ranking_chart(rows: Sequence[tuple], axis_label: str, title: str = "", top: int = 3,
                  limit: float | None = None, flag_text: str = "", show_scale: bool = True,
                  size: tuple[float, float] | None = None, note: str = ""):
    """Horizontal bars, best at the top.

    ``rows``: (label, value, value text, dissent flag[, colour]); without a colour the
    first ``top`` bars are teal, the others deep blue. ``show_scale=False`` hides the numeric
    axis (when the bar's text says it all, e.g. a majority grade). ``note``: a line under the
    chart (e.g. how many options are left out).
    """
    n = max(1, len(rows))
    fig = _figure(*(size or (11, max(3.2, 0.62 * n + 1.4))))
    ax = fig.add_subplot(111)
    labels = [_wrap(r[0]) for r in rows][::-1]
    values = [r[1] for r in rows][::-1]
    colours = [(r[4] if len(r) > 4 and r[4] else (TEAL if i < top else DEEP_BLUE)) for i, r in enumerate(rows)]
    bars = ax.barh(range(n), values, color=colours[::-1], height=0.66)
    ax.set_yticks(range(n), labels, fontsize=13)
    high = limit if limit is not None else (max(values, default=1) or 1)
    flagged = any(r[3] for r in rows) and flag_text
    ax.set_xlim(0, high * 1.25)
    texts = [r[2] + ("  ⚑" if r[3] and flag_text else "") for r in rows]
    if flagged:  # the flag's meaning once, above the bars, rather than after each flagged bar
        ax.text(1.0, 1.01, f"⚑ {flag_text}", transform=ax.transAxes, ha="right", va="bottom", fontsize=13,
                color=RED, fontweight="bold")
    for bar, row, text in zip(bars, rows[::-1], texts[::-1]):
        ax.text(bar.get_width() + high * 0.015, bar.get_y() + bar.get_height() / 2, text, va="center",
                fontsize=13, color=RED if row[3] else INK, fontweight="bold" if row[3] else "normal")
    ax.set_xlabel(note or axis_label, fontsize=13, color=GREY if note else INK,
                  fontstyle="italic" if note else "normal")
    _clean_axes(ax)
    if not show_scale:
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
    if title:
        ax.set_title(title, fontsize=16, color=DEEP_BLUE, loc="left", fontweight="bold")
    fig.tight_layout()
    _room_for_texts(ax, fig, [(r[1], text, bool(r[3])) for r, text in zip(rows, texts)], high * 0.015)
    return fig


def _room_for_texts(ax, fig, rows: Sequence[tuple[float, str, bool]], gap: float, size_pt: float = 13) -> None:
    """Widen the x axis so that each (bar end, text, bold) written after its bar ends inside the axes.

    Then no text runs past the figure's edge: the export crops the drawn figure instead of
    drawing it a second time to find where its content ends.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    engine = TextToPath()
    axes_in = ax.get_position().width * fig.get_figwidth()
    needed = ax.get_xlim()[1]
    for end, text, bold in rows:
        prop = FontProperties(size=size_pt, weight="bold" if bold else "normal")
        text_in = engine.get_text_width_height_descent(text, prop, ismath=False)[0] / 72 + 0.05
        share = text_in / axes_in
        if share < 0.9:
            needed = max(needed, (end + gap) / (1 - share))
    ax.set_xlim(0, needed)


def merit_profile_chart(rows: Sequence[tuple[str, Sequence[int]]], grades: Sequence[str], title: str = "",
                        median_text: str = "50 %", size: tuple[float, float] | None = None,
                        compact: bool = False, note: str = ""):
    """Majority judgment: one 100 % stacked bar per option (worst grade left), median line at 50 %.

    ``compact`` (the shared screen): three ticks and the legend on two rows; ``note``: a line
    under the chart.
    """
    n = max(1, len(rows))
    fig = _figure(*(size or (11, max(3.4, 0.62 * n + 2.0))))
    ax = fig.add_subplot(111)
    colours = grade_colours(len(grades))
    for i, (_label, profile) in enumerate(rows[::-1]):
        total = sum(profile) or 1
        left = 0.0
        for g, count in enumerate(profile):
            share = 100.0 * count / total
            if share:
                ax.barh(i, share, left=left, color=colours[g], height=0.7, edgecolor="white", linewidth=1)
                if share >= 8:
                    ax.text(left + share / 2, i, str(count), ha="center", va="center", fontsize=12,
                            color="white", fontweight="bold", zorder=5,
                            bbox=dict(boxstyle="square,pad=0.12", facecolor=colours[g], edgecolor="none"))
            left += share
    ax.axvline(50, color=INK, linewidth=2.2, linestyle=(0, (4, 3)), zorder=4)
    ax.set_yticks(range(n), [_wrap(r[0]) for r in rows][::-1], fontsize=13)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, n - 0.1)
    if compact:
        ax.set_xticks([0, 50, 100], ["0 %", f"50 % · {median_text}", "100 %"])
    else:
        ax.set_xticks([0, 25, 50, 75, 100], ["0 %", "25 %", f"50 % · {median_text}", "75 %", "100 %"])
    if note:
        ax.set_xlabel(note, fontsize=12, color=GREY, fontstyle="italic")
    _clean_axes(ax)
    from matplotlib.patches import Patch

    handles = [Patch(color=colours[g], label=name) for g, name in enumerate(grades)]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              ncol=-(-len(grades) // 2) if compact else min(6, len(grades)),
              frameon=False, fontsize=12, handlelength=1.2, columnspacing=1.2)
    if title:
        fig.suptitle(title, fontsize=16, color=DEEP_BLUE, x=0.02, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig


VALUE_EFFORT_SIZE = (12, 6.4)  # inches, in the report
KEY_PT = 12.5  # the numbered list beside the value/effort matrix
KEY_LINE = 1.6  # line height, in font sizes


def _key_lines_fit(height: float) -> int:
    """How many lines of the numbered list fit beside a matrix ``height`` inches tall."""
    return int(0.91 * height * 72 / (KEY_PT * KEY_LINE))


def value_effort_key_fits(count: int, size: tuple[float, float] | None = None) -> bool:
    """Whether the list naming ``count`` bubbles fits beside the matrix (else a table must name them)."""
    return count + 2 <= _key_lines_fit((size or VALUE_EFFORT_SIZE)[1])


def _fit_lines(text: str, chars: int, lines: int) -> str:
    """``text`` on at most ``lines`` lines of ``chars`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    if lines > 1:
        wrapped = textwrap.wrap(text, chars, max_lines=lines, placeholder="…", break_long_words=True)
        return "\n".join(wrapped)
    return text if len(text) <= chars else text[:max(1, chars - 1)].rstrip() + "…"


def value_effort_chart(points: Sequence[tuple[str, float, float, float, str]], value_label: str,
                       effort_label: str, quadrant_labels: Sequence[str] = (),
                       decision_labels: dict | None = None, title: str = "",
                       size: tuple[float, float] | None = None, numbers_note: str = ""):
    """One numbered bubble per initiative: (label, value 1..5, effort 1..5, weight 1..5, decision key).

    The numbers refer to a list beside the matrix, so close bubbles never hide each other's
    names; its names are cut to one line. When the list would not fit
    (``value_effort_key_fits``), the matrix takes the whole width, the decisions' colours
    are listed under it with ``numbers_note`` (where to read the names: the report adds a
    table), and no name is drawn over another.
    """
    width, height = size or VALUE_EFFORT_SIZE
    fig = _figure(width, height)
    with_key = value_effort_key_fits(len(points), (width, height))
    split = min(0.62, max(0.45, 1 - 4.6 / width)) if with_key else 0.97  # the list keeps about 4.6 inches
    bottom = 0.75 if with_key or not decision_labels else 1.25
    ax = fig.add_axes((0.9 / width, bottom / height, split - 1.1 / width, 1 - (bottom + 0.25) / height))
    ax.axvline(3, color="#C4CBD4", linewidth=1.2)
    ax.axhline(3, color="#C4CBD4", linewidth=1.2)
    if len(quadrant_labels) == 4:  # quick wins, big bets, fill-ins, money pits
        style = dict(fontsize=13, color=GREY, fontstyle="italic")
        ax.text(0.75, 5.4, quadrant_labels[0], ha="left", va="top", **style)
        ax.text(5.45, 5.4, quadrant_labels[1], ha="right", va="top", **style)
        ax.text(0.75, 0.65, quadrant_labels[2], ha="left", va="bottom", **style)
        ax.text(5.45, 0.65, quadrant_labels[3], ha="right", va="bottom", **style)
    placed = _nudged([(p[2], p[1]) for p in points])
    for number, ((label, _v, _e, weight, decision), (effort, value)) in enumerate(zip(points, placed), start=1):
        area = 320 + 420 * max(0.0, min(1.0, (weight - 1) / 4))
        ax.scatter([effort], [value], s=area, color=DECISION_COLOURS.get(decision, GREY), alpha=0.88,
                   edgecolors="white", linewidths=1.5, zorder=3)
        ax.text(effort, value, str(number), ha="center", va="center", fontsize=12, color="white",
                fontweight="bold", zorder=4)
    ax.set_xlim(0.6, 5.5)
    ax.set_ylim(0.55, 5.5)
    ax.set_xlabel(effort_label, fontsize=13, color=INK)
    ax.set_ylabel(value_label, fontsize=13, color=INK)
    _clean_axes(ax)
    if with_key:
        key = fig.add_axes((split + 0.02, 0.05, 0.97 - split, 0.91))
        key.axis("off")
        key.set_xlim(0, 1)
        key.set_ylim(0, 1)
        line = KEY_PT * KEY_LINE / (0.91 * height * 72)  # one line, in the key's height
        # Names on two lines when there is room for every one of them, else cut to one.
        lines = 2 if 2 * len(points) + 2 <= _key_lines_fit(height) else 1
        step = line * (1 + 0.78 * (lines - 1))
        chars = int(0.92 * (0.97 - split) * width * 72 * 0.95 / (KEY_PT * 0.5))  # glyphs average 0.5 em
        y = 1.0 - step / 2
        for number, (label, _value, _effort, _weight, decision) in enumerate(points, start=1):
            name = _fit_lines(label, chars, lines)
            key.text(0.0, y, f"{number}", fontsize=13, color=DECISION_COLOURS.get(decision, GREY),
                     fontweight="bold", va="center")
            key.text(0.08, y, name, fontsize=KEY_PT, color=INK, va="center", linespacing=1.15)
            y -= step
        legend_axes, legend_y, x = key, y - line / 2, 0.0
    else:
        legend_axes = fig.add_axes((0.9 / width, 0.1 / height, 1 - 1.1 / width, 0.35 / height))
        legend_axes.axis("off")
        legend_axes.set_xlim(0, 1)
        legend_axes.set_ylim(0, 1)
        legend_y, x = 0.5, 0.0
    if decision_labels:  # a coloured dot and its decision, side by side (positions in inches)
        inch = 1.0 / (((0.97 - split) if with_key else (1 - 1.1 / width)) * width)
        for decision, text in decision_labels.items():
            legend_axes.scatter([x + 0.09 * inch], [legend_y], s=140, color=DECISION_COLOURS.get(decision, GREY),
                                clip_on=False)
            legend_axes.text(x + 0.28 * inch, legend_y, text, fontsize=12, color=INK, va="center")
            x += (0.28 + 0.1 * len(text) + 0.23) * inch
    if numbers_note and not with_key:
        legend_axes.text(1.0, legend_y, numbers_note, fontsize=12, color=GREY, va="center", ha="right",
                         fontstyle="italic")
    if title:
        ax.set_title(title, fontsize=16, color=DEEP_BLUE, loc="left", fontweight="bold")
    return fig


def _nudged(xy: list[tuple[float, float]], gap: float = 0.16) -> list[tuple[float, float]]:
    """Near-equal positions moved sideways (by at most 1.5 × ``gap``) so that each bubble stays visible."""
    out: list[tuple[float, float]] = []
    for x, y in xy:
        shift = 0.0
        for attempt in range(6):
            if all(abs(x + shift - a) >= gap or abs(y - b) >= gap for a, b in out):
                break
            shift = gap * (attempt // 2 + 1) * (1 if attempt % 2 == 0 else -1) / 2
        out.append((x + shift, y))
    return out


def sensitivity_chart(rows: Sequence[tuple[str, int, int, int]], axis_label: str, held_text: str = "",
                      title: str = "", size: tuple[float, float] | None = None):
    """Rank of each option (label, rank, best, worst) and how far ±20 % weights move it."""
    n = max(1, len(rows))
    fig = _figure(*(size or (11, max(3.2, 0.6 * n + 1.4))))
    ax = fig.add_subplot(111)
    for i, (_label, rank, best, worst) in enumerate(rows[::-1]):
        held = best == worst
        colour = TEAL if held else AMBER
        ax.plot([best, worst], [i, i], color=colour, linewidth=8, solid_capstyle="round", alpha=0.6)
        ax.scatter([rank], [i], s=160, color=DEEP_BLUE, zorder=3)
        if held and held_text:
            ax.text(n + 0.6, i, held_text, va="center", fontsize=12, color=TEAL)
    ax.set_yticks(range(n), [_wrap(r[0]) for r in rows][::-1], fontsize=13)
    ax.set_xlim(0.5, n + 2.2)
    ax.set_xticks(range(1, n + 1))
    ax.set_xlabel(axis_label, fontsize=13, color=INK)
    _clean_axes(ax)
    if title:
        ax.set_title(title, fontsize=16, color=DEEP_BLUE, loc="left", fontweight="bold")
    fig.tight_layout()
    return fig
