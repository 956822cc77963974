"""Landscape page sections, the draft mark and the contents switch, on small documents."""

from __future__ import annotations

from functools import partial

import docx
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from exports.docx_renderer import render_docx
from exports.docx_sections import is_a3, landscape_usable_twips
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Report, Section

from .chart_factories import bars


def _report(**extra) -> Report:
    sections = [
        Section("one", "First chapter", [Paragraph("Portrait text."), BulletList(("a", "b"))]),
        Section("wall", "On the wall", [Chart(figure=partial(bars, 5, "Bar"), caption="Everything at once", width_cm=60.0,
                                              tall=True)], landscape=True),
        Section("two", "Second chapter", [Heading("A part", 1), Paragraph("More portrait text.")]),
    ]
    return Report(title="Plan", organisation="ACME", subtitle="Roadmap", dates="1 March 2027",
                  language="en", confidentiality="Internal", sections=sections, **extra)


def _template(tmp_path, width_cm: float, height_cm: float, header: str = ""):
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(width_cm), Cm(height_cm)
    if header:
        section.header.paragraphs[0].text = header
    path = tmp_path / "template.docx"
    document.save(path)
    return path


def _sizes(document):
    return [(round(s.page_width.cm, 1), round(s.page_height.cm, 1), s.orientation) for s in document.sections]


def test_a_landscape_section_between_portrait_chapters(tmp_path):
    doc = Document(render_docx(_report(), tmp_path / "a4.docx"))
    assert _sizes(doc) == [(21.0, 29.7, WD_ORIENT.PORTRAIT), (29.7, 21.0, WD_ORIENT.LANDSCAPE),
                           (21.0, 29.7, WD_ORIENT.PORTRAIT)]
    assert doc.sections[0].different_first_page_header_footer  # the cover keeps its own footer
    picture = doc.inline_shapes[0]
    usable_w, _h = landscape_usable_twips(doc.sections[0])
    assert abs(picture.width - usable_w * 635) < 635 * 20  # the figure fills the landscape width
    # the chapter after the wall page starts with its section, not with a blank page
    heading = next(p for p in doc.paragraphs if p.text == "Second chapter")
    assert "pageBreakBefore" not in heading._p.xml
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["First chapter", "On the wall", "Second chapter"]


def test_an_a3_template_gets_an_a3_landscape_page(tmp_path):
    template = _template(tmp_path, 29.7, 42.0, header="ACME house header")
    doc = Document(render_docx(_report(), tmp_path / "a3.docx", template=template))
    assert is_a3(doc.sections[0])
    assert _sizes(doc) == [(29.7, 42.0, WD_ORIENT.PORTRAIT), (42.0, 29.7, WD_ORIENT.LANDSCAPE),
                           (29.7, 42.0, WD_ORIENT.PORTRAIT)]
    # the template's own header is kept, and shared by the landscape page
    for section in doc.sections:
        assert "ACME house header" in section.header._element.xml


def test_a_letter_template_gets_an_a4_landscape_page(tmp_path):
    template = _template(tmp_path, 21.59, 27.94)
    doc = Document(render_docx(_report(), tmp_path / "letter.docx", template=template))
    assert _sizes(doc)[1] == (29.7, 21.0, WD_ORIENT.LANDSCAPE)


def test_the_draft_mark_on_the_cover_and_in_every_header(tmp_path):
    draft = "Draft — exported on 1 March 2027 at 10:15"
    doc = Document(render_docx(_report(draft=draft), tmp_path / "draft.docx"))
    cover = [p.text for p in doc.paragraphs[:8]]
    assert draft in cover
    for section in doc.sections:
        assert draft in section.header._element.xml
    template = _template(tmp_path, 21.0, 29.7, header="House header")
    kept = Document(render_docx(_report(draft=draft), tmp_path / "kept.docx", template=template))
    header = kept.sections[0].header._element.xml
    assert draft in header and "House header" in header
    final = Document(render_docx(_report(), tmp_path / "final.docx"))
    assert not any("Draft" in p.text for p in final.paragraphs)


@pytest.mark.parametrize("contents", [True, False])
def test_the_contents_page_can_be_left_out(tmp_path, contents):
    doc = Document(render_docx(_report(contents=contents), tmp_path / "c.docx"))
    assert ('TOC \\o' in doc.element.body.xml) is contents


def test_a_document_ending_in_landscape_has_no_empty_portrait_section(tmp_path):
    report = _report()
    report.sections = report.sections[:2]
    doc = Document(render_docx(report, tmp_path / "end.docx"))
    assert _sizes(doc) == [(21.0, 29.7, WD_ORIENT.PORTRAIT), (29.7, 21.0, WD_ORIENT.LANDSCAPE)]
    assert not doc.sections[1].header.is_linked_to_previous
    assert doc.sections[0].different_first_page_header_footer
