"""Friendly error reporting: a clear message for refusals, a calm dialog for the unexpected."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.i18n import _

log = logging.getLogger("workshop")


def log_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation) or Path.home())
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "workshop.log"


def setup_logging() -> Path:
    path = log_path()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user why something was refused (a sentence, no traceback)."""
    QMessageBox.warning(parent, title or _("Not possible"), message)


def install_excepthook(parent_getter) -> None:
    """Unexpected exceptions: log them, show a calm dialog, keep the app running."""

    def hook(exc_type, exc, tb):
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error\n%s", text)
        box = QMessageBox(parent_getter())
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(_("Something unexpected happened. Everything you confirmed is saved in the "
                      "seminar file, and you can carry on."))
        box.setInformativeText(_("Details were written to the log: {path}").format(path=log_path()))
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
