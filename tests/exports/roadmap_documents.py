"""Seminars to export and a reader of the exported Word file (no tests here).

``three_day_seminar`` is another company's seminar built through the stages' APIs on a
file made by the core's ``create_seminar``: Go initiatives on every horizon, one placed
at its default quarter per horizon, one moved into another horizon with the decision
kept (a conflict), one not scheduled, a dependency, milestones and roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from exercises import REGISTRY
from exercises.arbitration.decisions import set_decision
from exercises.governance import roles
from exercises.ideation.initiatives import create_initiative
from exercises.ideation.logic import add_axis
from exercises.roadmap import store_ops
from workshop_app.creation import SeminarSpec, create_seminar
from workshop_app.participants import add_participant
from workshop_app.store import Store

THREE_DAYS = ("2027-03-09", "2027-03-10", "2027-03-11")

# title, axis, decision, horizon, owner, sponsor, placed: "default" | quarter | None
INITIATIVES = (
    ("Smart meter self-reading", 0, "go", "quick_wins", 0, 1, "default"),
    ("Outage alerts by text message", 0, "go", "mid_term", 2, 1, "default"),
    ("One energy advisor per business client", 1, "go", "long_term", 3, 0, "default"),
    ("Green tariff simulator", 1, "go", "quick_wins", 2, 3, 3),  # moved into mid-term, decision kept
    ("Home renovation partner network", 1, "go", "mid_term", 4, 0, None),  # not scheduled yet
    ("Loyalty points", 0, "later", "", 1, 2, None),
)


@dataclass
class Generated:
    store: Store
    ids: dict[str, int] = field(default_factory=dict)
    people: list[int] = field(default_factory=list)


def three_day_seminar(path: Path, language: str = "en") -> Generated:
    store = create_seminar(path, SeminarSpec("Customer promise 2027–2030", "Northwind Energy", language,
                                             THREE_DAYS), REGISTRY, created_at="2027-03-09T08:00:00")
    result = Generated(store)
    for name, function in (("Eva Lindqvist", "Chief executive officer"), ("Omar Haddad", "Head of customer care"),
                           ("Lena Brandt", "Chief digital officer"), ("Paul Okafor", "Head of business sales"),
                           ("Ines Moreau", "Head of partnerships")):
        result.people.append(add_participant(store, name, function))
    axes = [add_axis(store, "Effortless service", ambition="No customer calls us twice."),
            add_axis(store, "Advice that saves energy", ambition="Every client pays for what they need.")]
    at = 1_804_000_000.0
    for title, axis, decision, horizon, owner, sponsor, placed in INITIATIVES:
        iid = create_initiative(store, title=title, axis_id=axes[axis], kpi="Share of satisfied clients",
                                kpi_target="80 % by 2028")
        result.ids[title] = iid
        set_decision(store, iid, decision, "Decided by the room", horizon, at=at)
        if decision == "go":
            roles.assign(store, iid, result.people[owner], result.people[sponsor])
            if placed == "default":
                store_ops.place(store, iid, *store_ops.first_placement(store, iid))
            elif placed is not None:
                store_ops.place(store, iid, placed, 2)
    ids = result.ids
    store_ops.add_milestone(store, ids["Smart meter self-reading"], 1, "Pilot in two towns")
    store_ops.add_milestone(store, ids["Outage alerts by text message"], 2, "Alerts live")
    store_ops.add_dependency(store, ids["Outage alerts by text message"], ids["Smart meter self-reading"])
    roles.set_mark(store, ids["Green tariff simulator"], result.people[4], "C")
    return result


# --- reading the document -------------------------------------------------------------

@dataclass
class Item:
    kind: str  # "heading", "paragraph" or "table"
    level: int = 0  # heading level (1..9)
    text: str = ""
    style: str = ""
    rows: list[list[str]] = field(default_factory=list)
    chapter: str = ""  # the Heading 1 it falls under
    parent: str = ""  # the nearest heading above it


def read_body(path: Path) -> list[Item]:
    """The body in order: headings, paragraphs and tables, each with its chapter."""
    document = Document(path)
    items: list[Item] = []
    headings: dict[int, str] = {}
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            p = DocxParagraph(element, document)
            style = p.style.name if p.style is not None else ""
            if style.startswith("Heading "):
                level = int(style.split()[1])
                headings = {k: v for k, v in headings.items() if k < level} | {level: p.text}
                items.append(Item("heading", level, p.text, style, chapter=headings.get(1, ""),
                                  parent=headings.get(level - 1, "")))
            else:
                items.append(Item("paragraph", text=p.text, style=style, chapter=headings.get(1, ""),
                                  parent=headings[max(headings)] if headings else ""))
        elif element.tag == qn("w:tbl"):
            table = DocxTable(element, document)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            items.append(Item("table", rows=rows, chapter=headings.get(1, ""),
                              parent=headings[max(headings)] if headings else ""))
    return items


def tables_with(items: list[Item], *columns: str) -> list[Item]:
    return [i for i in items if i.kind == "table" and i.rows and all(c in i.rows[0] for c in columns)]


def column(table: Item, name: str) -> dict[str, str]:
    """First cell of each row -> the cell under ``name`` (header row left out)."""
    index = table.rows[0].index(name)
    return {row[0]: row[index] for row in table.rows[1:]}
