"""A large seminar for the benchmarks, generated deterministically from a seed.

``generate(path, Scale())`` writes a 3-day seminar with 40 participants, 2,000 ideas in
8 innovation axes, 60 initiatives with complete business cases, 6 closed and revealed
voting rounds (every method, 40 voters each), a decision for every initiative, the
roadmap (every Go initiative placed, milestones, dependencies) and the governance
choices settled. Stage data goes through the exercises' own operations where they
shape what is stored (rounds, ballots, decisions, roadmap, governance); bulk rows
(ideas, ratings, initiatives) are inserted with SQL against the fixed schema, in one
transaction, so a large seminar takes a few seconds to write.

Command line: ``python -m benchmarks.generator OUT.workshop [--tiny]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from workshop_app.agenda import add_block, list_blocks, list_days
from workshop_app.seminar import set_ambition, update_seminar
from workshop_app.store import Store, create_store
from workshop_app.templates import apply_template

from . import texts


@dataclass(frozen=True)
class Scale:
    days: int = 3
    participants: int = 40
    ideas: int = 2000
    axes: int = 8
    initiatives: int = 60
    rounds: int = 6
    seed: int = 20261204
    language: str = "fr"


LARGE = Scale()
TINY = Scale(days=2, participants=5, ideas=50, axes=3, initiatives=6)
FIRST_DAY = date(2027, 3, 16)
METHODS = ("dot", "approval", "points100", "scoring", "majority", "majority")
VISIBILITY = {"approval": "open"}  # the others are secret booth votes


def generate(path: str | Path, scale: Scale = LARGE) -> dict[str, int]:
    """Write the seminar at ``path`` (which must not exist); return its counts."""
    rng = random.Random(scale.seed)
    lang = scale.language
    store = create_store(path, texts.TITLE, texts.ORGANISATION, lang, created_at=f"{FIRST_DAY}T08:30:00")
    try:
        with store.action():
            people = _seminar(store, scale, rng)
            _agenda(store, scale)
            from exercises import REGISTRY

            for exercise in REGISTRY:
                exercise.seed(store, lang)
            _stage1(store, people, rng, lang)
            axes = _ideas(store, scale, people, rng)
            initiatives = _initiatives(store, scale, people, axes, rng)
            rounds = _votes(store, scale, people, initiatives, rng)
            go = _decisions(store, initiatives, rounds, lang)
            _roadmap(store, go, rng)
            _governance(store, rounds, rng)
            _run_days(store, scale)
        from exercises.arbitration.rounds import scrub_storage

        scrub_storage(store)  # as closing a round does: the file is vacuumed
        return counts(store)
    finally:
        store.close()


def generate_temp(scale: Scale = LARGE, folder: str | Path | None = None) -> Path:
    """Generate into a new temporary folder (or ``folder``); return the file's path."""
    folder = Path(folder or tempfile.mkdtemp(prefix="workshop-bench-"))
    path = folder / "large-seminar.workshop"
    generate(path, scale)
    return path


def counts(store: Store) -> dict[str, int]:
    q = store.scalar
    return {
        "days": q("SELECT count(*) FROM days"),
        "blocks": q("SELECT count(*) FROM blocks"),
        "participants": q("SELECT count(*) FROM participants"),
        "ideas": q("SELECT count(*) FROM ideas WHERE merged_into IS NULL"),
        "ideas_in_axes": q("SELECT count(*) FROM ideas WHERE axis_id IS NOT NULL"),
        "axes": q("SELECT count(*) FROM axes"),
        "initiatives": q("SELECT count(*) FROM initiatives"),
        "complete_cases": _complete_cases(store),
        "rounds": q("SELECT count(*) FROM vote_rounds"),
        "methods": q("SELECT count(DISTINCT method) FROM vote_rounds"),
        "ballots": q("SELECT count(*) FROM ballots"),
        "decisions": q("SELECT count(*) FROM decisions"),
        "go": q("SELECT count(*) FROM decisions WHERE decision = 'go'"),
        "placed": q("SELECT count(*) FROM roadmap_items r JOIN decisions d USING (initiative_id) "
                    "WHERE d.decision = 'go'"),
        "milestones": q("SELECT count(*) FROM milestones"),
        "dependencies": q("SELECT count(*) FROM dependencies"),
        "governance_choices": q("SELECT count(*) FROM governance_choices"),
        "governance_settled": q("SELECT count(*) FROM governance_choices WHERE chosen != '[]'"),
        "trend_ratings": q("SELECT count(*) FROM trend_ratings"),
        "diagnosis_ratings": q("SELECT count(*) FROM diagnosis_ratings"),
    }


