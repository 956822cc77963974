"""What both windows show during trend decoding, kept in ``session.exercise_state["trends"]``.

It is UI state, not seminar data: the trend on the card, who is rating it, the choices
they have clicked so far, and which screen the room sees. A change is announced with
``session.notify("trends", STATE_ONLY)`` so views re-render without reloading the store.
"""

from __future__ import annotations

from .logic import KEY

STATE_ONLY = -1  # the ``id`` of a changed(kind, id) signal that touched no stored data
SCREENS = ("card", "map", "ranking")


def state(session) -> dict:
    """The shared state, created with its defaults on first use."""
    current = session.exercise_state.get(KEY)
    if not isinstance(current, dict):
        current = {"trend_id": None, "rater_id": None, "draft": {}, "screen": "card"}
        session.exercise_state[KEY] = current
    return current


def update(session, **changes) -> None:
    """Change some keys and tell both windows (nothing is announced if nothing changed)."""
    current = state(session)
    if all(current.get(key) == value for key, value in changes.items()):
        return
    if "trend_id" in changes and changes["trend_id"] != current.get("trend_id"):
        changes.setdefault("rater_id", None)
        changes.setdefault("draft", {})
    if "rater_id" in changes and changes["rater_id"] != current.get("rater_id"):
        changes.setdefault("draft", {})
    current.update(changes)
    session.notify(KEY, STATE_ONLY)


def ensure_current(session) -> dict:
    """Point the state at an existing trend (the first visible one if needed), quietly.

    Both windows call it before rendering, so they agree without a signal.
    """
    from .store_ops import list_trends

    current = state(session)
    trends = list_trends(session.store)
    if current["trend_id"] not in [t.id for t in trends]:
        visible = [t.id for t in trends if not t.hidden]
        current.update(trend_id=visible[0] if visible else None, rater_id=None, draft={})
    return current
