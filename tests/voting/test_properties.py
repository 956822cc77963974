"""Property-based tests (hypothesis): order independence, monotonicity, exactness."""

from collections import Counter
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.voting import (
    compare_grades,
    majority_grade,
    majority_value,
    option_key,
    tally_approval,
    tally_dissent,
    tally_dots,
    tally_majority_judgment,
    tally_points,
    tally_scoring,
    weight_sensitivity,
)

FAST = settings(max_examples=100, deadline=None)
GRADES = ["reject", "poor", "fair", "good", "very good", "excellent"]
BUDGET = 5

option_ids = st.lists(
    st.one_of(st.integers(-3, 40), st.text("abxyz", min_size=1, max_size=3)),
    min_size=1, max_size=5, unique=True,
)


@st.composite
def dots_case(draw):
    opts = draw(option_ids)
    ballot = st.lists(st.sampled_from(opts), max_size=BUDGET).map(lambda xs: dict(Counter(xs)))
    return opts, draw(st.lists(ballot, max_size=8))


@st.composite
def points_ballot(draw, opts, total=100):
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(opts) - 1, max_size=len(opts) - 1)))
    edges = [0] + cuts + [total]
    return {o: edges[i + 1] - edges[i] for i, o in enumerate(opts)}


@st.composite
def points_case(draw):
    opts = draw(option_ids)
    return opts, draw(st.lists(points_ballot(opts), max_size=8))


@st.composite
def approval_case(draw):
    opts = draw(option_ids)
    return opts, draw(st.lists(st.sets(st.sampled_from(opts)), max_size=8))


@st.composite
def scoring_case(draw):
    opts = draw(option_ids)
    n = draw(st.integers(1, 3))
    weights = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n).filter(any))
    criteria = [
        {"key": f"c{i}", "weight": w, "reversed": draw(st.booleans())} for i, w in enumerate(weights)
    ]
    row = st.fixed_dictionaries({c["key"]: st.integers(1, 5) for c in criteria})
    ballot = st.dictionaries(st.sampled_from(opts), row)
    return opts, criteria, draw(st.lists(ballot, max_size=7))


@st.composite
def mj_case(draw):
    opts = draw(option_ids)
    ballot = st.dictionaries(st.sampled_from(opts), st.integers(0, len(GRADES) - 1))
    return opts, draw(st.lists(ballot, max_size=9))


def check_ranking(tally, key=lambda r: r.score):
    """Best first, competition ranks (1, 2, 2, 4), ties listed by id, exact Fraction scores."""
    ranking = tally.ranking
    for i, r in enumerate(ranking):
        assert isinstance(r.score, Fraction)
        assert r.rank == 1 + sum(1 for o in ranking if key(o) > key(r))
        if i and ranking[i - 1].rank == r.rank:
            assert option_key(ranking[i - 1].option) < option_key(r.option)
        if i:
            assert ranking[i - 1].score >= r.score


# --- order independence -------------------------------------------------------

@FAST
@given(dots_case(), st.data())
def test_dots_order_independent(case, data):
    opts, ballots = case
    t = tally_dots(ballots, opts, budget=BUDGET)
    assert tally_dots(data.draw(st.permutations(ballots)), opts, budget=BUDGET) == t
    assert tally_dots(ballots, list(reversed(opts)), budget=BUDGET) == t
    check_ranking(t)


@FAST
@given(points_case(), st.data())
def test_points_order_independent(case, data):
    opts, ballots = case
    t = tally_points(ballots, opts)
    assert tally_points(data.draw(st.permutations(ballots)), opts) == t
    check_ranking(t)
    assert all(isinstance(r.details["mean"], Fraction) for r in t.ranking)


@FAST
@given(approval_case(), st.data())
def test_approval_order_independent(case, data):
    opts, ballots = case
    t = tally_approval(ballots, opts)
    shuffled = [sorted(b, key=str) for b in data.draw(st.permutations(ballots))]
    assert tally_approval(shuffled, opts) == t
    check_ranking(t)


@FAST
@given(scoring_case(), st.data())
def test_scoring_order_independent(case, data):
    opts, criteria, ballots = case
    t = tally_scoring(ballots, criteria, opts)
    shuffled = data.draw(st.permutations(ballots))
    assert tally_scoring(shuffled, criteria, opts) == t
    assert tally_dissent(tally_scoring(shuffled, criteria, opts), 1) == tally_dissent(t, 1)
    check_ranking(t)
    for r in t.ranking:
        assert r.score == 0 or 1 <= r.score <= 5
        assert all(isinstance(m, Fraction) for m in r.details["criterion_means"].values())


@settings(max_examples=30, deadline=None)
@given(scoring_case(), st.data())
def test_sensitivity_order_independent(case, data):
    opts, criteria, ballots = case
    s = weight_sensitivity(ballots, criteria, opts)
    assert weight_sensitivity(data.draw(st.permutations(ballots)), criteria, opts) == s
    assert len(s.variants) == 2 * len(criteria)


@FAST
@given(mj_case(), st.data())
def test_mj_order_independent(case, data):
    opts, ballots = case
    t = tally_majority_judgment(ballots, opts, GRADES)
    assert tally_majority_judgment(data.draw(st.permutations(ballots)), opts, GRADES) == t
    check_ranking(t, key=lambda r: r.details["majority_value"])


# --- more support never lowers the score --------------------------------------