def _complete_cases(store: Store) -> int:
    from exercises.ideation.initiatives import is_ready, list_initiatives

    return sum(1 for i in list_initiatives(store) if is_ready(i))


# --- the seminar, its people and its agenda ---------------------------------------

def _seminar(store: Store, scale: Scale, rng: random.Random) -> list[int]:
    update_seminar(store, summary=texts.SUMMARY, confidentiality=texts.CONFIDENTIALITY)
    set_ambition(store, texts.AMBITION)
    rows = [(name, function, email, index) for index, (name, function, email)
            in enumerate(texts.people(scale.participants, rng), start=1)]
    store.conn.executemany("INSERT INTO participants (name, function, email, position) VALUES (?, ?, ?, ?)", rows)
    return [r["id"] for r in store.query("SELECT id FROM participants ORDER BY position")]


def _dates(scale: Scale) -> list[str]:
    return [(FIRST_DAY + timedelta(days=i)).isoformat() for i in range(scale.days)]


def _agenda(store: Store, scale: Scale) -> None:
    dates = _dates(scale)
    apply_template(store, "two_day", dates, scale.language)  # days past the template: empty
    for day_id in [d.id for d in list_days(store)][2:]:  # later days: workshops on the roadmap
        for title, kind, minutes, exercise in texts.EXTRA_DAY:
            add_block(store, day_id, title, kind, minutes, exercise, "")


def _run_days(store: Store, scale: Scale) -> None:
    """Every day but the last ran (timer events); the last day's first block is current."""
    days = list_days(store)
    for index, day in enumerate(days[:-1]):
        moment = datetime.fromisoformat(f"{day.date}T{day.start}").timestamp()
        for block in list_blocks(store, day.id):
            minutes = block.planned_minutes + (index + block.position) % 7 - 2
            store.conn.executemany("INSERT INTO timer_events (block_id, kind, at, seconds) VALUES (?, ?, ?, 0)",
                                   [(block.id, "started", moment), (block.id, "finished", moment + minutes * 60)])
            moment += minutes * 60
    last = list_blocks(store, days[-1].id)
    if last:
        store.conn.execute("UPDATE run_state SET current_block_id = ? WHERE id = 1", (last[0].id,))


# --- stage 1: diagnosis, trends, segments, the journey ------------------------------

def _stage1(store: Store, people: list[int], rng: random.Random, lang: str) -> None:
    from exercises.diagnosis.logic import keys

    store.conn.executemany(
        "INSERT INTO diagnosis_ratings (characteristic, participant_id, score) VALUES (?, ?, ?)",
        [(key, pid, rng.randint(1, 5)) for key in keys() for pid in people])
    trends = [r["id"] for r in store.query("SELECT id FROM trends WHERE hidden = 0 ORDER BY position, id")]
    store.conn.executemany(
        "INSERT INTO trend_ratings (trend_id, participant_id, relevance, horizon, lifecycle) VALUES (?, ?, ?, ?, ?)",
        [(tid, pid, rng.randint(1, 5), rng.choice(("now", "1-2y", "3y+")),
          rng.choice(("innovation", "basic", "missing"))) for tid in trends for pid in people])
    for tid in trends[:6]:
        store.conn.execute("UPDATE trends SET retained = 1, implication = ? WHERE id = ?",
                           (texts.sentence(rng, 18), tid))
    if not store.scalar("SELECT count(*) FROM segments"):
        store.conn.executemany("INSERT INTO segments (key, name, position) VALUES (?, ?, ?)",
                               [(f"s{i}", name, i) for i, name in enumerate(texts.SEGMENTS, start=1)])
    store.conn.execute("DELETE FROM journey_steps")
    store.conn.executemany(
        "INSERT INTO journey_steps (title, position, moment_of_truth, emotion) VALUES (?, ?, ?, ?)",
        [(title, i, int(i in (2, 5)), emotion) for i, (title, emotion) in enumerate(texts.JOURNEY)])
    store.conn.execute("INSERT OR REPLACE INTO exercise_data (exercise, key, value) VALUES ('journey', 'title', ?)",
                       (texts.JOURNEY_TITLE,))


# --- stage 2: axes, ideas, initiatives ----------------------------------------------

