"""The demo seminar's arbitration: three rounds whose results back the demo's decisions.

Ballots are generated deterministically (a fixed seed) from profiles written so that the
Go initiatives come out on top, one heavy initiative splits the room, and the later /
no-go ones trail: (a) a secret majority-judgment round, (b) a secret weighted-scoring
round with the default criteria, (c) a paper dot vote repeating (a) on a shortlist.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from workshop_app.participants import list_participants
from workshop_app.store import Store

from .booth import cast_ballot, set_paper_totals
from .decisions import horizon_from_quarter, set_decision
from .rounds import close_round, create_round, get_round, reveal_round
from .tally import evidence_text, round_result

SEED = 20261204
DECIDED_AT = datetime(2026, 12, 4, 15, 10)

# Majority-judgment grades of the 12 voters per initiative (0 "to reject" .. 5 "excellent").
GRADES = {
    "social_response_1h": [5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 5],
    "frontline_empowerment": [5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 4, 5],
    "welcome_90_days": [5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 4, 5],
    "digital_onboarding": [4, 4, 4, 4, 4, 3, 3, 3, 5, 5, 4, 3],
    "account_aggregation": [4, 4, 3, 3, 3, 4, 4, 3, 5, 3, 4, 2],
    "unified_customer_view": [5, 5, 5, 4, 4, 1, 1, 2, 4, 4, 4, 1],  # the room is split
    "conversational_assistant": [3, 2, 2, 3, 3, 2, 4, 2, 3, 1, 2, 3],
    "pro_peer_community": [2, 2, 3, 1, 2, 3, 2, 2, 1, 3, 2, 2],
    "single_monthly_plan": [1, 0, 1, 2, 1, 0, 1, 3, 1, 0, 2, 1],
}
# Mean scores aimed at per criterion: segment fit, customer value, organisation, technology.
SCORES = {
    "social_response_1h": (3.5, 4.2, 2.0, 1.6),
    "frontline_empowerment": (4.6, 4.3, 3.2, 1.3),
    "welcome_90_days": (3.8, 4.6, 2.6, 2.4),
    "digital_onboarding": (4.0, 4.5, 2.8, 3.6),
    "account_aggregation": (3.4, 3.7, 1.6, 3.0),
    "unified_customer_view": (4.8, 4.8, 4.2, 4.7),
    "conversational_assistant": (3.0, 3.0, 2.4, 3.8),
    "pro_peer_community": (2.2, 2.8, 2.0, 2.6),
    "single_monthly_plan": (2.8, 3.2, 3.0, 3.4),
}
QUESTIONS = {
    "majority": {"fr": "Quelles initiatives méritent une place dans notre feuille de route ?",
                 "en": "Which initiatives deserve a place on our roadmap?"},
    "scoring": {"fr": "Comment les initiatives se situent-elles sur nos quatre critères ?",
                "en": "How do the initiatives score on our four criteria?"},
    "paper": {"fr": "Liste resserrée : où mettre notre effort en premier ?",
              "en": "Shortlist: where do we put our effort first?"},
}
# Dots counted on the wall for the shortlist (12 voters, 4 dots each).
DOTS = {"social_response_1h": 9, "frontline_empowerment": 8, "welcome_90_days": 10, "digital_onboarding": 7,
        "account_aggregation": 5, "unified_customer_view": 5, "conversational_assistant": 2,
        "pro_peer_community": 2}


def _pick(value: Any, language: str):
    return value[language] if isinstance(value, dict) and language in value else value


def _initiative_ids(store: Store, demo: dict, language: str) -> dict[str, int]:
    """Demo key -> initiative id, matched by title (the ideation stage created them)."""
    by_title = {r["title"]: r["id"] for r in store.query("SELECT id, title FROM initiatives")}
    out = {}
    for item in demo.get("initiatives", []):
        ident = by_title.get(_pick(item["title"], language))
        if ident is not None:
            out[item["key"]] = ident
    return out


def _spread_scores(mean: float, rng: random.Random, voters: int) -> list[int]:
    """Whole scores 1..5 whose mean is close to ``mean``, with some honest disagreement."""
    low = int(mean)
    high_count = round((mean - low) * voters)
    values = [min(5, low + 1)] * high_count + [max(1, low)] * (voters - high_count)
    for _ in range(voters // 4):  # move one voter up and one down: same mean, more spread
        i, j = rng.sample(range(voters), 2)
        if values[i] < 5 and values[j] > 1:
            values[i] += 1
            values[j] -= 1
    rng.shuffle(values)
    return values


def _cast(store: Store, round_id: int, ballots: list, people: list[int], rng: random.Random) -> None:
    order = list(range(len(ballots)))
    rng.shuffle(order)  # people came to the laptop in no particular order
    for index in order:
        cast_ballot(store, round_id, people[index], ballots[index])


def fill_demo(store: Store, demo: dict, language: str) -> None:
    ids = _initiative_ids(store, demo, language)
    people = [p.id for p in list_participants(store)][:12]
    if len(ids) < 2 or len(people) < 12:
        return
    rng = random.Random(SEED)
    keys = [k for k in GRADES if k in ids]
    options = [ids[k] for k in keys]

    shuffled = {k: rng.sample(GRADES[k], len(GRADES[k])) for k in keys}
    mj = create_round(store, _pick(QUESTIONS["majority"], language), "majority",
                      options, "secret", language=language)
    _cast(store, mj, [{ids[k]: shuffled[k][v] for k in keys} for v in range(12)], people, rng)

    scoring = create_round(store, _pick(QUESTIONS["scoring"], language), "scoring",
                           options, "secret", language=language)
    crit_keys = [c["key"] for c in get_round(store, scoring).config["criteria"]]
    columns = {k: [_spread_scores(m, rng, 12) for m in SCORES[k]] for k in keys}
    ballots = [{ids[k]: {c: columns[k][i][v] for i, c in enumerate(crit_keys)} for k in keys} for v in range(12)]
    _cast(store, scoring, ballots, people, rng)

    shortlist = [k for k in keys if k in DOTS]
    paper = create_round(store, _pick(QUESTIONS["paper"], language), "dot",
                         [ids[k] for k in shortlist], "paper", config={"budget": 4, "cap": 2},
                         parent_round_id=mj, language=language)
    set_paper_totals(store, paper, {ids[k]: DOTS[k] for k in shortlist}, 12)

    for rid in (mj, scoring, paper):
        close_round(store, rid)
        reveal_round(store, rid)

    result = round_result(store, mj)
    moment = DECIDED_AT.timestamp()
    for index, item in enumerate(demo.get("initiatives", [])):
        if item["key"] not in ids or "decision" not in item:
            continue
        horizon = horizon_from_quarter(item.get("start_quarter")) if item["decision"] == "go" else ""
        set_decision(store, ids[item["key"]], item["decision"], _pick(item["reason"], language), horizon,
                     mj, evidence_text(store, result, ids[item["key"]], language), moment + 60 * index)

