"""Ballot editors for the booth, one per method: large controls for mouse and touch.

Each editor shows the options in the order it is given (shuffled per voter), emits
``changed`` on every edit, and offers ``content()`` (the ballot for ``cast_ballot``),
``is_complete()``, ``status_text()`` and ``summary()`` (lines for the review step).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSlider, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from workshop_app.i18n import _

from .charts import grade_colours


def _label(text: str, role: str = "option") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


def _button(text: str, role: str = "big", checkable: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.NoFocus)
    button.setCursor(Qt.PointingHandCursor)
    return button


def _scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setWidget(inner)
    area.viewport().setAutoFillBackground(False)
    inner.setAutoFillBackground(False)
    return area


class BallotEditor(QWidget):
    """Base class. Signals: changed()."""

    changed = Signal()

    def __init__(self, rnd, labels: dict, order: list, parent=None):
        super().__init__(parent)
        self.round = rnd
        self.labels = labels
        self.order = list(order)

    def content(self):
        raise NotImplementedError

    def is_complete(self) -> bool:
        return True

    def status_text(self) -> str:
        return ""

    def summary(self) -> list[tuple[str, str]]:
        raise NotImplementedError


class DotEditor(BallotEditor):
    """− / + per option, with the dots left out of the budget and a cap per option."""

    def __init__(self, rnd, labels, order, parent=None):
        super().__init__(rnd, labels, order, parent)
        self.budget = rnd.config["budget"]
        self.cap = rnd.config.get("cap") or self.budget
        self.dots = {o: 0 for o in self.order}
        self.rows: dict = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        for row, option in enumerate(self.order):
            minus, plus = _button("−", "step"), _button("+", "step")
            shown = _label("", "dots")
            shown.setAlignment(Qt.AlignCenter)
            grid.addWidget(_label(labels[option]), row, 0)
            grid.addWidget(minus, row, 1)
            grid.addWidget(shown, row, 2)
            grid.addWidget(plus, row, 3)
            minus.clicked.connect(lambda _c=False, o=option: self.add(o, -1))
            plus.clicked.connect(lambda _c=False, o=option: self.add(o, 1))
            self.rows[option] = (minus, shown, plus)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))
        self._render()

    def left(self) -> int:
        return self.budget - sum(self.dots.values())

    def add(self, option, step: int) -> None:
        value = self.dots[option] + step
        if 0 <= value <= self.cap and (step < 0 or self.left() > 0):
            self.dots[option] = value
            self._render()
            self.changed.emit()

    def _render(self) -> None:
        for option, (minus, shown, plus) in self.rows.items():
            n = self.dots[option]
            shown.setText("●" * n + "○" * (self.cap - n))
            minus.setEnabled(n > 0)
            plus.setEnabled(n < self.cap and self.left() > 0)

    def content(self):
        return {o: n for o, n in self.dots.items() if n}

    def status_text(self) -> str:
        return _("Dots left: {left} of {budget} (at most {cap} per initiative)").format(
            left=self.left(), budget=self.budget, cap=self.cap)

    def summary(self):
        placed = [(self.labels[o], "●" * n) for o, n in self.dots.items() if n]
        return placed or [(_("No dots placed"), "")]


class PointsEditor(BallotEditor):
    """A slider and a number per option; the total must reach exactly 100."""

    def __init__(self, rnd, labels, order, parent=None):
        super().__init__(rnd, labels, order, parent)
        self.total = rnd.config.get("total", 100)
        self.spins: dict = {}
        self.sliders: dict = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        for row, option in enumerate(self.order):
            slider = QSlider(Qt.Horizontal)
            slider.setRange(0, self.total)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            spin = QSpinBox()
            spin.setRange(0, self.total)
            spin.setSingleStep(5)
            spin.setProperty("role", "points")
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            spin.valueChanged.connect(self._on_value_changed)
            grid.addWidget(_label(labels[option]), row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(spin, row, 2)
            self.spins[option], self.sliders[option] = spin, slider
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))

    def _on_value_changed(self, _value: int) -> None:
        self.changed.emit()

    def set_points(self, option, points: int) -> None:
        self.spins[option].setValue(points)

    def given(self) -> int:
        return sum(s.value() for s in self.spins.values())

    def content(self):
        return {o: s.value() for o, s in self.spins.items() if s.value()}

    def is_complete(self) -> bool:
        return self.given() == self.total

    def status_text(self) -> str:
        return _("Total: {given} / {total}").format(given=self.given(), total=self.total)

    def summary(self):
        return [(self.labels[o], str(s.value())) for o, s in self.spins.items() if s.value()]


class _Choices(QWidget):
    """A row of exclusive, checkable buttons; ``value`` is the checked index or None."""

    picked = Signal(int)

    def __init__(self, texts: list[str], role: str, tips: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons = []
        for index, text in enumerate(texts):
            button = _button(text, role, checkable=True)
            button.setProperty("level", str(index))
            if tips:
                button.setToolTip(tips[index])
            self.group.addButton(button, index)
            row.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self.picked.emit)

    @property
    def value(self):
        index = self.group.checkedId()
        return None if index < 0 else index

    def pick(self, index: int) -> None:
        self.buttons[index].click()


class MajorityEditor(BallotEditor):
    """One row of grade buttons per option, coloured from red (worst) to green (best)."""

    def __init__(self, rnd, labels, order, parent=None):
        super().__init__(rnd, labels, order, parent)
        self.grades = list(rnd.config["grades"])
        self.colours = grade_colours(len(self.grades))
        self.rows: dict = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setVerticalSpacing(6)
        for row, option in enumerate(self.order):
            choices = _Choices(self.grades, "grade")
            choices.picked.connect(self._on_picked)
            grid.addWidget(_label(labels[option]), row, 0)
            grid.addWidget(choices, row, 1)
            self.rows[option] = choices
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))

    def _on_picked(self, _index: int) -> None:
        self.changed.emit()

    def grade(self, option, index: int) -> None:
        self.rows[option].pick(index)

    def content(self):
        return {o: c.value for o, c in self.rows.items() if c.value is not None}

    def is_complete(self) -> bool:
        return all(c.value is not None for c in self.rows.values())

    def status_text(self) -> str:
        done = sum(1 for c in self.rows.values() if c.value is not None)
        return _("{done} of {count} graded").format(done=done, count=len(self.rows))

    def summary(self):
        return [(self.labels[o], self.grades[c.value]) for o, c in self.rows.items() if c.value is not None]


class ScoringEditor(BallotEditor):
    """One page per option: for each criterion, scores 1–5 described by the criterion's levels."""

    def __init__(self, rnd, labels, order, parent=None):
        super().__init__(rnd, labels, order, parent)
        self.criteria = rnd.config["criteria"]
        self.scores: dict = {}
        self.pages = QStackedWidget()
        for option in self.order:
            self.pages.addWidget(self._page(option))
        self.position = _label("", "muted")
        self.previous = _button(_("◀ Previous"), "nav")
        self.next = _button(_("Next ▶"), "nav")
        self.previous.clicked.connect(lambda: self.show_page(self.pages.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.show_page(self.pages.currentIndex() + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addStretch()
        nav.addWidget(self.position)
        nav.addStretch()
        nav.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addLayout(nav)
        self.show_page(0)

    def _page(self, option) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(_label(self.labels[option], "page-title"), 0, 0, 1, 2)
        for row, criterion in enumerate(self.criteria, start=1):
            levels = criterion.get("levels") or [""] * 5
            choices = _Choices([str(n) for n in range(1, 6)], "score",
                               [f"{n}: {text}" for n, text in enumerate(levels, start=1)])
            described = _label(self._range_text(levels), "level")
            choices.picked.connect(lambda i, o=option, c=criterion, d=described: self._on_scored(o, c, i, d))
            grid.addWidget(_label(criterion["name"], "criterion"), 2 * row - 1, 0)
            grid.addWidget(choices, 2 * row - 1, 1)
            grid.addWidget(described, 2 * row, 0, 1, 2)
            self.scores.setdefault(option, {})[criterion["key"]] = choices
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 4)
        grid.setRowStretch(2 * len(self.criteria) + 1, 1)
        return page

    @staticmethod
    def _range_text(levels: list[str]) -> str:
        if len(levels) < 5 or not levels[0]:
            return ""
        return _("1 = {low}  ·  5 = {high}").format(low=levels[0], high=levels[4])

    def _on_scored(self, option, criterion: dict, index: int, described: QLabel) -> None:
        levels = criterion.get("levels") or []
        described.setText(f"{index + 1} — {levels[index]}" if index < len(levels) else "")
        self._render_nav()
        self.changed.emit()

    def score(self, option, key: str, value: int) -> None:
        self.scores[option][key].pick(value - 1)

    def show_page(self, index: int) -> None:
        if 0 <= index < self.pages.count():
            self.pages.setCurrentIndex(index)
        self._render_nav()

    def _render_nav(self) -> None:
        index = self.pages.currentIndex()
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self.pages.count() - 1)
        self.position.setText(_("Initiative {n} of {count}").format(n=index + 1, count=self.pages.count()))

    def _option_done(self, option) -> bool:
        return all(c.value is not None for c in self.scores[option].values())

    def content(self):
        return {o: {k: c.value + 1 for k, c in crits.items()} for o, crits in self.scores.items()
                if self._option_done(o)}

    def is_complete(self) -> bool:
        return all(self._option_done(o) for o in self.order)

    def status_text(self) -> str:
        done = sum(1 for o in self.order if self._option_done(o))
        return _("{done} of {count} initiatives scored").format(done=done, count=len(self.order))

    def summary(self):
        return [(self.labels[o], " · ".join(str(c.value + 1) for c in self.scores[o].values()))
                for o in self.order if self._option_done(o)]


class ApprovalEditor(BallotEditor):
    """A big toggle per option: approve as many as you support."""

    def __init__(self, rnd, labels, order, parent=None):
        super().__init__(rnd, labels, order, parent)
        self.limit = rnd.config.get("max_approvals")
        self.toggles: dict = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        for index, option in enumerate(self.order):
            toggle = _button(labels[option], "toggle", checkable=True)
            toggle.toggled.connect(self._on_toggled)
            grid.addWidget(toggle, index // 2, index % 2)
            self.toggles[option] = toggle
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(inner))

    def _on_toggled(self, _checked: bool) -> None:
        full = self.limit is not None and len(self.content()) >= self.limit
        for toggle in self.toggles.values():
            toggle.setEnabled(toggle.isChecked() or not full)
        self.changed.emit()

    def content(self):
        return [o for o, t in self.toggles.items() if t.isChecked()]

    def status_text(self) -> str:
        return _("{n} approved").format(n=len(self.content()))

    def summary(self):
        return [(self.labels[o], "✓") for o in self.content()] or [(_("Nothing approved"), "")]


EDITORS = {"dot": DotEditor, "points100": PointsEditor, "majority": MajorityEditor,
           "scoring": ScoringEditor, "approval": ApprovalEditor}


def editor_for(rnd, labels: dict, order: list) -> BallotEditor:
    return EDITORS[rnd.method](rnd, labels, order)
