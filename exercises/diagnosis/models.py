"""Qt models of the self-diagnosis: the score grid (characteristic × participant) and the results."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.kit.commands import run_command
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from . import logic
from .report import format_score

GROUP_TINT = {"internal": "#FDF3E1", "external": "#E6F4F1"}


def set_score(session, characteristic: str, participant_id: int, score: int | None) -> None:
    """Undoable: one participant's score on one characteristic (None clears it)."""
    store = session.store
    run_command(session, _("Score a characteristic"), logic.KEY,
                lambda: logic.set_score(store, characteristic, participant_id, score),
                lambda before: logic.set_score(store, characteristic, participant_id, before))


def parse_score(text: str) -> int | None:
    """'4' -> 4, '' -> None (no score); anything else is refused with a clear message."""
    text = str(text).strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError(_("Type a score from 1 to 5, or leave the cell empty."))
    return int(text)


class _Reloading(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._load()
        session.changed.connect(self._on_changed)

    def _on_changed(self, kind: str, ident: int) -> None:
        if kind in (logic.KEY, "participants"):
            self.beginResetModel()
            self._load()
            self.endResetModel()

    def _load(self) -> None:
        raise NotImplementedError


class ScoreGridModel(_Reloading):
    """Rows: the 14 characteristics; columns: each participant, then the mean. Cells editable."""

    def _load(self) -> None:
        self.language = self.session.language  # data() never reads the store
        self.items = logic.characteristics(self.language)
        self.people = list_participants(self.session.store)
        self.grid = logic.score_grid(self.session.store)
        self.results = {r.characteristic.key: r for r in logic.results(self.session.store, self.language)}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people) + 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal:
            if section == len(self.people):
                return _("Mean") if role == Qt.DisplayRole else None
            if role == Qt.DisplayRole:
                return self.people[section].name.split()[0]
            if role == Qt.ToolTipRole:
                return self.people[section].name
            return None
        if role == Qt.DisplayRole:
            return self.items[section].name
        if role == Qt.ToolTipRole:
            return self.items[section].question
        if role == Qt.BackgroundRole:
            return QBrush(QColor(GROUP_TINT[self.items[section].group]))
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if index.column() == len(self.people):
            if role == Qt.DisplayRole:
                return format_score(self.results[item.key].mean, self.language)
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        else:
            score = self.grid.get((self.people[index.column()].id, item.key))
            if role in (Qt.DisplayRole, Qt.EditRole):
                return "" if score is None else str(score)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.session.read_only or index.column() == len(self.people):
            return flags
        return flags | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or index.column() >= len(self.people):
            return False
        key = self.items[index.row()].key
        person = self.people[index.column()].id
        try:
            score = parse_score(value)
            if score == self.grid.get((person, key)):
                return True
            set_score(self.session, key, person, score)
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True


class ResultsModel(_Reloading):
    """Mean, min and max per characteristic; the three weakest in red."""

    def _load(self) -> None:
        self.language = self.session.language
        self.rows = logic.results(self.session.store, self.language)
        self.weak = {r.characteristic.key for r in logic.weakest(self.rows)}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return [_("Characteristic"), _("Kind"), _("Mean"), _("Min"), _("Max")][section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.DisplayRole:
            kind = _("Internal lever") if r.characteristic.group == "internal" else _("External quality")
            return [r.characteristic.name, kind, format_score(r.mean, self.language),
                    "" if r.minimum is None else str(r.minimum),
                    "" if r.maximum is None else str(r.maximum)][index.column()]
        if role == Qt.ForegroundRole and r.characteristic.key in self.weak:
            return QBrush(QColor("#D1495B"))
        if role == Qt.BackgroundRole and index.column() == 0:
            return QBrush(QColor(GROUP_TINT[r.characteristic.group]))
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags
