"""Usage-trend decoding, the stored part: the trend library, segments, ratings, retained trends.

Each function that writes is one user action (``store.action()``); called inside another
action it joins it. Every text goes through ``clean_text``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from workshop_app.domain import Participant, ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.participants import list_participants
from workshop_app.store import Store

from .logic import LIFECYCLES, Rating, Trend, TrendResult, check_rating, results

LIBRARY = Path(__file__).with_name("content") / "trends.json"
_TREND_COLUMNS = ("id, library_key, title, description, example, lifecycle_hint, hidden, retained,"
                  " implication, position")


@lru_cache(maxsize=1)
def library() -> tuple[dict, ...]:
    """The default trends, bilingual, as in ``content/trends.json``."""
    return tuple(json.loads(LIBRARY.read_text(encoding="utf-8")))


# --- trends -----------------------------------------------------------------

def _trend(row: dict) -> Trend:
    row = dict(row)
    row["hidden"] = bool(row["hidden"])
    row["retained"] = bool(row["retained"])
    return Trend(**row)


def list_trends(store: Store, include_hidden: bool = True) -> list[Trend]:
    """Trends in the facilitator's order."""
    sql = f"SELECT {_TREND_COLUMNS} FROM trends"
    if not include_hidden:
        sql += " WHERE hidden = 0"
    return [_trend(r) for r in store.query(sql + " ORDER BY position, id")]


def get_trend(store: Store, trend_id: int) -> Trend:
    rows = store.query(f"SELECT {_TREND_COLUMNS} FROM trends WHERE id = ?", (trend_id,))
    if not rows:
        raise ValidationError(_("This trend no longer exists."))
    return _trend(rows[0])


def _check_trend(title: str, description: str, example: str) -> dict:
    return {"title": clean_text(title, _("Title"), required=True),
            "description": clean_text(description, _("Description"), long=True),
            "example": clean_text(example, _("Example"), long=True)}


def seed(store: Store, language: str) -> None:
    """Copy the library into the seminar, in its language (library trends already there are kept)."""
    with store.action() as db:
        present = {r["library_key"] for r in store.query("SELECT library_key FROM trends")}
        position = store.scalar("SELECT max(position) FROM trends") or 0
        for item in library():
            if item["key"] in present:
                continue
            position += 1
            text = item.get(language) or item["en"]
            db["trends"].insert({"library_key": item["key"], "title": text["title"],
                                 "description": text["description"], "example": text["example"],
                                 "lifecycle_hint": item["lifecycle"], "position": position})


def add_trend(store: Store, title: str, description: str = "", example: str = "",
              lifecycle_hint: str = "", position: int | None = None, trend_id: int | None = None) -> int:
    """Add one of the seminar's own trends (at the end, or at ``position``)."""
    record = _check_trend(title, description, example)
    if lifecycle_hint and lifecycle_hint not in LIFECYCLES:
        raise ValidationError(_("Unknown life-cycle stage: {value}.").format(value=lifecycle_hint))
    record["lifecycle_hint"] = lifecycle_hint
    with store.action() as db:
        if position is None:
            position = (store.scalar("SELECT max(position) FROM trends") or 0) + 1
        else:
            db.execute("UPDATE trends SET position = position + 1 WHERE position >= ?", [position])
        record["position"] = position
        if trend_id is not None:
            record["id"] = trend_id
        return db["trends"].insert(record).last_pk


def update_trend(store: Store, trend_id: int, title: str, description: str, example: str) -> None:
    record = _check_trend(title, description, example)
    get_trend(store, trend_id)
    with store.action() as db:
        db["trends"].update(trend_id, record)


def remove_trend(store: Store, trend_id: int) -> None:
    """Delete a trend and its ratings (the undo of ``add_trend``; the console hides instead)."""
    with store.action() as db:
        db.execute("DELETE FROM trends WHERE id = ?", [trend_id])


def set_hidden(store: Store, trend_id: int, hidden: bool) -> None:
    get_trend(store, trend_id)
    with store.action() as db:
        db["trends"].update(trend_id, {"hidden": int(bool(hidden))})


def move_trend(store: Store, trend_id: int, index: int) -> None:
    """Put a trend at ``index`` (0-based) in the list of all trends, and renumber."""
    ids = [t.id for t in list_trends(store)]
    if trend_id not in ids:
        raise ValidationError(_("This trend no longer exists."))
    ids.remove(trend_id)
    ids.insert(max(0, min(index, len(ids))), trend_id)
    with store.action() as db:
        for position, tid in enumerate(ids, start=1):
            db.execute("UPDATE trends SET position = ? WHERE id = ?", [position, tid])


