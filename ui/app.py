"""Start the GUI: QApplication, language (ours and Qt's), the main window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workshop_app import APP_NAME, ORGANISATION
from workshop_app.i18n import set_language, system_language

from . import settings

from .kit import theme
from .kit.errors import install_excepthook, setup_logging


def install_qt_translation(app: QApplication, language: str) -> None:
    """Qt's own dialogs (buttons, file dialogs) in the chosen language."""
    if language == "en":
        return
    translator = QTranslator(app)
    if translator.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)


def run_gui(file: str | None = None, demo: bool = False, language: str | None = None,
            self_test: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    language = language or settings.get(settings.LANGUAGE) or system_language()
    set_language(language)
    install_qt_translation(app, language)
    app.setStyleSheet(theme.STYLE_SHEET)
    from .main_window import MainWindow

    window = MainWindow()
    if self_test:
        checker = SelfTest(app, window)
    else:
        install_excepthook(lambda: window)
    window.show()
    if self_test:
        checker.start(language)
    elif demo:
        window.open_demo(language)
    elif file:
        window.open_file(file)
    _install_clicker(app, window)
    if os.environ.get("WORKSHOP_BENCH_QUIT_AFTER_PAINT") == "1" and not self_test:
        after_first_paint(window, lambda: _report_first_paint(app))
    else:
        after_first_paint(window, warm_up, delay_ms=WARM_UP_DELAY_MS)
    return app.exec()


WARM_UP_DELAY_MS = 150
SELF_TEST_TIMEOUT_S = 60.0


def self_test(language: str | None = None) -> int:
    """``workshop-app --self-test``: the GUI on a fresh demo copy; 0 once its console painted."""
    return run_gui(language=language, self_test=True)


class SelfTest:
    """Checks that an installation works: Qt, the platform plugin, the core, the demo, the console.

    Exits 0 (and says so on stdout) once the console of the demo seminar has painted; 1
    with the reason on stderr when opening the demo fails, an exception escapes, or
    nothing has painted within ``SELF_TEST_TIMEOUT_S``. No dialog is ever left waiting.
    """

    def __init__(self, app: QApplication, window):
        self.app, self.window = app, window
        self.started = time.monotonic()
        self.done = False
        import traceback  # the self-test's own imports stay off the ordinary start

        self.folder: str | None = None
        sys.excepthook = lambda kind, error, tb: self.fail(
            "".join(traceback.format_exception(kind, error, tb)).rstrip())

    def start(self, language: str) -> None:
        """Open a fresh copy of the demo (in a temporary folder, removed at the end)."""
        import tempfile
        from pathlib import Path

        from PySide6.QtCore import QTimer

        from exercises.demo import SUFFIX, open_demo_copy

        from .main_window import demo_folder

        QTimer.singleShot(int(SELF_TEST_TIMEOUT_S * 1000),
                          lambda: self.fail(f"the console did not paint within {SELF_TEST_TIMEOUT_S:.0f} s"))
        self.folder = tempfile.mkdtemp(prefix="workshop-self-test-")
        try:
            store = open_demo_copy(Path(self.folder) / f"self-test{SUFFIX}", language, demo_folder() / "cache")
            self.window.attach(store)
        except Exception as error:  # noqa: BLE001 - any failure is the test's answer
            self.fail(f"the demo seminar did not open: {error}")
            return
        after_first_paint(self.window.console, self.succeed)

    def succeed(self) -> None:
        console = self.window.console
        if console is None or not console.isVisible() or self.window.session is None:
            self.fail("the console painted, then went away")
            return
        self.finish(0, f"self-test passed: the console of '{self.window.session.seminar.title}' painted "
                       f"{time.monotonic() - self.started:.2f} s after the window was created")

    def fail(self, reason: str) -> None:
        self.finish(1, f"self-test FAILED: {reason}", sys.stderr)

    def finish(self, code: int, message: str, stream=None) -> None:
        if self.done:
            return
        self.done = True
        print(message, file=stream or sys.stdout, flush=True)
        self.window.close()  # closes the seminar's store, as quitting does
        if self.folder:
            import shutil

            shutil.rmtree(self.folder, ignore_errors=True)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: self.app.exit(code))  # once the event loop runs (it may not yet)


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
