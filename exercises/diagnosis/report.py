"""The self-diagnosis chapter of the roadmap: the radar, the scores table, the three weakest."""

from __future__ import annotations

from functools import partial

from workshop_app.i18n import format_decimal, tr_in
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Section, Table
from workshop_app.store import Store

from .logic import KEY, results, weakest


def radar(rows: tuple, language: str, weak_keys: tuple):
    """The report's radar (a module function, so a chart can be drawn in another process)."""
    from .charts import radar_figure

    return radar_figure(list(rows), language, weak_keys)


def format_score(value, language: str) -> str:
    return format_decimal(value, language)


def report_section(store: Store, language: str) -> Section | None:
    """None when nobody has scored anything (the warm-up did not run)."""
    tr = tr_in(language)
    rows = results(store, language)
    if not any(r.count for r in rows):
        return None
    weak = weakest(rows)
    raters = store.scalar("SELECT count(DISTINCT participant_id) FROM diagnosis_ratings")
    title = tr("Customer-experience self-diagnosis")
    blocks: list = [Heading(tr("How we rate ourselves today"), 1), Paragraph(tr(
        "To start, {n} members of the leadership team rated how we do today on fourteen "
        "characteristics of the customer experience, from 1 (far from it) to 5 (exemplary): five "
        "internal levers and nine qualities our customers see.").format(n=raters))]

    weak_keys = tuple(r.characteristic.key for r in weak)
    blocks.append(Chart(figure=partial(radar, tuple(rows), language, weak_keys), caption=tr(
        "Self-diagnosis: the room’s mean score per characteristic, with the range from the lowest "
        "to the highest score; the three weakest are in red."), width_cm=15.0))
    groups = {"internal": tr("Internal lever"), "external": tr("External quality")}
    blocks.append(Table(
        columns=(tr("Characteristic"), tr("Kind"), tr("Mean"), tr("Min"), tr("Max")),
        rows=tuple((r.characteristic.name, groups[r.characteristic.group],
                    format_score(r.mean, language),
                    "" if r.minimum is None else str(r.minimum),
                    "" if r.maximum is None else str(r.maximum)) for r in rows),
        caption=tr("Scores from 1 to 5."), widths=(5, 3, 1.5, 1.2, 1.2)))
    blocks.append(Heading(tr("Our three weakest points"), 1))
    blocks.append(BulletList(tuple(
        tr("{name}: {mean} on average (from {low} to {high})").format(
            name=r.characteristic.name, mean=format_score(r.mean, language), low=r.minimum,
            high=r.maximum) for r in weak)))
    return Section(key=KEY, title=title, blocks=blocks, in_short=False)
