"""Gather the roadmap document: the core's own chapters plus each exercise's section.

Runs on the UI thread (it only reads the store); the result is plain data whose chart
factories hold plain data too, so rendering can happen in a worker thread.
"""

from __future__ import annotations

from datetime import date

from workshop_app.agenda import format_hhmm, list_blocks, list_days, parse_hhmm
from workshop_app.i18n import translate
from workshop_app.participants import list_participants
from workshop_app.report import BulletList, Heading, Paragraph, Report, Section, Table
from workshop_app.run import current_block_id, day_drift, events_for
from workshop_app.clock import Clock
from workshop_app.seminar import get_ambition, get_seminar
from workshop_app.store import Store

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


def _stages():
    from exercises import REGISTRY  # the stages, in the seminar's order

    return sorted(REGISTRY, key=lambda e: e.order)


def summary_section(store: Store, language: str, stages=None) -> Section:
    """The one-page summary: the ambition, then every stage's headed lines by rank."""
    t = lambda text: translate(text, language)  # noqa: E731
    seminar = get_seminar(store)
    blocks: list = []
    ambition = get_ambition(store)
    if ambition:
        blocks += [Heading(t("Our ambition"), 1), Paragraph(ambition)]
    if seminar.summary:
        blocks += [Paragraph(seminar.summary, emphasis=True)]
    parts = [part for stage in (_stages() if stages is None else stages)
             for part in stage.summary_lines(store, language)]
    for part in sorted(parts, key=lambda p: p.rank):  # stable: stages keep their order within a rank
        if part.lines:
            blocks += [Heading(part.heading, 1), BulletList(tuple(part.lines))]
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


def appendix_section(store: Store, language: str, stages=None) -> Section:
    t = lambda text: translate(text, language)  # noqa: E731
    blocks: list = []
    for stage in (_stages() if stages is None else stages):
        blocks += list(stage.appendix_blocks(store, language))  # e.g. the vote statistics
    blocks += [Heading(t("Notes on the methods"), 1), BulletList((
        t("Ratings and votes were given one participant after another at the facilitator's laptop."),
        t("Secret ballots are stored apart from the list of who voted, with nothing linking them."),
        t("Majority judgment ranks by the median grade, ties broken by removing median grades one by one."),
        t("Weighted scoring counts cost and effort criteria reversed: a low cost scores high."),
    ))]
    return Section("appendix", t("Appendix"), blocks)


def is_draft(store: Store) -> bool:
    """Whether the seminar's last block has not been reached yet: neither started nor current."""
    blocks = list_blocks(store)
    if not blocks:
        return False
    last = blocks[-1].id
    return current_block_id(store) != last and not events_for(store, last)


def draft_label(store: Store, language: str, clock: Clock) -> str:
    """'Draft — exported on 4 December 2026 at 18:40' before the last block, else ''."""
    if not is_draft(store):
        return ""
    moment = clock.local()
    return translate("Draft — exported on {date} at {time}", language).format(
        date=format_date(moment.date().isoformat(), language), time=moment.strftime("%H:%M"))


def _report(store: Store, sections: list, short: bool, clock: Clock, subtitle: str = "",
            contents: bool = True) -> Report:
    seminar = get_seminar(store)
    language = seminar.language
    t = lambda text: translate(text, language)  # noqa: E731
    return Report(
        title=seminar.title, organisation=seminar.organisation, subtitle=subtitle or t("Mid-term roadmap"),
        dates=_dates(store, language), language=language,
        confidentiality=seminar.confidentiality, logo_png=seminar.logo_png, sections=sections, short=short,
        labels={"contents": t("Contents"), "page": t("Page")}, draft=draft_label(store, language, clock),
        contents=contents,
    )


def build_report(store: Store, short: bool = False, clock: Clock | None = None) -> Report:
    """The whole roadmap document in the seminar's language."""
    clock = clock or Clock()
    language = get_seminar(store).language
    stages = _stages()
    sections = [summary_section(store, language, stages), participants_section(store, language),
                agenda_section(store, language, clock)]
    for exercise in stages:
        sections += exercise.report_sections(store, language)
    sections.append(appendix_section(store, language, stages))
    return _report(store, sections, short, clock)


def build_owner_report(store: Store, name: str, clock: Clock | None = None) -> Report:
    """One person's part of the roadmap alone: the cover, then what they carry.

    ``name`` is a participant's name (case and outer spaces ignored); ValidationError
    when nobody of that name owns or sponsors a Go initiative.
    """
    from workshop_app.domain import ValidationError
    from workshop_app.i18n import _

    language = get_seminar(store).language
    sections = [s for stage in _stages() if (s := stage.owner_report(store, language, name)) is not None]
    if not sections:
        raise ValidationError(_("“{name}” owns or sponsors no Go initiative.").format(name=name.strip()))
    subtitle = translate("Who carries what: {name}", language).format(name=sections[0].title)
    return _report(store, sections, False, clock or Clock(), subtitle=subtitle, contents=False)
