"""The demo seminar's trend decoding: segments, individual ratings spread around the room's view.

``demo_content.json`` gives one value per trend for each scale (what the room ended up
thinking). The demo stores twelve individual ratings around it, drawn from a seeded
random generator so every build is identical and the map shows a realistic spread.
"""

from __future__ import annotations

import random
from typing import Any

from workshop_app.participants import list_participants
from workshop_app.store import Store

from .logic import HORIZONS, LIFECYCLES
from .store_ops import add_segment, list_trends, set_retained


def _pick(value: Any, language: str) -> Any:
    return value[language] if isinstance(value, dict) and language in value else value


def _neighbour(options: tuple[str, ...], value: str, rng: random.Random) -> str:
    index = options.index(value)
    near = [options[i] for i in (index - 1, index + 1) if 0 <= i < len(options)]
    return rng.choice(near)


def spread_relevance(target: int, count: int, rng: random.Random) -> list[int]:
    """``count`` scores from 1 to 5 scattered around ``target``, whose mean rounds to it."""
    scores = [min(5, max(1, target + rng.choice((-1, 0, 0, 0, 1)))) for _ in range(count)]
    while round(sum(scores) / count - target, 6) > 0.5:
        scores[scores.index(max(scores))] -= 1
    while round(target - sum(scores) / count, 6) > 0.5:
        scores[scores.index(min(scores))] += 1
    return scores


def spread_choice(options: tuple[str, ...], target: str, count: int,
                  rng: random.Random) -> list[str]:
    """``count`` choices where ``target`` is the clear majority and the rest are neighbours."""
    dissent = rng.randint(1, max(1, count // 3))
    choices = [target] * (count - dissent) + [_neighbour(options, target, rng) for _ in range(dissent)]
    rng.shuffle(choices)
    return choices


def fill_demo(store: Store, demo: dict[str, Any], language: str) -> None:
    """Segments, ratings, retained trends and their implications, as the demo room left them."""
    with store.action() as db:
        if not store.scalar("SELECT count(*) FROM segments"):
            for segment in demo.get("segments", []):
                add_segment(store, _pick(segment, language), key=segment["key"])
        trends = {t.library_key: t for t in list_trends(store) if t.library_key}
        people = [p.id for p in list_participants(store)]
        for item in demo.get("trend_ratings", []):
            trend = trends.get(item["trend_key"])
            if trend is None:
                continue
            rng = random.Random(f"demo-trend-{item['trend_key']}")
            raters = [p for p in people if rng.random() > 0.12] or people
            scores = spread_relevance(item["relevance"], len(raters), rng)
            horizons = spread_choice(HORIZONS, item["horizon"], len(raters), rng)
            cycles = spread_choice(LIFECYCLES, item["lifecycle"], len(raters), rng)
            db.execute("DELETE FROM trend_ratings WHERE trend_id = ?", [trend.id])
            for pid, score, horizon, cycle in zip(raters, scores, horizons, cycles):
                db["trend_ratings"].insert({"trend_id": trend.id, "participant_id": pid,
                                            "relevance": score, "horizon": horizon,
                                            "lifecycle": cycle})
            implication = _pick(item.get("implication", ""), language)
            set_retained(store, trend.id, bool(item.get("retained")), implication)
