"""Gather the roadmap document: the core's own chapters plus each exercise's section.

Runs on the UI thread (it only reads the store); the result is plain data whose chart
factories hold plain data too, so rendering can happen in a worker thread.
"""

from __future__ import annotations

import json
from datetime import date

from workshop_app.agenda import format_hhmm, list_days, parse_hhmm
from workshop_app.i18n import N_, translate
from workshop_app.participants import list_participants
from workshop_app.report import BulletList, Heading, Paragraph, Report, Section, Table
from workshop_app.run import day_drift
from workshop_app.clock import Clock
from workshop_app.seminar import get_ambition, get_seminar
from workshop_app.store import Store

HORIZONS = (("quick", N_("Quick wins (0–6 months)"), 0, 1), ("mid", N_("6–18 months"), 2, 5),
            ("long", N_("18–36 months"), 6, 99))


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def format_date(iso: str, language: str) -> str:
    """'2026-12-03' -> '3 décembre 2026' / '3 December 2026' (no locale needed)."""
    d = date.fromisoformat(iso)
    months = MONTHS_FR if language == "fr" else MONTHS_EN
    return f"{d.day} {months[d.month - 1]} {d.year}"


def _dates(store: Store, language: str) -> str:
    days = list_days(store)
    if not days:
        return ""
    fmt = lambda iso: format_date(iso, language)  # noqa: E731
    first, last = days[0].date, days[-1].date
    return fmt(first) if first == last else f"{fmt(first)} – {fmt(last)}"


def _go_by_horizon(store: Store) -> dict[str, list[str]]:
    rows = store.query(
        "SELECT i.title, r.start_quarter, d.horizon FROM decisions d JOIN initiatives i ON i.id = d.initiative_id "
        "LEFT JOIN roadmap_items r ON r.initiative_id = i.id WHERE d.decision = 'go' "
        "ORDER BY coalesce(r.start_quarter, 99), i.position, i.id")
    groups: dict[str, list[str]] = {key: [] for key, *_rest in HORIZONS}
    for row in rows:
        quarter = row["start_quarter"]
        key = row["horizon"] if row["horizon"] in groups else None
        if quarter is not None:
            key = next(k for k, _label, lo, hi in HORIZONS if lo <= quarter <= hi)
        groups[key or "mid"].append(row["title"])
    return groups


def _governance_lines(store: Store, language: str) -> list[str]:
    lines = []
    for row in store.query("SELECT question, options, chosen FROM governance_choices ORDER BY position, id"):
        try:
            options = {o["key"]: o["label"] for o in json.loads(row["options"])}
            chosen = [options.get(k, k) for k in json.loads(row["chosen"])]
        except (ValueError, TypeError, KeyError):
            continue
        if chosen:
            lines.append(f"{row['question']} {', '.join(chosen)}")
        if len(lines) == 3:
            break
    return lines


def _next_steps(store: Store) -> list[str]:
    rows = store.query(
        "SELECT i.title, m.label, m.quarter FROM milestones m JOIN initiatives i ON i.id = m.initiative_id "
        "JOIN decisions d ON d.initiative_id = i.id AND d.decision = 'go' ORDER BY m.quarter, m.id LIMIT 4")
    return [f"{r['title']} — {r['label']}" for r in rows]


def summary_section(store: Store, language: str) -> Section:
    t = lambda text: translate(text, language)  # noqa: E731
    seminar = get_seminar(store)
    blocks: list = []
    ambition = get_ambition(store)
    if ambition:
        blocks += [Heading(t("Our ambition"), 1), Paragraph(ambition)]
    if seminar.summary:
        blocks += [Paragraph(seminar.summary, emphasis=True)]
    axes = store.query("SELECT name, ambition FROM axes ORDER BY position, id")
    if axes:
        blocks += [Heading(t("Innovation axes"), 1),
                   BulletList(tuple(f"{a['name']} — {a['ambition']}" if a["ambition"] else a["name"] for a in axes))]
    groups = _go_by_horizon(store)
    if any(groups.values()):
        blocks += [Heading(t("Go initiatives by horizon"), 1), BulletList(tuple(
            f"{t(label)} : {' · '.join(groups[key])}".replace(" : ", "\u00a0: " if language == "fr" else ": ")
            for key, label, *_rest in HORIZONS if groups[key]))]
    governance = _governance_lines(store, language)
    if governance:
        blocks += [Heading(t("Governance in three lines"), 1), BulletList(tuple(governance))]
    steps = _next_steps(store)
    if steps:
        blocks += [Heading(t("Next steps"), 1), BulletList(tuple(steps))]
    return Section("summary", t("Executive summary"), blocks, in_short=True)


