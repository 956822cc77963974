"""Charts of one round's result, labelled in a given language (for the screen and the report).

``size`` (inches) lets the shared screen ask for the shape of its window; the report
uses each chart's own shape.
"""

from __future__ import annotations

from workshop_app.i18n import N_, translate
from workshop_app.store import Store

from . import charts
from .decisions import decision_label, list_decisions
from .tally import RoundResult, bar_values, rank_ranges, result_words, value_effort

AXIS = {
    "majority": N_("Majority grade"),
    "scoring": N_("Weighted score (1 to 5)"),
    "dot": N_("Dots"),
    "points100": N_("Points"),
    "approval": N_("Approvals"),
}


# More bars than this are unreadable on a projector or a page; the full ranking is in the tables.
MAX_BARS = 15
ROOM_LABEL = 26  # characters of an option's label on the shared screen (one line, read from 12 m)


def room_rows(size) -> int:
    """How many one-line bars a shared-screen chart of ``size`` inches holds at its 12-13 pt text."""
    return max(3, min(MAX_BARS, int((size[1] - 0.9) / 0.3))) if size else MAX_BARS


def _room_label(label: str) -> str:
    import textwrap

    return textwrap.shorten(label, ROOM_LABEL, placeholder="…")


def _more(result: RoundResult, shown: int, language: str | None) -> str:
    hidden = len(result.tally.ranking) - shown
    return translate(N_("+ {n} more in the full results"), language).format(n=hidden) if hidden > 0 else ""


def ranking_figure(result: RoundResult, language: str | None = None, size=None, room: bool = False):
    """``room``: for the shared screen, the best bars that fit, on one line each."""
    t = lambda text: translate(text, language)  # noqa: E731
    most = room_rows(size) if room else MAX_BARS
    short = _room_label if room else (lambda label: label)
    flagged = set(result.flagged)
    method = result.round.method
    if method == "majority":
        grades = result.round.config["grades"]
        colours = charts.grade_colours(len(grades))
        rows = []
        for entry in result.tally.ranking:
            grade = entry.details["majority_grade"]
            grade = 0 if grade is None else grade
            rows.append((short(f"{entry.rank}. {result.labels[entry.option]}"), grade + 1,
                         result_words(result, entry.option, language), entry.option in flagged, colours[grade]))
        rows = rows[:most]
        return charts.ranking_chart(rows, t(AXIS[method]), limit=float(len(grades)), show_scale=False,
                                    flag_text=t(N_("discuss before deciding")), size=size,
                                    note=_more(result, len(rows), language) if room else "")
    ranks = result.tally.ranks()
    rows = [(short(f"{ranks[option]}. {label}"), value, result_words(result, option, language), option in flagged)
            for option, label, value in bar_values(result)][:most]
    return charts.ranking_chart(rows, t(AXIS.get(method, "")), limit=5.0 if method == "scoring" else None,
                                flag_text=t(N_("discuss before deciding")), size=size,
                                note=_more(result, len(rows), language) if room else "")


def merit_figure(result: RoundResult, language: str | None = None, size=None, room: bool = False):
    t = lambda text: translate(text, language)  # noqa: E731
    most = room_rows(size) - 2 if room else MAX_BARS  # two rows less: the legend takes them
    short = _room_label if room else (lambda label: label)
    rows = [(short(f"{e.rank}. {result.labels[e.option]}"), e.details["profile"])
            for e in result.tally.ranking][:most]
    return charts.merit_profile_chart(rows, result.round.config["grades"], median_text=t(N_("median")), size=size,
                                      compact=room, note=_more(result, len(rows), language) if room else "")


def value_effort_points(store: Store, result: RoundResult) -> list[tuple[str, float, float, float, str]]:
    """(label, value, effort, weight, decision) per initiative: plain data, read now."""
    decided = {d.initiative_id: d.decision for d in list_decisions(store)}
    return [(p.label, p.value, p.effort, p.weight, decided.get(p.option, ""))
            for p in value_effort(store, result)]


def value_effort_figure(points: list, language: str | None = None, size=None, room: bool = False):
    """``room``: for the shared screen, short axis titles and no note (the ranking names them)."""
    t = lambda text: translate(text, language)  # noqa: E731
    quadrants = (t(N_("Quick wins")), t(N_("Big bets")), t(N_("Fill-ins")), t(N_("Money pits")))
    shown = {p[4] for p in points}
    legend = {k: decision_label(k, language) for k in ("go", "later", "nogo") if k in shown}
    if "" in shown:
        legend[""] = t(N_("Not decided"))
    if room:
        return charts.value_effort_chart(points, t(N_("Value (1 to 5)")), t(N_("Effort (1 to 5)")), quadrants,
                                         legend, size=size)
    return charts.value_effort_chart(points, t(N_("Value for customers and segments (1 to 5)")),
                                     t(N_("Effort and impact on the organisation (1 to 5)")), quadrants,
                                     legend, size=size, numbers_note=t(N_("Numbers: rank in this vote")))


def sensitivity_figure(result: RoundResult, language: str | None = None, size=None):
    t = lambda text: translate(text, language)  # noqa: E731
    ranges = rank_ranges(result)
    rows = [(result.labels[e.option], e.rank, *ranges[e.option]) for e in result.tally.ranking]
    return charts.sensitivity_chart(rows, t(N_("Rank when any weight moves by ±20 %")),
                                    held_text=t(N_("holds its place")), size=size)


def available(result: RoundResult, store: Store) -> list[str]:
    """The result views that make sense for this round, in showing order."""
    views = ["ranking"]
    if result.round.method == "majority" and result.tally.voters:
        views.append("merit")
    if value_effort(store, result):
        views.append("value_effort")
    if result.sensitivity is not None:
        views.append("sensitivity")
    return views


def figure(kind: str, store: Store, result: RoundResult, language: str | None = None, size=None,
           room: bool = False):
    """``room``: drawn for the shared screen (fewer, one-line bars; see ``ranking_figure``)."""
    if kind == "value_effort":
        return value_effort_figure(value_effort_points(store, result), language, size, room)
    return result_figure(kind, result, language, size, room)


def result_figure(kind: str, result: RoundResult, language: str | None = None, size=None, room: bool = False):
    """The charts drawn from the round's result alone (all but the value/effort matrix)."""
    if kind == "merit":
        return merit_figure(result, language, size, room)
    if kind == "sensitivity":
        return sensitivity_figure(result, language, size)
    return ranking_figure(result, language, size, room)