def _ideas(store: Store, scale: Scale, people: list[int], rng: random.Random) -> list[int]:
    from exercises.ideation.logic import AXIS_PALETTE

    conn = store.conn
    conn.executemany("INSERT INTO axes (name, colour, ambition, position) VALUES (?, ?, ?, ?)",
                     [(texts.AXES[i % len(texts.AXES)] + ("" if i < len(texts.AXES) else f" {i + 1}"),
                       AXIS_PALETTE[i % len(AXIS_PALETTE)], texts.sentence(rng, 14), i + 1)
                      for i in range(scale.axes)])
    axes = [r["id"] for r in store.query("SELECT id FROM axes ORDER BY position")]
    trends = [r["id"] for r in store.query("SELECT id FROM trends ORDER BY position")] or [None]
    conn.executemany("INSERT INTO idea_rounds (prompt, trend_id, position) VALUES (?, ?, ?)",
                     [(prompt, trends[i % len(trends)], i + 1) for i, prompt in enumerate(texts.PROMPTS)])
    rounds = [r["id"] for r in store.query("SELECT id FROM idea_rounds ORDER BY position")]
    steps = [r["id"] for r in store.query("SELECT id FROM journey_steps ORDER BY position")]
    positions = dict.fromkeys(axes, 0)
    rows = []
    for n in range(scale.ideas):
        axis = axes[min(int(rng.triangular(0, len(axes), 0)), len(axes) - 1)] if n >= len(axes) else axes[n]
        rows.append((texts.idea(rng, n), rng.choice(people), rng.choice(rounds), axis,
                     rng.choice(steps) if rng.random() < 0.2 else None, positions[axis],
                     int(rng.random() < 0.02)))
        positions[axis] += 1
    conn.executemany("INSERT INTO ideas (text, author_id, round_id, axis_id, journey_step_id, position, hidden) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return axes


def _initiatives(store: Store, scale: Scale, people: list[int], axes: list[int],
                 rng: random.Random) -> list[int]:
    segments = [r["id"] for r in store.query("SELECT id FROM segments")]
    trends = [r["id"] for r in store.query("SELECT id FROM trends WHERE retained = 1")]
    by_axis: dict[int, list[int]] = {axis: [] for axis in axes}
    for row in store.query("SELECT id, axis_id FROM ideas ORDER BY id"):
        by_axis.setdefault(row["axis_id"], []).append(row["id"])
    rows = []
    for n in range(scale.initiatives):
        axis = axes[n % len(axes)]
        ideas = rng.sample(by_axis[axis], min(4, len(by_axis[axis])))
        owner, sponsor = rng.sample(people, 2) if len(people) > 1 else (people[0], people[0])
        rows.append({
            "title": texts.initiative_title(rng, n), "axis_id": axis, "position": n + 1,
            "problem": texts.paragraph(rng, 3), "customer_value": texts.paragraph(rng, 2),
            "org_impact": texts.paragraph(rng, 2), "tech_impact": texts.paragraph(rng, 2),
            "segments": json.dumps(rng.sample(segments, min(2, len(segments)))),
            "effort": rng.choice(("S", "M", "L", "XL")), "cost_range": rng.choice(texts.COSTS),
            "kpi": rng.choice(texts.KPIS), "kpi_target": f"+{rng.randint(3, 25)} %",
            "owner_id": owner, "sponsor_id": sponsor,
            "trend_ids": json.dumps(rng.sample(trends, min(2, len(trends)))), "idea_ids": json.dumps(ideas),
        })
    store.db["initiatives"].insert_all(rows)
    return [r["id"] for r in store.query("SELECT id FROM initiatives ORDER BY position")]


# --- stage 3: votes and decisions -----------------------------------------------------

def _votes(store: Store, scale: Scale, people: list[int], initiatives: list[int],
           rng: random.Random) -> list[int]:
    from exercises.arbitration import booth, rounds as rounds_ops
    from exercises.arbitration.booth import VoteKeys

    keys = VoteKeys()
    quality = {i: rng.random() for i in initiatives}
    made: list[int] = []
    for index in range(scale.rounds):
        method = METHODS[index % len(METHODS)]
        options = list(initiatives)
        parent = None
        if index == 5:  # a second majority judgment on the shortlist of the first one
            options = sorted(initiatives, key=quality.get, reverse=True)[:max(2, len(initiatives) // 3)]
            parent = made[-1] if made else None
        rid = rounds_ops.create_round(store, texts.QUESTIONS[index % len(texts.QUESTIONS)], method, options,
                                      VISIBILITY.get(method, "secret"), parent_round_id=parent)
        rnd = rounds_ops.require_round(store, rid)
        for pid in people:
            content = _ballot(rnd, quality, rng)
            booth.cast_ballot(store, rid, pid, content, keys.key(rid) if rnd.secret else None)
        rounds_ops.close_round(store, rid)
        rounds_ops.reveal_round(store, rid)
        made.append(rid)
    return made


def _noisy(q: float, rng: random.Random) -> float:
    return min(max(q + rng.gauss(0, 0.22), 0.0), 0.999)


def _ballot(rnd, quality: dict, rng: random.Random):
    options, cfg = list(rnd.options), rnd.config
    if rnd.method == "dot":
        ballot: dict = {}
        ranked = sorted(options, key=lambda o: _noisy(quality[o], rng), reverse=True)
        for _dot in range(cfg["budget"]):
            option = ranked[min(int(rng.expovariate(0.35)), len(ranked) - 1)]
            if ballot.get(option, 0) < (cfg.get("cap") or cfg["budget"]):
                ballot[option] = ballot.get(option, 0) + 1
        return ballot
    if rnd.method == "approval":
        return [o for o in options if _noisy(quality[o], rng) > 0.6]
    if rnd.method == "points100":
        chosen = sorted(options, key=lambda o: _noisy(quality[o], rng), reverse=True)[:rng.randint(3, 8)]
        weights = [rng.random() + 0.1 for _ in chosen]
        points = [int(100 * w / sum(weights)) for w in weights]
        points[0] += 100 - sum(points)
        return dict(zip(chosen, points))
    if rnd.method == "scoring":
        return {o: {c["key"]: 1 + int(5 * _noisy(1 - quality[o] if c.get("reversed") else quality[o], rng))
                    for c in cfg["criteria"]} for o in options}
    grades = len(cfg["grades"])
    return {o: int(grades * _noisy(quality[o], rng)) for o in options}


def _decisions(store: Store, initiatives: list[int], rounds: list[int], lang: str) -> list[tuple[int, str]]:
    from exercises.arbitration.decisions import set_decision
    from exercises.arbitration.tally import evidence_text, round_result

    basis = rounds[4] if len(rounds) > 4 else rounds[-1]
    result = round_result(store, basis)
    at = datetime.fromisoformat(f"{FIRST_DAY + timedelta(days=1)}T15:00:00").timestamp()
    go: list[tuple[int, str]] = []
    ranked = [entry.option for entry in result.tally.ranking]
    for place, option in enumerate(ranked):
        share = place / max(len(ranked), 1)
        decision = "go" if share < 0.5 else ("later" if share < 0.83 else "nogo")
        horizon = ("quick_wins", "mid_term", "long_term")[place % 3] if decision == "go" else ""
        set_decision(store, option, decision, texts.REASONS[decision], horizon, basis,
                     evidence_text(store, result, option, lang), at + place)
        if decision == "go":
            go.append((option, horizon))
    return go


# --- the roadmap and governance -----------------------------------------------------

def _roadmap(store: Store, go: list[tuple[int, str]], rng: random.Random) -> None:
    from exercises.roadmap import store_ops

    horizon = store_ops.get_horizon(store)
    starts = {"quick_wins": (0, 1), "mid_term": (2, 5), "long_term": (6, horizon - 2)}
    placed: list[tuple[int, int]] = []
    for initiative, band in go:
        low, high = starts.get(band, (0, horizon - 2))
        start = rng.randint(low, max(low, min(high, horizon - 1)))
        duration = rng.randint(1, max(1, min(4, horizon - start)))
        store_ops.place(store, initiative, start, duration)
        for k in range(rng.randint(1, 3)):
            store_ops.add_milestone(store, initiative, start + min(k, duration - 1), texts.milestone(rng, k))
        placed.append((start, initiative))
    placed.sort()
    for later in range(1, len(placed), 2):  # each second item waits for one that starts before it
        before = placed[rng.randrange(0, later)]
        if before[0] < placed[later][0]:
            store_ops.add_dependency(store, placed[later][1], before[1])


def _governance(store: Store, rounds: list[int], rng: random.Random) -> None:
    from exercises.governance import logic

    for index, choice in enumerate(logic.list_choices(store)):
        keys = [o.key for o in choice.options]
        if not keys:
            continue
        if choice.kind == "single":
            chosen = [rng.choice(keys)]
        elif choice.kind == "multi":
            chosen = rng.sample(keys, min(2, len(keys)))
        else:
            chosen = rng.sample(keys, len(keys))
        logic.choose(store, choice.key, chosen, "consensus")
        logic.set_note(store, choice.key, texts.sentence(rng, 12))
    for kpi in logic.list_kpis(store):
        logic.update_kpi(store, kpi.id, baseline=str(rng.randint(10, 60)), target=str(rng.randint(61, 90)),
                         horizon=rng.choice(("2027", "2028", "2029")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generator", description=__doc__.split("\n")[0])
    parser.add_argument("out", help="the .workshop file to create")
    parser.add_argument("--tiny", action="store_true", help="2 days, 5 participants, 50 ideas")
    parser.add_argument("--seed", type=int, default=LARGE.seed)
    args = parser.parse_args(argv)
    base = TINY if args.tiny else LARGE
    scale = Scale(**{**base.__dict__, "seed": args.seed})
    for key, value in generate(args.out, scale).items():
        print(f"{key} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
