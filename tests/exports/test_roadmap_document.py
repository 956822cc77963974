"""The Word roadmap never contradicts itself, and every level finds its part in it.

Exported from the demo and from a three-day seminar of another company built on the
core's ``create_seminar``, then read back from the .docx.
"""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from exports.docx_renderer import render_docx
from exports.docx_sections import landscape_usable_twips
from exports.report_builder import build_owner_report, build_report
from workshop_app import horizons
from workshop_app.agenda import list_blocks
from workshop_app.clock import FakeClock
from exercises.demo import build_demo
from workshop_app.domain import ValidationError
from workshop_app.run import set_current

from .roadmap_documents import column, read_body, tables_with, three_day_seminar

CLOCK = FakeClock(1_804_600_000.0)  # 2027-03-10 at 14:06 local time, whatever the zone's hour


def _export(store, path):
    return render_docx(build_report(store, clock=CLOCK), path)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roadmap-documents")
    demo = build_demo(folder / "demo.workshop", "en")
    generated = three_day_seminar(folder / "three.workshop")
    result = {}
    for name, store in (("demo", demo), ("three_day", generated.store)):
        expected = {g.title: horizons.horizon_label(g.stated, "en") for g in horizons.go_horizons(store)}
        conflicts = {g.title for g in horizons.go_horizons(store) if g.conflict}
        path = _export(store, folder / f"{name}.docx")
        result[name] = (path, read_body(path), expected, conflicts, store)
    yield result
    demo.close()
    generated.store.close()


@pytest.fixture(params=["demo", "three_day"])
def document(request, documents):
    return documents[request.param]


def _strip(text: str) -> str:
    return text.replace(" ⚠", "").strip()


def test_every_go_states_one_horizon_everywhere(document):
    _path, items, expected, conflicts, _store = document
    assert expected and all(expected.values())
    found: dict[str, dict[str, set[str]]] = {title: {} for title in expected}

    def saw(place: str, title: str, label: str) -> None:
        if title in found:
            found[title].setdefault(place, set()).add(_strip(label))

    # the executive summary's "Go initiatives by horizon"
    bullets = [i for i in items if i.chapter == "Executive summary" and i.parent == "Go initiatives by horizon"
               and i.kind == "paragraph" and i.text]
    for line in bullets:
        label, _sep, titles = line.text.partition(": ")
        for title in titles.split(" · "):
            saw("summary", title, label)
    # the decisions table
    for table in tables_with(items, "Initiative", "Decision", "Horizon", "Reason"):
        for title, label in column(table, "Horizon").items():
            saw("decisions", title, label)
    # the roadmap's tables, one per horizon, and the Go initiatives still to schedule
    for table in tables_with(items, "Initiative", "Axis", "First quarter"):
        assert table.chapter == "Roadmap"
        for title in column(table, "Axis"):
            saw("roadmap", title, table.parent)
    for line in (i for i in items if i.parent == "Go initiatives still to schedule" and i.kind == "paragraph"):
        title, _sep, label = line.text.partition(" — ")
        saw("roadmap", title, label)
    # the owner pages (an initiative is on its owner's and its sponsor's page)
    for table in tables_with(items, "Initiative", "Role", "Horizon", "Quarters"):
        assert table.chapter == "Who carries what"
        for title, label in column(table, "Horizon").items():
            saw("owners", title, label)

    for title, label in expected.items():
        assert set(found[title]) == {"summary", "decisions", "roadmap", "owners"}, title
        for place, labels in found[title].items():
            assert labels == {label}, (title, place, labels)


def test_a_kept_conflict_is_marked_beside_the_decided_horizon(documents):
    _path, items, expected, conflicts, _store = documents["three_day"]
    assert conflicts == {"Green tariff simulator"}
    decisions = column(tables_with(items, "Initiative", "Decision", "Horizon")[0], "Horizon")
    assert decisions["Green tariff simulator"] == "Quick wins (0–6 months) ⚠"
    assert decisions["Smart meter self-reading"] == "Quick wins (0–6 months)"
    quick = next(t for t in tables_with(items, "Initiative", "First quarter") if t.parent.startswith("Quick wins"))
    assert column(quick, "First quarter")["Green tariff simulator"].endswith("⚠")
    texts = [i.text for i in items if i.kind == "paragraph"]
    assert any("“Green tariff simulator” was decided for Quick wins (0–6 months) but starts in Q1 2028" in t
               for t in texts)


