"""The facilitator console for one open seminar: a thin assembly of panels.

It owns the shared-screen window (a second view of the same session) and the
clicker filter; each panel renders from the session on its own.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from workshop_app.i18n import N_, _

from . import settings
from .clicker import ClickerFilter
from .run_panel import RunPanel
from .shared_screen import SharedScreen


class LazyTab(QWidget):
    """A tab that builds (and imports) its panel the first time it is shown.

    Opening a seminar then costs the Run panel, not every panel's and exercise's tables:
    ``module`` is imported and ``module.<name>(session)`` built on first show.
    """

    def __init__(self, session, module: str, name: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.module = module
        self.name = name
        self.view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_view(self) -> QWidget:
        if self.view is None:
            self.view = getattr(importlib.import_module(self.module), self.name)(self.session)
            self._layout.addWidget(self.view)
        return self.view

    def showEvent(self, event) -> None:
        self.ensure_view()
        super().showEvent(event)


# Short tab titles (in the interface's language), so every tab shows at 1366 px wide in
# French as in English; the exercise's full title is the tab's tooltip.
TAB_TITLES = {"diagnosis": N_("Diagnosis"), "trends": N_("Trends"), "journey": N_("Journey"),
              "ideation": N_("Ideas"), "arbitration": N_("Arbitration"), "governance": N_("Governance"),
              "roadmap": N_("Roadmap")}


def exercise_tabs(session) -> list[tuple[str, QWidget, object]]:
    """(title, lazily built tab, exercise) for every registered exercise that has views."""
    from exercises import REGISTRY

    return [(_(TAB_TITLES[exercise.key]) if exercise.key in TAB_TITLES else exercise.title(session.language),
             LazyTab(session, exercise.views_module, "ConsoleView"), exercise)
            for exercise in REGISTRY if exercise.views_module]


class Console(QWidget):
    open_copy_requested = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.shared_screen = SharedScreen(session)
        self.tabs = QTabWidget()
        self.run_panel = RunPanel(session, self.shared_screen)
        self.tabs.addTab(self.run_panel, _("Run"))
        self.tabs.addTab(LazyTab(session, "ui.agenda_panel", "AgendaPanel"), _("Agenda"))
        self.tabs.addTab(LazyTab(session, "ui.participants_panel", "ParticipantsPanel"), _("Participants"))
        self.exercises = exercise_tabs(session)
        for title, view, exercise in self.exercises:
            self.tabs.setTabToolTip(self.tabs.addTab(view, title), exercise.title(session.language))
        self.tabs.addTab(LazyTab(session, "ui.phones_panel", "PhonesPanel"), _("Phones"))
        self.tabs.addTab(LazyTab(session, "ui.seminar_panel", "SeminarPanel"), _("Seminar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.banner = None
        if session.read_only:
            layout.addWidget(self._read_only_banner(session.store.held_by))
        layout.addWidget(self.tabs)
        self.clicker = ClickerFilter(self.run_panel, self.shared_screen, self._clicker_active, self)
        self._connect_signals()

    def _read_only_banner(self, holder) -> QWidget:
        """Read-only: why, and when someone else holds the file, who, with "Open a copy"."""
        if holder is None:
            self.banner = QLabel(_("This seminar is open read-only: you can look and export, not change it."))
            self.banner.setProperty("role", "banner")
            return self.banner
        self.banner = QLabel(_("{holder} has this seminar open: you can look and export here, not change it. "
                               "To work on it anyway, open a copy.").format(holder=holder.describe()))
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "banner")
        self.open_copy_button = QPushButton(_("Open a copy"))
        self.open_copy_button.clicked.connect(self.open_copy_requested)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.banner, 1)
        row.addWidget(self.open_copy_button)
        return box

    def _connect_signals(self) -> None:
        self.session.presentation_changed.connect(self.show_exercise_on_screen)
        self.run_panel.screen_buttons["show"].clicked.connect(self.show_shared_screen)
        self.run_panel.screen_buttons["full"].clicked.connect(self.shared_screen.toggle_full_screen)

    def exercise_view(self, key: str) -> QWidget | None:
        """The console view of exercise ``key`` (built now if it was not yet)."""
        for _title, tab, exercise in self.exercises:
            if exercise.key == key:
                return tab.ensure_view() if isinstance(tab, LazyTab) else tab
        return None

    def _clicker_active(self) -> bool:
        """Run keys apply on every tab of the console and on the shared screen, not in a dialog.

        Text fields are left alone by the filter itself; a dialog (modal or not) over the
        console keeps its keys, so Space there never starts a timer.
        """
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is not None:
            return False
        active = QApplication.activeWindow()
        return active is None or not active.inherits("QDialog")

    def show_exercise_on_screen(self, exercise_key: str) -> None:
        """Put an exercise's shared view on the projector ("" : the block page)."""
        view = None
        for _title, _console, exercise in self.exercises:
            if exercise.key == exercise_key:
                module = importlib.import_module(exercise.views_module)
                view = module.SharedView(self.session)
        self.shared_screen.set_exercise_view(view)
        self.run_panel.refresh()

    def show_shared_screen(self) -> None:
        """Open the projector window on the chosen screen (remembered), full screen there."""
        screens = QGuiApplication.screens()
        wanted = settings.get(settings.SHARED_SCREEN)
        target = next((s for s in screens if s.name() == wanted), None)
        if target is None and len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            target = next((s for s in screens if s is not primary), None)
        if target is not None and len(screens) > 1:
            settings.put(settings.SHARED_SCREEN, target.name())
            self.shared_screen.setScreen(target)
            self.shared_screen.setGeometry(target.geometry())
            self.shared_screen.showFullScreen()
        else:
            self.shared_screen.showNormal()
        self.shared_screen.raise_()

    def shutdown(self) -> None:
        self.shared_screen.close()
        self.shared_screen.deleteLater()
