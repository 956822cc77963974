"""The roadmap chapter: the timeline, the plan by horizon, the parking lot, the business cases."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from workshop_app import horizons
from workshop_app.i18n import plural, tr_in
from workshop_app.report import BulletList, Card, Chart, Heading, Paragraph, Section, SummaryPart, Table
from workshop_app.store import Store

from exercises.governance.sources import (InitiativeRow, ideation_api, initiative_record,
                                          participant_names, segment_names)

from .charts import chart_parts, lanes, poster_chart, roadmap_chart
from .logic import quarter_label, span_label
from .store_ops import Roadmap, RoadmapItem, load_roadmap


def _axis_name(plan: Roadmap, item: RoadmapItem) -> str:
    return next((a.name for a in plan.axes if a.id == item.initiative.axis_id), "—")


def _kpi(row: InitiativeRow) -> str:
    return " — ".join(part for part in (row.kpi, row.kpi_target) if part) or "—"


def _first_quarter(plan: Roadmap, item: RoadmapItem, language: str) -> str:
    label = quarter_label(plan.start, item.start, language)
    return f"{label} ⚠" if item.conflict else label


def _plan_tables(plan: Roadmap, language: str, tr) -> list:
    """One table per horizon, each Go under the horizon the whole document states for it."""
    blocks: list = []
    for key in (*horizons.HORIZONS, ""):
        items = sorted((i for i in plan.items if i.horizon == key), key=lambda i: (i.start, i.title))
        if not items:
            continue
        blocks.append(Heading(horizons.horizon_label(key, language) or tr(horizons.UNDECIDED), 1))
        blocks.append(Table(
            columns=(tr("Initiative"), tr("Axis"), tr("First quarter"), tr("Last quarter"), tr("Owner"),
                     tr("KPI and target")),
            rows=tuple((i.title, _axis_name(plan, i), _first_quarter(plan, i, language),
                        quarter_label(plan.start, i.end - 1, language), i.owner or "—", _kpi(i.initiative))
                       for i in items),
            widths=(4, 2.4, 1.3, 1.3, 2, 3.4)))
    conflicts = plan.conflicts()
    if conflicts:
        blocks.append(Paragraph(tr("⚠ Horizon kept against the timeline, to settle:"), emphasis=True))
        blocks.append(BulletList(tuple(conflict_line(plan, i, language) for i in conflicts)))
    return blocks


def conflict_line(plan: Roadmap, item: RoadmapItem, language: str) -> str:
    tr = tr_in(language)
    return tr("“{title}” was decided for {decided} but starts in {quarter}.").format(
        title=item.title, decided=horizons.horizon_label(item.initiative.horizon, language),
        quarter=quarter_label(plan.start, item.start, language))


def _milestones(plan: Roadmap, language: str, tr) -> list:
    rows = sorted(((m.quarter, i.title, m.label) for i in plan.items for m in i.milestones))
    if not rows:
        return []
    return [Heading(tr("Milestones"), 1),
            Table(columns=(tr("Quarter"), tr("Initiative"), tr("Milestone")),
                  rows=tuple((quarter_label(plan.start, q, language), title, label) for q, title, label in rows),
                  widths=(1.3, 4, 5))]


def _dependencies(plan: Roadmap, language: str, tr) -> list:
    if not plan.dependencies:
        return []
    lines = [tr("“{a}” needs “{b}” first.").format(a=plan.title_of(a), b=plan.title_of(b))
             for a, b in plan.dependencies]
    blocks: list = [Heading(tr("Dependencies"), 1), BulletList(tuple(lines))]
    if plan.violations:
        problems = []
        for v in plan.violations:
            if v.kind == "order":
                problems.append(plural(v.overlap, "“{a}” starts {n} quarter before “{b}” ends.",
                                       "“{a}” starts {n} quarters before “{b}” ends.", language).format(
                    a=plan.title_of(v.initiative_id), b=plan.title_of(v.depends_on), n=v.overlap))
            else:
                problems.append(tr("“{a}” waits for “{b}”, which is not on the roadmap.").format(
                    a=plan.title_of(v.initiative_id), b=plan.title_of(v.depends_on)))
        blocks += [Paragraph(tr("To resolve before the plan is final:"), emphasis=True),
                   BulletList(tuple(problems))]
    return blocks


def _fallback_card(store: Store, plan: Roadmap, row: InitiativeRow, language: str, tr) -> Card:
    """A business-case card built from the initiative's row (when stage 2 offers none)."""
    record = initiative_record(store, row.id)
    names = participant_names(store)
    item = plan.item(row.id)
    fields = [
        (tr("Problem"), record.get("problem", "")),
        (tr("Segments"), ", ".join(segment_names(store, record.get("segments", [])))),
        (tr("Customer value"), record.get("customer_value", "")),
        (tr("Organisational impact"), record.get("org_impact", "")),
        (tr("Technical impact"), record.get("tech_impact", "")),
        (tr("Effort"), record.get("effort", "")),
        (tr("Cost range"), record.get("cost_range", "")),
        (tr("KPI"), record.get("kpi", "")),
        (tr("Target"), record.get("kpi_target", "")),
        (tr("Owner"), names.get(row.owner_id, "")),
        (tr("Sponsor"), names.get(row.sponsor_id, "")),
        (tr("On the roadmap"), span_label(plan.start, item.start, item.duration, language) if item else ""),
    ]
    return Card(title=row.title, fields=tuple((k, v) for k, v in fields if v),
                subtitle=next((a.name for a in plan.axes if a.id == row.axis_id), ""))