def test_default_placement_follows_the_decided_horizon(documents):
    _path, _items, _expected, _conflicts, store = documents["three_day"]
    starts = {g.title: g.start for g in horizons.go_horizons(store)}
    assert starts["Smart meter self-reading"] == 0
    assert starts["Outage alerts by text message"] == 2
    assert starts["One energy advisor per business client"] == 6
    assert starts["Home renovation partner network"] is None


def test_heading_levels_never_skip_nor_repeat_their_chapter(document):
    _path, items, *_rest = document
    headings = [i for i in items if i.kind == "heading"]
    previous = 1
    for heading in headings:
        assert heading.level <= previous + 1, (heading.text, heading.level, previous)
        previous = heading.level
        if heading.level > 1:
            assert heading.text != heading.parent, heading.text
    assert {h.level for h in headings} >= {1, 2, 3}


def test_the_appendix_has_the_vote_statistics(documents):
    _path, items, *_rest = documents["demo"]
    heading = next(i for i in items if i.kind == "heading" and i.text == "Vote statistics")
    assert heading.chapter == "Appendix" and heading.level == 2
    table = tables_with(items, "Stage", "Ballots", "Participation")[0]
    assert table.chapter == "Appendix" and len(table.rows) > 1


def test_no_empty_paragraph_closes_the_contents(document):
    path, *_rest = document
    body = list(Document(path).element.body.iterchildren())
    begin = next(n for n, el in enumerate(body) if "TOC \\o" in el.xml)
    chapter = next(n for n, el in enumerate(body) if n > begin and 'w:val="Heading1"' in el.xml)
    last = body[chapter - 1]  # the contents' last paragraph is an entry, not an empty one
    assert "w:hyperlink" in last.xml and 'w:val="TOC' in last.xml
    fields = "".join(el.xml for el in body[begin:chapter])
    assert fields.count('w:fldCharType="begin"') == fields.count('w:fldCharType="end"')


def test_one_page_per_owner_or_sponsor(document):
    path, items, _expected, _conflicts, store = document
    carriers = {row["name"] for row in store.query(
        "SELECT DISTINCT p.name FROM participants p JOIN initiatives i ON p.id IN (i.owner_id, i.sponsor_id)"
        " JOIN decisions d ON d.initiative_id = i.id AND d.decision = 'go'")}
    pages = [i for i in items if i.kind == "heading" and i.chapter == "Who carries what" and i.level == 2]
    assert {p.text for p in pages} == carriers
    document_ = Document(path)
    owner_headings = [p for p in document_.paragraphs if p.style.name == "Heading 2" and p.text in carriers]
    # each page after the first starts on a new page
    for p in owner_headings[1:]:
        previous = p._p.getprevious()
        assert 'w:type="page"' in previous.xml or "pageBreakBefore" in p._p.xml
    roles_tables = tables_with(items, "Role in the governance", "Initiatives")
    assert len(roles_tables) == len(carriers)


