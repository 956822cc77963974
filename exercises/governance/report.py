"""The governance chapter of the roadmap document, in the seminar's language."""

from __future__ import annotations

from workshop_app.i18n import N_, tr_in
from workshop_app.report import BulletList, Heading, Paragraph, Section, SummaryPart, Table
from workshop_app.store import Store

from .logic import GovernanceChoice, list_choices, list_kpis
from .roles import overload_reason, roles_table

# The chapter's parts, in order; a choice the room wrote under another key goes last.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Steering bodies and cadence"), ("steering_body", "review_cadence", "axis_ownership")),
    (N_("Shared goal"), ("shared_goal", "kpi_priorities")),
    (N_("Incentives: carrot and stick"), ("carrot_incentives", "stick_obligations", "carrot_or_stick")),
    (N_("Listening loops and experience makers"), ("listening_loops", "experience_makers")),
)


def _choice_blocks(choice: GovernanceChoice, tr) -> list:
    blocks: list = [Heading(choice.question, 2)]
    if not choice.settled:
        blocks.append(Paragraph(tr("Not decided during the seminar."), emphasis=True))
    elif choice.kind == "ranking":
        blocks.append(BulletList(tuple(f"{n}. {label}" for n, label in enumerate(choice.chosen_labels(), 1))))
    elif len(choice.chosen) == 1:
        blocks.append(Paragraph(choice.chosen_labels()[0]))
    else:
        blocks.append(BulletList(tuple(choice.chosen_labels())))
    how = {"vote": tr("Settled by a vote of the room."),
           "consensus": tr("Settled by consensus.")}.get(choice.settled_by, "")
    text = " ".join(part for part in (choice.note, how) if part)
    if text:
        blocks.append(Paragraph(text, emphasis=True))
    return blocks


def _kpi_table(store: Store, tr) -> Table | None:
    kpis = list_kpis(store)
    shown = [k for k in kpis if k.baseline or k.target] or []
    if not shown:
        return None
    return Table(columns=(tr("Indicator"), tr("Unit"), tr("Baseline"), tr("Target"), tr("Horizon")),
                 rows=tuple((k.name, k.unit, k.baseline or "—", k.target or "—", k.horizon or "—")
                            for k in shown),
                 caption=tr("Indicators and their targets"), widths=(5, 1.4, 1.6, 1.6, 1.4))


def _roles_blocks(store: Store, tr) -> list:
    table = roles_table(store)
    if not table.initiatives:
        return []
    rows = []
    for initiative in table.initiatives:
        marks = table.marks.get(initiative.id, {})
        consulted = ", ".join(table.name(p) for p, m in marks.items() if m == "C")
        informed = ", ".join(table.name(p) for p, m in marks.items() if m == "I")
        rows.append((initiative.title, table.name(initiative.owner_id) or "—",
                     table.name(initiative.sponsor_id) or "—", consulted or "—", informed or "—"))
    blocks: list = [
        Heading(tr("Roles on the Go initiatives"), 1),
        Table(columns=(tr("Initiative"), tr("Owner (R)"), tr("Sponsor (A)"), tr("Consulted (C)"),
                       tr("Informed (I)")),
              rows=tuple(rows), caption=tr("Who does what: R responsible, A accountable, "
                                          "C consulted, I informed"),
              widths=(4, 2, 2, 2, 2)),
    ]
    if table.flagged:
        blocks.append(Paragraph(tr("Watch the load of:"), emphasis=True))
        blocks.append(BulletList(tuple(f"{table.name(pid)}: {overload_reason(load, tr)}"
                                       for pid, load in table.flagged.items())))
    unowned = [i.title for i in table.initiatives if i.owner_id is None]
    if unowned:
        blocks.append(Paragraph(tr("Initiatives still without an owner:"), emphasis=True))
        blocks.append(BulletList(tuple(unowned)))
    return blocks


def governance_section(store: Store, language: str, title: str) -> Section | None:
    tr = tr_in(language)
    choices = list_choices(store)
    settled = [c for c in choices if c.settled]
    kpi_table = _kpi_table(store, tr)
    roles = _roles_blocks(store, tr)
    if not settled and kpi_table is None and not any(i.owner_id for i in roles_table(store).initiatives):
        return None
    blocks: list = [Paragraph(tr("How the transformation will be steered, measured and rewarded, "
                                "as the leadership team decided it together."))]
    placed: set[str] = set()
    for heading, keys in GROUPS:
        group = [c for c in choices if c.key in keys]
        if group:
            blocks.append(Heading(tr(heading), 1))
            for choice in group:
                blocks.extend(_choice_blocks(choice, tr))
                placed.add(choice.key)
    others = [c for c in choices if c.key not in placed]
    if others:
        blocks.append(Heading(tr("Other choices"), 1))
        for choice in others:
            blocks.extend(_choice_blocks(choice, tr))
    if kpi_table is not None:
        blocks.append(Heading(tr("Indicators"), 1))
        blocks.append(kpi_table)
    blocks.extend(roles)
    return Section(key="governance", title=title, blocks=blocks, in_short=True)


def summary_lines(store: Store, language: str) -> list[SummaryPart]:
    """The first three settled choices, question then answer."""
    tr = tr_in(language)
    lines = [f"{c.question} {', '.join(c.chosen_labels())}" for c in list_choices(store) if c.settled][:3]
    return [SummaryPart(tr("Governance in three lines"), tuple(lines), rank=30)] if lines else []
