"""What both windows show during trend decoding: a typed screen in the room state.

It is UI state, not seminar data: the trend on the card, who is rating it, the choices
they have clicked so far, and which screen the room sees. It lives in ``session.room``
(``workshop_app.room_state``), out of the file; a change is announced as
``session.room_changed("trends")``, so views re-render without reloading the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .logic import KEY

SCREENS = ("card", "map", "ranking")


@dataclass(frozen=True)
class TrendScreen:
    trend_id: int | None = None
    rater_id: int | None = None
    draft: dict = field(default_factory=dict)  # the rater's choices so far (replaced, never edited)
    screen: str = "card"


def state(session) -> TrendScreen:
    """The shared screen, with its defaults until first set."""
    return session.room.screen(KEY, TrendScreen())


def update(session, **changes) -> None:
    """Change some fields and tell both windows (nothing is announced if nothing changed).

    Another trend starts with no rater and no draft; another rater with no draft.
    """
    current = state(session)
    if all(getattr(current, key) == value for key, value in changes.items()):
        return
    if "trend_id" in changes and changes["trend_id"] != current.trend_id:
        changes.setdefault("rater_id", None)
        changes.setdefault("draft", {})
    if "rater_id" in changes and changes["rater_id"] != current.rater_id:
        changes.setdefault("draft", {})
    session.room.set_screen(KEY, replace(current, **changes))


def ensure_current(session) -> TrendScreen:
    """Point the screen at an existing trend (the first visible one if needed), quietly.

    Both windows call it before rendering, so they agree without a signal.
    """
    from .store_ops import list_trends

    current = state(session)
    trends = list_trends(session.store)
    if current.trend_id not in [t.id for t in trends]:
        visible = [t.id for t in trends if not t.hidden]
        current = replace(current, trend_id=visible[0] if visible else None, rater_id=None, draft={})
        session.room.set_screen(KEY, current, announce=False)
    return current
