"""Moments of truth: the steps table and the journey curve, in the console and on the shared screen."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import (QSizePolicy, QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPushButton, QSpinBox, QSplitter, QStyledItemDelegate, QTableView,
                               QToolButton, QVBoxLayout, QWidget)

from exercises.ideation import history
from exercises.ideation.views.commands import run_recorded
from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from . import logic, signed
from .charts import journey_curve

KIND = "journey"
RELOAD_KINDS = (KIND, "ideation")
COLUMNS = ("#", "step", "moment", "emotion", "balance", "ideas")


def record(session, text: str, operation):
    return run_recorded(session, text, operation, kind=KIND, tables=history.JOURNEY_TABLES)


def render_figure(figure) -> QImage:
    """Draw a matplotlib Figure with the Agg renderer into a QImage (pixel for pixel)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height()
    return QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format_RGBA8888).copy()


class StepsModel(QAbstractTableModel):
    """Rows: the journey's steps; edits (title, moment of truth, emotion) are undoable commands."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list[logic.StepBalance] = []
        self._ideas: dict[int, int] = {}
        self._load()
        session.changed.connect(self._on_changed)

    def _load(self) -> None:
        self._rows = logic.account(logic.list_steps(self.session.store))
        self._ideas = logic.ideas_per_step(self.session.store)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in RELOAD_KINDS:
            self.beginResetModel()
            self._load()
            self.endResetModel()

    def step(self, row: int) -> logic.JourneyStep:
        return self._rows[row].step

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return ("#", _("Step"), _("Moment of truth"), _("Credit / debit"), _("Balance"), _("Ideas"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        step, column = entry.step, COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            return {"#": str(index.row() + 1), "step": step.title, "moment": "",
                    "emotion": signed(step.emotion), "balance": signed(entry.balance),
                    "ideas": str(self._ideas.get(step.id, ""))}[column]
        if role == Qt.EditRole:
            return {"step": step.title, "emotion": step.emotion}.get(column)
        if role == Qt.ToolTipRole and column == "ideas" and self._ideas.get(step.id):
            return "\n".join(f"• {text}" for text in logic.linked_ideas(self.session.store, step.id))
        if role == Qt.CheckStateRole and column == "moment":
            return Qt.Checked if step.moment_of_truth else Qt.Unchecked
        if role == Qt.ForegroundRole and column in ("emotion", "balance"):
            value = step.emotion if column == "emotion" else entry.balance
            return QBrush(QColor(theme.DANGER if value < 0 else (theme.ACCENT_2 if value > 0 else theme.MUTED)))
        if role == Qt.TextAlignmentRole and column not in ("step",):
            return int(Qt.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.session.read_only:
            return flags
        column = COLUMNS[index.column()]
        if column in ("step", "emotion"):
            flags |= Qt.ItemIsEditable
        if column == "moment":
            flags |= Qt.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.EditRole):
        if not index.isValid():
            return False
        step, column = self.step(index.row()), COLUMNS[index.column()]
        if column == "moment" and role == Qt.CheckStateRole:
            changes = {"moment_of_truth": Qt.CheckState(value) == Qt.Checked}
        elif column == "step" and role == Qt.EditRole:
            changes = {"title": str(value)}
        elif column == "emotion" and role == Qt.EditRole:
            changes = {"emotion": int(value)}
        else:
            return False
        try:
            record(self.session, _("Edit the step {title}").format(title=step.title),
                   lambda: logic.update_step(self.session.store, step.id, **changes))
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True


class EmotionDelegate(QStyledItemDelegate):
    """Edits a credit/debit with a spin box from −3 to +3."""

    def createEditor(self, parent, option, index):
        editor = QSpinBox(parent)
        editor.setRange(logic.EMOTION_MIN, logic.EMOTION_MAX)
        return editor


class JourneyChart(QWidget):
    """The journey curve, drawn at the widget's size (matplotlib loads on the first paint)."""

    def __init__(self, session, dark: bool = False, parent=None):
        super().__init__(parent)
        self.session = session
        self.dark = dark
        self._image: QImage | None = None
        self.figure = None
        self.setMinimumHeight(200)

    def invalidate(self) -> None:
        self._image = None
        self.update()

    def font_pt(self) -> float:
        """Labels are drawn at 0.9 × this: on the shared screen, the size that reads from 12 m."""
        if not self.dark:
            return 10.0
        from ui.kit.legibility import room_pt

        return room_pt(self.window().height()) / 0.9

    def room_figure(self):
        """The last figure drawn (the font-size tests read its texts)."""
        return self.figure

    def image(self) -> QImage:
        if self._image is None or self._image.size() != self.size():
            steps = logic.list_steps(self.session.store)
            width_in = max(self.width(), 100) / 100
            wrap = 18 if self.dark else None  # on the shared screen: one slanted, abbreviated line
            figure = journey_curve([s.title for s in steps], [s.emotion for s in steps],
                                   [s.moment_of_truth for s in steps], self.session.language, dark=self.dark,
                                   width_in=width_in, height_in=max(self.height(), 100) / 100,
                                   font_pt=self.font_pt(), dpi=100, wrap=wrap, max_lines=1 if self.dark else 4,
                                   legend_rows=2 if self.dark else 1)
            self.figure = figure
            self._image = render_figure(figure)
        return self._image

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image())
        painter.end()


