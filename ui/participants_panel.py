"""Participants: a table model over the store and a panel to add, edit, remove and paste."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from workshop_app import participants as core
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .kit.commands import run_command
from .kit.errors import show_error


class ParticipantsModel(QAbstractTableModel):
    """Rows: participants; columns: name, function, e-mail. Editable in place."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows = core.list_participants(session.store)
        session.changed.connect(self._on_changed)

    def headers(self) -> list[str]:
        return [_("Name"), _("Function"), _("E-mail")]

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind != "participants":
            return
        rows = core.list_participants(self.session.store)
        if [p.id for p in rows] == [p.id for p in self._rows]:
            # the same people, edited: update in place, so an open cell editor (Tab moving to
            # the next cell) is not destroyed by a reset under the view's feet
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 2))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def participant(self, row: int):
        return self._rows[row]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return (p.name, p.function, p.email)[index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers()[section]
        if role == Qt.DisplayRole and orientation == Qt.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags if self.session.read_only else flags | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        p = self._rows[index.row()]
        fields = [p.name, p.function, p.email]
        fields[index.column()] = str(value)
        try:
            edit_participant(self.session, p.id, *fields)
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True


# --- commands (one core operation each) -----------------------------------

def add_participant(session, name: str, function: str = "", email: str = "") -> int:
    store = session.store
    return run_command(session, _("Add {name}").format(name=name), "participants",
                       lambda: core.add_participant(store, name, function, email),
                       lambda pid: core.remove_participant(store, pid))


def edit_participant(session, participant_id: int, name: str, function: str, email: str) -> None:
    store = session.store
    before = core.get_participant(store, participant_id)
    run_command(session, _("Edit {name}").format(name=before.name), "participants",
                lambda: core.update_participant(store, participant_id, name, function, email),
                lambda _r: core.update_participant(store, participant_id, before.name,
                                                   before.function, before.email))


def remove_participant(session, participant_id: int) -> None:
    store = session.store
    p = core.get_participant(store, participant_id)
    run_command(session, _("Remove {name}").format(name=p.name), "participants",
                lambda: core.remove_participant(store, participant_id),
                lambda _r: core.add_participant(store, p.name, p.function, p.email,
                                                position=p.position, participant_id=p.id))


def add_many(session, people: list[tuple[str, str, str]]) -> list[int]:
    store = session.store
    return run_command(session, _("Add {n} participants").format(n=len(people)), "participants",
                       lambda: core.add_many(store, people),
                       lambda ids: [core.remove_participant(store, pid) for pid in ids])


class PasteDialog(QDialog):
    """Paste a list of names (one per line) or CSV rows: name, function, e-mail.

    A table previews the columns found in each line before anything is added.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Paste a list of participants"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(_("One person per line, or: name, function, e-mail"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Function"), _("E-mail")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.preview = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Add them"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 2)
        layout.addWidget(QLabel(_("What will be added:")))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.text.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def people(self):
        return core.parse_pasted_list(self.text.toPlainText())

    def _on_text_changed(self) -> None:
        people = self.people()
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            for column, value in enumerate(person):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.preview.setText(_("{n} people will be added.").format(n=len(people)))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(people))


class ParticipantDialog(QDialog):
    def __init__(self, parent=None, name="", function="", email=""):
        super().__init__(parent)
        self.setWindowTitle(_("Participant"))
        self.name = QLineEdit(name)
        self.function = QLineEdit(function)
        self.email = QLineEdit(email)
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Function"), self.function)
        form.addRow(_("E-mail (optional)"), self.email)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text(), self.function.text(), self.email.text()


class ParticipantsPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = ParticipantsModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.count_label = QLabel()
        self.add_button = QPushButton(_("Add…"))
        self.paste_button = QPushButton(_("Paste a list…"))
        self.remove_button = QPushButton(_("Remove"))
        row = QHBoxLayout()
        for b in (self.add_button, self.paste_button, self.remove_button):
            row.addWidget(b)
            b.setEnabled(not session.read_only)
        row.addStretch()
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._connect_signals()
        self._update_count()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add)
        self.paste_button.clicked.connect(self._on_paste)
        self.remove_button.clicked.connect(self._on_remove)
        self.model.modelReset.connect(self._update_count)

    def _update_count(self) -> None:
        self.count_label.setText(_("{n} participants").format(n=self.model.rowCount()))

    def _on_add(self) -> None:
        dialog = ParticipantDialog(self)
        if dialog.exec():
            try:
                add_participant(self.session, *dialog.values())
            except ValidationError as error:
                show_error(self, str(error))

    def _on_paste(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() and dialog.people():
            try:
                add_many(self.session, dialog.people())
            except ValidationError as error:
                show_error(self, str(error))

    def _on_remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            remove_participant(self.session, self.model.participant(row).id)
