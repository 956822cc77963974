"""The ideation chapter of the roadmap: the axes with their ambition and ideas, and the initiatives' readiness.

The business-case cards themselves belong to the roadmap chapter (Go initiatives only).
"""

from __future__ import annotations

from workshop_app.i18n import translate
from workshop_app.report import BulletList, Heading, Paragraph, Section, SummaryPart, Table
from workshop_app.store import Store

from . import initiatives as ini
from . import logic


def _initiative_line(initiative: ini.Initiative, language: str) -> str:
    tr = lambda text: translate(text, language)  # noqa: E731
    if ini.is_ready(initiative):
        return f"{initiative.title} — {tr(ini.READY)}"
    missing = ", ".join(ini.field_label(k, language).lower() for k in ini.missing_fields(initiative))
    return f"{initiative.title} — {tr(ini.NOT_READY)} ({tr('missing: {fields}').format(fields=missing)})"


def report_section(store: Store, language: str) -> Section | None:
    tr = lambda text: translate(text, language)  # noqa: E731
    axes = logic.list_axes(store)
    ideas = logic.list_ideas(store)
    initiatives = ini.list_initiatives(store)
    if not (axes or ideas or initiatives):
        return None
    figures = logic.counts(store)
    ready = sum(1 for i in initiatives if ini.is_ready(i))
    section = Section("ideation", tr("Innovation axes"))
    section.blocks.append(Paragraph(tr(
        "{ideas} ideas in {rounds} rounds, clustered into {axes} innovation axes; {initiatives} initiatives, "
        "{ready} of them ready for arbitration.").format(
            ideas=figures["ideas"], rounds=figures["rounds"], axes=figures["axes"],
            initiatives=len(initiatives), ready=ready)))
    for axis in axes:
        section.blocks.append(Heading(axis.name, 1))
        if axis.ambition:
            section.blocks.append(Paragraph(axis.ambition, emphasis=True))
        texts = tuple(i.text for i in ideas if i.axis_id == axis.id)
        count = tr("One idea.") if len(texts) == 1 else tr("{n} ideas.").format(n=len(texts))
        section.blocks.append(Paragraph(count if texts else tr("No ideas yet.")))
        if texts:
            section.blocks.append(BulletList(texts))
        mine = [i for i in initiatives if i.axis_id == axis.id]
        if mine:
            section.blocks.append(Paragraph(tr("Its initiatives:"), emphasis=True))
            section.blocks.append(BulletList(tuple(_initiative_line(i, language) for i in mine)))
    loose = tuple(i.text for i in ideas if i.axis_id is None)
    if loose:
        section.blocks.append(Heading(tr("Ideas not clustered into an axis"), 1))
        section.blocks.append(BulletList(loose))
    orphans = [i for i in initiatives if i.axis_id is None]
    if orphans:
        section.blocks.append(Heading(tr("Initiatives outside the axes"), 1))
        section.blocks.append(BulletList(tuple(_initiative_line(i, language) for i in orphans)))
    return section


def summary_lines(store: Store, language: str) -> list[SummaryPart]:
    """The axes and their ambition, for the executive summary."""
    axes = logic.list_axes(store)
    if not axes:
        return []
    return [SummaryPart(translate("Innovation axes", language),
                        tuple(f"{a.name} — {a.ambition}" if a.ambition else a.name for a in axes), rank=10)]


def appendix_blocks(store: Store, language: str) -> list:
    """Every idea captured (merged ones once), axis by axis."""
    tr = lambda text: translate(text, language)  # noqa: E731
    axes = logic.list_axes(store)
    order = {a.id: n for n, a in enumerate(axes)}
    names = {a.id: a.name for a in axes}
    ideas = sorted(logic.list_ideas(store), key=lambda i: (order.get(i.axis_id, len(order)), i.position, i.id))
    if not ideas:
        return []
    return [Heading(tr("All ideas"), 1),
            Table((tr("Idea"), tr("Innovation axis")), tuple((i.text, names.get(i.axis_id, "—")) for i in ideas),
                  caption=tr("{n} ideas captured during the seminar").format(n=len(ideas)), widths=(3, 1.3))]
