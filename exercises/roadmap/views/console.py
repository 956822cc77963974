"""The facilitator's roadmap tab: the timeline to drag on, and the selected initiative's details."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListView, QMessageBox, QPushButton, QScrollArea, QSpinBox, QSplitter,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import try_action
from workshop_app.horizons import horizon_label
from workshop_app.i18n import _

from .. import store_ops
from ..logic import (MAX_HORIZON, MIN_HORIZON, QuarterStart, owner_overload, quarter_label, quarter_load,
                     span_label)
from . import commands
from .models import WATCHED, DependenciesModel, InitiativeListModel, MilestonesModel
from .timeline import TimelineWidget

KEY = "roadmap"


def ask_horizon(parent, title: str, decided: str, target: str) -> str | None:
    """Ask what a move into another horizon means: 'change' the decision, 'keep' it (the
    conflict is then marked in the document), or None to leave the bar where it was."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(_("Another horizon"))
    box.setText(_("“{title}” was decided for {decided}; here it starts in {target}.").format(
        title=title, decided=horizon_label(decided), target=horizon_label(target)))
    box.setInformativeText(_("Change the decision, or keep it and mark the conflict in the roadmap?"))
    change = box.addButton(_("Change the decision to {target}").format(target=horizon_label(target)),
                           QMessageBox.AcceptRole)
    keep = box.addButton(_("Keep the decision, mark the conflict"), QMessageBox.DestructiveRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(change)
    box.exec()
    clicked = box.clickedButton()
    return "change" if clicked is change else "keep" if clicked is keep else None


class QuarterDelegate(QStyledItemDelegate):
    """Milestone quarter cells: the quarters of the initiative's span."""

    def __init__(self, model: MilestonesModel, parent=None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for quarter, label in self.model.quarters():
            combo.addItem(label, quarter)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class DetailPanel(QWidget):
    """The side panel: what to place, the selected initiative, the parking lot."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.initiative_id = 0
        self.unplaced = InitiativeListModel(session, "unplaced", self)
        self.parking = InitiativeListModel(session, "parking", self)
        self.milestones = MilestonesModel(session, self)
        self.dependencies = DependenciesModel(session, self)
        self.unplaced_list = self._list(self.unplaced)
        self.place_button = QPushButton(_("Place on the timeline"))
        place_box = QGroupBox(_("Go initiatives to place"))
        box = QVBoxLayout(place_box)
        box.addWidget(self.unplaced_list)
        box.addWidget(self.place_button)
        self.place_box = place_box
        # the selected initiative
        self.title = QLabel(_("Click an initiative on the timeline."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.unplace_button = QPushButton(_("Take off the timeline"))
        self.milestone_table = QTableView()
        self.milestone_table.setModel(self.milestones)
        self.milestone_table.setItemDelegateForColumn(0, QuarterDelegate(self.milestones, self))
        self.milestone_table.verticalHeader().hide()
        self.milestone_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.milestone_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.milestone_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.milestone_table.verticalHeader().setDefaultSectionSize(26)
        self.milestone_table.setMaximumHeight(112)
        self.milestone_quarter = QComboBox()
        self.milestone_label = QLineEdit()
        self.milestone_label.setPlaceholderText(_("New milestone…"))
        self.add_milestone_button = QPushButton(_("Add"))
        self.remove_milestone_button = QPushButton(_("Remove"))
        self.dependency_list = self._list(self.dependencies)
        self.dependency_list.setMaximumHeight(64)
        self.dependency_choice = QComboBox()
        self.add_dependency_button = QPushButton(_("Add"))
        self.remove_dependency_button = QPushButton(_("Remove"))
        selected_box = QGroupBox(_("Selected initiative"))
        sel = QVBoxLayout(selected_box)
        sel.addWidget(self.title)
        sel.addWidget(self.details)
        sel.addWidget(self.unplace_button, 0, Qt.AlignLeft)
        sel.addWidget(QLabel(_("Milestones")))
        sel.addWidget(self.milestone_table)
        row = QHBoxLayout()
        row.addWidget(self.milestone_quarter)
        row.addWidget(self.milestone_label, 1)
        sel.addLayout(row)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.add_milestone_button)
        row.addWidget(self.remove_milestone_button)
        sel.addLayout(row)
        sel.addWidget(QLabel(_("Waits for")))
        sel.addWidget(self.dependency_list)
        sel.addWidget(self.dependency_choice)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.add_dependency_button)
        row.addWidget(self.remove_dependency_button)
        sel.addLayout(row)
        self.selected_box = selected_box
        parking_box = QGroupBox(_("Parking lot: decided for later"))
        box = QVBoxLayout(parking_box)
        self.parking_list = self._list(self.parking)
        self.parking_list.setMaximumHeight(90)
        box.addWidget(self.parking_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(place_box)
        layout.addWidget(selected_box)
        layout.addWidget(parking_box)
        layout.addStretch()
        for widget in (self.place_button, self.unplace_button, self.add_milestone_button,
                       self.remove_milestone_button, self.add_dependency_button, self.remove_dependency_button,
                       self.milestone_label):
            widget.setEnabled(not session.read_only)
        self._connect_signals()
        self.show_initiative(0)

    @staticmethod
    def _list(model) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setWordWrap(True)
        view.setMaximumHeight(110)
        return view

    def _connect_signals(self) -> None:
        self.place_button.clicked.connect(self._on_place)
        self.unplaced_list.doubleClicked.connect(lambda _i: self._on_place())
        self.unplace_button.clicked.connect(self._on_unplace)
        self.add_milestone_button.clicked.connect(self._on_add_milestone)
        self.milestone_label.returnPressed.connect(self._on_add_milestone)
        self.remove_milestone_button.clicked.connect(self._on_remove_milestone)
        self.add_dependency_button.clicked.connect(self._on_add_dependency)
        self.remove_dependency_button.clicked.connect(self._on_remove_dependency)
        self.milestones.modelReset.connect(self._refresh_selected)
        self.unplaced.modelReset.connect(self._refresh_place_box)

    # --- showing -------------------------------------------------------------------
    def show_initiative(self, initiative_id: int) -> None:
        self.initiative_id = initiative_id
        self.milestones.set_initiative(initiative_id)
        self.dependencies.set_initiative(initiative_id)
        self._refresh_selected()
        self._refresh_place_box()

    def _refresh_place_box(self) -> None:
        self.place_box.setVisible(self.unplaced.rowCount() > 0)

    def _refresh_selected(self) -> None:
        plan = self.milestones.plan
        item = plan.item(self.initiative_id)
        self.selected_box.setEnabled(item is not None)
        if item is None:
            self.title.setText(_("Click an initiative on the timeline."))
            self.details.setText(_("Drag a bar to move it, drag its right end to change its length; "
                                   "or select it and use ← → (Shift to resize)."))
            self.milestone_quarter.clear()
            self.dependency_choice.clear()
            return
        language = self.session.language
        self.title.setText(item.title)
        lines = [span_label(plan.start, item.start, item.duration, language),
                 _("Owner: {name}").format(name=item.owner or _("nobody yet"))]
        if item.initiative.kpi:
            target = f" → {item.initiative.kpi_target}" if item.initiative.kpi_target else ""
            lines.append(_("KPI: {kpi}").format(kpi=item.initiative.kpi + target))
        self.details.setText("\n".join(lines))
        self.milestone_quarter.clear()
        for quarter, label in self.milestones.quarters():
            self.milestone_quarter.addItem(label, quarter)
        self.dependency_choice.clear()
        waiting = set(self.dependencies._rows)
        for other in (*(i.initiative for i in plan.items), *plan.unplaced, *plan.parking):
            if other.id != item.id and other.id not in waiting:
                self.dependency_choice.addItem(other.title, other.id)

    # --- actions -------------------------------------------------------------------
    def _on_place(self) -> None:
        rows = self.unplaced_list.selectionModel().selectedIndexes()
        row = rows[0].row() if rows else 0
        if self.unplaced.rowCount():
            initiative_id = self.unplaced.initiative(row).id
            if try_action(self, lambda: commands.place_new(self.session, initiative_id)):
                self.show_initiative(initiative_id)

    def _on_unplace(self) -> None:
        if self.initiative_id:
            try_action(self, lambda: commands.unplace(self.session, self.initiative_id))

    def _on_add_milestone(self) -> None:
        if self.initiative_id and self.milestone_label.text().strip():
            quarter = self.milestone_quarter.currentData()
            if try_action(self, lambda: commands.add_milestone(self.session, self.initiative_id, quarter,
                                                         self.milestone_label.text())):
                self.milestone_label.clear()

    def _on_remove_milestone(self) -> None:
        rows = self.milestone_table.selectionModel().selectedRows()
        if rows:
            milestone = self.milestones.milestone(rows[0].row())
            try_action(self, lambda: commands.remove_milestone(self.session, milestone.id))

    def _on_add_dependency(self) -> None:
        other = self.dependency_choice.currentData()
        if self.initiative_id and other:
            try_action(self, lambda: commands.add_dependency(self.session, self.initiative_id, other))

    def _on_remove_dependency(self) -> None:
        rows = self.dependency_list.selectionModel().selectedIndexes()
        if rows:
            other = self.dependencies.depends_on(rows[0].row())
            try_action(self, lambda: commands.remove_dependency(self.session, self.initiative_id, other))


class ConsoleView(QWidget):
    """The roadmap tab of the facilitator console."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel(_("Roadmap"))
        title.setProperty("role", "title")
        self.start_choice = QComboBox()
        self.horizon = QSpinBox()
        self.horizon.setRange(MIN_HORIZON, MAX_HORIZON)
        self.horizon.setSuffix(_(" quarters"))
        self.present_button = QPushButton(_("Show on the shared screen"))
        self.present_button.setProperty("primary", True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch()
        top.addWidget(QLabel(_("From")))
        top.addWidget(self.start_choice)
        top.addWidget(QLabel(_("over")))
        top.addWidget(self.horizon)
        top.addWidget(self.present_button)
        self.start_choice.setEnabled(not session.read_only)
        self.horizon.setEnabled(not session.read_only)
        self.timeline = TimelineWidget(interactive=not session.read_only)
        self.panel = DetailPanel(session)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        splitter = QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.warnings = QLabel()
        self.warnings.setTextFormat(Qt.RichText)
        self.warnings.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.warnings)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.timeline.item_selected.connect(self._on_item_selected)
        self.timeline.placement_requested.connect(self._on_placement_requested)
        self.present_button.clicked.connect(lambda: self.session.present(KEY))
        self.start_choice.activated.connect(self._on_start_chosen)
        self.horizon.editingFinished.connect(self._on_horizon_changed)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in WATCHED:
            self.refresh()

    def refresh(self) -> None:
        plan = store_ops.load_roadmap(self.session.store)
        language = self.session.language
        self.timeline.set_plan(plan, language)
        self.start_choice.blockSignals(True)
        self.start_choice.clear()
        for offset in range(-4, 9):
            q = plan.start.shifted(offset)
            self.start_choice.addItem(quarter_label(q, 0, language), (q.year, q.quarter))
        self.start_choice.setCurrentIndex(4)
        self.start_choice.blockSignals(False)
        self.horizon.blockSignals(True)
        self.horizon.setValue(plan.horizon)
        self.horizon.blockSignals(False)
        self.warnings.setText(self._warnings(plan))
        self.warnings.setVisible(bool(self.warnings.text()))

    def _warnings(self, plan) -> str:
        """Dependency and owner problems in red, then the busiest quarter (rich text)."""
        lines = []
        for v in plan.violations:
            if v.kind == "order":
                lines.append(_("⚠ “{a}” starts before “{b}”, which it waits for, is finished.").format(
                    a=plan.title_of(v.initiative_id), b=plan.title_of(v.depends_on)))
            else:
                lines.append(_("⚠ “{a}” waits for “{b}”, which is not on the roadmap.").format(
                    a=plan.title_of(v.initiative_id), b=plan.title_of(v.depends_on)))
        for item in plan.conflicts():
            lines.append(_("⚠ “{a}” was decided for {decided} but starts in {quarter}.").format(
                a=item.title, decided=horizon_label(item.initiative.horizon),
                quarter=quarter_label(plan.start, item.start, self.session.language)))
        owners = {i.id: i.initiative.owner_id for i in plan.items}
        for o in owner_overload(plan.placements(), owners):
            lines.append(_("⚠ {name} owns {n} initiatives at once in {quarter}.").format(
                name=plan.owners.get(o.owner_id, "?"), n=o.peak,
                quarter=quarter_label(plan.start, o.quarters[0], self.session.language)))
        load = quarter_load(plan.placements(), plan.horizon)
        if any(load):
            peak = max(load)
            busiest = _("Busiest quarter: {quarter}, with {n} initiatives running.").format(
                quarter=quarter_label(plan.start, load.index(peak), self.session.language), n=peak)
        else:
            busiest = ""
        html = [f'<span style="color:{theme.DANGER}; font-weight:bold;">{escape(line)}</span>' for line in lines]
        if busiest:
            html.append(f'<span style="color:{theme.MUTED};">{escape(busiest)}</span>')
        return "<br>".join(html)

    def _on_item_selected(self, initiative_id: int) -> None:
        self.panel.show_initiative(initiative_id)

    def _on_placement_requested(self, initiative_id: int, start: int, duration: int) -> None:
        store = self.session.store
        target = store_ops.horizon_change(store, initiative_id, start)
        if target is None:
            try_action(self, lambda: commands.place(self.session, initiative_id, start, duration))
            return
        plan = store_ops.load_roadmap(store)
        row = next((i.initiative for i in plan.items if i.id == initiative_id), None)
        decided = row.horizon if row is not None else ""
        answer = ask_horizon(self, plan.title_of(initiative_id), decided, target)
        if answer == "change":
            try_action(self, lambda: commands.place_and_redecide(self.session, initiative_id, start, duration, target))
        elif answer == "keep":
            try_action(self, lambda: commands.place(self.session, initiative_id, start, duration))
        else:
            self.refresh()  # the bar goes back where it was

    def _on_start_chosen(self, index: int) -> None:
        year, quarter = self.start_choice.itemData(index)
        try_action(self, lambda: commands.set_start(self.session, QuarterStart(year, quarter)))

    def _on_horizon_changed(self) -> None:
        if self.horizon.value() != store_ops.get_horizon(self.session.store):
            if not try_action(self, lambda: commands.set_horizon(self.session, self.horizon.value())):
                self.refresh()
