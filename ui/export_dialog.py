"""Export to Word from the GUI: choose the version and template, render in the background.

The report is gathered on the UI thread (it reads the store); charts and the document
are rendered by a worker thread that reports progress by signal, so the UI stays live.

Signals of ExportWorker:
    progressed(done, total), finished_ok(path), failed(message)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QProgressBar, QPushButton, QRadioButton, QVBoxLayout,
                               QLabel)

from workshop_app.i18n import _

ERROR_TEXT = {
    "folder_missing": "The folder of the document does not exist.",
    "permission": "You are not allowed to write there: choose another folder.",
    "locked": "The document seems to be open in Word or another program: close it and export again.",
    "disk_full": "The disk is full: free some space and export again.",
    "template": "The Word template cannot be used: choose another .docx or .dotx file.",
}


def user_message(error) -> str:
    """A translated sentence for an ExportError (its English message as a fallback)."""
    key = getattr(error, "kind", "")
    if key in ERROR_TEXT:
        return _(ERROR_TEXT[key]) + "\n" + str(getattr(error, "path", "") or "")
    return str(error)


class ExportWorker(QThread):
    progressed = Signal(int, int)
    finished_ok = Signal(str)
    failed = Signal(str)

    def __init__(self, report, out_path: str, template: str | None, parent=None):
        super().__init__(parent)
        self.report = report
        self.out_path = out_path
        self.template = template

    def run(self) -> None:
        from exports.docx_renderer import ExportError, render_docx

        try:
            path = render_docx(self.report, self.out_path, template=self.template,
                               progress=lambda done, total: self.progressed.emit(done, total))
        except ExportError as error:
            self.failed.emit(user_message(error))
            return
        except Exception as error:  # reported to the user, the seminar is untouched
            self.failed.emit(_("The export failed: {reason}").format(reason=error))
            return
        self.finished_ok.emit(str(path))


class ExportDialog(QDialog):
    """Choose full/short, a template and the target; then shows the progress."""

    def __init__(self, session, default_path: Path, parent=None):
        super().__init__(parent)
        self.session = session
        self.worker: ExportWorker | None = None
        self.setWindowTitle(_("Export the roadmap to Word"))
        self.full = QRadioButton(_("Full document"))
        self.short = QRadioButton(_("Short version for management"))
        self.full.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full)
        group.addButton(self.short)
        self.path_edit = QLineEdit(str(default_path))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._on_browse)
        self.template_edit = QLineEdit()
        self.template_edit.setPlaceholderText(_("Optional: the organisation's .docx or .dotx"))
        template_browse = QPushButton(_("Choose…"))
        template_browse.clicked.connect(self._on_template)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Export"))
        self.open_button = self.buttons.addButton(_("Open the document"), QDialogButtonBox.ActionRole)
        self.open_button.hide()  # shown once a document is written
        self.open_button.clicked.connect(self.open_document)
        self.written: str | None = None
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_edit, 1)
        template_row.addWidget(template_browse)
        form = QFormLayout()
        form.addRow(_("Version"), self.full)
        form.addRow("", self.short)
        form.addRow(_("Document"), path_row)
        form.addRow(_("Word template"), template_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 260)

    def _on_browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, _("Word document"), self.path_edit.text(),
                                               _("Word documents (*.docx)"))
        if path:
            self.path_edit.setText(path if path.endswith(".docx") else path + ".docx")

    def _on_template(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Word template"), "", _("Word templates (*.docx *.dotx)"))
        if path:
            self.template_edit.setText(path)

    def start(self) -> None:
        from exports.report_builder import build_report

        report = build_report(self.session.store, short=self.short.isChecked(), clock=self.session.clock)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.status.setText(_("Exporting…"))
        self.worker = ExportWorker(report, self.path_edit.text().strip(),
                                   self.template_edit.text().strip() or None, self)
        self.worker.progressed.connect(self._on_progressed)
        self.worker.finished_ok.connect(self._on_finished_ok)
        self.worker.failed.connect(self._on_failed)
        self.worker.start()

    def _on_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def open_document(self) -> bool:
        """Open the written document in the system's word processor."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return bool(self.written) and QDesktopServices.openUrl(QUrl.fromLocalFile(self.written))

    def _on_finished_ok(self, path: str) -> None:
        from .kit.errors import log

        log.info("Word export (%s) written to %s", "short" if self.short.isChecked() else "full", path)
        self.written = path
        self.open_button.show()
        self.open_button.setFocus()
        self.progress.setValue(self.progress.maximum())
        self.status.setText(_("The roadmap was written to {path}").format(path=path))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)

    def _on_failed(self, message: str) -> None:
        from .kit.errors import log

        log.warning("Word export failed: %s", message)
        self.status.setText(message)
        self.status.setStyleSheet("color: #D1495B;")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)

    def done(self, result: int) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.wait()
        super().done(result)
