"""Moments of truth of one key journey, and its "emotional bank account" (Qt-free).

The journey is a list of ordered steps. For each step the room says whether it is a
moment of truth and rates it as an emotional credit or debit (−3 … +3). The running
balance shows what the touchpoint scores hide: each step can look fine while the whole
journey drains the account.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.store import Store

EMOTION_MIN, EMOTION_MAX = -3, 3
_TITLE = ("journey", "title")
TEMPLATES = Path(__file__).with_name("content") / "journeys.json"


@dataclass(frozen=True)
class JourneyStep:
    id: int
    title: str
    position: int = 0
    moment_of_truth: bool = False
    emotion: int = 0


def _check_emotion(emotion) -> int:
    if isinstance(emotion, bool) or not isinstance(emotion, int) or not EMOTION_MIN <= emotion <= EMOTION_MAX:
        raise ValidationError(_("An emotion is rated from −3 (debit) to +3 (credit)."))
    return emotion


# --- title ---------------------------------------------------------------------------

def get_title(store: Store) -> str:
    return store.scalar("SELECT value FROM exercise_data WHERE exercise = ? AND key = ?", _TITLE) or ""


def set_title(store: Store, title: str) -> None:
    title = clean_text(title, _("Journey"))
    with store.action() as db:
        db["exercise_data"].upsert({"exercise": _TITLE[0], "key": _TITLE[1], "value": title},
                                   pk=("exercise", "key"))


# --- steps ---------------------------------------------------------------------------

def _step(row: dict) -> JourneyStep:
    return JourneyStep(**{**row, "moment_of_truth": bool(row["moment_of_truth"])})


def list_steps(store: Store) -> list[JourneyStep]:
    return [_step(r) for r in store.query(
        "SELECT id, title, position, moment_of_truth, emotion FROM journey_steps ORDER BY position, id")]


def get_step(store: Store, step_id: int) -> JourneyStep:
    rows = store.query("SELECT id, title, position, moment_of_truth, emotion FROM journey_steps WHERE id = ?",
                       (step_id,))
    if not rows:
        raise ValidationError(_("This journey step no longer exists."))
    return _step(rows[0])


def _renumber(db, ids: list[int]) -> None:
    for index, ident in enumerate(ids):
        db.execute("UPDATE journey_steps SET position = ? WHERE id = ?", [index, ident])


def add_step(store: Store, title: str, position: int | None = None, moment_of_truth: bool = False,
             emotion: int = 0) -> int:
    """Add a step at ``position`` (0-based; default: at the end)."""
    record = {"title": clean_text(title, _("Step"), required=True),
              "moment_of_truth": int(bool(moment_of_truth)), "emotion": _check_emotion(emotion)}
    with store.action() as db:
        ids = [s.id for s in list_steps(store)]
        record["position"] = len(ids)
        new_id = db["journey_steps"].insert(record).last_pk
        ids.insert(len(ids) if position is None else max(0, min(position, len(ids))), new_id)
        _renumber(db, ids)
        return new_id


def update_step(store: Store, step_id: int, *, title: str | None = None, moment_of_truth: bool | None = None,
                emotion: int | None = None) -> None:
    get_step(store, step_id)
    record = {}
    if title is not None:
        record["title"] = clean_text(title, _("Step"), required=True)
    if moment_of_truth is not None:
        record["moment_of_truth"] = int(bool(moment_of_truth))
    if emotion is not None:
        record["emotion"] = _check_emotion(emotion)
    if record:
        with store.action() as db:
            db["journey_steps"].update(step_id, record)


def move_step(store: Store, step_id: int, position: int) -> None:
    get_step(store, step_id)
    ids = [s.id for s in list_steps(store) if s.id != step_id]
    ids.insert(max(0, min(position, len(ids))), step_id)
    with store.action() as db:
        _renumber(db, ids)


def delete_step(store: Store, step_id: int) -> None:
    """Delete a step; ideas linked to it lose the link."""
    with store.action() as db:
        db.execute("DELETE FROM journey_steps WHERE id = ?", [step_id])
        _renumber(db, [s.id for s in list_steps(store)])


@lru_cache(maxsize=1)
def templates() -> list[dict]:
    """Typical journeys to start from (bilingual)."""
    return json.loads(TEMPLATES.read_text(encoding="utf-8"))


def load_template(store: Store, key: str, language: str) -> list[int]:
    """Append a typical journey's steps (and take its title when the journey has none)."""
    template = next((t for t in templates() if t["key"] == key), None)
    if template is None:
        raise ValidationError(_("Unknown journey template."))
    with store.action():
        if not get_title(store):
            set_title(store, template["title"][language])
        return [add_step(store, step[language]) for step in template["steps"]]


# --- the emotional bank account --------------------------------------------------------

def balances(emotions: list[int]) -> list[int]:
    """The running balance after each step."""
    total, out = 0, []
    for emotion in emotions:
        total += emotion
        out.append(total)
    return out


@dataclass(frozen=True)
class StepBalance:
    step: JourneyStep
    balance: int


def account(steps: list[JourneyStep]) -> list[StepBalance]:
    return [StepBalance(s, b) for s, b in zip(steps, balances([s.emotion for s in steps]))]


def negative_steps(steps: list[JourneyStep]) -> list[StepBalance]:
    """The steps after which the account is overdrawn."""
    return [entry for entry in account(steps) if entry.balance < 0]


def ideas_per_step(store: Store) -> dict[int, int]:
    """How many ideas (not merged away) are linked to each step."""
    return {r["journey_step_id"]: r["n"] for r in store.query(
        "SELECT journey_step_id, count(*) AS n FROM ideas WHERE journey_step_id IS NOT NULL"
        " AND merged_into IS NULL GROUP BY journey_step_id")}


def linked_ideas(store: Store, step_id: int) -> list[str]:
    return [r["text"] for r in store.query(
        "SELECT text FROM ideas WHERE journey_step_id = ? AND merged_into IS NULL ORDER BY id", (step_id,))]
