"""Prepare the agenda: days and blocks as a tree, drag-and-drop, and a block editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget, QLabel)

from workshop_app import agenda as core
from workshop_app.domain import BLOCK_KINDS, ValidationError, kind_label
from workshop_app.i18n import _

from .kit import theme
from .kit.commands import run_command
from .kit.errors import show_error

DAY, BLOCK = 1, 2


# --- commands -------------------------------------------------------------

def move_block(session, block_id: int, day_id: int, position: int) -> None:
    store = session.store
    before = core.get_block(store, block_id)
    run_command(session, _("Move {title}").format(title=before.title), "agenda",
                lambda: core.move_block(store, block_id, day_id, position),
                lambda _r: core.move_block(store, block_id, before.day_id, before.position))


def add_block(session, day_id: int, title: str) -> int:
    store = session.store
    return run_command(session, _("Add {title}").format(title=title), "agenda",
                       lambda: core.add_block(store, day_id, title),
                       lambda bid: core.remove_block(store, bid))


def duplicate_block(session, block_id: int) -> int:
    store = session.store
    return run_command(session, _("Duplicate a block"), "agenda",
                       lambda: core.duplicate_block(store, block_id),
                       lambda bid: core.remove_block(store, bid))


def remove_block(session, block_id: int) -> None:
    store = session.store
    b = core.get_block(store, block_id)
    run_command(session, _("Delete {title}").format(title=b.title), "agenda",
                lambda: core.remove_block(store, block_id),
                lambda _r: core.add_block(store, b.day_id, b.title, b.kind, b.planned_minutes, b.exercise,
                                          b.instructions, b.notes, b.flexible, b.position, b.steps, b.id))


def update_block(session, block_id: int, **fields) -> None:
    store = session.store
    b = core.get_block(store, block_id)
    old = dict(title=b.title, kind=b.kind, planned_minutes=b.planned_minutes, exercise=b.exercise,
               instructions=b.instructions, notes=b.notes, flexible=b.flexible)
    new = {**old, **fields}
    if new == old:
        return
    run_command(session, _("Edit {title}").format(title=b.title), "agenda",
                lambda: core.update_block(store, block_id, **new),
                lambda _r: core.update_block(store, block_id, **old))


def add_day(session, date: str) -> int:
    store = session.store
    return run_command(session, _("Add a day"), "agenda", lambda: core.add_day(store, date),
                       lambda day_id: core.remove_day(store, day_id))


class AgendaTree(QTreeWidget):
    """Days at the top level, blocks beneath; a drop becomes one ``move_block`` command."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setColumnCount(4)
        self.setHeaderLabels([_("Block"), _("Start time"), _("Minutes"), _("Kind")])
        self.header().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):  # "Heure de début" was cut at the default width; a few dozen rows
            self.header().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.header().setStretchLastSection(False)  # the titles take the room left
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setAlternatingRowColors(True)

    def dropEvent(self, event) -> None:
        item = self.currentItem()
        if item is None or item.data(0, Qt.UserRole + 1) != BLOCK:
            event.ignore()
            return
        target = self.itemAt(event.position().toPoint())
        indicator = self.dropIndicatorPosition()
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        if target is None:
            return
        if target.data(0, Qt.UserRole + 1) == DAY:
            day_item, position = target, 0 if indicator != QAbstractItemView.OnItem else target.childCount()
        else:
            day_item = target.parent()
            position = day_item.indexOfChild(target)
            if indicator == QAbstractItemView.BelowItem:
                position += 1
            if item.parent() is day_item and day_item.indexOfChild(item) < position:
                position -= 1
        block_id = item.data(0, Qt.UserRole)
        try:
            move_block(self.session, block_id, day_item.data(0, Qt.UserRole), position)
        except ValidationError as error:
            show_error(self, str(error))


