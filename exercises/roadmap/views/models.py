"""Qt item models beside the timeline: initiatives to place, the parking lot, milestones, dependencies."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _, plural

from .. import store_ops
from ..logic import quarter_label
from . import commands

WATCHED = ("roadmap", "ideation", "arbitration", "governance", "participants", "agenda")


class _PlanModel:
    """Holds the loaded roadmap and reloads it when a watched kind changes."""

    def _listen(self, session) -> None:
        self.session = session
        self.plan = store_ops.load_roadmap(session.store)
        self.language = session.language  # data() never reads the store
        session.changed.connect(self._on_changed)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in WATCHED:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.plan = store_ops.load_roadmap(self.session.store)
        self.language = self.session.language
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        pass


class InitiativeListModel(_PlanModel, QAbstractListModel):
    """Go initiatives not yet on the timeline ('unplaced') or those decided for later ('parking')."""

    def __init__(self, session, which: str, parent=None):
        super().__init__(parent)
        self.which = which
        self._listen(session)
        self._load()

    def _load(self) -> None:
        self._rows = list(self.plan.unplaced if self.which == "unplaced" else self.plan.parking)

    def initiative(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return row.title
        if role == Qt.ToolTipRole:
            return row.reason or row.title
        if role == Qt.UserRole:
            return row.id
        if role == Qt.ForegroundRole and self.which == "parking":
            return QBrush(QColor(theme.MUTED))
        return None


class MilestonesModel(_PlanModel, QAbstractTableModel):
    """Milestones of the selected initiative: quarter and label, both editable."""

    QUARTER, LABEL = 0, 1

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.initiative_id = 0
        self._listen(session)
        self._load()

    def set_initiative(self, initiative_id: int) -> None:
        self.initiative_id = initiative_id
        self.reload()

    def _load(self) -> None:
        item = self.plan.item(self.initiative_id)
        self.item = item
        self._rows = list(item.milestones) if item else []

    def milestone(self, row: int):
        return self._rows[row]

    def quarters(self) -> list[tuple[int, str]]:
        """The quarters a milestone of the selected initiative may fall in."""
        if self.item is None:
            return []
        return [(q, quarter_label(self.plan.start, q, self.language))
                for q in range(self.item.start, self.item.end)]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return (_("Quarter"), _("Milestone"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        if index.column() == self.QUARTER:
            if role == Qt.DisplayRole:
                return quarter_label(self.plan.start, m.quarter, self.language)
            if role == Qt.EditRole:
                return m.quarter
        elif role in (Qt.DisplayRole, Qt.EditRole):
            return m.label
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags if self.session.read_only else flags | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        m = self._rows[index.row()]
        quarter, label = m.quarter, m.label
        if index.column() == self.QUARTER:
            try:
                quarter = int(value)
            except (TypeError, ValueError):
                return False
        else:
            label = str(value)
        if (quarter, label) == (m.quarter, m.label):
            return False
        try:
            commands.update_milestone(self.session, m.id, quarter, label)
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True


class DependenciesModel(_PlanModel, QAbstractListModel):
    """What the selected initiative waits for, with a warning when the plan breaks it."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.initiative_id = 0
        self._listen(session)
        self._load()

    def set_initiative(self, initiative_id: int) -> None:
        self.initiative_id = initiative_id
        self.reload()

    def _load(self) -> None:
        self._rows = [b for a, b in self.plan.dependencies if a == self.initiative_id]
        self._problems = {v.depends_on: v for v in self.plan.violations if v.initiative_id == self.initiative_id}

    def depends_on(self, row: int) -> int:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        other = self._rows[index.row()]
        problem = self._problems.get(other)
        if role == Qt.DisplayRole:
            title = self.plan.title_of(other)
            if problem is None:
                return title
            if problem.kind == "order":
                return plural(problem.overlap, "⚠ {title} — ends {n} quarter too late",
                              "⚠ {title} — ends {n} quarters too late").format(title=title, n=problem.overlap)
            return _("⚠ {title} — not on the roadmap").format(title=title)
        if role == Qt.ForegroundRole and problem is not None:
            return QBrush(QColor(theme.DANGER))
        if role == Qt.UserRole:
            return other
        return None
