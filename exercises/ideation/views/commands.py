"""Undoable ideation commands: each runs one core operation, and its undo restores the changed rows.

``run_recorded`` keeps the operation's row differences (``history.record``): undo puts
the rows back as they were, redo as the operation left them, with the same ids, so
commands pushed later still find the ideas, axes and initiatives they refer to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ui.kit.commands import CoreCommand
from workshop_app.i18n import _

from .. import history, logic
from .. import initiatives as ini

KIND = "ideation"


def run_recorded(session, text: str, operation, kind: str = KIND, tables=history.IDEATION_TABLES):
    """Run ``operation`` now as one undoable command; a refusal propagates and pushes nothing.

    An operation that changed nothing (e.g. a drop where the idea already was) is not pushed.
    """
    store = session.store
    result, changes = history.record(store, tables, operation)
    if not changes:
        return result

    def redo():
        history.replay(store, changes)
        return result

    session.push(CoreCommand(session, text, kind, redo, lambda _result: history.rewind(store, changes), result))
    return result


# --- ideas ---------------------------------------------------------------------------

def add_ideas(session, texts: list[str], author_id=None, round_id=None) -> list[int]:
    text = _("Add an idea") if len(texts) == 1 else _("Add {n} ideas").format(n=len(texts))
    return run_recorded(session, text, lambda: logic.add_ideas(session.store, texts, author_id, round_id))


def edit_idea(session, idea_id: int, text: str) -> None:
    run_recorded(session, _("Edit an idea"), lambda: logic.update_idea(session.store, idea_id, text))


def delete_ideas(session, idea_ids: list[int]) -> None:
    run_recorded(session, _("Delete an idea") if len(idea_ids) == 1 else _("Delete {n} ideas").format(n=len(idea_ids)),
                 lambda: logic.delete_ideas(session.store, idea_ids))


def merge_ideas(session, idea_ids: list[int]) -> int:
    return run_recorded(session, _("Merge {n} ideas").format(n=len(idea_ids)),
                        lambda: logic.merge_ideas(session.store, idea_ids))


def move_ideas(session, idea_ids: list[int], axis_id, position: int) -> None:
    run_recorded(session, _("Move an idea") if len(idea_ids) == 1 else _("Move {n} ideas").format(n=len(idea_ids)),
                 lambda: logic.move_ideas(session.store, idea_ids, axis_id, position))


def link_to_step(session, idea_ids: list[int], step_id) -> None:
    run_recorded(session, _("Link ideas to a journey step"),
                 lambda: logic.set_idea_step(session.store, idea_ids, step_id))


def set_hidden(session, idea_ids: list[int], hidden: bool) -> None:
    run_recorded(session, _("Hide ideas from the shared screen") if hidden else _("Show ideas on the shared screen"),
                 lambda: logic.set_ideas_hidden(session.store, idea_ids, hidden))


# --- axes ----------------------------------------------------------------------------

def add_axis(session, name: str, colour: str | None = None, ambition: str = "") -> int:
    return run_recorded(session, _("Add the axis {name}").format(name=name),
                        lambda: logic.add_axis(session.store, name, colour, ambition))


def update_axis(session, axis_id: int, **changes) -> None:
    run_recorded(session, _("Edit an axis"), lambda: logic.update_axis(session.store, axis_id, **changes))


def move_axis(session, axis_id: int, position: int) -> None:
    run_recorded(session, _("Move an axis"), lambda: logic.move_axis(session.store, axis_id, position))


def delete_axis(session, axis_id: int) -> None:
    run_recorded(session, _("Delete an axis"), lambda: logic.delete_axis(session.store, axis_id))


# --- rounds --------------------------------------------------------------------------

def open_round(session, prompt: str, trend_id=None, characteristic: str = "", hidden: bool = False) -> int:
    return run_recorded(session, _("Open a round"),
                        lambda: logic.open_round(session.store, prompt, trend_id, characteristic, hidden))


def set_current_round(session, round_id) -> None:
    run_recorded(session, _("Switch rounds"), lambda: logic.set_current_round(session.store, round_id))


def set_round_hidden(session, round_id: int, hidden: bool) -> None:
    run_recorded(session, _("Hide the round's ideas") if hidden else _("Reveal the round's ideas"),
                 lambda: logic.set_round_hidden(session.store, round_id, hidden))


# --- initiatives ---------------------------------------------------------------------

def promote_ideas(session, idea_ids: list[int], title: str = "") -> int:
    return run_recorded(session, _("Promote to an initiative"),
                        lambda: ini.promote_ideas(session.store, idea_ids, title))


def create_initiative(session, **fields) -> int:
    return run_recorded(session, _("New initiative"), lambda: ini.create_initiative(session.store, **fields))


def update_initiative(session, initiative_id: int, **fields) -> None:
    run_recorded(session, _("Edit a business case"),
                 lambda: ini.update_initiative(session.store, initiative_id, **fields))


def delete_initiative(session, initiative_id: int) -> None:
    run_recorded(session, _("Delete an initiative"), lambda: ini.delete_initiative(session.store, initiative_id),
                 tables=history.INITIATIVE_TABLES)


# --- what the shared screen shows (shared UI state, not undoable) --------------------

@dataclass(frozen=True)
class IdeationScreen:
    """The board (its page, and how many pages it has at the projector's size) or one business-case card."""

    mode: str = "board"
    page: int = 0
    pages: int = 0
    initiative: int | None = None


def screen_state(session) -> IdeationScreen:
    """The ideation screen in the room state (``session.room``), out of the file."""
    return session.room.screen(KIND, IdeationScreen())


def set_screen(session, **changes) -> None:
    """Change some fields; announced as ``room_changed("ideation")`` if anything changed."""
    session.room.set_screen(KIND, replace(screen_state(session), **changes))


def turn_page(session, step: int) -> None:
    state = screen_state(session)
    pages = state.pages or 1
    set_screen(session, page=max(0, min(pages - 1, state.page + step)))


def show_card(session, initiative_id: int) -> None:
    set_screen(session, mode="card", initiative=initiative_id)
    session.present(KIND)


def show_board(session) -> None:
    set_screen(session, mode="board")
    session.present(KIND)
