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