def participants_section(store: Store, language: str) -> Section:
    t = lambda text: translate(text, language)  # noqa: E731
    people = list_participants(store)
    blocks: list = []
    if people:
        blocks.append(Table((t("Name"), t("Function")), tuple((p.name, p.function) for p in people),
                            caption=t("The seminar's participants"), widths=(1, 1)))
    return Section("participants", t("Participants"), blocks)


def agenda_section(store: Store, language: str, clock: Clock) -> Section:
    t = lambda text: translate(text, language)  # noqa: E731
    blocks: list = []
    for index, day in enumerate(list_days(store)):
        drift = day_drift(store, clock, day.id)
        if not drift.blocks:
            continue
        rows = []
        cursor = parse_hhmm(day.start)
        for row in drift.blocks:
            actual = "—" if row.actual_minutes is None else f"{row.actual_minutes:.0f}"
            delta = "" if row.actual_minutes is None else f"{row.actual_minutes - row.planned_minutes:+.0f}"
            rows.append((format_hhmm(cursor), row.block.title, str(row.planned_minutes), actual, delta))
            cursor += row.planned_minutes
        blocks.append(Heading(t("Day {n} — {date}").format(n=index + 1, date=format_date(day.date, language)), 1))
        blocks.append(Table((t("Planned start"), t("Block"), t("Planned (min)"), t("Actual (min)"), t("Gap")),
                            tuple(rows), caption=t("Agenda as run, day {n}").format(n=index + 1),
                            widths=(1.2, 5, 1.4, 1.4, 1)))
    return Section("agenda", t("The agenda as run"), blocks)


def appendix_section(store: Store, language: str) -> Section:
    t = lambda text: translate(text, language)  # noqa: E731
    blocks: list = []
    ideas = store.query("SELECT i.text, coalesce(a.name, '') AS axis FROM ideas i LEFT JOIN axes a ON a.id = i.axis_id "
                        "WHERE i.merged_into IS NULL ORDER BY coalesce(a.position, 999), i.position, i.id")
    if ideas:
        blocks += [Heading(t("All ideas"), 1),
                   Table((t("Idea"), t("Innovation axis")), tuple((r["text"], r["axis"] or "—") for r in ideas),
                         caption=t("{n} ideas captured during the seminar").format(n=len(ideas)), widths=(3, 1.3))]
    try:
        from exercises.arbitration import logic as arbitration  # the vote statistics live with the votes
        stats = getattr(arbitration, "vote_statistics", None)
        if stats is not None:
            blocks += list(stats(store, language))
    except ImportError:
        pass
    blocks += [Heading(t("Notes on the methods"), 1), BulletList((
        t("Ratings and votes were given one participant after another at the facilitator's laptop."),
        t("Secret ballots are stored apart from the list of who voted, with nothing linking them."),
        t("Majority judgment ranks by the median grade, ties broken by removing median grades one by one."),
        t("Weighted scoring counts cost and effort criteria reversed: a low cost scores high."),
    ))]
    return Section("appendix", t("Appendix"), blocks)


def build_report(store: Store, short: bool = False, clock: Clock | None = None) -> Report:
    """The whole roadmap document in the seminar's language."""
    from exercises import REGISTRY

    seminar = get_seminar(store)
    language = seminar.language
    t = lambda text: translate(text, language)  # noqa: E731
    sections = [summary_section(store, language), participants_section(store, language),
                agenda_section(store, language, clock or Clock())]
    for exercise in sorted(REGISTRY, key=lambda e: e.order):
        section = exercise.report_section(store, language)
        if section is not None:
            sections.append(section)
    sections.append(appendix_section(store, language))
    return Report(
        title=seminar.title, organisation=seminar.organisation, subtitle=t("Mid-term roadmap"),
        dates=_dates(store, language), language=language,
        confidentiality=seminar.confidentiality, logo_png=seminar.logo_png, sections=sections, short=short,
        labels={"contents": t("Contents"), "page": t("Page")},
    )
