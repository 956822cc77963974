"""Check-in: one line per participant, kept in the exercise_data table."""

from __future__ import annotations

from workshop_app.domain import clean_text
from workshop_app.i18n import _
from workshop_app.participants import list_participants

KEY = "checkin"


def expectation(store, participant_id: int) -> str | None:
    return store.scalar("SELECT value FROM exercise_data WHERE exercise = ? AND key = ?",
                        (KEY, str(participant_id)))


def set_expectation(store, participant_id: int, text: str | None) -> str | None:
    """Store (or, with None, remove) one line; returns the previous one, for undo."""
    if text is not None:
        text = clean_text(text, _("Expectation"), required=True)
    before = expectation(store, participant_id)
    with store.action() as db:
        db.execute("DELETE FROM exercise_data WHERE exercise = ? AND key = ?", [KEY, str(participant_id)])
        if text is not None:
            db["exercise_data"].insert({"exercise": KEY, "key": str(participant_id), "value": text})
    return before


def expectations(store) -> list[tuple[str, str]]:
    """(name, line) for everyone who answered, in the participants' order."""
    pairs = [(p.name, expectation(store, p.id)) for p in list_participants(store)]
    return [(name, text) for name, text in pairs if text]
