"""The exported roadmap opens in a real word processor: LibreOffice converts it to PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exports.docx_renderer import render_docx
from workshop_app.report import (
    BulletList,
    Card,
    Chart,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
)


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chart():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    ax.bar(["Découverte", "Achat", "Service"], [3.2, 3.9, 2.6], color="#1F3A5F")
    return fig


def _report() -> Report:
    rows = tuple((f"A{i:03d}", f"Action n°{i} — améliorer l'accueil", f"{i * 3} k€")
                 for i in range(1, 81))
    return Report(
        title="Feuille de route Expérience Client",
        organisation="ACME Énergie",
        subtitle="Feuille de route à moyen terme",
        dates="12–13 mars 2025",
        language="fr",
        confidentiality="Confidentiel",
        sections=[
            Section("summary", "Synthèse", [
                Paragraph("Résumé des décisions du séminaire. 🚀"),
                Heading("Convictions", 1),
                BulletList(("Simplicité", "Fiabilité")),
                Chart(figure=_chart, caption="Figure 1 – Satisfaction"),
            ]),
            Section("plan", "Plan d'actions", [
                Table(columns=("Réf.", "Action", "Budget"), rows=rows, caption="Tableau 1",
                      widths=(1, 5, 1.5)),
                Card(title="Rappel sous 2 h", fields=(("Problème", "Attente"), ("Coût", "180 k€"))),
            ]),
        ],
        labels={"contents": "Sommaire", "page": "Page"},
    )


def _pdf_pages(pdf: bytes) -> int:
    # Count page objects; robust enough for LibreOffice's uncompressed page tree.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.slow
def test_libreoffice_converts_export_to_pdf(tmp_path):
    office = _office()
    if office is None:
        pytest.skip("LibreOffice (soffice/libreoffice) is not installed")
    out = render_docx(_report(), tmp_path / "roadmap.docx")
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running office
    result = subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "roadmap.pdf"
    assert pdf.exists(), f"conversion failed: {result.stdout}\n{result.stderr}"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # Cover, contents, and the two sections (the 80-row table runs over).
    assert _pdf_pages(data) >= 3


def _convert(office: str, docx, folder):
    profile = folder / "lo-profile"
    result = subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=300,
    )
    pdf = docx.with_suffix(".pdf")
    assert pdf.exists(), f"conversion failed: {result.stdout}\n{result.stderr}"
    return pdf


def _page_texts(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["demo", "three_day"])
def test_no_page_of_the_roadmap_is_without_body_text(tmp_path, kind):
    """Cover, contents, chapters, the landscape roadmap and every owner page: each page
    carries more than its header (draft line, title, organisation) and footer."""
    office = _office()
    if office is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    from exports.report_builder import build_report
    from exercises.demo import build_demo

    from .roadmap_documents import three_day_seminar

    store = (build_demo(tmp_path / "s.workshop", "en") if kind == "demo"
             else three_day_seminar(tmp_path / "s.workshop").store)
    report = build_report(store)
    store.close()
    pdf = _convert(office, render_docx(report, tmp_path / "roadmap.docx"), tmp_path)
    frame = {report.title, report.organisation, report.confidentiality, report.draft}
    pages = _page_texts(pdf)
    assert len(pages) >= 10
    for number, text in enumerate(pages, start=1):
        body = [line for line in (ln.strip() for ln in text.splitlines()) if line]
        body = [line for line in body if not re.fullmatch(r".*Page \d+ / \d+", line)
                and not any(line.startswith(f) or line == f for f in frame if f)]
        assert body, f"page {number} of {len(pages)} has no body text"
    assert sum("Who carries what" in p for p in pages) >= 1
    assert any("The roadmap on one page" in p for p in pages)
