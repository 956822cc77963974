"""The business-case form of one initiative, with its missing fields flagged as you type.

Red: a required field is empty (the initiative is not ready for arbitration);
amber: a recommended one is (sponsor, axis, linked trends). Apply is one undoable command.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from .. import initiatives as ini
from .. import logic, sources
from . import commands


def _check_list(widget: QListWidget, rows: list[tuple[int, str]], checked) -> None:
    widget.clear()
    for ident, label in rows:
        item = QListWidgetItem(label)
        item.setData(Qt.UserRole, ident)
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if ident in checked else Qt.Unchecked)
        widget.addItem(item)
    widget.setFixedHeight(min(150, max(60, 24 * widget.count() + 8)))


def _checked(widget: QListWidget) -> tuple[int, ...]:
    return tuple(widget.item(i).data(Qt.UserRole) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.Checked)


def _fill_combo(combo: QComboBox, rows: list[tuple[int, str]], current, none_label: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_label, 0)  # 0, not None: PySide mishandles None as item data
    for ident, label in rows:
        combo.addItem(label, ident)
    combo.setCurrentIndex(max(0, combo.findData(current or 0)))
    combo.blockSignals(False)


class BusinessCaseForm(QWidget):
    """Edits the business case of the initiative given to ``show``.

    Signals:
        show_requested(int): the facilitator wants this card on the shared screen.
    """

    show_requested = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.initiative: ini.Initiative | None = None
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.ideas = QLabel()
        self.ideas.setWordWrap(True)
        self.ideas.setStyleSheet(f"color: {theme.MUTED};")
        self.widgets = {
            "title": QLineEdit(), "problem": QPlainTextEdit(), "segments": QListWidget(),
            "customer_value": QPlainTextEdit(), "org_impact": QPlainTextEdit(), "tech_impact": QPlainTextEdit(),
            "effort": QComboBox(), "cost_range": QLineEdit(), "kpi": QLineEdit(), "kpi_target": QLineEdit(),
            "owner_id": QComboBox(), "sponsor_id": QComboBox(), "axis_id": QComboBox(), "trend_ids": QListWidget(),
        }
        for key in ini.LONG_FIELDS:
            self.widgets[key].setFixedHeight(64)
            self.widgets[key].setTabChangesFocus(True)
        self.widgets["effort"].addItem(_("Not sized yet"), "")
        for effort in ini.EFFORTS:
            self.widgets["effort"].addItem(ini.effort_label(effort), effort)
        self.widgets["cost_range"].setPlaceholderText(_("e.g. 60–120 k€"))
        self.widgets["kpi_target"].setPlaceholderText(_("e.g. under one hour in 90% of cases within 6 months"))
        self.labels = {key: QLabel(ini.field_label(key)) for key in self.widgets}
        self.apply_button = QPushButton(_("Apply"))
        self.apply_button.setProperty("primary", True)
        self.revert_button = QPushButton(_("Revert"))
        self.show_button = QPushButton(_("Show the card on the shared screen"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for key, widget in self.widgets.items():
            form.addRow(self.labels[key], widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch()
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.ideas)
        layout.addLayout(buttons)
        layout.addStretch()
        self._connect_signals()
        self.show_initiative(None)

    def _connect_signals(self) -> None:
        for key, widget in self.widgets.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._update_flags)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._update_flags)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._update_flags)
            else:
                widget.itemChanged.connect(self._update_flags)
        self.apply_button.clicked.connect(self._on_apply)
        self.revert_button.clicked.connect(
            lambda: self.show_initiative(self.initiative.id if self.initiative else None))
        self.show_button.clicked.connect(lambda: self.initiative and self.show_requested.emit(self.initiative.id))

    # --- loading ---------------------------------------------------------------------
    def show_initiative(self, initiative_id: int | None) -> None:
        store = self.session.store
        try:
            self.initiative = ini.get_initiative(store, initiative_id) if initiative_id else None
        except ValidationError:
            self.initiative = None
        self.setEnabled(self.initiative is not None)
        i = self.initiative or ini.Initiative(id=0, title="")
        people = [(p.id, p.name) for p in list_participants(store)]
        w = self.widgets
        for key in ("title", "cost_range", "kpi", "kpi_target"):
            w[key].setText(getattr(i, key))
        for key in ini.LONG_FIELDS:
            w[key].setPlainText(getattr(i, key))
        w["effort"].setCurrentIndex(max(0, w["effort"].findData(i.effort)))
        _fill_combo(w["owner_id"], people, i.owner_id, _("Nobody yet"))
        _fill_combo(w["sponsor_id"], people, i.sponsor_id, _("Nobody yet"))
        _fill_combo(w["axis_id"], [(a.id, a.name) for a in logic.list_axes(store)], i.axis_id, _("No axis"))
        _check_list(w["segments"], sources.segment_choices(store), set(i.segments))
        _check_list(w["trend_ids"], sources.trend_choices(store), set(i.trend_ids))
        texts = logic.idea_texts(store, i.idea_ids)
        self.ideas.setText(_("From the ideas: {ideas}").format(ideas=" · ".join(texts)) if texts else "")
        for widget in (self.apply_button, self.revert_button):
            widget.setEnabled(self.initiative is not None and not self.session.read_only)
        self._update_flags()

    def values(self) -> dict:
        w = self.widgets
        values = {key: w[key].text() for key in ("title", "cost_range", "kpi", "kpi_target")}
        values.update({key: w[key].toPlainText() for key in ini.LONG_FIELDS})
        values.update({key: w[key].currentData() or None for key in ("owner_id", "sponsor_id", "axis_id")})
        values["effort"] = w["effort"].currentData() or ""
        values["segments"] = _checked(w["segments"])
        values["trend_ids"] = _checked(w["trend_ids"])
        return values

    def draft(self) -> ini.Initiative:
        base = self.initiative or ini.Initiative(id=0, title="")
        return dataclasses.replace(base, **{k: (v.strip() if isinstance(v, str) else v)
                                            for k, v in self.values().items()})

    def _update_flags(self, *_args) -> None:
        draft = self.draft()
        required, recommended = set(ini.missing_fields(draft)), set(ini.missing_recommended(draft))
        for key, label in self.labels.items():
            name = ini.field_label(key)
            if key in required:
                label.setText(f"● {name}")
                label.setStyleSheet(f"color: {theme.DANGER}; font-weight: bold;")
                label.setToolTip(_("Required for arbitration"))
            elif key in recommended:
                label.setText(f"● {name}")
                label.setStyleSheet(f"color: #B7791F; font-weight: bold;")
                label.setToolTip(_("Recommended"))
            else:
                label.setText(name)
                label.setStyleSheet("")
                label.setToolTip("")
        if self.initiative is None:
            self.banner.setText(_("Select an initiative, or promote ideas from the board."))
            self.banner.setStyleSheet(f"color: {theme.MUTED}; padding: 6px;")
        elif required:
            names = ", ".join(ini.field_label(k).lower() for k in ini.missing_fields(draft))
            self.banner.setText(_("Not ready for arbitration — missing: {fields}").format(fields=names))
            self.banner.setStyleSheet(f"background: #FBE4E7; border: 1px solid {theme.DANGER}; padding: 6px;"
                                      " border-radius: 4px; font-weight: bold;")
        else:
            self.banner.setText(_("Ready for arbitration"))
            self.banner.setStyleSheet(f"background: #DDF2EF; border: 1px solid {theme.ACCENT_2}; padding: 6px;"
                                      " border-radius: 4px; font-weight: bold;")

    def _on_apply(self) -> None:
        if self.initiative is None:
            return
        old = dataclasses.asdict(self.initiative)
        changes = {k: v for k, v in self.values().items() if old.get(k) != v and not (
            isinstance(v, str) and v.strip() == (old.get(k) or ""))}
        if not changes:
            return
        try:
            commands.update_initiative(self.session, self.initiative.id, **changes)
        except ValidationError as error:
            show_error(self, str(error))
