"""Start the GUI: QApplication, language (ours and Qt's), the main window."""

from __future__ import annotations

import os
import sys
import time

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
    from .main_window import MainWindow

    window = MainWindow()
    install_excepthook(lambda: window)
    window.show()
    if demo:
        window.open_demo(language)
    elif file:
        window.open_file(file)
    _install_clicker(app, window)
    if os.environ.get("WORKSHOP_BENCH_QUIT_AFTER_PAINT") == "1":
        after_first_paint(window, lambda: _report_first_paint(app))
    else:
        after_first_paint(window, warm_up, delay_ms=WARM_UP_DELAY_MS)
    return app.exec()


WARM_UP_DELAY_MS = 150


def warm_up() -> None:
    """Idle-time work once the window is on screen, so that the first click does not pay it.

    The log file is set up, and sqlite-utils (about 50 ms of imports) is imported for the
    first change the facilitator makes. Charts' matplotlib is left to the first chart:
    it costs far more, and many sessions never draw one.
    """
    from workshop_app.store import import_sqlite_utils

    setup_logging()
    import_sqlite_utils()


def after_first_paint(window, callback, delay_ms: int = 0) -> None:
    """Call ``callback`` once, ``delay_ms`` after the end of ``window``'s first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Paint:  # children paint in the same pass: call back once it is over
                QTimer.singleShot(delay_ms, callback)
                watched.removeEventFilter(self)
            return False

    window._first_paint_watcher = FirstPaint(window)
    window.installEventFilter(window._first_paint_watcher)


def _install_clicker(app: QApplication, window) -> None:
    """Route clicker keys to whichever console is open."""
    from PySide6.QtCore import QObject

    class Router(QObject):
        def eventFilter(self, watched, event):
            console = window.console
            return bool(console and console.clicker.eventFilter(watched, event))

    window._clicker_router = Router(window)
    app.installEventFilter(window._clicker_router)


def _report_first_paint(app: QApplication) -> None:
    """Benchmarks only (``WORKSHOP_BENCH_QUIT_AFTER_PAINT=1``, see benchmarks/README.md).

    Called once the main window has painted for the first time: print one line
    ``WORKSHOP_BENCH first-paint SECONDS MODULES`` (seconds since process start, or since
    ``WORKSHOP_BENCH_T0`` when the caller set it; the top-level modules then imported,
    comma-separated) and quit.
    """
    start = os.environ.get("WORKSHOP_BENCH_T0")
    if start:
        elapsed = time.time() - float(start)
    else:  # the process's start, from /proc (Linux)
        with open("/proc/self/stat") as stat, open("/proc/uptime") as uptime:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            elapsed = float(uptime.read().split()[0]) - ticks / os.sysconf("SC_CLK_TCK")
    modules = sorted({name.split(".")[0] for name in sys.modules if not name.startswith("_")})
    print(f"WORKSHOP_BENCH first-paint {elapsed:.4f} {','.join(modules)}", flush=True)
    app.quit()