class BlockEditor(QWidget):
    """Edits the selected block; each field commits on editing finished."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.block_id: int | None = None
        self.title = QLineEdit()
        self.kind = QComboBox()
        for kind in BLOCK_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, core.MAX_BLOCK_MINUTES)
        self.minutes.setSuffix(" min")
        self.exercise = QComboBox()
        self.flexible = QCheckBox(_("Flexible (may be shortened to absorb drift)"))
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText(_("Shown on the shared screen"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("For the facilitator only"))
        self.apply_button = QPushButton(_("Apply"))
        self.apply_button.setProperty("primary", True)
        form = QFormLayout(self)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Planned"), self.minutes)
        form.addRow(_("Exercise"), self.exercise)
        form.addRow("", self.flexible)
        form.addRow(_("Instructions"), self.instructions)
        form.addRow(_("Notes"), self.notes)
        form.addRow("", self.apply_button)
        self.apply_button.clicked.connect(self._on_apply)
        self.setEnabled(False)

    def _fill_exercises(self) -> None:
        from exercises import REGISTRY

        self.exercise.clear()
        self.exercise.addItem(_("None"), "")
        for exercise in REGISTRY:
            self.exercise.addItem(exercise.title(self.session.language), exercise.key)

    def show_block(self, block_id: int | None) -> None:
        self.block_id = block_id
        self.setEnabled(block_id is not None and not self.session.read_only)
        if block_id is None:
            return
        b = core.get_block(self.session.store, block_id)
        self._fill_exercises()
        self.title.setText(b.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(b.kind)))
        self.minutes.setValue(b.planned_minutes)
        self.exercise.setCurrentIndex(max(0, self.exercise.findData(b.exercise)))
        self.flexible.setChecked(b.flexible)
        self.instructions.setPlainText(b.instructions)
        self.notes.setPlainText(b.notes)

    def _on_apply(self) -> None:
        if self.block_id is None:
            return
        try:
            update_block(self.session, self.block_id, title=self.title.text(), kind=self.kind.currentData(),
                         planned_minutes=self.minutes.value(), exercise=self.exercise.currentData() or "",
                         instructions=self.instructions.toPlainText(), notes=self.notes.toPlainText(),
                         flexible=self.flexible.isChecked())
        except ValidationError as error:
            show_error(self, str(error))


class AgendaPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.tree = AgendaTree(session)
        self.editor = BlockEditor(session)
        self.warning = QLabel()
        self.warning.setProperty("role", "banner")
        self.warning.hide()
        self.buttons = {k: QPushButton(t) for k, t in (
            ("day", _("Add a day…")), ("block", _("Add a block")), ("duplicate", _("Duplicate")),
            ("delete", _("Delete")))}
        row = QHBoxLayout()
        for button in self.buttons.values():
            button.setEnabled(not session.read_only)
            row.addWidget(button)
        row.addStretch()
        left = QVBoxLayout()
        left.addLayout(row)
        left.addWidget(self.warning)
        left.addWidget(self.tree)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.editor, 2)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.tree.currentItemChanged.connect(self._on_current_item_changed)
        self.buttons["day"].clicked.connect(self._on_add_day)
        self.buttons["block"].clicked.connect(self._on_add_block)
        self.buttons["duplicate"].clicked.connect(self._on_duplicate)
        self.buttons["delete"].clicked.connect(self._on_delete)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind == "agenda":
            self.refresh()

    def selected_block_id(self) -> int | None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, Qt.UserRole + 1) == BLOCK:
            return item.data(0, Qt.UserRole)
        return None

    def refresh(self) -> None:
        selected = self.selected_block_id()
        self.tree.clear()
        warnings = []
        for index, day in enumerate(core.schedule(self.session.store)):
            head = QTreeWidgetItem([_("Day {n} · {date}").format(n=index + 1, date=day.day.date),
                                    f"{day.day.start}–{day.day.end}", "", ""])
            head.setData(0, Qt.UserRole, day.day.id)
            head.setData(0, Qt.UserRole + 1, DAY)
            head.setFlags(Qt.ItemIsEnabled | Qt.ItemIsDropEnabled | Qt.ItemIsSelectable)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            if day.overflow_minutes:
                warnings.append(_("Day {n} overflows its end by {m} min.").format(n=index + 1, m=day.overflow_minutes))
                head.setForeground(1, QBrush(QColor(theme.DANGER)))
            self.tree.addTopLevelItem(head)
            for item in day.blocks:
                child = QTreeWidgetItem([item.block.title, core.format_hhmm(item.start),
                                         str(item.block.planned_minutes), kind_label(item.block.kind)])
                child.setData(0, Qt.UserRole, item.block.id)
                child.setData(0, Qt.UserRole + 1, BLOCK)
                child.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
                head.addChild(child)
                if item.block.id == selected:
                    self.tree.setCurrentItem(child)
            head.setExpanded(True)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    def _on_current_item_changed(self, *_args) -> None:
        self.editor.show_block(self.selected_block_id())

    def _on_add_day(self) -> None:
        days = core.list_days(self.session.store)
        default = days[-1].date if days else "2026-01-01"
        date, ok = QInputDialog.getText(self, _("Add a day"), _("Date (YYYY-MM-DD)"), text=default)
        if ok:
            try:
                add_day(self.session, date.strip())
            except ValidationError as error:
                show_error(self, str(error))

    def _on_add_block(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            days = core.list_days(self.session.store)
            if not days:
                show_error(self, _("Add a day first."))
                return
            day_id = days[-1].id
        else:
            day_id = item.data(0, Qt.UserRole) if item.data(0, Qt.UserRole + 1) == DAY \
                else item.parent().data(0, Qt.UserRole)
        add_block(self.session, day_id, _("New block"))

    def _on_duplicate(self) -> None:
        if (block_id := self.selected_block_id()) is not None:
            duplicate_block(self.session, block_id)

    def _on_delete(self) -> None:
        if (block_id := self.selected_block_id()) is not None:
            remove_block(self.session, block_id)
