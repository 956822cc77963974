"""The seminar's own details: title, organisation, language, summary, logo, warning time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from workshop_app import seminar as core
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import settings
from .kit.commands import run_command
from .kit.errors import show_error


def update_seminar(session, **changes) -> None:
    store = session.store
    before = core.get_seminar(store)
    old = {k: getattr(before, k) for k in changes}
    if old == changes:
        return
    run_command(session, _("Edit the seminar"), "seminar",
                lambda: core.update_seminar(store, **changes),
                lambda _r: core.update_seminar(store, **old))


def set_ambition(session, text: str) -> None:
    store = session.store
    before = core.get_ambition(store)
    if text.strip() == before:
        return
    run_command(session, _("Edit the ambition"), "seminar", lambda: core.set_ambition(store, text),
                lambda _r: core.set_ambition(store, before))


def set_logo(session, png: bytes | None) -> None:
    store = session.store
    before = core.get_seminar(store).logo_png
    run_command(session, _("Change the logo"), "seminar", lambda: core.set_logo(store, png),
                lambda _r: core.set_logo(store, before))


class SeminarPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.title = QLineEdit()
        self.organisation = QLineEdit()
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.confidentiality = QLineEdit()
        self.warning = QSpinBox()
        self.warning.setRange(0, 60)
        self.warning.setSuffix(" min")
        self.chime = QCheckBox(_("Chime when a timer reaches zero"))
        self.chime.setChecked(settings.get(settings.CHIME))
        self.chime.toggled.connect(lambda on: settings.put(settings.CHIME, on))
        self.next_starts = QCheckBox(_("Next block (PageDown) also starts its timer"))
        self.next_starts.setChecked(settings.get(settings.NEXT_STARTS))
        self.next_starts.toggled.connect(lambda on: settings.put(settings.NEXT_STARTS, on))
        self.ambition = QLineEdit()
        self.ambition.setPlaceholderText(_("One sentence that heads the executive summary"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(_("Your own summary for the executive summary of the roadmap"))
        self.logo = QLabel()
        self.logo.setFixedHeight(64)
        self.logo_button = QPushButton(_("Choose a logo (PNG)…"))
        self.logo_clear = QPushButton(_("No logo"))
        self.save = QPushButton(_("Apply"))
        self.save.setProperty("primary", True)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_row.addStretch()
        form = QFormLayout(self)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Organisation"), self.organisation)
        form.addRow(_("Language of the seminar"), self.language)
        form.addRow(_("Confidentiality line"), self.confidentiality)
        form.addRow(_("Timer warning before the end"), self.warning)
        form.addRow("", self.chime)
        form.addRow("", self.next_starts)
        form.addRow(_("Logo"), logo_row)
        form.addRow(_("Overall ambition"), self.ambition)
        form.addRow(_("Facilitator's summary"), self.summary)
        form.addRow("", self.save)
        for w in (self.save, self.logo_button, self.logo_clear):
            w.setEnabled(not session.read_only)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.save.clicked.connect(self._on_save)
        self.logo_button.clicked.connect(self._on_logo)
        self.logo_clear.clicked.connect(lambda: set_logo(self.session, None))

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind == "seminar":
            self.refresh()

    def refresh(self) -> None:
        s = self.session.seminar
        self.title.setText(s.title)
        self.organisation.setText(s.organisation)
        self.language.setCurrentIndex(self.language.findData(s.language))
        self.confidentiality.setText(s.confidentiality)
        self.warning.setValue(s.warning_seconds // 60)
        self.summary.setPlainText(s.summary)
        self.ambition.setText(core.get_ambition(self.session.store))
        if s.logo_png:
            pix = QPixmap()
            pix.loadFromData(s.logo_png)
            self.logo.setPixmap(pix.scaledToHeight(60, Qt.SmoothTransformation))
        else:
            self.logo.setText(_("(none)"))

    def _on_save(self) -> None:
        try:
            update_seminar(self.session, title=self.title.text(), organisation=self.organisation.text(),
                           language=self.language.currentData(), confidentiality=self.confidentiality.text(),
                           warning_seconds=self.warning.value() * 60, summary=self.summary.toPlainText())
            set_ambition(self.session, self.ambition.text())
        except ValidationError as error:
            show_error(self, str(error))

    def _on_logo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Logo"), "", _("PNG images (*.png)"))
        if not path:
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read(core.LOGO_MAX_BYTES + 1)
            set_logo(self.session, data)
        except (OSError, ValidationError) as error:
            show_error(self, str(error))
