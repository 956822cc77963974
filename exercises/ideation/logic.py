"""Innovation-axes ideation, the stored part: rounds, ideas, and the axes they cluster into.

Ideas are captured fast during timed rounds, then clustered on a board whose columns are
the innovation axes (``axis_id`` NULL: not clustered yet). ``position`` orders the ideas
within their column. A merged-away idea keeps its row and points at the idea that absorbed
it (``merged_into``); the absorbing idea carries its sources' texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.store import Store

from .rounds import (IdeaRound, current_round_id, delete_round, get_round, hidden_round_ids,  # noqa: F401
                     list_rounds, open_round, reveal_round, set_current_round, set_round_hidden, update_round)

IDEA_MAX = 600  # a merged idea carries several short texts
MERGE_SEPARATOR = " / "
AXIS_PALETTE = ("#2A9D8F", "#1F6FB2", "#E9A23B", "#D1495B", "#7B5EA7", "#2E9E6B", "#C4621D", "#3D5A80")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
ALL = object()  # "any axis" for list_ideas


@dataclass(frozen=True)
class Axis:
    id: int
    name: str
    colour: str
    ambition: str = ""
    position: int = 0


@dataclass(frozen=True)
class Idea:
    id: int
    text: str
    author_id: int | None = None
    round_id: int | None = None
    axis_id: int | None = None
    journey_step_id: int | None = None
    position: int = 0
    hidden: bool = False
    merged_into: int | None = None


# --- validation -----------------------------------------------------------------

def check_idea_text(text: str) -> str:
    text = clean_text(text, _("Idea"), required=True, long=True)
    if "\n" in text or "\r" in text:
        raise ValidationError(_("An idea must fit on one line."))
    if len(text) > IDEA_MAX:
        raise ValidationError(_("An idea is at most {limit} characters.").format(limit=IDEA_MAX))
    return text


def check_colour(colour: str) -> str:
    if not isinstance(colour, str) or not _COLOUR.match(colour.strip()):
        raise ValidationError(_("{value} is not a colour (use #RRGGBB).").format(value=colour))
    return colour.strip().upper()


def split_lines(text: str) -> list[str]:
    """The non-blank lines of a pasted text, each stripped (one idea per line)."""
    lines = (line.strip().lstrip("-•*·").strip() for line in text.splitlines())
    return [line for line in lines if line]


# --- axes -------------------------------------------------------------------------

def list_axes(store: Store) -> list[Axis]:
    return [Axis(**row) for row in store.query(
        "SELECT id, name, colour, ambition, position FROM axes ORDER BY position, id")]


def get_axis(store: Store, axis_id: int) -> Axis:
    rows = store.query("SELECT id, name, colour, ambition, position FROM axes WHERE id = ?", (axis_id,))
    if not rows:
        raise ValidationError(_("This axis no longer exists."))
    return Axis(**rows[0])


def next_colour(store: Store) -> str:
    count = store.scalar("SELECT count(*) FROM axes") or 0
    return AXIS_PALETTE[count % len(AXIS_PALETTE)]


def add_axis(store: Store, name: str, colour: str | None = None, ambition: str = "") -> int:
    record = {"name": clean_text(name, _("Axis name"), required=True),
              "ambition": clean_text(ambition, _("Ambition")),
              "colour": check_colour(colour) if colour else next_colour(store)}
    with store.action() as db:
        record["position"] = (store.scalar("SELECT max(position) FROM axes") or 0) + 1
        return db["axes"].insert(record).last_pk


def update_axis(store: Store, axis_id: int, *, name: str | None = None, colour: str | None = None,
                ambition: str | None = None) -> None:
    """Rename, recolour or restate the ambition of an axis (only the given fields change)."""
    get_axis(store, axis_id)
    record = {}
    if name is not None:
        record["name"] = clean_text(name, _("Axis name"), required=True)
    if colour is not None:
        record["colour"] = check_colour(colour)
    if ambition is not None:
        record["ambition"] = clean_text(ambition, _("Ambition"))
    if record:
        with store.action() as db:
            db["axes"].update(axis_id, record)


def move_axis(store: Store, axis_id: int, position: int) -> None:
    """Put an axis at ``position`` (0-based) among the board's columns."""
    ids = [a.id for a in list_axes(store) if a.id != axis_id]
    get_axis(store, axis_id)
    ids.insert(max(0, min(position, len(ids))), axis_id)
    with store.action() as db:
        for index, ident in enumerate(ids):
            db.execute("UPDATE axes SET position = ? WHERE id = ?", [index, ident])


def delete_axis(store: Store, axis_id: int) -> None:
    """Delete an axis; its ideas go back to the unclustered column, after those already there."""
    with store.action() as db:
        ids = [i.id for i in list_ideas(store, axis_id=axis_id)]
        db.execute("DELETE FROM axes WHERE id = ?", [axis_id])
        if ids:
            _place(db, store, ids, None, 10**9)


