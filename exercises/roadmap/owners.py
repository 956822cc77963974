"""Who carries what: one page per owner or sponsor of a Go initiative, to hand out alone.

A page says, for one person: the Go initiatives they own (R) or sponsor (A) with the
horizon the whole document states and their quarters, each one's KPI and target, the
next milestones, what those initiatives wait for and who waits for them, and the
person's roles in the governance's RACI grid (consulted, informed).
"""

from __future__ import annotations

from workshop_app import horizons
from workshop_app.domain import Participant
from workshop_app.i18n import tr_in
from workshop_app.participants import list_participants
from workshop_app.report import Heading, PageBreak, Paragraph, Section, Table
from workshop_app.store import Store

from exercises.governance.roles import get_marks

from .logic import quarter_label, span_label
from .store_ops import Roadmap, load_roadmap

KEY = "owners"
NEXT_MILESTONES = 6  # the page names the next few, not every milestone


class _Plan:
    """The roadmap and the governance marks, read once for every page."""

    def __init__(self, store: Store):
        self.roadmap: Roadmap = load_roadmap(store)
        self.go = [*(i.initiative for i in self.roadmap.items), *self.roadmap.unplaced]
        self.go.sort(key=lambda r: (r.position, r.id))
        self.stated = {g.initiative_id: g for g in horizons.go_horizons(store)}
        self.marks = get_marks(store)
        self.names = self.roadmap.owners

    def carried_by(self, person_id: int) -> list:
        return [r for r in self.go if person_id in (r.owner_id, r.sponsor_id)]


def _role(row, person_id: int, tr) -> str:
    roles = [label for pid, label in ((row.owner_id, tr("Owner (R)")), (row.sponsor_id, tr("Sponsor (A)")))
             if pid == person_id]
    return ", ".join(roles)


def _horizon(plan: _Plan, row, language: str, tr) -> str:
    go = plan.stated.get(row.id)
    if go is None:
        return "—"
    text = horizons.horizon_label(go.stated, language) or tr(horizons.UNDECIDED)
    return f"{text} ⚠" if go.conflict else text


def _quarters(plan: _Plan, row, language: str, tr) -> str:
    item = plan.roadmap.item(row.id)
    if item is None:
        return tr("Not scheduled yet")
    return span_label(plan.roadmap.start, item.start, item.duration, language)


def _kpi(row) -> str:
    return " — ".join(part for part in (row.kpi, row.kpi_target) if part) or "—"


def owner_blocks(plan: _Plan, person: Participant, language: str) -> list:
    """The body of one person's page (without their name as a heading)."""
    tr = tr_in(language)
    rows = plan.carried_by(person.id)
    mine = {r.id for r in rows}
    owned = sum(1 for r in rows if r.owner_id == person.id)
    sponsored = sum(1 for r in rows if r.sponsor_id == person.id)
    blocks: list = []
    intro = tr("Owner (R) of {owned} and sponsor (A) of {sponsored} of the Go initiatives.").format(
        owned=owned, sponsored=sponsored)
    blocks.append(Paragraph(f"{person.function}. {intro}" if person.function else intro))
    blocks.append(Table(
        columns=(tr("Initiative"), tr("Role"), tr("Horizon"), tr("Quarters"), tr("KPI and target")),
        rows=tuple((r.title, _role(r, person.id, tr), _horizon(plan, r, language, tr),
                    _quarters(plan, r, language, tr), _kpi(r)) for r in rows),
        caption=tr("What {name} carries").format(name=person.name), widths=(4, 1.8, 2.4, 2.8, 4)))
    start = plan.roadmap.start
    milestones = sorted((m.quarter, m.id, i.title, m.label) for i in plan.roadmap.items if i.id in mine
                        for m in i.milestones)[:NEXT_MILESTONES]
    if milestones:
        blocks.append(Table(
            columns=(tr("Quarter"), tr("Initiative"), tr("Milestone")),
            rows=tuple((quarter_label(start, q, language), title, label) for q, _id, title, label in milestones),
            caption=tr("The next milestones"), widths=(1.4, 4.5, 5)))
    links = []
    for a, b in plan.roadmap.dependencies:
        if a in mine:
            links.append((plan.roadmap.title_of(a), tr("needs first"), plan.roadmap.title_of(b), _owner(plan, b)))
        if b in mine:
            links.append((plan.roadmap.title_of(b), tr("is needed by"), plan.roadmap.title_of(a), _owner(plan, a)))
    if links:
        blocks.append(Table(columns=(tr("Initiative"), tr("Link"), tr("Other initiative"), tr("Its owner")),
                            rows=tuple(links), caption=tr("What these initiatives depend on, and who depends "
                                                          "on them"), widths=(4, 2, 4, 2.4)))
    blocks.append(Table(columns=(tr("Role in the governance"), tr("Initiatives")),
                        rows=_raci_rows(plan, person.id, tr),
                        caption=tr("{name}'s roles in the governance (RACI grid)").format(name=person.name),
                        widths=(2.6, 8)))
    return blocks


def _owner(plan: _Plan, initiative_id: int) -> str:
    row = next((r for r in plan.go if r.id == initiative_id), None)
    return plan.names.get(row.owner_id, "—") if row is not None and row.owner_id is not None else "—"


def _raci_rows(plan: _Plan, person_id: int, tr) -> tuple:
    groups = (
        (tr("Responsible (R)"), [r.title for r in plan.go if r.owner_id == person_id]),
        (tr("Accountable (A)"), [r.title for r in plan.go if r.sponsor_id == person_id]),
        (tr("Consulted (C)"), [r.title for r in plan.go if plan.marks.get(r.id, {}).get(person_id) == "C"]),
        (tr("Informed (I)"), [r.title for r in plan.go if plan.marks.get(r.id, {}).get(person_id) == "I"]),
    )
    return tuple((label, " · ".join(titles) or "—") for label, titles in groups)


def owners_section(store: Store, language: str) -> Section | None:
    """The "Who carries what" chapter: one page per owner or sponsor."""
    tr = tr_in(language)
    plan = _Plan(store)
    people = [p for p in list_participants(store) if plan.carried_by(p.id)]
    if not people:
        return None
    blocks: list = []
    for person in people:
        blocks += [PageBreak(), Heading(person.name, 1), *owner_blocks(plan, person, language)]
    return Section(key=KEY, title=tr("Who carries what"), blocks=blocks)


def owner_section(store: Store, language: str, name: str) -> Section | None:
    """One person's page alone, titled with their name; None if they carry nothing."""
    wanted = " ".join(name.split()).casefold()
    person = next((p for p in list_participants(store) if " ".join(p.name.split()).casefold() == wanted), None)
    if person is None:
        return None
    plan = _Plan(store)
    if not plan.carried_by(person.id):
        return None
    return Section(key=KEY, title=person.name, blocks=owner_blocks(plan, person, language))
