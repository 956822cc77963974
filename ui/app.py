"""Start the GUI: QApplication, language (ours and Qt's), the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workshop_app import APP_NAME, ORGANISATION
from workshop_app.i18n import set_language, system_language

from . import settings, theme
from .errors import install_excepthook, setup_logging


def install_qt_translation(app: QApplication, language: str) -> None:
    """Qt's own dialogs (buttons, file dialogs) in the chosen language."""
    if language == "en":
        return
    translator = QTranslator(app)
    if translator.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)


def run_gui(file: str | None = None, demo: bool = False, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    language = language or settings.get(settings.LANGUAGE) or system_language()
    set_language(language)
    install_qt_translation(app, language)
    app.setStyleSheet(theme.STYLE_SHEET)
    setup_logging()
    from .main_window import MainWindow

    window = MainWindow()
    install_excepthook(lambda: window)
    window.show()
    if demo:
        window.open_demo(language)
    elif file:
        window.open_file(file)
    _install_clicker(app, window)
    return app.exec()


def _install_clicker(app: QApplication, window) -> None:
    """Route clicker keys to whichever console is open."""
    from PySide6.QtCore import QObject

    class Router(QObject):
        def eventFilter(self, watched, event):
            console = window.console
            return bool(console and console.clicker.eventFilter(watched, event))

    window._clicker_router = Router(window)
    app.installEventFilter(window._clicker_router)
