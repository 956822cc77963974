"""Word export: structure and styles of the rendered sample report.

The sample report uses every block type, French accents, an emoji, a 300-row table
and two charts built with matplotlib.figure.Figure (never pyplot).
"""

from __future__ import annotations

from tests.exports.docx_sample import *  # noqa: F401,F403 - the sample and its helpers

@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "roadmap.docx"
    assert render_docx(make_report(), out) == out
    return out



# ------------------------------------------------------------------------- structure
def test_cover_uses_title_style_and_cover_content(rendered):
    document = docx.Document(str(rendered))
    titles = [p for p in document.paragraphs if style_of(p) == "Title"]
    assert [p.text for p in titles] == ["Feuille de route Expérience Client 2025–2027"]
    texts = [p.text for p in document.paragraphs]
    title_at = texts.index(titles[0].text)
    cover = texts[: title_at + 3]
    assert "ACME Services Énergie" in cover
    assert "Feuille de route à moyen terme" in texts[title_at + 1]
    assert "Séminaire des 12 et 13 mars 2025" in texts[title_at + 2]
    # The logo is on the cover, before the title.
    first_drawing = next(i for i, p in enumerate(document.paragraphs)
                         if p._p.find(".//" + qn("w:drawing")) is not None)
    assert first_drawing < title_at
    # Confidentiality line in the cover's own footer; no header on the cover.
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "Confidentiel" in section.first_page_footer.paragraphs[0].text
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()


def test_headings_in_order_with_section_mapping(rendered):
    document = docx.Document(str(rendered))
    assert headings(document) == [
        ("Heading 1", "Synthèse pour la direction"),
        ("Heading 2", "Nos trois convictions"),
        ("Heading 3", "Ambitions chiffrées"),
        ("Heading 1", "Parcours client : constats"),
        ("Heading 2", "Irritants prioritaires"),
        ("Heading 3", "Détail des verbatims"),
        ("Heading 1", "Cas d'affaires"),
        ("Heading 1", "Plan d'actions détaillé"),
    ]
    # Each section starts on a new page; the empty section is left out.
    for p in document.paragraphs:
        if style_of(p) == "Heading 1":
            assert p.paragraph_format.page_break_before
    assert "Section vide" not in [p.text for p in document.paragraphs]


def test_toc_field_is_real_and_prefilled(rendered):
    document = docx.Document(str(rendered))
    body = document.element.body
    instr = [t.text for t in body.iter(qn("w:instrText"))]
    assert any('TOC \\o "1-3" \\h \\z \\u' in t for t in instr)
    # Walk the runs: text between the TOC's "separate" and its "end" is the cache.
    events, depth, in_toc, cached = [], 0, False, []
    for el in body.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if el.tag == qn("w:fldChar"):
            kind = el.get(qn("w:fldCharType"))
            events.append(kind)
            if kind == "begin":
                depth += 1
            elif kind == "end":
                depth -= 1
                if depth == 0 and in_toc:
                    break
        elif el.tag == qn("w:instrText") and "TOC" in el.text and depth == 1:
            in_toc = True
        elif el.tag == qn("w:t") and in_toc:
            cached.append(el.text)
    cache = "".join(cached)
    for _, text in headings(document):
        assert text in cache
    assert "Section vide" not in cache
    # The contents heading is not a Heading style (it must not list itself).
    contents = [p for p in document.paragraphs if p.text == "Sommaire"]
    assert len(contents) == 1 and not style_of(contents[0]).startswith("Heading")
    assert "Sommaire" not in cache
    toc_styles = {style_of(p).lower() for p in document.paragraphs}
    assert {"toc 1", "toc 2", "toc 3"} <= toc_styles
    # Word offers to refresh fields on opening.
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_tables_use_style_and_repeat_header(rendered):
    document = docx.Document(str(rendered))
    data_tables = [t for t in document.tables if t.style.name == "Roadmap Table"
                   and len(t.columns) >= 3]
    assert [len(t.rows) for t in data_tables] == [5, 301]
    big = data_tables[1]
    header = [c.text for c in big.rows[0].cells]
    assert header == ["Réf.", "Action", "Porteur", "Échéance", "Budget"]
    assert big.rows[300].cells[0].text == "A300"
    for table in data_tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        assert look.get(qn("w:firstRow")) == "1" and look.get(qn("w:noHBand")) == "0"
        assert {p.style.name for p in table.rows[0].cells[0].paragraphs} == {"Table Header"}
    # Widths honoured: (1, 5, 2, 1.4, 1.2) relative widths.
    grid = [int(g.get(qn("w:w"))) for g in big._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert grid[1] > 4 * grid[0] and abs(grid[2] - 2 * grid[0]) <= 2
    # The table style itself: header shaded in the accent colour, banded rows.
    style_xml = document.styles["Roadmap Table"].element.xml
    assert 'w:type="firstRow"' in style_xml and "1F3A5F" in style_xml
    assert 'w:type="band1Horz"' in style_xml


def test_captions_and_images(rendered):
    document = docx.Document(str(rendered))
    captions = [p.text for p in document.paragraphs if style_of(p) == "Caption"]
    assert captions == CAPTIONS
    figures = [p for p in document.paragraphs if style_of(p) == "Figure"]
    assert len(figures) == 2
    assert all(p._p.find(".//" + qn("w:drawing")) is not None for p in figures)
    # Charts plus the logo; sized within the text width.
    assert len(document.inline_shapes) == 3
    usable = document.sections[0].page_width - 2 * document.sections[0].left_margin
    widths = [s.width for s in document.inline_shapes]
    assert all(w <= usable for w in widths)
    assert abs(widths[2] - Cm(14)) < Cm(0.05)  # width_cm=14 honoured


def test_image_count_equals_charts_without_logo(tmp_path):
    out = render_docx(make_report(logo=False), tmp_path / "no-logo.docx")
    assert len(docx.Document(str(out)).inline_shapes) == 2


def test_paragraph_kinds_and_text_fidelity(rendered):
    document = docx.Document(str(rendered))
    bullets = [p.text for p in document.paragraphs if style_of(p) == "List Bullet"]
    assert len(bullets) == 5 and bullets[1].startswith("Chaque irritant majeur")
    quote = next(p for p in document.paragraphs if p.text.startswith("« Nous voulons"))
    assert style_of(quote) == "Normal" and all(r.italic for r in quote.runs)
    assert any("🚀" in p.text for p in document.paragraphs)


def test_card_layout(rendered):
    document = docx.Document(str(rendered))
    cards = [t for t in document.tables if len(t.columns) == 2]
    assert len(cards) == 2
    card = cards[0]
    first = card.rows[0]._tr.tc_lst[0]
    assert first.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    title_paragraphs = [p.text for p in card.rows[0].cells[0].paragraphs]
    assert title_paragraphs == ["Rappel client sous 2 heures",
                                "Porteur : Directrice de la relation client"]
    assert [card.rows[i].cells[0].text for i in range(1, 6)] == [
        "Problème", "Solution", "Investissement", "Gains attendus", "Jalons"]
    assert card.rows[2].cells[1].text == (
        "Équipe de rappel dédiée, routage automatique\net suivi en temps réel."
    )
    assert card.rows[1].cells[0].paragraphs[0].style.name == "Card Label"
    assert document.styles["Card Label"].font.bold
    grid = [int(g.get(qn("w:w"))) for g in card._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert grid[0] < grid[1] / 2  # narrow label column
    for row in card.rows:  # rows never split, the card is kept together
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for row in list(card.rows)[:-1]:
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)


def test_header_footer_fields(rendered):
    document = docx.Document(str(rendered))
    section = document.sections[0]
    assert "Feuille de route Expérience Client" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "Page " in section.footer.paragraphs[0].text
    assert "Confidentiel" in section.footer.paragraphs[0].text
    assert any(" PAGE " in x for x in part_xml(rendered, "word/footer"))


def test_page_setup_a4_and_styles(rendered):
    document = docx.Document(str(rendered))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
    assert section.page_width < section.page_height
    for margin in (section.left_margin, section.right_margin, section.top_margin,
                   section.bottom_margin):
        assert Cm(2) <= margin <= Cm(2.5)
    styles = document.styles
    assert styles["Normal"].font.name == "Calibri"
    assert styles["Normal"].font.size.pt == 10.5
    for name in ("Heading 1", "Heading 2", "Title"):
        assert str(styles[name].font.color.rgb) == "1F3A5F"
    # Look comes from styles, not from direct run formatting on headings.
    for p in document.paragraphs:
        if style_of(p).startswith("Heading"):
            assert all(r.font.color.rgb is None and r.font.size is None for r in p.runs)
    # Document language follows the report.
    lang = styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "fr-FR"
    assert document.core_properties.title == "Feuille de route Expérience Client 2025–2027"
    with zipfile.ZipFile(rendered) as z:  # no stale preview image from the base document
        assert not [n for n in z.namelist() if "thumbnail" in n]


def test_short_version_keeps_only_short_sections(tmp_path):
    out = render_docx(make_report(short=True), tmp_path / "short.docx")
    document = docx.Document(str(out))
    h1 = [t for s, t in headings(document) if s == "Heading 1"]
    assert h1 == SHORT_TITLES
    assert len(document.inline_shapes) == 1  # only the logo: charts were in long sections
    assert len([t for t in document.tables if len(t.rows) > 100]) == 0


def test_useless_page_breaks_are_dropped(tmp_path):
    report = make_report(logo=False)
    report.sections = [
        Section("a", "Alpha", [PageBreak(), Paragraph("x"), PageBreak(), PageBreak(),
                               Paragraph("y"), PageBreak()]),
        Section("b", "Beta", [Paragraph("z")]),
    ]
    out = render_docx(report, tmp_path / "breaks.docx")
    assert body_xml(out).count('w:type="page"') == 1


def test_bad_text_and_odd_shapes_do_not_crash(tmp_path):
    report = make_report(logo=False)
    report.sections = [
        Section("odd", "Odd\x00 content\x0b", [
            Paragraph("Tab\there, bell\x07, line\nbreak"),
            Table(columns=("A", "B"), rows=(("1",), ("1", "2", "3")), widths=(1, 2, 3)),
            Table(columns=(), rows=()),
            Card(title="Empty card", fields=()),
            Heading("Deep", 3),
        ]),
    ]
    out = render_docx(report, tmp_path / "odd.docx")
    document = docx.Document(str(out))
    assert ("Heading 1", "Odd content") in headings(document)
    assert ("Heading 4", "Deep") in headings(document)
    table = [t for t in document.tables if t.style.name == "Roadmap Table" and len(t.rows) == 3][0]
    assert [c.text for c in table.rows[1].cells] == ["1", ""]


def test_progress_reaches_total_from_worker_thread(tmp_path):
    calls: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work():
        try:
            render_docx(make_report(), tmp_path / "threaded.docx",
                        progress=lambda d, t: calls.append((d, t)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not errors
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert len({t for _, t in calls}) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(calls) > 10


def test_cancelling_from_progress_writes_nothing(tmp_path):
    class Cancelled(Exception):
        pass

    def progress(done, total):
        if done > 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        render_docx(make_report(), tmp_path / "cancelled.docx", progress=progress)
    assert folder_listing(tmp_path) == []


def test_chart_error_is_an_export_error(tmp_path):
    def broken():
        raise ValueError("no data")

    report = make_report(logo=False)
    report.sections[0].blocks.append(Chart(figure=broken, caption="Radar"))
    with pytest.raises(ExportError) as info:
        render_docx(report, tmp_path / "broken.docx")
    assert info.value.kind == ExportError.CONTENT and "Radar" in str(info.value)
    assert folder_listing(tmp_path) == []


def test_unexpected_failure_is_an_export_error(tmp_path):
    report = make_report(logo=False)
    report.sections[0].blocks.append(Table(columns=("A",), rows=(42,)))  # not a row
    with pytest.raises(ExportError) as info:
        render_docx(report, tmp_path / "bad.docx")
    assert info.value.kind == ExportError.OTHER
    assert isinstance(info.value.__cause__, TypeError)
    assert folder_listing(tmp_path) == []


def test_matplotlib_is_not_imported_at_module_import():
    code = ("import sys; import exports.docx_renderer; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root,
                   env={**os.environ, "PYTHONPATH": str(root)})


def _savefig_tight(make_figure, dpi: float):
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig = make_figure()
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return Image.open(io.BytesIO(buffer.getvalue()))


def _chart_picture(make_figure, dpi: float):
    import io

    from PIL import Image

    from exports.chart_png import figure_png as _png

    return Image.open(io.BytesIO(_png(make_figure(), dpi)))


def test_charts_are_drawn_once_and_cropped_like_savefig_tight():
    """The same picture as savefig(bbox_inches="tight"): same size to a pixel or two, same content."""
    from PIL import ImageChops, ImageStat

    def make():
        from matplotlib.figure import Figure

        fig = Figure(figsize=(8, 5))
        ax = fig.add_subplot()
        ax.barh(range(5), [5, 4, 3, 2, 1], color="#2A9D8F")
        ax.set_yticks(range(5), [f"Initiative {n}" for n in range(5)])
        ax.set_xlabel("Points")
        fig.tight_layout()
        return fig

    ours, reference = _chart_picture(make, 120), _savefig_tight(make, 120)
    assert ours.mode == "RGB"
    assert abs(ours.width - reference.width) <= 3 and abs(ours.height - reference.height) <= 3
    same = reference.convert("RGB").resize(ours.size)
    assert max(ImageStat.Stat(ImageChops.difference(ours, same)).mean) < 6


def test_a_chart_drawn_past_its_edges_is_still_shown_whole():
    def make():
        from matplotlib.figure import Figure

        fig = Figure(figsize=(4, 3))
        ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
        ax.text(1.02, 0.5, "a long note written past the right edge", transform=ax.transAxes)
        return fig

    ours, reference = _chart_picture(make, 100), _savefig_tight(make, 100)
    assert ours.width > 400  # wider than the 4-inch figure: savefig's tight box, not a crop
    assert ours.size == reference.size


def test_a_crowded_table_shares_its_width_by_the_room_its_words_need():
    from exports.docx_tables import column_widths

    # the minimums fit: granted, the rest follows the relative widths
    assert column_widths(9000, 3, (1, 1, 1), [4000, 1000, 1000]) == [4000, 2500, 2500]
    # too many columns for every word: in proportion to each column's need, no word favoured
    widths = column_widths(9000, 3, (8, 1, 1), [6000, 3000, 3000])
    assert widths == [4500, 2250, 2250] and sum(widths) == 9000
