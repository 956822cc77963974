"""Undoable roadmap edits: each runs one core operation and knows how to put things back."""

from __future__ import annotations

from ui.kit.commands import run_command
from workshop_app.i18n import _

from .. import store_ops
from ..logic import DEFAULT_DURATION, QuarterStart

KIND = "roadmap"


def place(session, initiative_id: int, start: int, duration: int, text: str | None = None) -> None:
    """Move, resize or first place an initiative; its milestones follow (one undo step)."""
    store = session.store
    before = store_ops.snapshot(store, initiative_id)
    if text is None:
        text = _("Place an initiative") if before["placement"] is None else _("Move an initiative")
    run_command(session, text, KIND,
                lambda: store_ops.place(store, initiative_id, start, duration),
                lambda _r: store_ops.restore(store, before))


def place_new(session, initiative_id: int) -> None:
    """Put a Go initiative on the timeline at its decided horizon's first quarter."""
    start, duration = store_ops.first_placement(session.store, initiative_id, DEFAULT_DURATION)
    place(session, initiative_id, start, duration)


def place_and_redecide(session, initiative_id: int, start: int, duration: int, horizon: str) -> None:
    """Move a bar into another horizon and change the decision's horizon with it (one undo step)."""
    store = session.store

    def do():
        done = store_ops.place_and_redecide(store, initiative_id, start, duration, horizon, session.clock.now())
        session.notify("arbitration")  # the decisions table shows the new horizon
        return done

    def undo(done):
        store_ops.undo_redecide(store, done)
        session.notify("arbitration")

    run_command(session, _("Move an initiative and change its horizon"), KIND, do, undo)


def unplace(session, initiative_id: int) -> None:
    store = session.store
    before = store_ops.snapshot(store, initiative_id)
    run_command(session, _("Take an initiative off the timeline"), KIND,
                lambda: store_ops.unplace(store, initiative_id),
                lambda _r: store_ops.restore(store, before))


def add_milestone(session, initiative_id: int, quarter: int, label: str) -> int:
    store = session.store
    return run_command(session, _("Add a milestone"), KIND,
                       lambda: store_ops.add_milestone(store, initiative_id, quarter, label),
                       lambda mid: store_ops.remove_milestone(store, mid))


def update_milestone(session, milestone_id: int, quarter: int, label: str) -> None:
    store = session.store
    before = store_ops.get_milestone(store, milestone_id)
    run_command(session, _("Edit a milestone"), KIND,
                lambda: store_ops.update_milestone(store, milestone_id, quarter, label),
                lambda _r: store_ops.restore_milestone(store, before))


def remove_milestone(session, milestone_id: int) -> None:
    store = session.store
    before = store_ops.get_milestone(store, milestone_id)
    run_command(session, _("Remove a milestone"), KIND,
                lambda: store_ops.remove_milestone(store, milestone_id),
                lambda _r: store_ops.restore_milestone(store, before))


def add_dependency(session, initiative_id: int, depends_on: int) -> None:
    store = session.store
    run_command(session, _("Add a dependency"), KIND,
                lambda: store_ops.add_dependency(store, initiative_id, depends_on),
                lambda _r: store_ops.remove_dependency(store, initiative_id, depends_on))


def remove_dependency(session, initiative_id: int, depends_on: int) -> None:
    store = session.store
    run_command(session, _("Remove a dependency"), KIND,
                lambda: store_ops.remove_dependency(store, initiative_id, depends_on),
                lambda _r: store_ops.add_dependency(store, initiative_id, depends_on))


def _setting_command(session, key: str, text: str, do) -> None:
    store = session.store
    before = store_ops.raw_setting(store, key)
    run_command(session, text, KIND, do, lambda _r: store_ops.restore_setting(store, key, before))


def set_start(session, start: QuarterStart) -> None:
    _setting_command(session, "start", _("Change the first quarter"),
                     lambda: store_ops.set_start(session.store, start))


def set_horizon(session, horizon: int) -> None:
    _setting_command(session, "horizon", _("Change the horizon"),
                     lambda: store_ops.set_horizon(session.store, horizon))
