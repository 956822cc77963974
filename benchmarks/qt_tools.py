"""Qt helpers for the child processes: the app set up as ``run_gui`` does, waiting for paints."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget


def make_app(language: str = "fr") -> QApplication:
    """A QApplication with the app's language, Qt translation and style sheet (as ``run_gui``)."""
    app = QApplication.instance() or QApplication(["workshop-bench"])
    from ui.kit import theme
    from ui.app import install_qt_translation
    from workshop_app import APP_NAME, ORGANISATION
    from workshop_app.i18n import set_language

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    set_language(language)
    install_qt_translation(app, language)
    app.setStyleSheet(theme.STYLE_SHEET)
    _no_dialogs()
    return app


class DialogShown(RuntimeError):
    """A message box would have waited for a click: a measure must never block on one."""


def _no_dialogs() -> None:
    from PySide6.QtWidgets import QMessageBox

    def refuse(_parent, title, text, *args, **kwargs):
        raise DialogShown(f"{title}: {text}")

    for name in ("warning", "information", "question", "critical"):
        setattr(QMessageBox, name, staticmethod(refuse))


class _PaintWatch(QObject):
    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.loop = loop
        self.seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint and not self.seen:
            self.seen = True  # the widget's children paint in the same pass: stop once it is over
            QTimer.singleShot(0, self.loop.quit)
        return False


def wait_paint(widget: QWidget, timeout: float = 60.0) -> bool:
    """Run the event loop until ``widget`` has painted (and its pass is over); False on timeout."""
    loop = QEventLoop()
    watch = _PaintWatch(loop)
    widget.installEventFilter(watch)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    widget.removeEventFilter(watch)
    return watch.seen


def settle(seconds: float = 0.0) -> None:
    """Let the event loop run as between two user actions: posted events, deferred deletes,
    layouts and paints; then ``seconds`` more."""
    app = QApplication.instance()
    app.sendPostedEvents()
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    loop = QEventLoop()
    QTimer.singleShot(int(max(seconds, 0.02) * 1000), loop.quit)  # a frame or more: the paints happen too
    loop.exec()


def lay_out() -> None:
    """Apply pending layout requests now (what the next frame would do before painting)."""
    QApplication.sendPostedEvents(None, QEvent.LayoutRequest)


def wheel_down(widget: QWidget, notches: int = 1) -> None:
    """One mouse-wheel turn (``notches`` × 15°) down over ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def max_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def clock() -> float:
    return time.perf_counter()
