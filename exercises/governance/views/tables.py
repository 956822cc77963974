"""The indicators and roles tabs of the governance console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QPushButton, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ui.kit.errors import try_action
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from ..roles import overload_reason
from . import commands
from .models import KpiModel, RaciModel


class KpisTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = KpiModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        hint = QLabel(_("Double-click a cell to type the baseline, the target and the horizon (e.g. 2028)."))
        hint.setProperty("role", "subtitle")
        self.add_button = QPushButton(_("Add an indicator…"))
        self.remove_button = QPushButton(_("Remove"))
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        for b in (self.add_button, self.remove_button):
            b.setEnabled(not session.read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)

    def _on_add(self) -> None:
        name, ok = QInputDialog.getText(self, _("New indicator"), _("Name of the indicator:"))
        if ok and name.strip():
            try_action(self, lambda: commands.add_kpi(self.session, name))

    def _on_remove(self) -> None:
        rows = self.table.selectionModel().selectedRows() or self.table.selectionModel().selectedIndexes()
        if rows:
            kpi = self.model.kpi(rows[0].row())
            try_action(self, lambda: commands.remove_kpi(self.session, kpi.id))


class PersonDelegate(QStyledItemDelegate):
    """Owner and sponsor cells: a list of the participants."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem(_("— nobody —"), 0)
        for person in list_participants(self.session.store):
            combo.addItem(f"{person.name} ({person.function})" if person.function else person.name, person.id)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole) or 0)))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData() or None, Qt.EditRole)


class RolesTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = RaciModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(RaciModel.OWNER, PersonDelegate(session, self))
        self.table.setItemDelegateForColumn(RaciModel.SPONSOR, PersonDelegate(session, self))
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.SelectedClicked)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        rows = self.table.verticalHeader()  # initiative titles, on two lines if need be
        rows.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap)
        rows.setFixedWidth(340)
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 10)
        hint = QLabel(_("R owner (responsible) · A sponsor (accountable) · click a person's cell to mark "
                        "C (consulted) or I (informed). ⚠ someone carries too much: owner of more than "
                        "2 Go initiatives, or twice their owned plus their sponsored above 5.") + " "
                      + _("People are shown by their initials: point at one for the name."))
        hint.setWordWrap(True)
        hint.setProperty("role", "subtitle")
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #D1495B; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.flags)
        self.table.clicked.connect(self._on_clicked)
        self.model.modelReset.connect(self._update_flags)
        self._update_flags()

    def _on_clicked(self, index) -> None:
        if not self.session.read_only and index.column() >= RaciModel.FIRST_PERSON:
            self.model.cycle(index)

    def _update_flags(self) -> None:
        table = self.model.table
        if not table.initiatives:
            self.flags.setText(_("No Go initiative yet: roles are given once the arbitration has decided."))
        else:
            self.flags.setText("  ".join(f"⚠ {table.name(pid)}: {overload_reason(load)}."
                                         for pid, load in table.flagged.items()))