@FAST
@given(dots_case(), st.data())
def test_dots_more_support(case, data):
    opts, ballots = case
    x = data.draw(st.sampled_from(opts))
    before = tally_dots(ballots, opts, budget=BUDGET).get(x)
    after = tally_dots(ballots + [{x: data.draw(st.integers(1, BUDGET))}], opts, budget=BUDGET).get(x)
    assert after.score > before.score and after.rank <= before.rank


@FAST
@given(points_case(), st.data())
def test_points_more_support(case, data):
    opts, ballots = case
    x = data.draw(st.sampled_from(opts))
    before = tally_points(ballots, opts).get(x)
    after = tally_points(ballots + [{x: 100}], opts).get(x)
    assert after.score > before.score and after.rank <= before.rank


@FAST
@given(approval_case(), st.data())
def test_approval_more_support(case, data):
    opts, ballots = case
    x = data.draw(st.sampled_from(opts))
    before = tally_approval(ballots, opts).get(x)
    after = tally_approval(ballots + [{x}], opts).get(x)
    assert after.score == before.score + 1 and after.rank <= before.rank


@FAST
@given(scoring_case(), st.data())
def test_scoring_more_support(case, data):
    opts, criteria, ballots = case
    x = data.draw(st.sampled_from(opts))
    best = {c["key"]: (1 if c["reversed"] else 5) for c in criteria}
    before = tally_scoring(ballots, criteria, opts).get(x)
    after = tally_scoring(ballots + [{x: best}], criteria, opts).get(x)
    assert after.score >= before.score


@FAST
@given(scoring_case(), st.data())
def test_scoring_raising_one_score_never_lowers(case, data):
    opts, criteria, ballots = case
    scored = [(i, o) for i, b in enumerate(ballots) for o in b]
    if not scored:
        return
    i, x = data.draw(st.sampled_from(scored))
    c = data.draw(st.sampled_from(criteria))
    better = dict(ballots[i][x])
    better[c["key"]] = max(better[c["key"]] - 1, 1) if c["reversed"] else min(better[c["key"]] + 1, 5)
    changed = ballots[:i] + [{**ballots[i], x: better}] + ballots[i + 1:]
    assert tally_scoring(changed, criteria, opts).get(x).score >= tally_scoring(ballots, criteria, opts).get(x).score


@FAST
@given(mj_case(), st.data())
def test_mj_more_support(case, data):
    opts, ballots = case
    x = data.draw(st.sampled_from(opts))
    top = len(GRADES) - 1
    before = tally_majority_judgment(ballots, opts, GRADES).get(x)
    after = tally_majority_judgment(ballots + [{x: top}], opts, GRADES).get(x)
    assert after.score >= before.score


@FAST
@given(st.lists(st.integers(0, 5), min_size=1, max_size=9), st.data())
def test_mj_raising_a_grade_never_hurts(grades, data):
    other = data.draw(st.lists(st.integers(0, 5), min_size=len(grades), max_size=len(grades)))
    i = data.draw(st.integers(0, len(grades) - 1))
    better = grades[:i] + [min(grades[i] + data.draw(st.integers(1, 3)), 5)] + grades[i + 1:]
    assert compare_grades(better, other) >= compare_grades(grades, other)
    assert majority_grade(better) >= majority_grade(grades)


# --- majority judgment internals ----------------------------------------------

@FAST
@given(mj_case())
def test_mj_majority_grade_between_min_and_max(case):
    opts, ballots = case
    t = tally_majority_judgment(ballots, opts, GRADES)
    for r in t.ranking:
        values = r.details["values"]
        if values:
            assert min(values) <= r.details["majority_grade"] <= max(values)
            assert r.score == r.details["majority_grade"]
            assert sum(r.details["profile"]) == t.voters
            assert r.details["above"] + r.details["below"] < 1


@FAST
@given(st.lists(st.integers(0, 4), max_size=10), st.data())
def test_mj_compare_is_lexicographic_majority_value(a, data):
    b = data.draw(st.lists(st.integers(0, 4), min_size=len(a), max_size=len(a)))
    va, vb = majority_value(a), majority_value(b)
    assert compare_grades(a, b) == (va > vb) - (va < vb) == -compare_grades(b, a)
    assert (compare_grades(a, b) == 0) == (sorted(a) == sorted(b))
    assert sorted(va) == sorted(a)


@FAST
@given(scoring_case(), st.integers(1, 7))
def test_scoring_scaling_all_weights_changes_nothing(case, k):
    opts, criteria, ballots = case
    scaled = [{**c, "weight": c["weight"] * k} for c in criteria]
    assert tally_scoring(ballots, scaled, opts) == tally_scoring(ballots, criteria, opts)


@FAST
@given(scoring_case())
def test_scoring_matches_fraction_arithmetic_term_by_term(case):
    """The integer shortcut gives exactly what the definition gives with Fractions."""
    opts, criteria, ballots = case
    total_weight = sum(c["weight"] for c in criteria)
    tally = tally_scoring(ballots, criteria, opts)
    for option in opts:
        values = sorted(
            sum((Fraction(c["weight"], total_weight) * (6 - s[c["key"]] if c["reversed"] else s[c["key"]])
                 for c in criteria), Fraction(0))
            for s in (b[option] for b in ballots if option in b))
        entry = tally.get(option)
        assert entry.details["values"] == tuple(values)
        assert entry.score == (sum(values, Fraction(0)) / len(values) if values else 0)
        assert entry.details["spread"] == (values[-1] - values[0] if values else 0)
