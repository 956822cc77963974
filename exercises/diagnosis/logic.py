"""CX self-diagnosis: each participant rates our 14 customer-experience characteristics 1–5.

Five are internal levers (design, technology, data, customer service, culture), nine are
external qualities the customer sees. Results: the mean with its min–max spread per
characteristic, and the three weakest (ties: the lower minimum, then the file's order).
Pure functions and store operations; no Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants
from workshop_app.store import Store

from . import KEY

SCORES = (1, 2, 3, 4, 5)
GROUPS = ("internal", "external")
LIBRARY = Path(__file__).with_name("content") / "characteristics.json"


@dataclass(frozen=True)
class Characteristic:
    key: str
    group: str  # "internal" (a lever) or "external" (a quality the customer sees)
    name: str
    question: str
    low: str  # what a 1 looks like
    high: str  # what a 5 looks like


@lru_cache(maxsize=1)
def _library() -> tuple[dict, ...]:
    return tuple(json.loads(LIBRARY.read_text(encoding="utf-8")))


def characteristics(language: str) -> list[Characteristic]:
    """The 14 characteristics, in the file's order, worded in ``language``."""
    out = []
    for item in _library():
        text = item.get(language) or item["en"]
        out.append(Characteristic(item["key"], item["group"], text["name"], text["question"],
                                  text["low"], text["high"]))
    return out


def keys() -> list[str]:
    return [item["key"] for item in _library()]


def check_score(characteristic: str, score) -> int:
    """Return the score, or refuse it with a sentence for the user."""
    if characteristic not in keys():
        raise ValidationError(_("Unknown characteristic: {key}.").format(key=characteristic))
    if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
        raise ValidationError(_("A characteristic is rated from 1 to 5 (not {value}).").format(value=score))
    return score


@dataclass(frozen=True)
class CharacteristicResult:
    characteristic: Characteristic
    scores: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> Fraction | None:
        return Fraction(sum(self.scores), len(self.scores)) if self.scores else None

    @property
    def minimum(self) -> int | None:
        return min(self.scores) if self.scores else None

    @property
    def maximum(self) -> int | None:
        return max(self.scores) if self.scores else None


def summarise(items: list[Characteristic], scores: dict[str, list[int]]) -> list[CharacteristicResult]:
    """One result per characteristic, in the given order (no score: an empty result)."""
    return [CharacteristicResult(c, tuple(scores.get(c.key, ()))) for c in items]


def weakest(results: list[CharacteristicResult], count: int = 3) -> list[CharacteristicResult]:
    """The ``count`` lowest means; ties go to the lower minimum, then to the earlier one."""
    rated = [(i, r) for i, r in enumerate(results) if r.count]
    rated.sort(key=lambda pair: (pair[1].mean, pair[1].minimum, pair[0]))
    return [r for _i, r in rated[:count]]


# --- store -------------------------------------------------------------------

def set_score(store: Store, characteristic: str, participant_id: int, score: int | None) -> int | None:
    """Store one participant's score (None removes it); returns the previous score, for undo."""
    if score is not None:
        check_score(characteristic, score)
    elif characteristic not in keys():
        raise ValidationError(_("Unknown characteristic: {key}.").format(key=characteristic))
    if not store.scalar("SELECT count(*) FROM participants WHERE id = ?", (participant_id,)):
        raise ValidationError(_("This participant no longer exists."))
    before = get_score(store, characteristic, participant_id)
    with store.action() as db:
        db.execute("DELETE FROM diagnosis_ratings WHERE characteristic = ? AND participant_id = ?",
                   [characteristic, participant_id])
        if score is not None:
            db["diagnosis_ratings"].insert({"characteristic": characteristic,
                                            "participant_id": participant_id, "score": score})
    return before


def get_score(store: Store, characteristic: str, participant_id: int) -> int | None:
    return store.scalar("SELECT score FROM diagnosis_ratings WHERE characteristic = ? AND participant_id = ?",
                        (characteristic, participant_id))


def score_grid(store: Store) -> dict[tuple[int, str], int]:
    """Every stored score, keyed by (participant id, characteristic key)."""
    return {(r["participant_id"], r["characteristic"]): r["score"] for r in store.query(
        "SELECT participant_id, characteristic, score FROM diagnosis_ratings")}


def results(store: Store, language: str) -> list[CharacteristicResult]:
    """Results of the people still in the seminar, in the file's order."""
    order = {p.id: i for i, p in enumerate(list_participants(store))}
    scores: dict[str, list[int]] = {}
    for (pid, key), score in sorted(score_grid(store).items(), key=lambda kv: order.get(kv[0][0], 0)):
        scores.setdefault(key, []).append(score)
    return summarise(characteristics(language), scores)


def fill_demo(store: Store, demo: dict, language: str) -> None:
    """Twelve scores per characteristic, one per participant in the participants' order."""
    people = [p.id for p in list_participants(store)]
    known = set(keys())
    with store.action() as db:
        for key, scores in demo.get("diagnosis", {}).items():
            if key not in known:
                continue
            for pid, score in zip(people, scores):
                db.execute("DELETE FROM diagnosis_ratings WHERE characteristic = ? AND participant_id = ?",
                           [key, pid])
                db["diagnosis_ratings"].insert({"characteristic": key, "participant_id": pid,
                                                "score": check_score(key, score)})
