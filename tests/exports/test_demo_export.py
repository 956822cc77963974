"""The demo seminar's roadmap as Word, in both languages, reopened with python-docx."""

from __future__ import annotations

import pytest
from docx import Document

from exports.docx_renderer import render_docx
from exports.report_builder import build_report
from exercises.demo import build_demo
from workshop_app.report import Chart, Table

CHAPTERS = {
    "fr": ["Synthèse", "Participants", "Le programme tel que déroulé", "Annexe"],
    "en": ["Executive summary", "Participants", "The agenda as run", "Appendix"],
}


@pytest.fixture(scope="module", params=["fr", "en"])
def demo_export(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    store = build_demo(folder / "demo.workshop", request.param)
    report = build_report(store)
    short = build_report(store, short=True)
    path = render_docx(report, folder / "full.docx")
    short_path = render_docx(short, folder / "short.docx")
    store.close()
    return request.param, report, Document(path), short, Document(short_path)


def headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_cover_and_chapters(demo_export):
    language, report, document, _short, _sdoc = demo_export
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [report.title]
    chapters = headings(document, 1)
    assert chapters == [s.title for s in report.visible_sections()]
    for name in CHAPTERS[language]:
        assert name in chapters, name
    assert len(chapters) >= 6  # the core chapters and the exercises' ones


def test_every_table_and_chart_is_in_the_document(demo_export):
    _language, report, document, _short, _sdoc = demo_export
    blocks = [b for s in report.visible_sections() for b in s.blocks]
    charts = sum(isinstance(b, Chart) for b in blocks)
    tables = sum(isinstance(b, Table) for b in blocks)
    images = document.inline_shapes
    assert charts >= 1 and len(images) == charts
    assert len(document.tables) >= tables
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    captioned = sum(isinstance(b, Table) and bool(b.caption) for b in blocks)
    assert len(captions) >= charts + captioned


def test_toc_header_footer_and_a4(demo_export):
    _language, report, document, _short, _sdoc = demo_export
    body = document.element.body.xml
    assert 'TOC \\o "1-3"' in body
    section = document.sections[-1]
    assert abs(section.page_width.cm - 21.0) < 0.1 and abs(section.page_height.cm - 29.7) < 0.1
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert report.title in section.header._element.xml


def test_short_version_keeps_what_management_reads(demo_export):
    language, report, _document, short, short_doc = demo_export
    full_titles = [s.title for s in report.visible_sections()]
    short_titles = headings(short_doc, 1)
    assert short_titles == [s.title for s in short.visible_sections()]
    assert CHAPTERS[language][0] in short_titles
    assert CHAPTERS[language][1] not in short_titles
    assert len(short_titles) < len(full_titles)


def test_charts_drawn_by_the_helper_process_are_the_same_pictures(demo_export, tmp_path, monkeypatch):
    """Every chart of the demo can be drawn in the helper process, and comes out byte for byte the same."""
    import pickle

    from exports import chart_worker, docx_renderer

    _language, report, document, _short, _sdoc = demo_export
    charts = [b for s in report.visible_sections() for b in s.blocks if isinstance(b, Chart)]
    assert chart_worker.worth_a_helper(len(charts)) or (chart_worker.os.cpu_count() or 1) < 2
    for chart in charts:
        pickle.dumps(chart)  # a factory that does not pickle would always be drawn by the export
    monkeypatch.setattr(docx_renderer, "worth_a_helper", lambda count: False)
    alone = Document(render_docx(report, tmp_path / "alone.docx"))

    def pictures(doc):
        return [doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
                for shape in doc.inline_shapes]

    assert pictures(alone) == pictures(document)
