"""Undoable trend-decoding edits: each runs one store operation and knows its inverse."""

from __future__ import annotations

from ui.kit.commands import run_command
from workshop_app.i18n import _

from . import store_ops as ops
from .logic import KEY


def add_trend(session, title: str, description: str = "", example: str = "") -> int:
    store = session.store
    return run_command(session, _("Add the trend {title}").format(title=title), KEY,
                       lambda: ops.add_trend(store, title, description, example),
                       lambda trend_id: ops.remove_trend(store, trend_id))


def edit_trend(session, trend_id: int, title: str, description: str, example: str) -> None:
    store = session.store
    before = ops.get_trend(store, trend_id)
    if (before.title, before.description, before.example) == (title, description, example):
        return
    run_command(session, _("Edit the trend {title}").format(title=before.title), KEY,
                lambda: ops.update_trend(store, trend_id, title, description, example),
                lambda _r: ops.update_trend(store, trend_id, before.title, before.description,
                                            before.example))


def set_hidden(session, trend_id: int, hidden: bool) -> None:
    store = session.store
    trend = ops.get_trend(store, trend_id)
    text = _("Hide {title}") if hidden else _("Show {title}")
    run_command(session, text.format(title=trend.title), KEY,
                lambda: ops.set_hidden(store, trend_id, hidden),
                lambda _r: ops.set_hidden(store, trend_id, trend.hidden))


def move_trend(session, trend_id: int, index: int) -> None:
    store = session.store
    order = [t.id for t in ops.list_trends(store)]
    before = order.index(trend_id)
    if index == before or not 0 <= index < len(order):
        return
    trend = ops.get_trend(store, trend_id)
    run_command(session, _("Move {title}").format(title=trend.title), KEY,
                lambda: ops.move_trend(store, trend_id, index),
                lambda _r: ops.move_trend(store, trend_id, before))


def rate(session, trend_id: int, participant_id: int | None, relevance=None, horizon=None,
         lifecycle=None) -> None:
    """One participant's rating (or the room's consensus when ``participant_id`` is None)."""
    store = session.store
    text = _("Consensus on a trend") if participant_id is None else _("Rate a trend")
    run_command(session, text, KEY,
                lambda: ops.set_rating(store, trend_id, participant_id, relevance, horizon, lifecycle),
                lambda before: ops.restore_rating(store, trend_id, participant_id, before))


def clear_rating(session, trend_id: int, participant_id: int | None) -> None:
    store = session.store
    if ops.get_rating(store, trend_id, participant_id) is None:
        return
    run_command(session, _("Remove a rating"), KEY,
                lambda: ops.clear_rating(store, trend_id, participant_id),
                lambda before: ops.restore_rating(store, trend_id, participant_id, before))


def set_retained(session, trend_id: int, retained: bool) -> None:
    store = session.store
    trend = ops.get_trend(store, trend_id)
    if trend.retained == retained:
        return
    text = _("Retain {title}") if retained else _("Drop {title}")
    run_command(session, text.format(title=trend.title), KEY,
                lambda: ops.set_retained(store, trend_id, retained),
                lambda _r: ops.set_retained(store, trend_id, trend.retained))


def set_implication(session, trend_id: int, implication: str) -> None:
    store = session.store
    trend = ops.get_trend(store, trend_id)
    if trend.implication == implication.strip():
        return
    run_command(session, _("Implication of {title}").format(title=trend.title), KEY,
                lambda: ops.set_implication(store, trend_id, implication),
                lambda _r: ops.set_implication(store, trend_id, trend.implication))


def add_segment(session, name: str) -> int:
    store = session.store
    return run_command(session, _("Add the segment {name}").format(name=name), KEY,
                       lambda: ops.add_segment(store, name),
                       lambda segment_id: ops.remove_segment(store, segment_id))


def rename_segment(session, segment_id: int, name: str) -> None:
    store = session.store
    before = next(s for s in ops.list_segments(store) if s["id"] == segment_id)
    if before["name"] == name.strip():
        return
    run_command(session, _("Rename the segment {name}").format(name=before["name"]), KEY,
                lambda: ops.rename_segment(store, segment_id, name),
                lambda _r: ops.rename_segment(store, segment_id, before["name"]))


def remove_segment(session, segment_id: int) -> None:
    store = session.store
    before = next(s for s in ops.list_segments(store) if s["id"] == segment_id)
    run_command(session, _("Remove the segment {name}").format(name=before["name"]), KEY,
                lambda: ops.remove_segment(store, segment_id),
                lambda _r: ops.add_segment(store, before["name"], before["key"], segment_id,
                                           before["position"]))
