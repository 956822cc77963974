"""Fast capture: the current round, an author, and a line where Enter adds an idea.

Pasting several lines adds several ideas in one undoable action.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from .. import characteristic_names, logic, sources, suggested_prompts
from . import commands


class IdeaLineEdit(QLineEdit):
    """A line edit that turns a multi-line paste into a list of ideas.

    Signals:
        lines_pasted(list): the clipboard held several lines (one idea each).
    """

    lines_pasted = Signal(list)

    def _pasted_lines(self) -> list[str]:
        return logic.split_lines(QGuiApplication.clipboard().text())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Paste):
            lines = self._pasted_lines()
            if len(lines) > 1:
                self.lines_pasted.emit(lines)
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu()
        lines = self._pasted_lines()
        if len(lines) > 1:
            action = menu.addAction(_("Paste {n} ideas, one per line").format(n=len(lines)))
            action.triggered.connect(lambda: self.lines_pasted.emit(lines))
        menu.exec(event.globalPos())
        menu.deleteLater()


class RoundDialog(QDialog):
    """A new round: its prompt, the trend and/or CX characteristic it explores, silent or not."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("New round of ideas"))
        language = session.language
        self.prompt = QComboBox()
        self.prompt.setEditable(True)
        self.prompt.addItems(suggested_prompts(language))
        self.prompt.setCurrentIndex(-1)
        self.prompt.lineEdit().setPlaceholderText(_("e.g. How could this trend change our onboarding journey?"))
        self.prompt.setMinimumWidth(520)
        self.trend = QComboBox()
        self.trend.addItem(_("None"), 0)  # 0, not None: PySide mishandles None as item data
        for trend_id, label in sources.trend_choices(session.store):
            self.trend.addItem(label, trend_id)
        self.characteristic = QComboBox()
        self.characteristic.addItem(_("None"), "")
        for key, name in characteristic_names(language).items():
            self.characteristic.addItem(name, key)
        self.silent = QCheckBox(_("Silent brainstorming: keep the ideas off the shared screen until I reveal them"))
        form = QFormLayout(self)
        form.addRow(_("Prompt"), self.prompt)
        form.addRow(_("Trend"), self.trend)
        form.addRow(_("CX characteristic"), self.characteristic)
        form.addRow("", self.silent)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"prompt": self.prompt.currentText(), "trend_id": self.trend.currentData() or None,
                "characteristic": self.characteristic.currentData() or "", "hidden": self.silent.isChecked()}