# --- ideas --------------------------------------------------------------------------

_IDEA_COLUMNS = "id, text, author_id, round_id, axis_id, journey_step_id, position, hidden, merged_into"


def _idea(row: dict) -> Idea:
    return Idea(**{**row, "hidden": bool(row["hidden"])})


def list_ideas(store: Store, include_merged: bool = False, axis_id=ALL) -> list[Idea]:
    """Ideas in board order: unclustered first, then axis by axis, each by position.

    ``axis_id`` restricts to one column (None: the unclustered ideas).
    """
    sql = (f"SELECT i.{_IDEA_COLUMNS.replace(', ', ', i.')} FROM ideas i LEFT JOIN axes a ON a.id = i.axis_id"
           " WHERE 1 = 1")
    params: list = []
    if not include_merged:
        sql += " AND i.merged_into IS NULL"
    if axis_id is None:
        sql += " AND i.axis_id IS NULL"
    elif axis_id is not ALL:
        sql += " AND i.axis_id = ?"
        params.append(axis_id)
    sql += " ORDER BY a.id IS NOT NULL, a.position, a.id, i.position, i.id"
    return [_idea(r) for r in store.query(sql, tuple(params))]


def get_idea(store: Store, idea_id: int) -> Idea:
    rows = store.query(f"SELECT {_IDEA_COLUMNS} FROM ideas WHERE id = ?", (idea_id,))
    if not rows:
        raise ValidationError(_("This idea no longer exists."))
    return _idea(rows[0])


def _end_of(store: Store, axis_id: int | None) -> int:
    if axis_id is None:
        value = store.scalar("SELECT max(position) FROM ideas WHERE axis_id IS NULL AND merged_into IS NULL")
    else:
        value = store.scalar("SELECT max(position) FROM ideas WHERE axis_id = ? AND merged_into IS NULL",
                             (axis_id,))
    return -1 if value is None else value


def add_ideas(store: Store, texts: list[str], author_id: int | None = None, round_id: int | None = None,
              axis_id: int | None = None, journey_step_id: int | None = None) -> list[int]:
    """Add ideas at the end of their column, in the order given (all or nothing)."""
    cleaned = [check_idea_text(t) for t in texts]
    if not cleaned:
        raise ValidationError(_("There is no idea to add."))
    with store.action() as db:
        position = _end_of(store, axis_id)
        ids = []
        for text in cleaned:
            position += 1
            ids.append(db["ideas"].insert({
                "text": text, "author_id": author_id, "round_id": round_id, "axis_id": axis_id,
                "journey_step_id": journey_step_id, "position": position, "hidden": 0}).last_pk)
        return ids


def add_idea(store: Store, text: str, author_id: int | None = None, round_id: int | None = None,
             axis_id: int | None = None, journey_step_id: int | None = None) -> int:
    return add_ideas(store, [text], author_id, round_id, axis_id, journey_step_id)[0]


def update_idea(store: Store, idea_id: int, text: str) -> None:
    text = check_idea_text(text)
    get_idea(store, idea_id)
    with store.action() as db:
        db["ideas"].update(idea_id, {"text": text})


def set_idea_author(store: Store, idea_id: int, author_id: int | None) -> None:
    get_idea(store, idea_id)
    with store.action() as db:
        db["ideas"].update(idea_id, {"author_id": author_id})


def set_idea_step(store: Store, idea_ids: list[int], journey_step_id: int | None) -> None:
    """Link ideas to a step of the key journey (None: unlink)."""
    if journey_step_id is not None and not store.scalar(
            "SELECT count(*) FROM journey_steps WHERE id = ?", (journey_step_id,)):
        raise ValidationError(_("This journey step no longer exists."))
    with store.action() as db:
        for idea_id in idea_ids:
            db["ideas"].update(idea_id, {"journey_step_id": journey_step_id})


def set_ideas_hidden(store: Store, idea_ids: list[int], hidden: bool) -> None:
    with store.action() as db:
        for idea_id in idea_ids:
            db["ideas"].update(idea_id, {"hidden": int(bool(hidden))})


def merged_sources(store: Store, idea_id: int) -> list[Idea]:
    return [_idea(r) for r in store.query(
        f"SELECT {_IDEA_COLUMNS} FROM ideas WHERE merged_into = ? ORDER BY id", (idea_id,))]


def delete_ideas(store: Store, idea_ids: list[int]) -> None:
    """Delete ideas, with the ideas they had absorbed by merging."""
    with store.action() as db:
        pending = list(idea_ids)
        while pending:
            idea_id = pending.pop()
            pending.extend(i.id for i in merged_sources(store, idea_id))
            db.execute("DELETE FROM ideas WHERE id = ?", [idea_id])
        for axis in [None] + [a.id for a in list_axes(store)]:
            _renumber(db, store, axis)


def merge_ideas(store: Store, idea_ids: list[int], text: str | None = None) -> int:
    """Merge ideas into the first one (in board order); return its id.

    The merged idea's text joins its sources' texts unless ``text`` is given; the
    sources stay stored, pointing at it through ``merged_into``.
    """
    ideas = {i.id: i for i in list_ideas(store)}
    chosen = [ideas[i] for i in dict.fromkeys(idea_ids) if i in ideas]
    if len(chosen) < 2:
        raise ValidationError(_("Select at least two ideas to merge."))
    order = {i: n for n, i in enumerate(ideas)}
    chosen.sort(key=lambda idea: order[idea.id])
    target = chosen[0]
    merged_text = check_idea_text(text if text is not None else MERGE_SEPARATOR.join(i.text for i in chosen))
    with store.action() as db:
        db["ideas"].update(target.id, {"text": merged_text})
        for source in chosen[1:]:
            db["ideas"].update(source.id, {"merged_into": target.id})
        for axis in {i.axis_id for i in chosen}:
            _renumber(db, store, axis)
    return target.id


def drop_position(column_ids: list[int], moved_ids: list[int], row: int) -> int:
    """Where a drop at ``row`` of a column (still showing the moved ideas) lands, once they leave it."""
    if row < 0 or row > len(column_ids):
        row = len(column_ids)
    moved = set(moved_ids)
    return row - sum(1 for ident in column_ids[:row] if ident in moved)


def move_ideas(store: Store, idea_ids: list[int], axis_id: int | None, position: int) -> None:
    """Move ideas (keeping their board order) into a column (None: unclustered) at ``position``.

    ``position`` counts the column's ideas without the moved ones; past the end appends.
    """
    if axis_id is not None:
        get_axis(store, axis_id)
    board = [i for i in list_ideas(store) if i.id in set(idea_ids)]
    if not board:
        raise ValidationError(_("These ideas no longer exist."))
    with store.action() as db:
        _place(db, store, [i.id for i in board], axis_id, position)
        for axis in {i.axis_id for i in board} - {axis_id}:
            _renumber(db, store, axis)


def _place(db, store: Store, ids: list[int], axis_id: int | None, position: int) -> None:
    moving = set(ids)
    column = [i.id for i in list_ideas(store, axis_id=axis_id) if i.id not in moving]
    position = max(0, min(position, len(column)))
    column[position:position] = ids
    for index, ident in enumerate(column):
        db.execute("UPDATE ideas SET axis_id = ?, position = ? WHERE id = ?", [axis_id, index, ident])


def _renumber(db, store: Store, axis_id: int | None) -> None:
    for index, idea in enumerate(list_ideas(store, axis_id=axis_id)):
        if idea.position != index:
            db.execute("UPDATE ideas SET position = ? WHERE id = ?", [index, idea.id])


# --- what the room sees ----------------------------------------------------------

def on_screen(idea: Idea, hidden_rounds: set[int]) -> bool:
    """Whether the shared screen shows an idea (silent rounds stay hidden until revealed)."""
    return not idea.hidden and idea.merged_into is None and idea.round_id not in hidden_rounds


def counts(store: Store) -> dict[str, int]:
    """Headline figures: ideas (not merged away), rounds, axes, clustered and unclustered ideas."""
    row = store.query("SELECT count(*) AS ideas, count(axis_id) AS clustered FROM ideas WHERE merged_into IS NULL")[0]
    return {"ideas": row["ideas"], "rounds": store.scalar("SELECT count(*) FROM idea_rounds"),
            "axes": store.scalar("SELECT count(*) FROM axes"), "clustered": row["clustered"],
            "unclustered": row["ideas"] - row["clustered"]}


def idea_texts(store: Store, idea_ids) -> list[str]:
    """The texts of these ideas, in the board's order (ideas deleted since are left out)."""
    wanted = set(idea_ids)
    return [idea.text for idea in list_ideas(store, include_merged=True) if idea.id in wanted]


def round_idea_count(store: Store, round_id: int) -> int:
    """How many ideas a round holds, merged ones counted once (in the idea they became)."""
    return store.scalar("SELECT count(*) FROM ideas WHERE round_id = ? AND merged_into IS NULL", (round_id,))


def axis_colour(store: Store, axis_id: int | None) -> str:
    """The colour of an axis ("" for none, or an axis deleted since)."""
    if axis_id is None:
        return ""
    return store.scalar("SELECT colour FROM axes WHERE id = ?", (axis_id,)) or ""