class ConsoleView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = StepsModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COLUMNS.index("emotion"), EmotionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("step"), QHeaderView.Stretch)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("The key journey, e.g. Account opening and the first 90 days"))
        self.template_button = QToolButton()
        self.template_button.setText(_("Start from a typical journey"))
        self.template_button.setPopupMode(QToolButton.InstantPopup)
        self.template_button.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)  # never clipped at 1366 px
        self.template_menu = QMenu(self)
        self.template_button.setMenu(self.template_menu)
        for template in logic.templates():
            self.template_menu.addAction(template["title"][session.language],
                                         lambda key=template["key"]: self._on_template(key))
        self.show_button = QPushButton(_("Show on the shared screen"))
        self.show_button.setProperty("primary", True)
        self.buttons = {k: QPushButton(t) for k, t in (("add", _("Add a step")), ("up", "▲"), ("down", "▼"),
                                                        ("delete", _("Delete")))}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = JourneyChart(session)
        head = QHBoxLayout()
        head.addWidget(QLabel(_("Journey")))
        head.addWidget(self.title, 1)
        head.addWidget(self.template_button)
        head.addWidget(self.show_button)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch()
        hint = QLabel(_("★ moment of truth · credit/debit from −3 to +3 · "
                        "the balance is the emotional bank account"))
        hint.setStyleSheet(f"color: {theme.MUTED};")
        row.addWidget(hint)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row)
        top_layout.addWidget(self.table)
        top_layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setSizes([340, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        for widget in [self.title, self.template_button] + list(self.buttons.values()):
            widget.setEnabled(not session.read_only)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.title.editingFinished.connect(self._on_title)
        self.show_button.clicked.connect(lambda: self.session.present(KIND))
        self.buttons["add"].clicked.connect(self._on_add)
        self.buttons["delete"].clicked.connect(self._on_delete)
        self.buttons["up"].clicked.connect(lambda: self._on_move(-1))
        self.buttons["down"].clicked.connect(lambda: self._on_move(+1))

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in RELOAD_KINDS:
            self.refresh()

    def refresh(self) -> None:
        if not self.title.hasFocus():
            self.title.setText(logic.get_title(self.session.store))
        steps = logic.list_steps(self.session.store)
        overdrawn = logic.negative_steps(steps)
        if not steps:
            self.summary.setText(_("Add the steps of one key journey, in order, or start from a typical journey."))
        elif overdrawn:
            self.summary.setText(_("The account is overdrawn from “{step}” on (balance {balance}).").format(
                step=overdrawn[0].step.title, balance=signed(overdrawn[0].balance)))
        else:
            self.summary.setText(_("The balance never goes negative along this journey."))
        self.chart.invalidate()

    def selected_step(self) -> logic.JourneyStep | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.step(rows[0].row()) if rows else None

    def _run(self, text: str, operation) -> object:
        try:
            return record(self.session, text, operation)
        except ValidationError as error:
            show_error(self, str(error))
            return None

    def _on_title(self) -> None:
        if self.title.text().strip() != logic.get_title(self.session.store):
            self._run(_("Rename the journey"), lambda: logic.set_title(self.session.store, self.title.text()))

    def _on_template(self, key: str) -> None:
        self._run(_("Start from a typical journey"),
                  lambda: logic.load_template(self.session.store, key, self.session.language))

    def _on_add(self) -> None:
        current = self.selected_step()
        position = current.position + 1 if current else None
        new_id = self._run(_("Add a step"), lambda: logic.add_step(self.session.store, _("New step"), position))
        if new_id:
            row = next(r for r in range(self.model.rowCount()) if self.model.step(r).id == new_id)
            self.table.setCurrentIndex(self.model.index(row, COLUMNS.index("step")))
            self.table.edit(self.model.index(row, COLUMNS.index("step")))

    def _on_delete(self) -> None:
        step = self.selected_step()
        if step:
            self._run(_("Delete the step {title}").format(title=step.title),
                      lambda: logic.delete_step(self.session.store, step.id))

    def _on_move(self, delta: int) -> None:
        step = self.selected_step()
        if step:
            self._run(_("Move the step {title}").format(title=step.title),
                      lambda: logic.move_step(self.session.store, step.id, step.position + delta))
            row = next(r for r in range(self.model.rowCount()) if self.model.step(r).id == step.id)
            self.table.selectRow(row)


class SharedView(QWidget):
    """The journey's title and its curve, large, on the deep-blue shared screen."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("JourneyShared")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(f"#JourneyShared {{ background: {theme.ACCENT}; }}")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.chart = JourneyChart(session, dark=True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.verdict)
        self.session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in RELOAD_KINDS:
            self.refresh()

    def refresh(self) -> None:
        steps = logic.list_steps(self.session.store)
        self.title.setText(logic.get_title(self.session.store) or _("Moments of truth"))
        overdrawn = logic.negative_steps(steps)
        verdict = _("Overdrawn from “{step}”: each step may look fine, the whole journey is not.")
        self.verdict.setText(verdict.format(step=overdrawn[0].step.title) if overdrawn else "")
        self.chart.invalidate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        h = max(self.window().height(), 200)
        from ui.kit.legibility import room_px

        self.title.setStyleSheet(f"color: white; font-weight: bold; font-size: {room_px(h, 1.2)}px;")
        self.verdict.setStyleSheet(f"color: #FFC9CF; font-size: {room_px(h)}px;")
        self.chart.invalidate()
