"""The sample report and helpers shared by the Word renderer tests."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from exports import docx_io
from exports.docx_renderer import ExportError, render_docx
from workshop_app.report import (
    BulletList,
    Card,
    Chart,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Section,
    Table,
)

# ---------------------------------------------------------------------------- sample


def bar_figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 3.6))
    ax = fig.add_subplot()
    stages = ["Découverte", "Achat", "Livraison", "Service", "Fidélité"]
    ax.bar(stages, [3.1, 3.8, 2.4, 2.9, 3.5], color="#1F3A5F", label="Aujourd'hui")
    ax.plot(stages, [4.0, 4.2, 3.8, 4.1, 4.3], "o--", color="#2A9D8F", label="Cible 2027")
    ax.set_ylim(0, 5)
    ax.set_ylabel("Satisfaction (1–5)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="upper center", ncols=2, bbox_to_anchor=(0.5, 1.12))
    return fig


def line_figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    quarters = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"]
    ax.plot(quarters, [21, 24, 26, 31, 35, 38, 42, 45], marker="o", color="#1F3A5F")
    ax.fill_between(range(8), [21, 24, 26, 31, 35, 38, 42, 45], alpha=0.12, color="#1F3A5F")
    ax.set_ylabel("NPS")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def tiny_png() -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 1))
    fig.text(0.05, 0.35, "ACME ◆", fontsize=28, color="#1F3A5F", weight="bold")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def make_report(short: bool = False, big_rows: int = 300, logo: bool = True) -> Report:
    actions = tuple(
        (
            f"A{i:03d}",
            f"Action n°{i} : améliorer l'accueil en agence — vague {i % 4 + 1}",
            ["Direction clients", "Marketing", "Opérations", "DSI"][i % 4],
            f"T{i % 8 + 1} 202{5 + i % 3}",
            f"{(i * 7919) % 120 + 5} k€",
        )
        for i in range(1, big_rows + 1)
    )
    sections = [
        Section(
            key="summary",
            title="Synthèse pour la direction",
            in_short=True,
            blocks=[
                Paragraph(
                    "Ce document présente la feuille de route à moyen terme issue du séminaire "
                    "de direction consacré à l'expérience client. Il reprend les constats "
                    "partagés, les ambitions retenues et le plan d'actions priorisé. 🚀"
                ),
                Heading("Nos trois convictions", 1),
                BulletList(
                    (
                        "Le client juge l'entreprise sur ses moments de vérité, pas sur ses "
                        "processus internes.",
                        "Chaque irritant majeur a un propriétaire nommé au comité de direction.",
                        "Nous mesurons l'effort client (CES) en plus de la satisfaction.",
                    )
                ),
                Paragraph(
                    "« Nous voulons être la marque la plus simple à vivre de notre marché. »",
                    emphasis=True,
                ),
                Heading("Ambitions chiffrées", 2),
                Table(
                    columns=("Indicateur", "Aujourd'hui", "Cible 2027"),
                    rows=(
                        ("Net Promoter Score", "21", "45"),
                        ("Effort client (CES)", "3,9", "2,5"),
                        ("Réclamations / 1000 clients", "14,2", "6"),
                        ("Taux de résolution au 1er contact", "62 %", "85 %"),
                    ),
                    caption="Tableau 1 – Ambitions chiffrées à horizon 2027",
                    widths=(3, 1, 1),
                ),
            ],
        ),
        Section(
            key="journey",
            title="Parcours client : constats",
            blocks=[
                Paragraph("Les participants ont évalué chaque étape du parcours."),
                Chart(figure=bar_figure, caption="Figure 1 – Satisfaction par étape du parcours"),
                Heading("Irritants prioritaires", 1),
                BulletList(("Délais de livraison peu fiables",
                            "Service après-vente difficile à joindre")),
                PageBreak(),
                Heading("Détail des verbatims", 2),
                Paragraph("Les verbatims complets figurent en annexe."),
            ],
        ),
        Section(
            key="cases",
            title="Cas d'affaires",
            in_short=True,
            blocks=[
                Card(
                    title="Rappel client sous 2 heures",
                    subtitle="Porteur : Directrice de la relation client",
                    fields=(
                        ("Problème", "Les clients attendent en moyenne 26 h une réponse."),
                        ("Solution", "Équipe de rappel dédiée, routage automatique\n"
                                     "et suivi en temps réel."),
                        ("Investissement", "180 k€"),
                        ("Gains attendus", "+8 pts NPS, –30 % de réclamations"),
                        ("Jalons", "Pilote T2 2025 ; généralisation T4 2025"),
                    ),
                ),
                Card(
                    title="Portail de suivi de livraison",
                    fields=(
                        ("Problème", "Aucune visibilité sur la date de livraison."),
                        ("Investissement", "320 k€"),
                    ),
                ),
            ],
        ),
        Section(key="empty", title="Section vide", blocks=[]),
        Section(
            key="plan",
            title="Plan d'actions détaillé",
            blocks=[
                Paragraph("Liste complète des actions retenues, par porteur et échéance."),
                Table(
                    columns=("Réf.", "Action", "Porteur", "Échéance", "Budget"),
                    rows=actions,
                    caption="Tableau 2 – Plan d'actions complet",
                    widths=(1, 5, 2, 1.4, 1.2),
                ),
                Chart(
                    figure=line_figure,
                    caption="Figure 2 – Trajectoire NPS visée",
                    width_cm=14,
                ),
            ],
        ),
    ]
    return Report(
        title="Feuille de route Expérience Client 2025–2027",
        organisation="ACME Services Énergie",
        subtitle="Feuille de route à moyen terme",
        dates="Séminaire des 12 et 13 mars 2025",
        language="fr",
        confidentiality="Confidentiel — usage interne du comité de direction",
        logo_png=tiny_png() if logo else None,
        sections=sections,
        short=short,
        labels={"contents": "Sommaire", "page": "Page"},
    )


SECTION_TITLES = ["Synthèse pour la direction", "Parcours client : constats", "Cas d'affaires",
                  "Plan d'actions détaillé"]
SHORT_TITLES = ["Synthèse pour la direction", "Cas d'affaires"]
CAPTIONS = [
    "Tableau 1 – Ambitions chiffrées à horizon 2027",
    "Figure 1 – Satisfaction par étape du parcours",
    "Tableau 2 – Plan d'actions complet",
    "Figure 2 – Trajectoire NPS visée",
]


# --------------------------------------------------------------------------- helpers
def style_of(paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def headings(document) -> list[tuple[str, str]]:
    return [
        (style_of(p), p.text) for p in document.paragraphs if style_of(p).startswith("Heading")
    ]


def body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def part_xml(path: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith(prefix)]


def folder_listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