def _cards(store: Store, plan: Roadmap, language: str, tr) -> list:
    go = [*(i.initiative for i in sorted(plan.items, key=lambda i: (i.start, i.title))), *plan.unplaced]
    if not go:
        return []
    card_of = ideation_api("business_case_card")
    get = ideation_api("get_initiative")
    cards = []
    for row in go:
        card = None
        if card_of is not None and get is not None:
            card = card_of(get(store, row.id), store, language)
            item = plan.item(row.id)
            if card is not None and item is not None:  # say where it sits on the timeline
                card = replace(card, fields=(*card.fields, (tr("On the roadmap"), span_label(
                    plan.start, item.start, item.duration, language))))
        cards.append(card or _fallback_card(store, plan, row, language, tr))
    return [Heading(tr("Business cases of the Go initiatives"), 1), *cards]


def roadmap_section(store: Store, language: str, title: str) -> Section | None:
    tr = tr_in(language)
    plan = load_roadmap(store)
    if not plan.items and not plan.unplaced and not plan.parking:
        return None
    first = quarter_label(plan.start, 0, language)
    last = quarter_label(plan.start, plan.horizon - 1, language)
    blocks: list = [Paragraph(tr("{n} Go initiatives placed from {first} to {last} ({months} months), "
                                "by innovation axis.").format(n=len(plan.items), first=first, last=last,
                                                              months=plan.horizon * 3))]
    if plan.items:
        parts = chart_parts(lanes(plan, language))
        for number, part in enumerate(parts, start=1):
            caption = (tr("The roadmap by axis and quarter, part {n} of {count}; diamonds mark milestones.")
                       .format(n=number, count=len(parts)) if len(parts) > 1
                       else tr("The roadmap by axis and quarter; diamonds mark milestones."))
            blocks.append(Chart(figure=partial(roadmap_chart, plan, language, part),
                                caption=caption, width_cm=17.0, tall=True))
    blocks += _plan_tables(plan, language, tr)
    blocks += _milestones(plan, language, tr)
    blocks += _dependencies(plan, language, tr)
    if plan.unplaced:
        decided = {g.initiative_id: g.stated for g in horizons.go_horizons(store)}
        blocks += [Heading(tr("Go initiatives still to schedule"), 1),
                   BulletList(tuple(f"{i.title} — {horizons.horizon_label(decided.get(i.id, ''), language)}"
                                    if decided.get(i.id) else i.title for i in plan.unplaced))]
    if plan.parking:
        blocks += [Heading(tr("Parking lot: decided for later"), 1),
                   BulletList(tuple(f"{i.title} — {i.reason}" if i.reason else i.title for i in plan.parking))]
    blocks += _cards(store, plan, language, tr)
    return Section(key="roadmap", title=title, blocks=blocks, in_short=True)


def poster_section(store: Store, language: str) -> Section | None:
    """The whole roadmap on one landscape page, to print and pin on a wall."""
    tr = tr_in(language)
    plan = load_roadmap(store)
    if not plan.items:
        return None
    first = quarter_label(plan.start, 0, language)
    last = quarter_label(plan.start, plan.horizon - 1, language)
    caption = tr("The whole roadmap, {first} to {last}, by innovation axis and quarter; diamonds mark "
                 "milestones.").format(first=first, last=last)
    if plan.conflicts():
        caption += " " + tr("⚠ marks a bar outside its decided horizon.")
    return Section(key="roadmap_poster", title=tr("The roadmap on one page"), in_short=True, landscape=True,
                   blocks=[Chart(figure=partial(poster_chart, plan, language), caption=caption,
                                 width_cm=60.0, tall=True)])


def summary_lines(store: Store, language: str) -> list[SummaryPart]:
    """The first milestones of the Go initiatives, as the next steps."""
    tr = tr_in(language)
    plan = load_roadmap(store)
    rows = sorted(((m.quarter, m.id, i.title, m.label) for i in plan.items for m in i.milestones))[:4]
    if not rows:
        return []
    return [SummaryPart(tr("Next steps"), tuple(f"{title} — {label} ({quarter_label(plan.start, q, language)})"
                                                for q, _id, title, label in rows), rank=40)]
