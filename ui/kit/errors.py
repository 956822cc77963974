"""Friendly error reporting: a clear message for refusals, a calm dialog for the unexpected."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from workshop_app.i18n import _

log = logging.getLogger("workshop")


def log_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation) or Path.home())
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "workshop.log"


def setup_logging() -> Path:
    """Write the ``workshop`` log to a rotating file (called in idle time after start-up).

    ``logging.handlers`` pulls in socket, pickle and queue: it is imported here, once the
    console is on screen, and the error hook calls this first if it has not run yet.
    """
    from logging.handlers import RotatingFileHandler

    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) != path:
            log.removeHandler(handler)  # the log's folder changed: write where log_path() says
            handler.close()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        try:
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError:  # no log file (read-only home): the app still runs
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def dialog_parent(owner: QObject | None) -> QWidget | None:
    """The window a dialog about ``owner`` belongs to: the console's window, never the projector.

    ``owner`` may be a widget or a model (its QObject parents lead to the widget showing it).
    Without one, the application's main window.
    """
    obj = owner
    while obj is not None and not isinstance(obj, QWidget):
        obj = QObject.parent(obj)
    window = obj.window() if obj is not None else None
    if window is not None and not window.inherits("SharedScreen"):
        return window
    app = QApplication.instance()
    active = app.activeWindow() if app else None
    if isinstance(active, QMainWindow):
        return active
    mains = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)] if app else []
    return next((w for w in mains if w.isVisible()), mains[0] if mains else window)


def try_action(parent: QObject, action) -> bool:
    """Run ``action()``; a refusal (a sentence for the user) is shown over ``parent``'s window.

    True when it ran, False when it was refused; anything else is a bug and propagates.
    """
    from workshop_app.domain import ValidationError
    from workshop_app.store import StoreError

    try:
        action()
    except (ValidationError, StoreError) as error:
        show_error(parent, str(error))
        return False
    return True


def show_error(parent: QObject, message: str, title: str | None = None) -> None:
    """Tell the user why something was refused (a sentence, no traceback).

    ``parent`` is the widget or model the refusal is about: the dialog opens over its window.
    """
    QMessageBox.warning(dialog_parent(parent), title or _("Not possible"), message)


def install_excepthook(parent_getter) -> None:
    """Unexpected exceptions: log them, show a calm dialog, keep the app running."""

    showing = []

    def hook(exc_type, exc, tb):
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        setup_logging()  # a no-op once done; an error before the idle-time setup is logged too
        log.error("Unexpected error\n%s", text)
        if showing:  # the same error again while the dialog is open (e.g. in a timer): logged only
            return
        try:
            box = QMessageBox(parent_getter())
        except Exception:  # noqa: BLE001 - the window may be gone: the dialog needs no parent
            box = QMessageBox()
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(_("Something unexpected happened. Everything you confirmed is saved in the "
                      "seminar file, and you can carry on."))
        box.setInformativeText(_("Details were written to the log: {path}").format(path=log_path()))
        box.setDetailedText(text)
        showing.append(box)
        try:
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook
