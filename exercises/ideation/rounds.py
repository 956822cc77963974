"""Rounds of ideas: a prompt, the trend and/or CX characteristic it explores, silent or not.

The current round (where new ideas land) is kept in ``exercise_data``, so it survives a restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.store import Store

_CURRENT_ROUND = ("ideation", "current_round")


@dataclass(frozen=True)
class IdeaRound:
    id: int
    prompt: str
    trend_id: int | None = None
    characteristic: str = ""
    hidden: bool = False
    position: int = 0


def _round(row: dict) -> IdeaRound:
    return IdeaRound(**{**row, "hidden": bool(row["hidden"])})


def list_rounds(store: Store) -> list[IdeaRound]:
    return [_round(r) for r in store.query(
        "SELECT id, prompt, trend_id, characteristic, hidden, position FROM idea_rounds ORDER BY position, id")]


def get_round(store: Store, round_id: int) -> IdeaRound:
    rows = store.query("SELECT id, prompt, trend_id, characteristic, hidden, position FROM idea_rounds"
                       " WHERE id = ?", (round_id,))
    if not rows:
        raise ValidationError(_("This round no longer exists."))
    return _round(rows[0])


def _check_round(store: Store, prompt: str, trend_id: int | None, characteristic: str) -> dict:
    prompt = clean_text(prompt, _("Prompt"), required=True)
    if trend_id is not None and not store.scalar("SELECT count(*) FROM trends WHERE id = ?", (trend_id,)):
        raise ValidationError(_("This trend no longer exists."))
    return {"prompt": prompt, "trend_id": trend_id,
            "characteristic": clean_text(characteristic or "", _("CX characteristic"))}


def open_round(store: Store, prompt: str, trend_id: int | None = None, characteristic: str = "",
               hidden: bool = False) -> int:
    """Open a new round of ideas (it becomes the current one: new ideas land in it)."""
    record = _check_round(store, prompt, trend_id, characteristic)
    record["hidden"] = int(bool(hidden))
    with store.action() as db:
        record["position"] = (store.scalar("SELECT max(position) FROM idea_rounds") or 0) + 1
        round_id = db["idea_rounds"].insert(record).last_pk
        set_current_round(store, round_id)
        return round_id


def update_round(store: Store, round_id: int, prompt: str, trend_id: int | None = None,
                 characteristic: str = "") -> None:
    get_round(store, round_id)
    record = _check_round(store, prompt, trend_id, characteristic)
    with store.action() as db:
        db["idea_rounds"].update(round_id, record)


def set_round_hidden(store: Store, round_id: int, hidden: bool) -> None:
    """Silent brainstorming: a hidden round keeps its ideas off the shared screen."""
    get_round(store, round_id)
    with store.action() as db:
        db["idea_rounds"].update(round_id, {"hidden": int(bool(hidden))})


def reveal_round(store: Store, round_id: int) -> None:
    set_round_hidden(store, round_id, False)


def delete_round(store: Store, round_id: int) -> None:
    """Delete a round; its ideas stay on the board, with no round."""
    with store.action() as db:
        db.execute("DELETE FROM idea_rounds WHERE id = ?", [round_id])
        if current_round_id(store) == round_id:
            set_current_round(store, None)


def current_round_id(store: Store) -> int | None:
    value = store.scalar("SELECT value FROM exercise_data WHERE exercise = ? AND key = ?", _CURRENT_ROUND)
    if not value:
        return None
    round_id = int(value)
    return round_id if store.scalar("SELECT count(*) FROM idea_rounds WHERE id = ?", (round_id,)) else None


def set_current_round(store: Store, round_id: int | None) -> None:
    with store.action() as db:
        if round_id is None:
            db.execute("DELETE FROM exercise_data WHERE exercise = ? AND key = ?", list(_CURRENT_ROUND))
        else:
            get_round(store, round_id)
            db["exercise_data"].upsert({"exercise": _CURRENT_ROUND[0], "key": _CURRENT_ROUND[1],
                                        "value": str(round_id)}, pk=("exercise", "key"))


def hidden_round_ids(store: Store) -> set[int]:
    return {r["id"] for r in store.query("SELECT id FROM idea_rounds WHERE hidden = 1")}
