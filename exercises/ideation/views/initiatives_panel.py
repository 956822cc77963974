"""Initiatives: the list with each one's readiness, and the business-case form of the selected one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QPushButton,
                               QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import initiatives as ini
from .. import logic
from . import commands
from .business_case import BusinessCaseForm

RELOAD_KINDS = ("ideation", "participants", "trends")


class InitiativesModel(QAbstractTableModel):
    """Rows: initiatives; columns: title, axis, effort, readiness."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list[ini.Initiative] = []
        self._axes: dict[int, str] = {}
        self._load()
        session.changed.connect(self._on_changed)

    def _load(self) -> None:
        self._rows = ini.list_initiatives(self.session.store)
        self._axes = {a.id: a.name for a in logic.list_axes(self.session.store)}

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in RELOAD_KINDS:
            self.beginResetModel()
            self._load()
            self.endResetModel()

    def initiative(self, row: int) -> ini.Initiative:
        return self._rows[row]

    def row_of(self, initiative_id: int) -> int:
        return next((r for r, i in enumerate(self._rows) if i.id == initiative_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return (_("Initiative"), _("Axis"), _("Effort"), _("Business case"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            readiness = "✓ " + _("Ready") if ini.is_ready(i) else "✗ " + _("Not ready")
            return (i.title, self._axes.get(i.axis_id, ""), i.effort, readiness)[column]
        if role == Qt.ForegroundRole and column == 3:
            return QBrush(QColor(theme.ACCENT_2 if ini.is_ready(i) else theme.DANGER))
        if role == Qt.ToolTipRole and column == 3:
            if ini.is_ready(i):
                return ini.readiness_text(i)
            return _("Not ready for arbitration — missing: {fields}").format(
                fields=", ".join(ini.field_label(k).lower() for k in ini.missing_fields(i)))
        if role == Qt.ToolTipRole and column == 0:
            return i.title
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags


class InitiativesPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = InitiativesModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.resizeSection(1, 150)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setWordWrap(False)
        self.form = BusinessCaseForm(session)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        self.new_button = QPushButton(_("New initiative…"))
        self.delete_button = QPushButton(_("Delete"))
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch()
        for button in (self.new_button, self.delete_button):
            button.setEnabled(not session.read_only)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(row)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([520, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._selected: int | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.new_button.clicked.connect(self._on_new)
        self.delete_button.clicked.connect(self._on_delete)
        self.form.show_requested.connect(lambda ident: commands.show_card(self.session, ident))

    def select(self, initiative_id: int | None) -> None:
        row = self.model.row_of(initiative_id) if initiative_id else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show(initiative_id if row >= 0 else None)

    def selected_id(self) -> int | None:
        return self._selected

    def _show(self, initiative_id: int | None) -> None:
        """Load the form, unless it already shows this initiative as stored (keeping unapplied edits)."""
        self._selected = initiative_id
        row = self.model.row_of(initiative_id) if initiative_id else -1
        stored = self.model.initiative(row) if row >= 0 else None
        if stored is None or stored != self.form.initiative:
            self.form.show_initiative(initiative_id if stored else None)

    def _on_current_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self._show(self.model.initiative(current.row()).id)

    def _on_model_reset(self) -> None:
        self.select(self._selected)

    def _on_new(self) -> None:
        title, ok = QInputDialog.getText(self, _("New initiative"), _("Title"))
        if ok:
            try:
                self.select(commands.create_initiative(self.session, title=title))
            except ValidationError as error:
                show_error(self, str(error))

    def _on_delete(self) -> None:
        if self._selected is not None:
            commands.delete_initiative(self.session, self._selected)
