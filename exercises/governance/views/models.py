"""Qt item models over the governance tables; edits go through undoable commands."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.kit import theme
from ui.kit.errors import show_error, try_action
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import logic, roles
from . import commands

WATCHED = ("governance", "participants", "ideation", "arbitration")


class _Refreshing:
    """Reload from the store when a change this model shows is announced."""

    def _listen(self, session) -> None:
        self.session = session
        session.changed.connect(self._on_changed)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in WATCHED:
            self.beginResetModel()
            self._load()
            self.endResetModel()


class ChoicesModel(_Refreshing, QAbstractListModel):
    """The governance questions, settled ones ticked."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._listen(session)
        self._load()

    def _load(self) -> None:
        self._rows = logic.list_choices(self.session.store)

    def choice(self, row: int) -> logic.GovernanceChoice:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, c in enumerate(self._rows) if c.key == key), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        choice = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return f"{'✓' if choice.settled else '○'}  {choice.question}"
        if role == Qt.ToolTipRole:
            return ", ".join(choice.chosen_labels()) or _("Not settled yet")
        if role == Qt.ForegroundRole and choice.settled:
            return QBrush(QColor(theme.MUTED))
        if role == Qt.UserRole:
            return choice.key
        return None


class OptionsModel(_Refreshing, QAbstractTableModel):
    """The options of one question: label, hands counted, chosen (or rank)."""

    OPTION, HANDS, CHOSEN = range(3)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.key = ""
        self._listen(session)
        self._load()

    def set_key(self, key: str) -> None:
        self.beginResetModel()
        self.key = key
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        store = self.session.store
        try:
            self.choice = logic.get_choice(store, self.key) if self.key else None
        except ValidationError:
            self.choice, self.key = None, ""
        self.hands = logic.get_hands(store, self.key) if self.choice else logic.Hands({})

    def option_key(self, row: int) -> str:
        return self.choice.options[row].key

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.choice is None else len(self.choice.options)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            chosen = _("Rank") if self.choice is not None and self.choice.kind == "ranking" else _("Chosen")
            return (_("Option"), _("Hands"), chosen)[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.choice is None:
            return None
        option = self.choice.options[index.row()]
        column = index.column()
        chosen = option.key in self.choice.chosen
        if column == self.OPTION:
            if role == Qt.DisplayRole:
                return option.label + (f"  ({_('ours')})" if option.own else "")
            if role == Qt.FontRole and chosen:
                font = QFont()
                font.setBold(True)
                return font
        elif column == self.HANDS:
            if role in (Qt.DisplayRole, Qt.EditRole):
                return int(self.hands.counts.get(option.key, 0))
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignCenter)
        elif column == self.CHOSEN:
            if role == Qt.CheckStateRole:
                return Qt.Checked if chosen else Qt.Unchecked
            if role == Qt.DisplayRole and chosen and self.choice.kind == "ranking":
                return str(self.choice.chosen.index(option.key) + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.session.read_only:
            return flags
        if index.column() == self.HANDS:
            return flags | Qt.ItemIsEditable
        if index.column() == self.CHOSEN:
            return flags | Qt.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.EditRole):
        if not index.isValid() or self.choice is None:
            return False
        option_key = self.option_key(index.row())
        if index.column() == self.HANDS and role == Qt.EditRole:
            try:
                count = int(value)
            except (TypeError, ValueError):
                show_error(self, _("Type a number of hands."))
                return False
            return try_action(self, lambda: commands.set_hand_count(self.session, self.key, option_key, count))
        if index.column() == self.CHOSEN and role == Qt.CheckStateRole:
            wanted = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
            if wanted == (option_key in self.choice.chosen):
                return False
            return try_action(self, lambda: commands.toggle_option(self.session, self.key, option_key))
        return False


