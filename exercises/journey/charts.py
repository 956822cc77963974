"""The journey curve: the "emotional bank account" along one key journey.

Bars are each step's credit or debit, the line is the running balance; where the balance
is below zero the area is shaded red, and moments of truth are marked with a star.
"""

from __future__ import annotations

import textwrap

from workshop_app.i18n import translate

DEEP_BLUE, TEAL, AMBER, RED = "#1F3A5F", "#2A9D8F", "#E9A23B", "#D1495B"


def _wrap(title: str, width: int, max_lines: int = 4) -> str:
    lines = textwrap.wrap(title, width=width, max_lines=max_lines, placeholder="…", break_long_words=False)
    return "\n".join(lines) or title


def journey_curve(titles: list[str], emotions: list[int], moments: list[bool], language: str = "en", *,
                  dark: bool = False, width_in: float = 10.0, height_in: float = 5.6, font_pt: float = 12.0,
                  dpi: float = 100.0, wrap: int | None = None, max_lines: int = 4, legend_rows: int = 1):
    """A Figure of the journey: per-step bars, the cumulative line, the overdrawn area, the stars.

    ``dark`` draws light ink on the shared screen's deep blue; ``font_pt`` sets the label size;
    ``wrap`` (characters per line) and ``max_lines`` shape the step titles (abbreviated with "…");
    ``legend_rows`` > 1 also spaces the balance axis's ticks (large text on the shared screen).
    """
    from workshop_app.chart_theme import new_figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .logic import balances

    ink = "white" if dark else "#1B1F24"
    muted = "#C9D6E3" if dark else "#5B6673"
    line_colour = "white" if dark else DEEP_BLUE
    back = DEEP_BLUE if dark else "white"
    figure = new_figure(figsize=(width_in, height_in), dpi=dpi, facecolor=back)
    axes = figure.add_subplot()
    axes.set_facecolor(back)
    tr = lambda text: translate(text, language)  # noqa: E731
    if not titles:
        axes.axis("off")
        axes.text(0.5, 0.5, tr("No journey steps yet."), ha="center", va="center", color=muted,
                  fontsize=font_pt * 1.3, transform=axes.transAxes)
        return figure
    xs = list(range(len(titles)))
    running = balances(emotions)
    axes.bar(xs, emotions, width=0.55, color=[TEAL if e >= 0 else RED for e in emotions], alpha=0.9, zorder=2)
    axes.axhline(0, color=muted, linewidth=1.6, zorder=1)
    axes.fill_between(xs, running, 0, where=[b < 0 for b in running], interpolate=True, color=RED,
                      alpha=0.35 if dark else 0.22, linewidth=0, zorder=1)
    axes.plot(xs, running, color=line_colour, linewidth=3, marker="o", markersize=font_pt * 0.55, zorder=3)
    stars = [x for x, moment in zip(xs, moments) if moment]
    if stars:
        axes.scatter(stars, [running[x] for x in stars], marker="*", s=(font_pt * 2.2) ** 2, color=AMBER,
                     edgecolors=ink if not dark else DEEP_BLUE, linewidths=1, zorder=4)
    low = min(min(running), min(emotions), -3) - 1
    high = max(max(running), max(emotions), 3) + 1
    axes.set_ylim(low, high)
    axes.set_xlim(-0.6, len(xs) - 0.4)
    step = (1 if high - low <= 12 else 2) * (2 if legend_rows > 1 else 1)
    axes.set_yticks(range(low + (low % step), high + 1, step))
    wrap = wrap or max(9, int(98 / max(len(xs), 1)))
    axes.set_xticks(xs, [_wrap(t, wrap, max_lines) for t in titles], fontsize=font_pt * 0.9, color=ink)
    if max_lines == 1:  # one abbreviated line per step, slanted so that neighbours never touch
        for label in axes.get_xticklabels():
            label.set(rotation=35, ha="right", rotation_mode="anchor")
    axes.tick_params(axis="y", labelsize=font_pt * 0.9, colors=ink)
    axes.tick_params(axis="x", length=0, colors=ink)
    if legend_rows == 1:  # on the shared screen the legend's "running balance" says it
        axes.set_ylabel(tr("Emotional balance"), fontsize=font_pt, color=ink)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(muted)
    axes.grid(axis="y", color=muted, alpha=0.25, linewidth=0.8, zorder=0)
    handles = [Line2D([], [], color=line_colour, linewidth=3, marker="o", label=tr("Running balance")),
               Patch(color=TEAL, label=tr("Credit")), Patch(color=RED, label=tr("Debit")),
               Patch(color=RED, alpha=0.35, label=tr("Account overdrawn"))]
    if stars:
        handles.append(Line2D([], [], linestyle="", marker="*", markersize=font_pt * 1.4, color=AMBER,
                              label=tr("Moment of truth")))
    legend = axes.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                         ncol=-(-len(handles) // legend_rows),
                         frameon=False, fontsize=font_pt * 0.9, handlelength=1.4, columnspacing=1.2)
    for text in legend.get_texts():
        text.set_color(ink)
    figure.tight_layout()
    return figure
