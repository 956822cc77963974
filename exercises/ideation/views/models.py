"""Item models of the idea board: every idea in one list model, one filter proxy per column.

A drop on a column becomes one ``move_ideas`` command; the model then reloads from the
store like every other view. Each row is one idea: no widget per idea, so the board stays
smooth with thousands of them.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QSortFilterProxyModel, Qt

from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from .. import logic, sources
from . import commands

MIME = "application/x-workshop-idea-ids"
IDEA_ID = Qt.UserRole + 1
AXIS_ID = Qt.UserRole + 2
AUTHOR = Qt.UserRole + 3
ON_SCREEN = Qt.UserRole + 4
COLOUR = Qt.UserRole + 5
STEP = Qt.UserRole + 6
UNCLUSTERED_COLOUR = "#8A96A3"
RELOAD_KINDS = ("ideation", "participants", "journey")


def encode_ids(ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(json.dumps(ids).encode("utf-8")))
    return data


def decode_ids(data: QMimeData) -> list[int]:
    if not data.hasFormat(MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(data.data(MIME)).decode("utf-8"))]
    except (ValueError, TypeError):
        return []


class IdeasModel(QAbstractListModel):
    """All ideas not merged away, in board order; edits and drags go through commands."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._ideas: list[logic.Idea] = []
        self._authors: dict[int, str] = {}
        self._colours: dict[int, str] = {}
        self._steps: dict[int, str] = {}
        self._hidden_rounds: set[int] = set()
        self._load()
        session.changed.connect(self._on_changed)

    def _load(self) -> None:
        store = self.session.store
        self._ideas = logic.list_ideas(store)
        self._authors = {p.id: p.name for p in list_participants(store)}
        self._colours = {a.id: a.colour for a in logic.list_axes(store)}
        self._steps = sources.step_titles(store)
        self._hidden_rounds = logic.hidden_round_ids(store)

    def reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in RELOAD_KINDS:
            self.reload()

    # --- reading ---------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ideas)

    def idea(self, row: int) -> logic.Idea:
        return self._ideas[row]

    def axis_at(self, row: int):
        return self._ideas[row].axis_id

    def ideas(self) -> list[logic.Idea]:
        return list(self._ideas)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ideas):
            return None
        idea = self._ideas[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return idea.text
        if role == Qt.ToolTipRole:
            author = self._authors.get(idea.author_id, _("Anonymous"))
            step = self._steps.get(idea.journey_step_id)
            lines = [idea.text, _("By {name}").format(name=author)]
            if step:
                lines.append(_("Journey step: {step}").format(step=step))
            if not logic.on_screen(idea, self._hidden_rounds):
                lines.append(_("Hidden from the shared screen"))
            return "\n".join(lines)
        if role == IDEA_ID:
            return idea.id
        if role == AXIS_ID:
            return idea.axis_id
        if role == AUTHOR:
            return self._authors.get(idea.author_id, "")
        if role == ON_SCREEN:
            return logic.on_screen(idea, self._hidden_rounds)
        if role == COLOUR:
            return self._colours.get(idea.axis_id, UNCLUSTERED_COLOUR)
        if role == STEP:
            return self._steps.get(idea.journey_step_id, "")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.session.read_only:
            flags |= Qt.ItemIsEditable | Qt.ItemIsDragEnabled
        return flags

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid():
            return False
        idea = self._ideas[index.row()]
        if str(value).strip() == idea.text:
            return False
        try:
            commands.edit_idea(self.session, idea.id, str(value))
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True

    # --- drag and drop ---------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self._ideas[r].id for r in rows])

    def supportedDragActions(self):
        return Qt.MoveAction

    def supportedDropActions(self):
        return Qt.MoveAction


class AxisIdeasProxy(QSortFilterProxyModel):
    """The ideas of one column (``axis_id`` None: not clustered yet), in their order."""

    def __init__(self, session, axis_id, parent=None):
        super().__init__(parent)
        self.session = session
        self.axis_id = axis_id

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return self.sourceModel().axis_at(source_row) == self.axis_id

    def idea_ids(self) -> list[int]:
        return [self.index(row, 0).data(IDEA_ID) for row in range(self.rowCount())]

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags if self.session.read_only else Qt.ItemIsDropEnabled
        return super().flags(index) & ~Qt.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return not self.session.read_only and bool(decode_ids(data))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        ids = decode_ids(data)
        if not ids or self.session.read_only:
            return False
        if parent.isValid():
            row = parent.row()
        position = logic.drop_position(self.idea_ids(), ids, row)
        try:
            commands.move_ideas(self.session, ids, self.axis_id, position)
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True