class KpiModel(_Refreshing, QAbstractTableModel):
    """Indicators with their baseline, target and horizon, editable in place."""

    FIELDS = ("name", "unit", "baseline", "target", "horizon")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._listen(session)
        self._load()

    def _load(self) -> None:
        self._rows = logic.list_kpis(self.session.store)

    def kpi(self, row: int) -> logic.Kpi:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return (_("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Horizon"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        kpi = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return getattr(kpi, self.FIELDS[index.column()])
        if role == Qt.ForegroundRole and index.column() == 0 and not kpi.has_target:
            return QBrush(QColor(theme.MUTED))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags if self.session.read_only else flags | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        kpi = self._rows[index.row()]
        field = self.FIELDS[index.column()]
        if str(value) == getattr(kpi, field):
            return False
        return try_action(self, lambda: commands.update_kpi(self.session, kpi.id, **{field: str(value)}))


def initials(name: str) -> str:
    """'Claire Dubois' -> 'CD' ('Ann' stays 'Ann'): a dozen people fit across the roles grid at 1366 px."""
    parts = name.replace("-", " ").split()
    return "".join(part[0] for part in parts[:3]).upper() if len(parts) > 1 else name


def short_name(name: str) -> str:
    """'Claire Dubois' -> 'Claire D.', so a dozen people fit across the RACI table."""
    parts = name.split()
    return f"{parts[0]} {parts[-1][0]}." if len(parts) > 1 else name


class RaciModel(_Refreshing, QAbstractTableModel):
    """Go initiatives × participants: R owner, A sponsor, C/I optional marks.

    Columns 0 and 1 hold the owner and the sponsor (edited with a participant id);
    the following columns hold one participant each ('', 'C' or 'I' are editable).
    """

    OWNER, SPONSOR, FIRST_PERSON = 0, 1, 2

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._listen(session)
        self._load()

    def _load(self) -> None:
        self.table = roles.roles_table(self.session.store)

    def initiative(self, row: int):
        return self.table.initiatives[row]

    def person(self, column: int):
        return self.table.people[column - self.FIRST_PERSON]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.initiatives)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIRST_PERSON + len(self.table.people)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Vertical:
            if role == Qt.DisplayRole and section < len(self.table.initiatives):
                return self.table.initiatives[section].title
            return None
        if section == self.OWNER:
            return _("Owner (R)") if role == Qt.DisplayRole else None
        if section == self.SPONSOR:
            return _("Sponsor (A)") if role == Qt.DisplayRole else None
        if section - self.FIRST_PERSON >= len(self.table.people):
            return None
        person = self.person(section)
        flagged = person.id in self.table.flagged
        if role == Qt.DisplayRole:
            return ("⚠ " if flagged else "") + initials(person.name)
        if role == Qt.ToolTipRole:
            load = self.table.loads.get(person.id)
            text = f"{person.name} — {person.function}"
            return f"{text}\n{roles.overload_reason(load)}" if load else text
        if role == Qt.ForegroundRole and flagged:
            return QBrush(QColor(theme.DANGER))
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        initiative = self.initiative(index.row())
        column = index.column()
        if column in (self.OWNER, self.SPONSOR):
            pid = initiative.owner_id if column == self.OWNER else initiative.sponsor_id
            if role == Qt.DisplayRole:
                name = self.table.name(pid)
                return (("⚠ " if pid in self.table.flagged else "") + name) if name else _("— choose —")
            if role == Qt.EditRole:
                return pid
            if role == Qt.ForegroundRole:
                if pid is None:
                    return QBrush(QColor(theme.MUTED))
                if pid in self.table.flagged:
                    return QBrush(QColor(theme.DANGER))
            return None
        text = self.table.cell(initiative, self.person(column).id)
        if role in (Qt.DisplayRole, Qt.EditRole):
            return text
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.FontRole and text.startswith(("R", "A")):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.BackgroundRole and text:
            colour = {"R": "#CFE8E4", "A": "#D6E0EE"}.get(text[0], "#F1F3F6")
            return QBrush(QColor(colour))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.session.read_only:
            return flags
        if index.column() in (self.OWNER, self.SPONSOR):
            return flags | Qt.ItemIsEditable
        if self.data(index) in ("", "C", "I"):
            return flags | Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        initiative = self.initiative(index.row())
        column = index.column()
        if column in (self.OWNER, self.SPONSOR):
            pid = None if value in (None, "", 0) else int(value)
            owner, sponsor = initiative.owner_id, initiative.sponsor_id
            owner, sponsor = (pid, sponsor) if column == self.OWNER else (owner, pid)
            if (owner, sponsor) == (initiative.owner_id, initiative.sponsor_id):
                return False
            return try_action(self, lambda: commands.assign(self.session, initiative.id, owner, sponsor))
        mark = str(value or "").strip().upper()
        if mark == self.data(index):
            return False
        return try_action(self, lambda: commands.set_mark(self.session, initiative.id, self.person(column).id, mark))

    def cycle(self, index) -> None:
        """Click on a person's cell: nothing → C → I → nothing (R and A are set in their columns)."""
        current = self.data(index)
        if index.column() >= self.FIRST_PERSON and current in ("", "C", "I"):
            self.setData(index, {"": "C", "C": "I", "I": ""}[current])
