"""Dialogs of the arbitration console: a new round (or a repeat on a shortlist), voiding a ballot."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QSpinBox, QTableView, QVBoxLayout, QWidget)

from workshop_app.i18n import _

from . import sources
from .console_models import OptionsModel
from .rounds import METHODS, PAPER_METHODS, VISIBILITIES, default_config, method_label, visibility_label


class RoundDialog(QDialog):
    """Question, method, kind of vote, the initiatives on the ballot and the method's settings."""

    def __init__(self, store, language: str, parent=None, question: str = "", method: str = "majority",
                 checked: set | None = None, visibility: str = "secret", criteria: list | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New vote"))
        self.language = language
        candidates = sources.list_candidates(store)
        if checked is None:
            checked = {c.id for c in candidates if c.ready}
        # a new vote starts empty (its question is not the last round's); an edit passes its own
        self.question = QLineEdit(question)
        self.question.setPlaceholderText(_("e.g. Which initiatives deserve a place on our roadmap?"))
        self.method = QComboBox()
        for key in METHODS:
            self.method.addItem(method_label(key), key)
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        self.kind = QComboBox()
        for key in VISIBILITIES:
            self.kind.addItem(visibility_label(key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(visibility)))
        self.options = OptionsModel(candidates, checked, self)
        table = QTableView()
        table.setModel(self.options)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        table.verticalHeader().hide()
        self.table = table
        self.budget = QSpinBox()
        self.budget.setRange(1, 30)
        self.cap = QSpinBox()
        self.cap.setRange(1, 30)
        self.shuffle = QCheckBox(_("Shuffle the order of the initiatives for each voter"))
        self.shuffle.setChecked(True)
        self.weights: dict[str, QSpinBox] = {}
        self.criteria = criteria or default_config("scoring", language, 2)["criteria"]
        weights = QWidget()
        weights_form = QFormLayout(weights)
        weights_form.setContentsMargins(0, 0, 0, 0)
        for criterion in self.criteria:
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setValue(int(criterion["weight"]))
            spin.setSuffix(" %")
            weights_form.addRow(criterion["name"], spin)
            self.weights[criterion["key"]] = spin
        self.weights_box = weights
        self.dots_box = QWidget()
        dots = QHBoxLayout(self.dots_box)
        dots.setContentsMargins(0, 0, 0, 0)
        dots.addWidget(QLabel(_("Dots per person")))
        dots.addWidget(self.budget)
        dots.addWidget(QLabel(_("At most per initiative")))
        dots.addWidget(self.cap)
        dots.addStretch()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "subtitle")
        form = QFormLayout()
        form.addRow(_("Question"), self.question)
        form.addRow(_("Method"), self.method)
        form.addRow(_("Kind of vote"), self.kind)
        form.addRow(self.dots_box)
        form.addRow(self.weights_box)
        form.addRow(self.shuffle)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        self.kind.currentIndexChanged.connect(self._on_method_changed)
        self.options.dataChanged.connect(self._on_method_changed)
        self.budget.editingFinished.connect(lambda: self.budget.setProperty("touched", True))
        self._on_method_changed()

    def _on_method_changed(self, *_args) -> None:
        method = self.method.currentData()
        defaults = default_config("dot", self.language, max(2, len(self.options.selected())))
        if method == "dot" and not self.budget.property("touched"):
            self.budget.setValue(defaults["budget"])
            self.cap.setValue(defaults["cap"])
        self.dots_box.setVisible(method == "dot")
        self.weights_box.setVisible(method == "scoring")
        self.shuffle.setVisible(self.kind.currentData() != "paper")
        hints = {
            "dot": _("Each person places a few dots on the initiatives they back most."),
            "points100": _("Each person splits 100 points between the initiatives."),
            "scoring": _("Each person scores every initiative from 1 to 5 on each criterion."),
            "majority": _("Each person grades every initiative, from “to reject” to “excellent”."),
            "approval": _("Each person approves every initiative they would support."),
        }
        text = hints.get(method, "")
        if self.kind.currentData() == "paper" and method not in PAPER_METHODS:
            text = _("A paper vote is a dot vote on the wall: choose dot voting.")
        self.hint.setText(text)

    def values(self) -> tuple[str, str, list, str, dict]:
        """(question, method, options, visibility, config)."""
        method = self.method.currentData()
        config: dict = {"shuffle": self.shuffle.isChecked()}
        if method == "dot":
            config.update(budget=self.budget.value(), cap=self.cap.value())
        if method == "scoring":
            config["criteria"] = [{**c, "weight": self.weights[c["key"]].value()} for c in self.criteria]
        return self.question.text(), method, self.options.selected(), self.kind.currentData(), config


class VoidDialog(QDialog):
    """Choose whose ballot to void, and why (the reason is logged)."""

    def __init__(self, people: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Void a ballot"))
        self.person = QComboBox()
        for person in people:
            self.person.addItem(person.name, person.id)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. voted by mistake for someone else"))
        form = QFormLayout(self)
        form.addRow(QLabel(_("The ballot is deleted and the person may vote again. The reason is logged.")))
        form.addRow(_("Whose ballot"), self.person)
        form.addRow(_("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int | None, str]:
        return self.person.currentData(), self.reason.text()
