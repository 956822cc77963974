"""The trends chapter of the roadmap: the map, the ranked trends, the retained ones' implications."""

from __future__ import annotations

from functools import partial

from workshop_app.i18n import tr_in
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Section, Table
from workshop_app.store import Store

from .logic import KEY, format_mean, horizon_label, lifecycle_label
from .store_ops import list_segments, ranked_results


def trend_map(results: tuple, language: str):
    """The report's trend map (a module function, so a chart can be drawn in another process)."""
    from .charts import trend_map_figure

    return trend_map_figure(list(results), language, size=(9.0, 7.2))


def report_section(store: Store, language: str) -> Section | None:
    """None when no trend was rated and none retained (the stage did not run)."""
    tr = tr_in(language)
    ranked = ranked_results(store)
    rated = [r for r in ranked if r.rated]
    retained = [r for r in ranked if r.trend.retained]
    if not rated and not retained:
        return None
    title = tr("Usage trends")
    blocks: list = [Heading(tr("The trends we rated"), 1)]  # the chapter's title is its Heading 1
    segments = [s["name"] for s in list_segments(store)]
    intro = tr("The leadership team rated {n} usage trends on three scales: relevance for our "
               "strategic customer segments (1 to 5), time horizon, and place on the usage life "
               "cycle, where yesterday’s innovation becomes today’s basic feature and tomorrow’s "
               "missing function. {k} trends were retained.").format(n=len(rated), k=len(retained))
    blocks.append(Paragraph(intro))
    if segments:
        blocks.append(Paragraph(tr("Our strategic segments: {names}.").format(names=", ".join(segments))))
    if rated:
        blocks.append(Chart(figure=partial(trend_map, tuple(rated), language), caption=tr(
            "Trend map: relevance against time horizon; bubble size is the number of raters, "
            "colour the place on the life cycle, a ring marks a retained trend; the numbers are "
            "the ranks in the table below."), width_cm=16.0))
    yes, no = tr("Yes"), tr("No")
    rows = tuple((str(rank), r.trend.title, format_mean(r.relevance, language),
                  horizon_label(r.horizon, language), lifecycle_label(r.lifecycle, language),
                  yes if r.trend.retained else no)
                 for rank, r in enumerate(ranked, start=1) if r.rated or r.trend.retained)
    blocks.append(Heading(tr("Ranked trends"), 1))
    blocks.append(Table(columns=("#", tr("Trend"), tr("Relevance"), tr("Horizon"), tr("Life cycle"),
                                 tr("Retained")),
                        rows=rows, caption=tr("Trends ranked by mean relevance (1 to 5)."),
                        widths=(0.6, 6, 1.8, 2, 2.4, 1.6)))
    if retained:
        blocks.append(Heading(tr("What the retained trends mean for our customers"), 1))
        blocks.append(BulletList(tuple(
            f"{r.trend.title} — {r.trend.implication}" if r.trend.implication else r.trend.title
            for r in retained)))
    return Section(key=KEY, title=title, blocks=blocks, in_short=True)
