"""The facilitator's ideation tab: capture, the board of axes, the initiatives, the projector controls."""

from __future__ import annotations

from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QMenu, QPushButton, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import logic, sources
from . import commands
from .board import IdeaBoard
from .capture import CaptureBar
from .initiatives_panel import InitiativesPanel
from .models import IdeasModel
from .phone_control import IdeaInputControl


class ConsoleView(QWidget):
    """Runs stage 2: rounds and fast capture, clustering into axes, promotion to initiatives."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = IdeasModel(session, self)
        self.capture = CaptureBar(session)
        self.board = IdeaBoard(session, self.model)
        self.initiatives = InitiativesPanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._board_page(), _("Board"))
        self.tabs.addTab(self.initiatives, _("Initiatives"))
        self.counts = QLabel()
        self.counts.setProperty("role", "subtitle")
        self.show_button = QPushButton(_("Show the board on the shared screen"))
        self.show_button.setProperty("primary", True)
        self.prev_page = QPushButton("◀")
        self.next_page = QPushButton("▶")
        for button, tip in ((self.prev_page, _("Previous page on the shared screen")),
                            (self.next_page, _("Next page on the shared screen"))):
            button.setToolTip(tip)
            button.setFixedWidth(40)
        self.page_label = QLabel()
        title = QLabel(_("Innovation axes"))
        title.setProperty("role", "title")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.counts, 1)
        head.addWidget(self.prev_page)
        head.addWidget(self.page_label)
        head.addWidget(self.next_page)
        head.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.capture)
        layout.addWidget(IdeaInputControl(session))  # ideas from phones too (workshop_app/phone_page.py)
        layout.addWidget(self.tabs, 1)
        self._connect_signals()
        self.refresh()

    def _board_page(self) -> QWidget:
        page = QWidget()
        self.buttons = {key: QPushButton(text) for key, text in (
            ("axis", _("New axis…")), ("merge", _("Merge")), ("delete", _("Delete")),
            ("promote", _("Promote to an initiative…")), ("hide", _("Hide from the screen")))}
        self.move_button = QToolButton()
        self.move_button.setText(_("Move to"))
        self.move_button.setPopupMode(QToolButton.InstantPopup)
        self.step_button = QToolButton()
        self.step_button.setText(_("Journey step"))
        self.step_button.setPopupMode(QToolButton.InstantPopup)
        self.move_menu, self.step_menu = QMenu(self), QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.step_button.setMenu(self.step_menu)
        row = QHBoxLayout()
        row.addWidget(self.buttons["axis"])
        row.addSpacing(16)
        for widget in (self.buttons["merge"], self.move_button, self.step_button, self.buttons["hide"],
                       self.buttons["delete"]):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.buttons["promote"])
        self.buttons["promote"].setProperty("primary", True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.board, 1)
        return page

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(lambda part: part == commands.KIND and self.refresh())
        self.board.selection_changed.connect(self._update_actions)
        self.board.context_menu_requested.connect(self._on_context_menu)
        self.board.delete_shortcut.activated.connect(self._on_delete)
        self.buttons["axis"].clicked.connect(self._on_new_axis)
        self.buttons["merge"].clicked.connect(self._on_merge)
        self.buttons["delete"].clicked.connect(self._on_delete)
        self.buttons["promote"].clicked.connect(self._on_promote)
        self.buttons["hide"].clicked.connect(self._on_hide)
        self.move_menu.aboutToShow.connect(lambda: self._fill_move_menu(self.move_menu))
        self.step_menu.aboutToShow.connect(lambda: self._fill_step_menu(self.step_menu))
        self.show_button.clicked.connect(lambda: commands.show_board(self.session))
        self.prev_page.clicked.connect(lambda: commands.turn_page(self.session, -1))
        self.next_page.clicked.connect(lambda: commands.turn_page(self.session, +1))

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in ("ideation", "journey", "participants"):
            self.refresh()

    def refresh(self) -> None:
        self.board.refresh()
        figures = logic.counts(self.session.store)
        self.counts.setText(_("{ideas} ideas · {axes} axes · {unclustered} not clustered").format(**figures))
        self.tabs.setTabText(1, _("Initiatives ({n})").format(n=self.initiatives.model.rowCount()))
        state = commands.screen_state(self.session)
        pages = state.pages or 0
        page = min(state.page, max(pages - 1, 0)) + 1
        self.page_label.setText(_("Page {page}/{pages}").format(page=page, pages=pages) if pages
                                else _("Page {page}").format(page=page))
        self.prev_page.setEnabled(page > 1)
        self.next_page.setEnabled(not pages or page < pages)
        self._update_actions()

    def _update_actions(self) -> None:
        count = len(self.board.selected_ids())
        writable = not self.session.read_only
        self.buttons["axis"].setEnabled(writable)
        self.buttons["merge"].setEnabled(writable and count >= 2)
        for key in ("delete", "promote", "hide"):
            self.buttons[key].setEnabled(writable and count >= 1)
        self.move_button.setEnabled(writable and count >= 1)
        self.step_button.setEnabled(writable and count >= 1)
        ideas = self._selected_ideas()
        hidden = bool(ideas) and all(i.hidden for i in ideas)
        self.buttons["hide"].setText(_("Show on the screen") if hidden else _("Hide from the screen"))

    def _selected_ideas(self) -> list[logic.Idea]:
        ids = set(self.board.selected_ids())
        return [i for i in self.model.ideas() if i.id in ids]

    # --- menus ---------------------------------------------------------------------------
    def _fill_move_menu(self, menu: QMenu) -> None:
        menu.clear()
        menu.addAction(_("Not clustered"), lambda: self._on_move(None))
        for axis in logic.list_axes(self.session.store):
            menu.addAction(axis.name, lambda a=axis.id: self._on_move(a))

    def _fill_step_menu(self, menu: QMenu) -> None:
        menu.clear()
        menu.addAction(_("No step"), lambda: self._on_link(None))
        for step_id, title in sources.step_titles(self.session.store).items():
            menu.addAction(title, lambda s=step_id: self._on_link(s))

    def _on_context_menu(self, position) -> None:
        if not self.board.selected_ids() or self.session.read_only:
            return
        menu = QMenu(self)
        menu.addAction(_("Promote to an initiative…"), self._on_promote)
        menu.addAction(_("Merge"), self._on_merge).setEnabled(len(self.board.selected_ids()) >= 2)
        self._fill_move_menu(menu.addMenu(_("Move to")))
        self._fill_step_menu(menu.addMenu(_("Journey step")))
        menu.addAction(self.buttons["hide"].text(), self._on_hide)
        menu.addAction(_("Delete"), self._on_delete)
        menu.exec(position)

    # --- actions ------------------------------------------------------------------------
    def _run(self, action, *args):
        try:
            return action(self.session, *args)
        except ValidationError as error:
            show_error(self, str(error))
            return None

    def _on_new_axis(self) -> None:
        name, ok = QInputDialog.getText(self, _("New axis"), _("Name of the innovation axis"))
        if ok:
            self._run(commands.add_axis, name)

    def _on_merge(self) -> None:
        self._run(commands.merge_ideas, self.board.selected_ids())

    def _on_delete(self) -> None:
        ids = self.board.selected_ids()
        if ids:
            self._run(commands.delete_ideas, ids)

    def _on_move(self, axis_id) -> None:
        self._run(commands.move_ideas, self.board.selected_ids(), axis_id, 10**9)

    def _on_link(self, step_id) -> None:
        self._run(commands.link_to_step, self.board.selected_ids(), step_id)

    def _on_hide(self) -> None:
        ideas = self._selected_ideas()
        if ideas:
            self._run(commands.set_hidden, [i.id for i in ideas], not all(i.hidden for i in ideas))

    def _on_promote(self) -> None:
        ideas = self._selected_ideas()
        if not ideas:
            return
        title, ok = QInputDialog.getText(self, _("Promote to an initiative"), _("Title of the initiative"),
                                         text=ideas[0].text[:120])
        if ok:
            self.promote([i.id for i in ideas], title)

    def promote(self, idea_ids: list[int], title: str) -> int | None:
        initiative_id = self._run(commands.promote_ideas, idea_ids, title)
        if initiative_id:
            self.tabs.setCurrentWidget(self.initiatives)
            self.initiatives.select(initiative_id)
        return initiative_id
