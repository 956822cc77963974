"""Qt item models over the trends: the facilitator's list, one trend's ratings, the ranking,
and the strategic segments. Each reloads when the store changes (not on UI-state changes)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from . import commands
from . import store_ops as ops
from .logic import KEY, format_mean, horizon_label, lifecycle_label, summarise

TrendIdRole = Qt.UserRole + 1


class _StoreModel(QAbstractTableModel):
    """A table that reloads from the store on changed(trends/participants)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list = []
        self._load()
        session.changed.connect(self._on_changed)

    def _on_changed(self, kind: str, ident: int) -> None:
        if kind in (KEY, "participants"):
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers()[section]
        return None


class TrendsModel(_StoreModel):
    """Every trend in the facilitator's order, hidden ones greyed, with its results so far."""

    def _load(self) -> None:
        ratings = ops.list_ratings(self.session.store)
        self._rows = [summarise(t, ratings) for t in ops.list_trends(self.session.store)]

    def headers(self) -> list[str]:
        return [_("Trend"), _("Raters"), _("Relevance"), _("Retained")]

    def result(self, row: int):
        return self._rows[row]

    def row_of(self, trend_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.trend.id == trend_id), -1)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == 0:
                return r.trend.title + ("  " + _("(hidden)") if r.trend.hidden else "")
            if column == 1:
                return _("consensus") if r.consensus and not r.raters else str(r.raters)
            return (None, None, format_mean(r.relevance), "✓" if r.trend.retained else "")[column]
        if role == Qt.TextAlignmentRole and column > 0:
            return int(Qt.AlignCenter)
        if role == Qt.ToolTipRole and column == 0:
            return r.trend.description
        if role == Qt.ForegroundRole and r.trend.hidden:
            return QBrush(QColor(theme.MUTED))
        if role == Qt.FontRole and r.trend.hidden:
            font = QFont()
            font.setItalic(True)
            return font
        if role == TrendIdRole:
            return r.trend.id
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags


class RatingsModel(_StoreModel):
    """The ratings of one trend: the room's consensus first, then each participant."""

    trend_id: int | None = None

    def set_trend(self, trend_id: int | None) -> None:
        if trend_id != self.trend_id:
            self.trend_id = trend_id
            self.reload()

    def _load(self) -> None:
        if self.trend_id is None:
            self._rows = []
            return
        names = {p.id: p.name for p in list_participants(self.session.store)}
        ratings = ops.list_ratings(self.session.store, self.trend_id)
        ratings.sort(key=lambda r: (r.participant_id is not None,
                                    list(names).index(r.participant_id) if r.participant_id in names else 0))
        self._rows = [(names.get(r.participant_id, _("The room (consensus)")), r) for r in ratings]

    def headers(self) -> list[str]:
        return [_("Who"), _("Relevance"), _("Horizon"), _("Life cycle")]

    def rating(self, row: int):
        return self._rows[row][1]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        name, r = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return (name, "" if r.relevance is None else str(r.relevance), horizon_label(r.horizon),
                    lifecycle_label(r.lifecycle))[index.column()]
        if role == Qt.FontRole and r.is_consensus:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags


class RankingModel(_StoreModel):
    """Visible trends ranked by relevance; "retained" is a check box, the implication editable."""

    RETAINED, IMPLICATION = 5, 6

    def _load(self) -> None:
        self._rows = [r for r in ops.ranked_results(self.session.store) if r.rated or r.trend.retained]

    def headers(self) -> list[str]:
        return ["#", _("Trend"), _("Relevance"), _("Horizon"), _("Life cycle"), _("Retained"),
                _("Implication")]

    def result(self, row: int):
        return self._rows[row]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if column == self.RETAINED:
                return None
            return (str(index.row() + 1), r.trend.title, format_mean(r.relevance),
                    horizon_label(r.horizon), lifecycle_label(r.lifecycle), None,
                    r.trend.implication)[column]
        if role == Qt.CheckStateRole and column == self.RETAINED:
            return Qt.Checked if r.trend.retained else Qt.Unchecked
        if role == Qt.ToolTipRole and column == self.IMPLICATION:
            return r.trend.implication or _("Double-click to write what this trend means for our customers.")
        if role == TrendIdRole:
            return r.trend.id
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.session.read_only:
            return flags
        if index.column() == self.RETAINED:
            return flags | Qt.ItemIsUserCheckable
        if index.column() == self.IMPLICATION:
            return flags | Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole):
        if not index.isValid():
            return False
        trend_id = self._rows[index.row()].trend.id
        try:
            if role == Qt.CheckStateRole and index.column() == self.RETAINED:
                commands.set_retained(self.session, trend_id, Qt.CheckState(value) == Qt.Checked)
                return True
            if role == Qt.EditRole and index.column() == self.IMPLICATION:
                commands.set_implication(self.session, trend_id, str(value))
                return True
        except ValidationError as error:
            show_error(self, str(error))
        return False


class SegmentsModel(QAbstractListModel):
    """Our strategic customer segments, renamed in place."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows = ops.list_segments(session.store)
        session.changed.connect(self._on_changed)

    def _on_changed(self, kind: str, ident: int) -> None:
        if kind == KEY:
            self.beginResetModel()
            self._rows = ops.list_segments(self.session.store)
            self.endResetModel()

    def segment(self, row: int) -> dict:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role in (Qt.DisplayRole, Qt.EditRole):
            return self._rows[index.row()]["name"]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags if self.session.read_only else flags | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        try:
            commands.rename_segment(self.session, self._rows[index.row()]["id"], str(value))
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True