class CaptureBar(QWidget):
    """The round strip and the capture line."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rounds = QComboBox()
        self.rounds.setMinimumWidth(380)
        self.new_round = QPushButton(_("New round…"))
        self.silence = QPushButton()
        self.author = QComboBox()
        self.author.setMinimumWidth(160)
        self.line = IdeaLineEdit()
        self.line.setPlaceholderText(_("Type an idea and press Enter (paste several lines to add several ideas)"))
        self.line.setClearButtonEnabled(True)
        self.add_button = QPushButton(_("Add"))
        self.add_button.setProperty("primary", True)
        self.counter = QLabel()  # characters typed, against the limit, while typing
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance(f"{logic.IDEA_MAX}/{logic.IDEA_MAX}") + 8)
        self.round_info = QLabel()
        self.round_info.setStyleSheet("color: #5B6673;")
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Round")))
        top.addWidget(self.rounds, 1)
        top.addWidget(self.silence)
        top.addWidget(self.new_round)
        capture = QHBoxLayout()
        capture.addWidget(self.author)
        capture.addWidget(self.line, 1)
        capture.addWidget(self.counter)
        capture.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.round_info)
        layout.addLayout(capture)
        for widget in (self.rounds, self.new_round, self.silence, self.line, self.add_button):
            widget.setEnabled(not session.read_only)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.line.returnPressed.connect(self._on_submit)
        self.line.textChanged.connect(self._update_counter)
        self.add_button.clicked.connect(self._on_submit)
        self.line.lines_pasted.connect(self._on_lines_pasted)
        self.new_round.clicked.connect(self._on_new_round)
        self.silence.clicked.connect(self._on_silence)
        self.rounds.activated.connect(self._on_round_chosen)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in ("ideation", "participants", "trends"):
            self.refresh()

    def current_round(self) -> logic.IdeaRound | None:
        round_id = logic.current_round_id(self.session.store)
        return logic.get_round(self.session.store, round_id) if round_id else None

    def refresh(self) -> None:
        store = self.session.store
        author = self.author.currentData() or 0
        self.author.clear()
        self.author.addItem(_("Anonymous"), 0)  # 0, not None: PySide mishandles None as item data
        for person in list_participants(store):
            self.author.addItem(person.name, person.id)
        self.author.setCurrentIndex(max(0, self.author.findData(author)))
        current = self.current_round()
        self.rounds.clear()
        self.rounds.addItem(_("No round (free ideas)"), 0)
        for number, item in enumerate(logic.list_rounds(store), start=1):
            self.rounds.addItem(f"{number}. {item.prompt}", item.id)
        self.rounds.setCurrentIndex(max(0, self.rounds.findData(current.id if current else 0)))
        self.silence.setVisible(current is not None)
        if current is not None:
            self.silence.setText(_("Reveal the ideas") if current.hidden else _("Silent round"))
            self.silence.setToolTip(_("The ideas of this round are hidden from the shared screen")
                                    if current.hidden else _("Hide this round's ideas from the shared screen"))
        self.round_info.setText(self._round_info(current))

    def _round_info(self, current: logic.IdeaRound | None) -> str:
        if current is None:
            return _("Open a round to give the room a prompt; ideas can also be captured freely.")
        parts = []
        if current.trend_id:
            title = sources.trend_title(self.session.store, current.trend_id)
            if title:
                parts.append(_("Trend: {title}").format(title=title))
        if current.characteristic:
            name = characteristic_names(self.session.language).get(current.characteristic, current.characteristic)
            parts.append(_("CX characteristic: {name}").format(name=name))
        count = logic.round_idea_count(self.session.store, current.id)
        parts.append(_("Ideas in this round: {n}").format(n=count))
        if current.hidden:
            parts.append(_("silent: hidden from the shared screen"))
        return " · ".join(parts)

    def _update_counter(self, text: str = "") -> None:
        """"123/600" beside the field; over the limit it turns red and Add waits (nothing is cut)."""
        length = len(text.strip())
        over = length > logic.IDEA_MAX
        self.counter.setText(f"{length}/{logic.IDEA_MAX}" if length else "")
        self.counter.setStyleSheet(f"color: {theme.DANGER}; font-weight: bold;" if over else "color: #5B6673;")
        self.counter.setToolTip(_("An idea holds at most {n} characters.").format(n=logic.IDEA_MAX) if over else "")
        self.add_button.setEnabled(not over and not self.session.read_only)

    # --- actions ------------------------------------------------------------------------
    def _add(self, texts: list[str]) -> bool:
        current = self.current_round()
        try:
            commands.add_ideas(self.session, texts, self.author.currentData() or None,
                               current.id if current else None)
        except ValidationError as error:
            show_error(self, str(error))
            return False
        return True

    def _on_submit(self) -> None:
        text = self.line.text().strip()
        if text and self._add([text]):
            self.line.clear()
        self.line.setFocus()

    def _on_lines_pasted(self, lines: list[str]) -> None:
        self._add(lines)
        self.line.setFocus()

    def _on_new_round(self) -> None:
        dialog = RoundDialog(self.session, self)
        if dialog.exec():
            try:
                commands.open_round(self.session, **dialog.values())
            except ValidationError as error:
                show_error(self, str(error))
        self.line.setFocus()

    def _on_silence(self) -> None:
        current = self.current_round()
        if current is not None:
            commands.set_round_hidden(self.session, current.id, not current.hidden)

    def _on_round_chosen(self, index: int) -> None:
        round_id = self.rounds.itemData(index) or None
        current = self.current_round()
        if round_id != (current.id if current else None):
            commands.set_current_round(self.session, round_id)
