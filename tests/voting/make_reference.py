"""Make tests/voting/fixtures/reference.json with pref_voting (run offline, by hand).

Not part of the app or the test run: the project does not depend on pref_voting.
Run it in a throwaway virtualenv outside the repo:

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install pref_voting
    /tmp/refvenv/bin/python tests/voting/make_reference.py

It draws profiles with a fixed seed, computes winners and scores with pref_voting's
grade methods (and numpy for quantiles / standard deviation), and writes plain JSON
that tests/voting/test_reference.py compares our tallies with. Ballots are stored as
lists of ``[option, value]`` pairs so that int option ids survive JSON.
"""

from __future__ import annotations

import json
import platform
import random
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from pref_voting.grade_methods import approval, cumulative_voting, majority_judgement, score_voting
from pref_voting.grade_profiles import GradeProfile

SEED = 20240611
OUT = Path(__file__).with_name("fixtures") / "reference.json"
MJ_GRADES = ["reject", "poor", "fair", "good", "very good"]


def option_ids(rng: random.Random) -> list:
    n = rng.randint(2, 5)
    if rng.random() < 0.5:
        return sorted(rng.sample(range(1, 30), n))
    return sorted(rng.sample(["alpha", "beta", "gamma", "delta", "omega", "zeta"], n))


def pairs(mapping: dict) -> list:
    return [[k, v] for k, v in mapping.items()]


def winners(ws) -> list:
    return [w if isinstance(w, str) else int(w) for w in ws]


def approval_case(rng: random.Random) -> dict:
    opts = option_ids(rng)
    ballots = [sorted(o for o in opts if rng.random() < 0.45) for _ in range(rng.randint(1, 12))]
    gp = GradeProfile([{o: int(o in b) for o in opts} for b in ballots], [0, 1], candidates=opts)
    scores = gp.approval_scores()
    return {"method": "approval", "options": opts, "ballots": ballots,
            "winners": winners(approval(gp)), "scores": pairs({o: int(scores[o]) for o in opts})}


def split_ballot(rng: random.Random, opts: list, total: int) -> dict:
    cuts = sorted(rng.randint(0, total) for _ in range(len(opts) - 1))
    edges = [0] + cuts + [total]
    return {o: edges[i + 1] - edges[i] for i, o in enumerate(opts)}


def cumulative_case(rng: random.Random, method: str, total: int) -> dict:
    opts = option_ids(rng)
    ballots = [split_ballot(rng, opts, total) for _ in range(rng.randint(1, 10))]
    gp = GradeProfile(ballots, list(range(total + 1)), candidates=opts)
    return {"method": method, "options": opts, "total": total,
            "ballots": [pairs({o: v for o, v in b.items() if v}) for b in ballots],
            "winners": winners(cumulative_voting(gp, max_total_grades=total)),
            "scores": pairs({o: int(gp.sum(o)) for o in opts}),
            "means": pairs({o: float(gp.avg(o)) for o in opts})}


def scoring_case(rng: random.Random) -> dict:
    opts = option_ids(rng)
    criteria = [{"key": k, "weight": rng.randint(1, 5), "reversed": rev}
                for k, rev in (("impact", False), ("reach", False), ("effort", True))[: rng.randint(1, 3)]]
    ballots = []
    for _ in range(rng.randint(2, 9)):
        ballots.append({o: {c["key"]: rng.randint(1, 5) for c in criteria}
                        for o in opts if rng.random() < 0.85})
    # One grade profile per criterion (raw 1..5 scores; an abstention leaves the option ungraded).
    crit_means = {}
    for c in criteria:
        gp = GradeProfile([{o: s[c["key"]] for o, s in b.items()} for b in ballots], [1, 2, 3, 4, 5],
                          candidates=opts)
        crit_means[c["key"]] = {o: float(gp.avg(o)) for o in opts if gp.has_grade(o)}
    # Combined profile: each voter's weighted score times the total weight W is a whole
    # number from W to 5W, so pref_voting's mean-score voting finds the exact winners.
    big_w = sum(c["weight"] for c in criteria)
    combined = [{o: sum(c["weight"] * (6 - s[c["key"]] if c["reversed"] else s[c["key"]]) for c in criteria)
                 for o, s in b.items()} for b in ballots]
    gp = GradeProfile(combined, list(range(big_w, 5 * big_w + 1)), candidates=opts)
    graded = [o for o in opts if gp.has_grade(o)]
    values = {o: [v[o] / big_w for v in combined if o in v] for o in graded}
    return {"method": "scoring", "options": opts, "criteria": criteria,
            "ballots": [pairs(b) for b in ballots],
            "winners": winners(score_voting(gp, evaluation_method="mean")),
            "scores": pairs({o: float(gp.avg(o)) / big_w for o in graded}),
            "criterion_means": {k: pairs(m) for k, m in crit_means.items()},
            "iqr": pairs({o: float(np.subtract(*np.percentile(values[o], [75, 25]))) for o in graded}),
            "stdev": pairs({o: float(np.std(values[o])) for o in graded})}


def mj_case(rng: random.Random, ballots=None, opts=None) -> dict:
    k = len(MJ_GRADES)
    if ballots is None:
        opts = option_ids(rng)
        ballots = [{o: rng.randint(0, k - 1) for o in opts if rng.random() < 0.9}
                   for _ in range(rng.randint(1, 12))]
    # Our rule: an option missing from a ballot has the lowest grade; pref_voting gets it explicitly.
    gp = GradeProfile([{o: b.get(o, 0) for o in opts} for b in ballots], list(range(k)), candidates=opts)
    medians = {o: int(gp.median(o)) for o in opts}
    return {"method": "majority_judgment", "options": opts, "grades": MJ_GRADES,
            "ballots": [pairs(b) for b in ballots],
            "winners": winners(majority_judgement(gp)),
            "majority_grades": pairs(medians),
            "above": pairs({o: float(gp.proportion_with_higher_grade(o, medians[o])) for o in opts}),
            "below": pairs({o: float(gp.proportion_with_lower_grade(o, medians[o])) for o in opts})}


def issue_case() -> dict:
    a = [1, 1, 1, 1, 2, 2, 4, 4]
    b = [0, 1, 1, 1, 2, 4, 4, 4]
    case = mj_case(None, [{"A": x, "B": y} for x, y in zip(a, b)], ["A", "B"])
    case["name"] = "issue A/B (pref_voting ties them; successive removal ranks B first)"
    return case


def main() -> None:
    rng = random.Random(SEED)
    cases = []
    for _ in range(4):
        cases.append(approval_case(rng))
        cases.append(cumulative_case(rng, "dots", rng.randint(3, 10)))
        cases.append(cumulative_case(rng, "points", 100))
        cases.append(scoring_case(rng))
        cases.append(mj_case(rng))
    cases.append(issue_case())
    for i, case in enumerate(cases):
        case.setdefault("name", f"{case['method']} #{i + 1}")
    doc = {
        "generator": "tests/voting/make_reference.py",
        "seed": SEED,
        "python": platform.python_version(),
        "pref_voting": version("pref_voting"),
        "numpy": version("numpy"),
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # One case per line keeps the file short and its diffs readable.
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, indent=1)[:-2]
    body = ",\n".join("  " + json.dumps(case) for case in cases)
    OUT.write_text(head + ',\n "cases": [\n' + body + "\n ]\n}\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