def set_retained(store: Store, trend_id: int, retained: bool, implication: str | None = None) -> None:
    """Mark a trend as retained (or not); optionally set its implication for our customers."""
    get_trend(store, trend_id)
    record: dict = {"retained": int(bool(retained))}
    if implication is not None:
        record["implication"] = clean_text(implication, _("Implication"), long=True)
    with store.action() as db:
        db["trends"].update(trend_id, record)


def set_implication(store: Store, trend_id: int, implication: str) -> None:
    text = clean_text(implication, _("Implication"), long=True)
    get_trend(store, trend_id)
    with store.action() as db:
        db["trends"].update(trend_id, {"implication": text})


# --- ratings ------------------------------------------------------------------

def list_ratings(store: Store, trend_id: int | None = None) -> list[Rating]:
    sql = "SELECT trend_id, participant_id, relevance, horizon, lifecycle FROM trend_ratings"
    params: tuple = ()
    if trend_id is not None:
        sql += " WHERE trend_id = ?"
        params = (trend_id,)
    return [Rating(**r) for r in store.query(sql + " ORDER BY trend_id, id", params)]


def get_rating(store: Store, trend_id: int, participant_id: int | None) -> Rating | None:
    return next((r for r in list_ratings(store, trend_id) if r.participant_id == participant_id), None)


def set_rating(store: Store, trend_id: int, participant_id: int | None, relevance=None,
               horizon=None, lifecycle=None) -> Rating | None:
    """Store (or replace) one rating; None as participant is the room's consensus.

    Returns the rating it replaced (None if there was none), for undo.
    """
    relevance, horizon, lifecycle = check_rating(relevance, horizon, lifecycle)
    get_trend(store, trend_id)
    if participant_id is not None and not store.scalar(
            "SELECT count(*) FROM participants WHERE id = ?", (participant_id,)):
        raise ValidationError(_("This participant no longer exists."))
    before = get_rating(store, trend_id, participant_id)
    with store.action() as db:
        _delete_rating(db, trend_id, participant_id)
        db["trend_ratings"].insert({"trend_id": trend_id, "participant_id": participant_id,
                                    "relevance": relevance, "horizon": horizon,
                                    "lifecycle": lifecycle})
    return before


def _delete_rating(db, trend_id: int, participant_id: int | None) -> None:
    if participant_id is None:
        db.execute("DELETE FROM trend_ratings WHERE trend_id = ? AND participant_id IS NULL", [trend_id])
    else:
        db.execute("DELETE FROM trend_ratings WHERE trend_id = ? AND participant_id = ?",
                   [trend_id, participant_id])


def clear_rating(store: Store, trend_id: int, participant_id: int | None) -> Rating | None:
    """Remove one rating; returns it (None if there was none)."""
    before = get_rating(store, trend_id, participant_id)
    with store.action() as db:
        _delete_rating(db, trend_id, participant_id)
    return before


def restore_rating(store: Store, trend_id: int, participant_id: int | None,
                   rating: Rating | None) -> None:
    """Put back what ``set_rating``/``clear_rating`` returned (None: no rating)."""
    if rating is None:
        clear_rating(store, trend_id, participant_id)
    else:
        set_rating(store, trend_id, participant_id, rating.relevance, rating.horizon, rating.lifecycle)


def pending_raters(store: Store, trend_id: int) -> list[Participant]:
    """Participants who have not rated this trend yet, in the participants' order."""
    done = {r.participant_id for r in list_ratings(store, trend_id)}
    return [p for p in list_participants(store) if p.id not in done]


def ranked_results(store: Store) -> list[TrendResult]:
    """Ranked results of the visible trends (unrated ones last)."""
    return results(list_trends(store, include_hidden=False), list_ratings(store))


# --- strategic customer segments ----------------------------------------------------

def list_segments(store: Store) -> list[dict]:
    return store.query("SELECT id, key, name, position FROM segments ORDER BY position, id")


def add_segment(store: Store, name: str, key: str = "", segment_id: int | None = None,
                position: int | None = None) -> int:
    record = {"name": clean_text(name, _("Segment"), required=True), "key": key}
    with store.action() as db:
        if position is None:
            position = (store.scalar("SELECT max(position) FROM segments") or 0) + 1
        record["position"] = position
        if segment_id is not None:
            record["id"] = segment_id
        new_id = db["segments"].insert(record).last_pk
        if not key:  # other stages refer to segments by key: give the seminar's own one
            db["segments"].update(new_id, {"key": f"segment_{new_id}"})
        return new_id


def rename_segment(store: Store, segment_id: int, name: str) -> None:
    name = clean_text(name, _("Segment"), required=True)
    with store.action() as db:
        db["segments"].update(segment_id, {"name": name})


def remove_segment(store: Store, segment_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM segments WHERE id = ?", [segment_id])
