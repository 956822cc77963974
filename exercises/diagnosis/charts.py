"""The self-diagnosis radar: the room's mean per characteristic and its min–max spread.

Internal levers and external qualities sit on two arcs of the circle, each with its own
colour (label and background); the three weakest characteristics are marked in red.
matplotlib is imported inside the function, never when the app starts.
"""

from __future__ import annotations

import math
import textwrap

from workshop_app.i18n import translate

from .logic import CharacteristicResult

DEEP_BLUE, TEAL, AMBER, RED = "#1F3A5F", "#2A9D8F", "#E9A23B", "#D1495B"
GROUP_COLOURS = {"internal": AMBER, "external": TEAL}


def _palette(dark: bool) -> dict:
    if dark:
        return {"face": DEEP_BLUE, "ink": "white", "muted": "#C9D6E3", "grid": "#4A6A90",
                "mean": "white", "band": "#8FB8DE", "weak": "#FF8A94"}
    return {"face": "white", "ink": "#1B1F24", "muted": "#5B6673", "grid": "#C9D0D8",
            "mean": DEEP_BLUE, "band": "#6C8EBF", "weak": RED}


def radar_figure(results: list[CharacteristicResult], language: str,
                 weakest_keys: tuple[str, ...] = (), dark: bool = False,
                 size: tuple[float, float] = (9.0, 8.0), scale: float = 1.0,
                 text_scale: float | None = None):
    """The radar of the rated characteristics (all 14, in the file's order).

    ``text_scale`` (default ``scale``): larger text for the shared screen; the circle then
    shrinks to leave its labels room, shorter wrapped, and the legend is left out (the
    view names the weakest points beside the chart).
    """
    t = scale if text_scale is None else text_scale
    room = t > scale
    from workshop_app.chart_theme import new_figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    colours = _palette(dark)
    tr = lambda text: translate(text, language)  # noqa: E731
    fig = new_figure(figsize=size, facecolor=colours["face"])
    wrap = 13 if room else 18
    if room:  # a circle as large as its labels allow (widths and heights in inches)
        width_in, height_in = size
        longest = max([wrap] + [len(word) for r in results for word in r.characteristic.name.split()])
        label_w = longest * 0.5 * 12.5 * t / 72 + 0.1
        label_h = 2 * 1.05 * 12.5 * t / 72 + 0.1
        # labels stand at 5.75 (up to 6.35 at the top and bottom) where the circle ends at 5.2
        radius = max(0.8, min(width_in / 2 - label_w, (height_in / 2 - label_h) / 1.15))
        ax = fig.add_axes((0.5 - radius / width_in, 0.5 - radius / height_in, 2 * radius / width_in,
                           2 * radius / height_in), projection="polar")
    else:
        fig.subplots_adjust(left=0.16, right=0.84, top=0.86, bottom=0.2)
        ax = fig.add_subplot(projection="polar")
    ax.set_facecolor(colours["face"])
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    n = len(results)
    angles = [2 * math.pi * i / n for i in range(n)]
    ax.set_ylim(0, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], color=colours["muted"],
                  fontsize=11 * t)
    ax.set_rlabel_position(360 / n / 2)
    ax.set_xticks(angles, [""] * n)
    ax.grid(color=colours["grid"], linewidth=0.8)
    ax.spines["polar"].set_color(colours["grid"])

    width = 2 * math.pi / n
    for angle, result in zip(angles, results):  # a pale wedge per group, behind everything
        ax.bar(angle, 5.2, width=width, bottom=0, color=GROUP_COLOURS[result.characteristic.group],
               alpha=0.10 if not dark else 0.16, linewidth=0, zorder=0)

    rated = [(a, r) for a, r in zip(angles, results) if r.count]
    if rated:
        closed = rated + rated[:1]
        theta = [a for a, _r in closed]
        if len(rated) == n:
            theta[-1] = angles[0] + 2 * math.pi
        ax.fill_between(theta, [r.minimum for _a, r in closed], [r.maximum for _a, r in closed],
                        color=colours["band"], alpha=0.30, linewidth=0, zorder=2)
        ax.plot(theta, [float(r.mean) for _a, r in closed], color=colours["mean"], linewidth=2.5 * scale,
                zorder=3)
        for angle, result in rated:
            weak = result.characteristic.key in weakest_keys
            ax.plot([angle], [float(result.mean)], marker="o", linestyle="",
                    markersize=(12 if weak else 8) * scale,
                    color=colours["weak"] if weak else GROUP_COLOURS[result.characteristic.group],
                    markeredgecolor=colours["face"], markeredgewidth=1.5, zorder=4)
    else:
        ax.text(0, 0, tr("No score yet"), ha="center", va="center", fontsize=16 * t,
                color=colours["muted"])

    for angle, result in zip(angles, results):
        degrees = math.degrees(angle) % 360
        ha = "center" if degrees in (0, 180) or abs(degrees - 180) < 1 or degrees < 1 else (
            "left" if degrees < 180 else "right")
        lines = textwrap.wrap(result.characteristic.name, wrap, break_long_words=False)
        if room and len(lines) > 2:
            lines = lines[:1] + [textwrap.shorten(" ".join(lines[1:]), wrap, placeholder="…")]
        label = "\n".join(lines)
        weak = result.characteristic.key in weakest_keys
        # on the shared screen, labels near the top and bottom stand further out (they are wide)
        distance = 5.75 + (abs(math.cos(angle)) * 0.6 if room else 0)
        va = "center" if not room or abs(math.cos(angle)) < 0.5 else ("bottom" if math.cos(angle) > 0 else "top")
        ax.text(angle, distance, label, ha=ha, va=va, fontsize=12.5 * t,
                color=colours["weak"] if weak else colours["ink"], fontweight="bold" if weak else "normal",
                linespacing=1.0)

    if room:
        return fig
    handles = [
        Line2D([], [], color=colours["mean"], linewidth=2.5, label=tr("Mean of the room")),
        Patch(facecolor=colours["band"], alpha=0.4, label=tr("Lowest to highest score")),
        Patch(facecolor=AMBER, alpha=0.5, label=tr("Internal levers")),
        Patch(facecolor=TEAL, alpha=0.5, label=tr("External qualities")),
    ]
    if weakest_keys:
        handles.append(Line2D([], [], marker="o", linestyle="", color=colours["weak"], markersize=11,
                              label=tr("Three weakest")))
    # two columns: the French labels are longer, and three columns overflowed the figure
    legend = fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False,
                        fontsize=12 * scale, bbox_to_anchor=(0.5, 0.0))
    for text in legend.get_texts():
        text.set_color(colours["ink"])
    return fig
