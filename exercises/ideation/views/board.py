"""The facilitator's idea board: one column per axis (and one for the unclustered ideas).

Each column is a QListView over a filter of the shared ``IdeasModel``, painted as cards by
``IdeaCardDelegate``. Dragging cards between columns, or within one, is a move command.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QColorDialog, QFrame, QHBoxLayout,
                               QInputDialog, QLabel, QListView, QMenu, QScrollArea, QStyle, QStyledItemDelegate,
                               QToolButton, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .. import logic
from . import commands
from .paint import wrap_lines
from .models import AUTHOR, COLOUR, IDEA_ID, ON_SCREEN, STEP, AxisIdeasProxy

COLUMN_WIDTH = 250
TEXT_LINES = 3


class IdeaCardDelegate(QStyledItemDelegate):
    """Paints an idea as a card: its axis colour on the left, the text, the author and flags."""

    def sizeHint(self, option, index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(COLUMN_WIDTH - 24, metrics.lineSpacing() * (TEXT_LINES + 1) + 22)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        card = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.State_Selected)
        painter.setPen(QPen(QColor(theme.ACCENT) if selected else QColor("#D5DAE1"), 2 if selected else 1))
        painter.setBrush(QColor("#EAF2FB") if selected else QColor("white"))
        painter.drawRoundedRect(card, 6, 6)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(index.data(COLOUR)))
        painter.drawRoundedRect(QRect(card.left(), card.top(), 6, card.height()), 3, 3)
        metrics = QFontMetrics(option.font)
        text_rect = card.adjusted(14, 6, -8, -6)
        painter.setPen(QColor(theme.INK))
        y = text_rect.top() + metrics.ascent()
        for line in wrap_lines(index.data(Qt.DisplayRole) or "", metrics, text_rect.width(), TEXT_LINES):
            painter.drawText(text_rect.left(), y, line)
            y += metrics.lineSpacing()
        footer = [index.data(AUTHOR) or ""]
        if index.data(STEP):
            footer.append("↳ " + index.data(STEP))
        small = option.font
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(QColor(theme.MUTED))
        footer_text = " · ".join(f for f in footer if f)
        if not index.data(ON_SCREEN):
            painter.setPen(QColor(theme.WARNING))
            footer_text = "◌ " + _("hidden") + (" · " + footer_text if footer_text else "")
        painter.drawText(text_rect, Qt.AlignLeft | Qt.AlignBottom,
                         QFontMetrics(small).elidedText(footer_text, Qt.ElideRight, text_rect.width()))
        painter.restore()


class AxisColumn(QFrame):
    """One column: a coloured header (name, count, menu), the ambition, and the cards."""

    menu_requested = Signal(object)  # the column's axis (None for unclustered)

    def __init__(self, session, model, delegate, axis: logic.Axis | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.axis = axis
        self.setObjectName("AxisColumn")
        self.setFixedWidth(COLUMN_WIDTH)
        colour = axis.colour if axis else "#8A96A3"
        self.setStyleSheet(f"#AxisColumn {{ background: #EEF1F5; border-radius: 8px; }}"
                           f"#AxisHeader {{ background: {colour}; border-radius: 6px; }}"
                           "#AxisHeader QLabel { color: white; font-weight: bold; }")
        header = QFrame()
        header.setObjectName("AxisHeader")
        self.title = QLabel(axis.name if axis else _("Not clustered yet"))
        self.title.setWordWrap(True)
        self.count = QLabel()
        row = QHBoxLayout(header)
        row.setContentsMargins(10, 6, 4, 6)
        row.addWidget(self.title, 1)
        row.addWidget(self.count)
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setStyleSheet("color: white; font-weight: bold;")
        self.menu_button.setToolTip(_("Rename, recolour, ambition, order, delete"))
        self.menu_button.setVisible(axis is not None and not session.read_only)
        row.addWidget(self.menu_button)
        self.ambition = QLabel((axis.ambition or _("No ambition yet: one sentence, please.")) if axis
                               else _("Drag ideas from here onto an axis."))
        self.ambition.setWordWrap(True)
        self.ambition.setStyleSheet(f"color: {theme.MUTED}; font-style: italic; padding: 2px 4px;")
        self.proxy = AxisIdeasProxy(session, axis.id if axis else None, self)
        self.proxy.setSourceModel(model)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(delegate)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDrop)
        self.view.setDefaultDropAction(Qt.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.setStyleSheet(
            "QListView { background: transparent; border: none; }"
            "QScrollBar:vertical { width: 8px; background: transparent; margin: 0; }"
            "QScrollBar::handle:vertical { background: #B8C2CC; border-radius: 4px; min-height: 24px; }"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(header)
        layout.addWidget(self.ambition)
        layout.addWidget(self.view, 1)
        self.menu_button.clicked.connect(lambda: self.menu_requested.emit(self.axis))
        self.proxy.modelReset.connect(self.update_count)
        self.update_count()

    def update_count(self) -> None:
        self.count.setText(str(self.proxy.rowCount()))

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.proxy.index(r, 0).data(IDEA_ID) for r in rows]


class IdeaBoard(QScrollArea):
    """The columns side by side; tells the panel when the selection changes.

    Signals:
        selection_changed(): the selected ideas changed (in any column).
        context_menu_requested(QPoint): a right-click on the cards (global position).
    """

    selection_changed = Signal()
    context_menu_requested = Signal(object)

    def __init__(self, session, model, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = model
        self.delegate = IdeaCardDelegate(self)
        self.columns: list[AxisColumn] = []
        self._axes: list[logic.Axis] | None = None
        self.inner = QWidget()
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.row.setSpacing(10)
        self.setWidget(self.inner)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.delete_shortcut = QShortcut(QKeySequence.Delete, self, context=Qt.WidgetWithChildrenShortcut)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the columns when the axes changed (ideas only reset the model)."""
        axes = logic.list_axes(self.session.store)
        if axes == self._axes:
            return
        self._axes = axes
        for column in self.columns:
            self.row.removeWidget(column)
            column.deleteLater()
        self.columns = [AxisColumn(self.session, self.model, self.delegate, axis) for axis in [None] + axes]
        for index, column in enumerate(self.columns):
            self.row.insertWidget(index, column)
            column.menu_requested.connect(self._on_axis_menu)
            column.view.selectionModel().selectionChanged.connect(self.selection_changed)
            column.view.pressed.connect(lambda _index, c=column: self._on_pressed(c))
            column.view.customContextMenuRequested.connect(
                lambda pos, c=column: self.context_menu_requested.emit(c.view.viewport().mapToGlobal(pos)))
        if self.row.count() == len(self.columns):
            self.row.addStretch(1)
        self.selection_changed.emit()

    def column_for(self, axis_id) -> AxisColumn:
        return next(c for c in self.columns if (c.axis.id if c.axis else None) == axis_id)

    def selected_ids(self) -> list[int]:
        return [i for column in self.columns for i in column.selected_ids()]

    def _on_pressed(self, pressed: AxisColumn) -> None:
        if QApplication.keyboardModifiers() & (Qt.ControlModifier | Qt.ShiftModifier):
            return
        for column in self.columns:
            if column is not pressed:
                column.view.clearSelection()

    # --- the axis menu ------------------------------------------------------------------
    def _on_axis_menu(self, axis: logic.Axis) -> None:
        menu = QMenu(self)
        actions = {
            menu.addAction(_("Rename…")): self._rename,
            menu.addAction(_("Change colour…")): self._recolour,
            menu.addAction(_("Edit the ambition…")): self._edit_ambition,
            menu.addAction(_("Move left")): lambda a: commands.move_axis(self.session, a.id, self._index(a) - 1),
            menu.addAction(_("Move right")): lambda a: commands.move_axis(self.session, a.id, self._index(a) + 1),
            menu.addAction(_("Delete the axis")): lambda a: commands.delete_axis(self.session, a.id),
        }
        column = self.column_for(axis.id)
        chosen = menu.exec(column.menu_button.mapToGlobal(column.menu_button.rect().bottomLeft()))
        if chosen in actions:
            try:
                actions[chosen](axis)
            except ValidationError as error:
                show_error(self, str(error))

    def _index(self, axis: logic.Axis) -> int:
        return next(i for i, a in enumerate(self._axes or []) if a.id == axis.id)

    def _rename(self, axis: logic.Axis) -> None:
        name, ok = QInputDialog.getText(self, _("Rename the axis"), _("Name"), text=axis.name)
        if ok and name.strip() != axis.name:
            commands.update_axis(self.session, axis.id, name=name)

    def _recolour(self, axis: logic.Axis) -> None:
        colour = QColorDialog.getColor(QColor(axis.colour), self, _("Colour of the axis"))
        if colour.isValid() and colour.name().upper() != axis.colour.upper():
            commands.update_axis(self.session, axis.id, colour=colour.name())

    def _edit_ambition(self, axis: logic.Axis) -> None:
        text, ok = QInputDialog.getText(self, _("Ambition of the axis"), _("In one sentence"), text=axis.ambition)
        if ok and text.strip() != axis.ambition:
            commands.update_axis(self.session, axis.id, ambition=text)
