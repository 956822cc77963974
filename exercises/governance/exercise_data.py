"""Small JSON settings kept in the seminar's ``exercise_data`` key/value table."""

from __future__ import annotations

import json
from typing import Any

from workshop_app.store import Store


def read_value(store: Store, exercise: str, key: str, default: Any = None) -> Any:
    raw = store.scalar("SELECT value FROM exercise_data WHERE exercise = ? AND key = ?", (exercise, key))
    if raw is None:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def write_value(store: Store, exercise: str, key: str, value: Any) -> None:
    """Store ``value`` as JSON (``None`` removes the key)."""
    with store.action() as db:
        if value is None:
            db.execute("DELETE FROM exercise_data WHERE exercise = ? AND key = ?", [exercise, key])
        else:
            db["exercise_data"].upsert({"exercise": exercise, "key": key,
                                        "value": json.dumps(value, ensure_ascii=False)},
                                       pk=("exercise", "key"))
