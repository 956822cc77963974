"""Check-in views: the facilitator types each line; the room sees them all."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.kit.commands import run_command
from workshop_app.participants import list_participants

from . import logic


class ConsoleView(QWidget):
    """One field per participant; Enter stores the line (undoable)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.fields = {}
        for person in list_participants(session.store):
            field = QLineEdit(logic.expectation(session.store, person.id) or "")
            field.setPlaceholderText(person.name)
            field.returnPressed.connect(lambda pid=person.id, f=field: self.save(pid, f.text()))
            layout.addWidget(field)
            self.fields[person.id] = field

    def save(self, participant_id: int, text: str) -> None:
        store = self.session.store
        run_command(self.session, "Check-in", logic.KEY,
                    lambda: logic.set_expectation(store, participant_id, text),
                    lambda before: logic.set_expectation(store, participant_id, before))


class SharedView(QWidget):
    """Every line typed so far."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.lines = QLabel()
        QVBoxLayout(self).addWidget(self.lines)
        session.changed.connect(lambda kind, _ident: kind == logic.KEY and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.lines.setText("\n".join(f"{name}: {text}" for name, text in logic.expectations(self.session.store)))
