"""The New-seminar wizard: title, organisation, language, the dates of each day, a template."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, QTime
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget,
                               QWizard, QWizardPage, QLabel)

from workshop_app.creation import MAX_DAYS, SeminarSpec, default_template
from workshop_app.i18n import _, current_language
from workshop_app.store import SUFFIX
from workshop_app.templates import template_names


@dataclass(frozen=True)
class NewSeminarSpec:
    title: str
    organisation: str
    language: str
    dates: list[str]
    start: str
    end: str
    template: str
    path: Path

    def seminar(self) -> SeminarSpec:
        """What the core's ``create_seminar`` needs."""
        return SeminarSpec(self.title, self.organisation, self.language, tuple(self.dates), self.template,
                           self.start, self.end)


def _safe_stem(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
    return "-".join(keep.split())[:60] or "seminar"


class NewSeminarWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New seminar"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setMinimumSize(640, 460)
        self.folder = folder or Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
                                     or Path.home())
        self.addPage(self._identity_page())
        self.addPage(self._days_page())
        self.addPage(self._file_page())

    # --- pages -------------------------------------------------------------
    def _identity_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("The seminar"))
        page.setSubTitle(_("Its title and organisation appear on the shared screen and on the roadmap."))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("e.g. Customer experience: our 2027–2029 roadmap"))
        self.organisation_edit = QLineEdit()
        self.language_combo = QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(0 if current_language() == "fr" else 1)
        form = QFormLayout(page)
        form.addRow(_("Title"), self.title_edit)
        form.addRow(_("Organisation"), self.organisation_edit)
        form.addRow(_("Language of the seminar"), self.language_combo)
        page.registerField("title*", self.title_edit)
        return page

    def _days_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("Days and agenda"))
        page.setSubTitle(_("The agenda template can be edited afterwards."))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(2)
        self.days_spin.valueChanged.connect(self._on_days_changed)
        self.start_time = QTimeEdit(QTime(9, 0))
        self.end_time = QTimeEdit(QTime(17, 30))
        self.template_combo = QComboBox()
        for key, label in template_names().items():
            self.template_combo.addItem(_(label), key)
        self.dates_box = QVBoxLayout()
        self.date_edits: list[QDateEdit] = []
        form = QFormLayout(page)
        form.addRow(_("Number of days"), self.days_spin)
        form.addRow(_("Dates"), self.dates_box)
        hours = QHBoxLayout()
        hours.addWidget(self.start_time)
        hours.addWidget(QLabel("→"))
        hours.addWidget(self.end_time)
        hours.addStretch()
        form.addRow(_("Hours"), hours)
        form.addRow(_("Agenda template"), self.template_combo)
        self._on_days_changed(2)
        return page

    def _file_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("Where to keep it"))
        page.setSubTitle(_("Every change is saved in this file at once: there is no Save to forget."))
        self.path_edit = QLineEdit()
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout(page)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        page.registerField("path*", self.path_edit)
        page.initializePage = self._init_file_page  # type: ignore[method-assign]
        return page

    # --- behaviour ---------------------------------------------------------
    def _on_days_changed(self, count: int) -> None:
        index = self.template_combo.findData(default_template(count))
        if index >= 0 and default_template(count) != "empty":  # the template made for that many days
            self.template_combo.setCurrentIndex(index)
        while len(self.date_edits) < count:
            previous = self.date_edits[-1].date().addDays(1) if self.date_edits \
                else QDate.currentDate().addDays(7)
            edit = QDateEdit(previous)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            self.date_edits.append(edit)
            self.dates_box.addWidget(edit)
        while len(self.date_edits) > count:
            edit = self.date_edits.pop()
            self.dates_box.removeWidget(edit)
            edit.deleteLater()

    def _init_file_page(self) -> None:
        if not self.path_edit.text():
            self.path_edit.setText(str(self.folder / (_safe_stem(self.title_edit.text()) + SUFFIX)))

    def _on_browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Seminar file"), self.path_edit.text(),
                                                    _("Seminars (*.workshop)"))
        if path:
            if not path.endswith(SUFFIX):
                path += SUFFIX
            self.path_edit.setText(path)

    def spec(self) -> NewSeminarSpec:
        path = Path(self.path_edit.text().strip())
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return NewSeminarSpec(
            title=self.title_edit.text().strip(),
            organisation=self.organisation_edit.text().strip(),
            language=self.language_combo.currentData(),
            dates=[e.date().toString("yyyy-MM-dd") for e in self.date_edits],
            start=self.start_time.time().toString("HH:mm"),
            end=self.end_time.time().toString("HH:mm"),
            template=self.template_combo.currentData(),
            path=path,
        )