def test_an_owner_page_says_what_they_carry(documents):
    _path, items, *_rest = documents["three_day"]
    page = [i for i in items if i.chapter == "Who carries what"]
    start = next(n for n, i in enumerate(page) if i.kind == "heading" and i.text == "Lena Brandt")
    end = next((n for n, i in enumerate(page) if n > start and i.kind == "heading" and i.level == 2), len(page))
    mine = page[start:end]
    carried = column(next(t for t in mine if t.kind == "table" and "Role" in t.rows[0]), "Role")
    assert carried == {"Outage alerts by text message": "Owner (R)", "Green tariff simulator": "Owner (R)"}
    quarters = column(next(t for t in mine if t.kind == "table" and "Quarters" in t.rows[0]), "Quarters")
    assert quarters["Outage alerts by text message"] == "Q4 2027 – Q1 2028"
    links = next(t for t in mine if t.kind == "table" and "Link" in t.rows[0])
    assert ["Outage alerts by text message", "needs first", "Smart meter self-reading", "Eva Lindqvist"] in links.rows
    milestones = next(t for t in mine if t.kind == "table" and "Milestone" in t.rows[0])
    assert ["Q4 2027", "Outage alerts by text message", "Alerts live"] in milestones.rows
    raci = column(next(t for t in mine if t.kind == "table" and "Role in the governance" in t.rows[0]),
                  "Initiatives")
    assert raci["Responsible (R)"] == "Outage alerts by text message · Green tariff simulator"
    ines = [i for i in page if i.kind == "table" and "Role in the governance" in i.rows[0]][-1]
    assert column(ines, "Initiatives")["Consulted (C)"] == "Green tariff simulator"


def test_the_roadmap_on_one_landscape_page(document):
    path, items, *_rest = document
    doc = Document(path)
    orientations = [s.orientation for s in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = doc.sections[1]
    assert (round(landscape.page_width.cm, 1), round(landscape.page_height.cm, 1)) == (29.7, 21.0)
    assert (round(doc.sections[2].page_width.cm, 1), round(doc.sections[2].page_height.cm, 1)) == (21.0, 29.7)
    assert not doc.sections[1].different_first_page_header_footer  # no empty cover header on it
    assert not doc.sections[2].different_first_page_header_footer
    # the landscape section holds its heading, one picture and its caption, nothing else
    body = list(doc.element.body.iterchildren())
    end = next(n for n, el in enumerate(body) if "w:orient=\"landscape\"" in el.xml)
    start = next(n for n, el in enumerate(body) if "The roadmap on one page" in el.xml and "Heading1" in el.xml)
    inside = body[start:end + 1]
    assert sum("<pic:pic" in el.xml for el in inside) == 1 and len(inside) == 3
    # its own header, the organisation flush right at the landscape text width
    assert not landscape.header.is_linked_to_previous
    width = landscape_usable_twips(doc.sections[2])[0]
    assert f'w:pos="{width}"' in landscape.header._element.xml and width > 14000
    assert "Northwind Energy" in landscape.header._element.xml or "Banque Horizon" in landscape.header._element.xml


def test_draft_until_the_last_block_then_final(tmp_path):
    generated = three_day_seminar(tmp_path / "s.workshop")
    store = generated.store
    doc = Document(_export(store, tmp_path / "draft.docx"))
    draft = next(p.text for p in doc.paragraphs if p.text.startswith("Draft — exported on "))
    assert " at " in draft and draft.endswith(CLOCK.local().strftime("%H:%M"))
    assert "Draft — exported on" in doc.sections[0].header._element.xml
    set_current(store, list_blocks(store)[-1].id)  # the closing block has come
    final = Document(_export(store, tmp_path / "final.docx"))
    assert not any("Draft" in p.text for p in final.paragraphs)
    assert all("Draft" not in s.header._element.xml for s in final.sections)
    store.close()


def test_an_owner_part_alone(documents, tmp_path):
    _path, _items, _expected, _conflicts, store = documents["three_day"]
    report = build_owner_report(store, "  lena   BRANDT ", clock=CLOCK)
    assert not report.contents and [s.title for s in report.sections] == ["Lena Brandt"]
    doc = Document(render_docx(report, tmp_path / "lena.docx"))
    assert 'TOC \\o' not in doc.element.body.xml
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == ["Lena Brandt"]
    assert any(p.text == "Who carries what: Lena Brandt" for p in doc.paragraphs)
    text = doc.element.body.xml
    assert "Outage alerts by text message" in text and "One energy advisor per business client" not in text
    with pytest.raises(ValidationError, match="owns or sponsors no Go initiative"):
        build_owner_report(store, "Nobody", clock=CLOCK)
