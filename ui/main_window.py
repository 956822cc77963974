"""The main window: the start screen or the console, the menus, and file handling."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QFileDialog, QMainWindow, QMessageBox, QStackedWidget)

from workshop_app import version as app_version
from workshop_app.clock import Clock
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.store import SUFFIX, StoreError

from . import settings
from .console import Console
from .kit.errors import log, show_error
from .session import Session
from .start_screen import StartScreen


def demo_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation) or str(Path.home())
    folder = Path(base) / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class MainWindow(QMainWindow):
    def __init__(self, clock: Clock | None = None):
        super().__init__()
        self.clock = clock or Clock()
        self.session: Session | None = None
        self.console: Console | None = None
        self.stack = QStackedWidget()
        self.start_screen = StartScreen(settings.recent_files())
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self._fit_to_screen()
        self._build_menus()
        self._connect_signals()
        self._update_title()

    def _fit_to_screen(self) -> None:
        """A comfortable size that never exceeds the screen it opens on."""
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1366, 800)
            return
        area = screen.availableGeometry()
        self.resize(min(1440, area.width()), min(880, area.height()))

    # --- menus ---------------------------------------------------------------
    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self._action(file_menu, _("&New seminar…"), self.new_seminar, QKeySequence.New)
        self._action(file_menu, _("&Open…"), self.open_dialog, QKeySequence.Open)
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self._action(file_menu, _("Open the &demo seminar"), self.open_demo)
        file_menu.addSeparator()
        self.copy_action = self._action(file_menu, _("Save a &copy as…"), self.save_copy, QKeySequence.SaveAs)
        self.restore_action = self._action(file_menu, _("Restore a &snapshot…"), self.restore_snapshot)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, _("&Export the roadmap to Word…"), self.export_word, "Ctrl+E")
        self.json_action = self._action(file_menu, _("Export as &JSON…"), self.export_json)
        self.cards_action = self._action(file_menu, _("Print &join cards…"), self.print_join_cards)
        self._action(file_menu, _("&Import a JSON export…"), self.import_json)
        self.close_action = self._action(file_menu, _("&Close"), self.close_seminar, QKeySequence.Close)
        file_menu.addSeparator()
        self._action(file_menu, _("&Quit"), self.close, QKeySequence.Quit)
        edit_menu = bar.addMenu(_("&Edit"))
        self.undo_action = self._action(edit_menu, _("&Undo"), self._on_undo, QKeySequence.Undo)
        self.redo_action = self._action(edit_menu, _("&Redo"), self._on_redo, QKeySequence.Redo)
        view_menu = bar.addMenu(_("&View"))
        self.screen_action = self._action(view_menu, _("&Shared screen"), self._on_show_screen, "Ctrl+Shift+S")
        language_menu = view_menu.addMenu(_("&Language"))
        from PySide6.QtGui import QActionGroup
        from workshop_app.i18n import current_language

        self.language_actions = {}
        group = QActionGroup(self)  # exclusive: the current language is ticked
        for code, name in (("fr", "Français"), ("en", "English")):
            action = self._action(language_menu, name, lambda _checked=False, c=code: self._on_language(c))
            action.setCheckable(True)
            action.setChecked(code == (settings.get(settings.LANGUAGE) or current_language()))
            group.addAction(action)
            self.language_actions[code] = action
        help_menu = bar.addMenu(_("&Help"))
        self._action(help_menu, _("&About"), self._on_about)
        self._refresh_recent_menu()
        self._update_actions()

    def _connect_signals(self) -> None:
        self.start_screen.new_requested.connect(self.new_seminar)
        self.start_screen.open_requested.connect(self.open_dialog)
        self.start_screen.demo_requested.connect(self.open_demo)
        self.start_screen.recent_chosen.connect(self.open_file)

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(files))
        self.start_screen.set_recent(files)

    def _update_actions(self) -> None:
        is_open = self.session is not None
        for action in (self.copy_action, self.close_action, self.screen_action, self.restore_action,
                       self.export_action, self.json_action, self.cards_action):
            action.setEnabled(is_open)
        self.undo_action.setEnabled(is_open)
        self.redo_action.setEnabled(is_open)

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(_("Workshop — customer-experience seminar"))
        else:
            suffix = _(" (read-only)") if self.session.read_only else ""
            self.setWindowTitle(f"{self.session.seminar.title} — {self.session.store.path.name}{suffix}")

    # --- opening and closing -------------------------------------------------
    def attach(self, store) -> None:
        """Show the console for an open store."""
        self.close_seminar()
        self.session = Session(store, self.clock, self)
        self.console = Console(self.session)
        self.stack.addWidget(self.console)
        self.stack.setCurrentWidget(self.console)
        self.console.open_copy_requested.connect(self.open_copy)
        self.session.changed.connect(self._on_session_changed)
        self.session.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.session.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        log.info("Workshop %s opened %s%s (schema %s)", app_version(), store.path,
                 " read-only" if self.session.read_only else "", store.schema_version)
        if "demo" not in store.path.parent.name:
            settings.add_recent(str(store.path))
        self._refresh_recent_menu()
        self._update_actions()
        self._update_title()

    def open_file(self, path: str) -> bool:
        """Open a seminar for editing, or read-only (saying who has it) when another app holds it."""
        from workshop_app.lock import open_for_editing
        from workshop_app.snapshots import snapshot_before_migration

        try:
            store = open_for_editing(path, before_migration=snapshot_before_migration(Path(path)))
        except StoreError as error:
            show_error(self, str(error), _("Cannot open this file"))
            if not Path(path).exists():
                settings.remove_recent(path)
                self._refresh_recent_menu()
            return False
        self.attach(store)
        return True

    def open_copy(self) -> bool:
        """Copy the seminar shown read-only (someone else holds it) beside it, and open the copy."""
        if self.session is None:
            return False
        source = self.session.store.path
        folder = source.parent if os.access(source.parent, os.W_OK) else Path(
            QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home()))
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M")
        target = folder / _("{name} (copy {stamp}){suffix}").format(name=source.stem, stamp=stamp, suffix=SUFFIX)
        number = 2
        while target.exists():
            target = folder / _("{name} (copy {stamp}) {n}{suffix}").format(name=source.stem, stamp=stamp,
                                                                        n=number, suffix=SUFFIX)
            number += 1
        try:
            self.session.store.backup_to(target)
        except StoreError as error:
            show_error(self, str(error), _("Cannot open a copy"))
            return False
        if not self.open_file(str(target)):
            return False
        self.statusBar().showMessage(_("You are working on a copy: {path}").format(path=target), 10000)
        return True

    def open_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Open a seminar"), "", _("Seminars (*.workshop)"))
        if path:
            self.open_file(path)

    def open_demo(self, language: str | None = None) -> None:
        from exercises.demo import open_demo_copy
        from workshop_app.i18n import current_language

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        folder = demo_folder()
        path = folder / f"demo-{stamp}{SUFFIX}"
        try:
            store = open_demo_copy(path, language or current_language(), folder / "cache")
        except StoreError as error:
            show_error(self, str(error))
            return
        self.attach(store)

    def new_seminar(self) -> None:
        from exercises import REGISTRY
        from workshop_app.creation import create_seminar

        from .wizard import NewSeminarWizard  # a dialog seldom opened: not imported at start-up

        wizard = NewSeminarWizard(self)
        while True:  # a refusal reopens the same wizard: nothing typed is lost
            if not wizard.exec():
                return
            spec = wizard.spec()
            try:
                store = create_seminar(spec.path, spec.seminar(), REGISTRY,
                                       created_at=datetime.now().isoformat(timespec="seconds"))
            except (StoreError, ValidationError) as error:  # create_seminar leaves no half-made file
                log.warning("creating %s failed: %s", spec.path, error)
                show_error(self, str(error), _("Cannot create the seminar"))
                continue
            break
        from workshop_app.lock import hold

        hold(store)
        self.attach(store)
        self.point_to_participants()

    def point_to_participants(self) -> None:
        """After a new seminar: the Participants tab, and a word on what comes next."""
        if self.console is None:
            return
        tabs = self.console.tabs
        index = next((i for i in range(tabs.count()) if tabs.tabText(i) == _("Participants")), -1)
        if index >= 0:
            tabs.setCurrentIndex(index)
        self.statusBar().showMessage(_("The seminar is ready. Next: add the participants (Paste a list… "
                                       "takes a spreadsheet's rows)."), 15000)

    def save_copy(self) -> None:
        if self.session is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, _("Save a copy as"), "", _("Seminars (*.workshop)"))
        if not path:
            return
        if not path.endswith(SUFFIX):
            path += SUFFIX
        try:
            self.session.store.backup_to(path)
        except StoreError as error:
            log.warning("saving a copy to %s failed: %s", path, error)
            show_error(self, str(error))
            return
        log.info("copy saved to %s", path)
        self.statusBar().showMessage(_("Copy saved to {path}").format(path=path), 5000)

    def print_join_cards(self) -> None:
        if self.session is not None:
            from .phones_panel import print_join_cards

            print_join_cards(self, self.session)

    def export_word(self) -> None:
        if self.session is None:
            return
        from .export_dialog import ExportDialog

        path = self.session.store.path
        target = path.with_name(path.stem + ".docx")
        if not path.parent.is_dir() or self.session.read_only or "demo" in path.parent.name:
            docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
            target = Path(docs) / (path.stem + ".docx")
        ExportDialog(self.session, target, self).exec()

    def export_json(self) -> None:
        if self.session is None:
            return
        from exports.json_io import export_json

        path, _f = QFileDialog.getSaveFileName(self, _("Export as JSON"), "", _("JSON (*.json)"))
        if not path:
            return
        try:
            export_json(self.session.store, path)
        except Exception as error:  # ExportError: a sentence for the user
            from .export_dialog import user_message

            log.warning("JSON export to %s failed: %s", path, error)
            show_error(self, user_message(error))
            return
        log.info("JSON export written to %s", path)
        self.statusBar().showMessage(_("Exported to {path}").format(path=path), 5000)

    def import_json(self) -> None:
        from exports.json_io import InterchangeError, import_json

        source, _f = QFileDialog.getOpenFileName(self, _("Import a JSON export"), "", _("JSON (*.json)"))
        if not source:
            return
        target, _f = QFileDialog.getSaveFileName(self, _("New seminar file"), str(Path(source).with_suffix(SUFFIX)),
                                                 _("Seminars (*.workshop)"))
        if not target:
            return
        try:
            store = import_json(source, target)
        except InterchangeError as error:
            show_error(self, str(error), _("Cannot import this file"))
            return
        from workshop_app.lock import hold

        hold(store)
        self.attach(store)

    def restore_snapshot(self) -> None:
        if self.session is None:
            return
        from PySide6.QtWidgets import QInputDialog
        from workshop_app.snapshots import list_snapshots, restore_snapshot

        path = self.session.store.path
        snapshots = list_snapshots(path)
        if not snapshots:
            show_error(self, _("There is no snapshot of this seminar yet."), _("Restore a snapshot"))
            return
        labels = [s.describe() for s in snapshots]
        choice, ok = QInputDialog.getItem(self, _("Restore a snapshot"),
                                          _("The seminar will go back to the chosen moment. "
                                            "Its current state is kept as a snapshot too."), labels, 0, False)
        if not ok:
            return
        snapshot = snapshots[labels.index(choice)]
        self.close_seminar()
        try:
            restore_snapshot(path, snapshot.path)
        except StoreError as error:
            show_error(self, str(error))
        self.open_file(str(path))

    def close_seminar(self) -> None:
        if self.console is not None:
            self.console.shutdown()
            self.stack.removeWidget(self.console)
            self.console.deleteLater()
            self.console = None
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
            self.session = None
        self.stack.setCurrentWidget(self.start_screen)
        self._update_actions()
        self._update_title()

    def closeEvent(self, event) -> None:
        self.close_seminar()
        super().closeEvent(event)

    # --- slots ---------------------------------------------------------------
    def _on_session_changed(self, kind: str, _ident: int) -> None:
        if kind == "seminar":
            self._update_title()

    def _on_undo(self) -> None:
        if self.session is not None:
            self._guarded(self.session.undo_stack.undo)

    def _on_redo(self) -> None:
        if self.session is not None:
            self._guarded(self.session.undo_stack.redo)

    def _guarded(self, fn) -> None:
        try:
            fn()
        except (StoreError, ValidationError) as error:
            show_error(self, str(error))

    def _on_show_screen(self) -> None:
        if self.console is not None:
            self.console.show_shared_screen()

    def _on_language(self, language: str) -> None:
        settings.put(settings.LANGUAGE, language)
        QMessageBox.information(self, "Workshop", _("The new language applies when the app restarts.")
                                if language == "en" else "La nouvelle langue s'applique au prochain démarrage.")

    def _on_about(self) -> None:
        QMessageBox.about(self, _("About"), _("Workshop {version}\nRun a customer-experience seminar "
                                              "offline and export its roadmap.").format(version=app_version()))


def app_instance() -> QApplication:
    return QApplication.instance()
