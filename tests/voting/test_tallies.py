"""Unit tests of the voting tallies: each method, ties, empty input, refused ballots."""

from fractions import Fraction as F

import pytest

from workshop_app.voting import (
    BallotError,
    Criterion,
    RankedOption,
    Tally,
    average_weight_splits,
    compare_grades,
    criteria_from_splits,
    dissent,
    majority_grade,
    majority_value,
    normalise_criteria,
    tally_approval,
    tally_dissent,
    tally_dots,
    tally_majority_judgment,
    tally_points,
    tally_scoring,
    validate_approval,
    validate_dots,
    validate_grades,
    validate_points,
    validate_scores,
    weight_sensitivity,
)

GRADES = ["reject", "poor", "fair", "good", "excellent"]
CRITERIA = [
    {"key": "impact", "weight": 3},
    {"key": "effort", "weight": 1, "reversed": True},
]


def summary(tally: Tally):
    return [(r.option, r.rank, r.score) for r in tally.ranking]


def test_dots_totals_shares_and_competition_ranking():
    ballots = [{"a": 3, "b": 2}, {"b": 3, "c": 2}, {"a": 2, "d": 3}]
    t = tally_dots(ballots, ["a", "b", "c", "d"], budget=5, cap=3)
    assert t.method == "dots" and t.voters == 3
    assert summary(t) == [("a", 1, 5), ("b", 1, 5), ("d", 3, 3), ("c", 4, 2)]
    assert t.get("a").details["share"] == F(1, 3)
    assert t.get("c").details["supporters"] == 1
    assert t.winners == ("a", "b")


def test_dots_tie_listing_is_by_id_ints_before_strings():
    t = tally_dots([{"z": 1, 10: 1, 2: 1, "b": 1}], ["z", "b", 10, 2], budget=4)
    assert [r.option for r in t.ranking] == [2, 10, "b", "z"]
    assert {r.rank for r in t.ranking} == {1}


@pytest.mark.parametrize(
    "ballot, message",
    [
        ({"a": 4, "b": 3}, "only 5"),
        ({"a": 4}, "at most 3"),
        ({"x": 1}, "unknown option"),
        ({"a": -1}, "negative"),
        ({"a": 1.5}, "whole number"),
        ({"a": True}, "whole number"),
        (["a"], "must map"),
    ],
)
def test_dots_invalid_ballots_are_refused(ballot, message):
    with pytest.raises(BallotError, match=message):
        validate_dots(ballot, ["a", "b"], budget=5, cap=3)
    with pytest.raises(BallotError, match="Ballot 2"):
        tally_dots([{"a": 1}, ballot], ["a", "b"], budget=5, cap=3)


def test_dots_spend_all_and_ballot_error_is_value_error():
    validate_dots({"a": 2}, ["a"], budget=2, spend_all=True)
    with pytest.raises(ValueError, match="all 2 dots"):
        validate_dots({"a": 1}, ["a"], budget=2, spend_all=True)
    for bad in ({"budget": 0}, {"budget": 2, "cap": 0}, {"budget": 2.0}):
        with pytest.raises(ValueError):
            tally_dots([], ["a"], **bad)
    with pytest.raises(ValueError):
        tally_points([], ["a"], total=0)
    with pytest.raises(ValueError):
        tally_approval([], ["a"], max_approvals=-1)


def test_points_total_mean_and_share():
    t = tally_points([{1: 60, 2: 40}, {1: 30, 2: 30, 3: 40}, {3: 100}], [1, 2, 3])
    assert summary(t) == [(3, 1, 140), (1, 2, 90), (2, 3, 70)]
    assert t.get(1).details["mean"] == F(30)
    assert t.get(2).details["mean"] == F(70, 3)
    assert t.get(3).details["share"] == F(140, 300)


def test_points_must_sum_to_exactly_100():
    validate_points({"a": 100}, ["a", "b"])
    with pytest.raises(BallotError, match="add up to 99"):
        validate_points({"a": 50, "b": 49}, ["a", "b"])
    with pytest.raises(BallotError, match="add up to 101"):
        tally_points([{"a": 50, "b": 51}], ["a", "b"])
    validate_points({"a": 7, "b": 3}, ["a", "b"], total=10)


def test_approval_counts_and_shares():
    t = tally_approval([{"a", "b"}, ["b"], ("c", "b"), set()], ["a", "b", "c", "d"])
    assert summary(t) == [("b", 1, 3), ("a", 2, 1), ("c", 2, 1), ("d", 4, 0)]
    assert t.get("b").details["share"] == F(3, 4)


@pytest.mark.parametrize("ballot", [["a", "a"], "ab", {"a": 1}, ["x"], 3, [True], iter(["a"]), ["a", "b", 1]])
def test_approval_invalid_ballots(ballot):
    with pytest.raises(BallotError):
        validate_approval(ballot, ["a", "b", 1], max_approvals=2)


@pytest.mark.parametrize(
    "tally",
    [
        lambda o: tally_dots([], o, budget=5),
        lambda o: tally_points([], o),
        lambda o: tally_approval([], o),
        lambda o: tally_scoring([], CRITERIA, o),
        lambda o: tally_majority_judgment([], o, GRADES),
    ],
)
def test_no_ballots_all_rank_one_with_zero_score(tally):
    t = tally(["b", 2, "a"])
    assert t.voters == 0
    assert [(r.option, r.rank, r.score) for r in t.ranking] == [(2, 1, 0), ("a", 1, 0), ("b", 1, 0)]
    assert all(isinstance(r.score, F) for r in t.ranking)


def test_no_options_gives_empty_ranking():
    t = tally_approval([[], []], [])
    assert t.ranking == () and t.voters == 2 and t.winners == ()


def test_bad_option_lists_are_refused():
    for options in (["a", "a"], [1.5], [True], "abc"):
        with pytest.raises(ValueError):
            tally_approval([], options)


def test_scoring_weighted_mean_reversed_and_spread():
    ballots = [
        {"a": {"impact": 5, "effort": 5}, "b": {"impact": 3, "effort": 1}},
        {"a": {"impact": 4, "effort": 3}, "b": {"impact": 3, "effort": 2}},
    ]
    t = tally_scoring(ballots, CRITERIA, ["a", "b"])
    # a: voter1 3/4*5 + 1/4*1 = 4, voter2 3/4*4 + 1/4*3 = 15/4 -> mean 31/8
    # b: voter1 3/4*3 + 1/4*5 = 7/2, voter2 3/4*3 + 1/4*4 = 13/4 -> mean 27/8
    assert summary(t) == [("a", 1, F(31, 8)), ("b", 2, F(27, 8))]
    a = t.get("a").details
    assert a["criterion_means"] == {"impact": F(9, 2), "effort": F(4)}
    assert a["spread"] == F(1, 4) and a["voters"] == 2
    assert a["values"] == (F(15, 4), F(4))


def test_scoring_abstention_and_unscored_option():
    ballots = [{"a": {"impact": 2, "effort": 3}}, {}]
    t = tally_scoring(ballots, CRITERIA, ["a", "b"])
    assert t.voters == 2
    assert t.get("a").details["voters"] == 1 and t.get("a").score == F(9, 4)
    assert t.get("b").score == 0 and t.get("b").rank == 2


def test_scoring_ties_share_rank():
    ballots = [{"a": {"impact": 3, "effort": 3}, "b": {"impact": 3, "effort": 3}, "c": {"impact": 1, "effort": 5}}]
    assert summary(tally_scoring(ballots, CRITERIA, ["c", "b", "a"])) == [
        ("a", 1, 3), ("b", 1, 3), ("c", 3, 1)]


@pytest.mark.parametrize(
    "ballot, message",
    [
        ({"a": {"impact": 6, "effort": 1}}, "from 1 to 5"),
        ({"a": {"impact": 0, "effort": 1}}, "from 1 to 5"),
        ({"a": {"impact": 3}}, "no score for criterion 'effort'"),
        ({"a": {"impact": 3, "effort": 3, "fun": 1}}, "unknown criterion"),
        ({"a": 3}, "must map criteria"),
        ({"zz": {"impact": 3, "effort": 3}}, "unknown option"),
    ],
)
def test_scoring_invalid_ballots(ballot, message):
    with pytest.raises(BallotError, match=message):
        validate_scores(ballot, ["a"], CRITERIA)


def test_criteria_normalisation():
    crits = normalise_criteria([Criterion("x", 0.2), {"key": "y", "weight": F(3, 10), "reversed": True}])
    assert [(c.key, c.weight, c.reversed) for c in crits] == [("x", F(2, 5), False), ("y", F(3, 5), True)]
    for bad in ([], [{"key": "x", "weight": 0}], [{"key": "x", "weight": -1}],
                [{"key": "x"}, {"key": "x"}], [{"key": "x", "reverse": True}]):
        with pytest.raises(ValueError):
            normalise_criteria(bad)


def test_weight_splits_average():
    splits = [{"impact": 70, "effort": 30}, {"impact": 50, "effort": 50}, {"impact": 100}]
    assert average_weight_splits(splits, ["impact", "effort"]) == {"impact": F(220, 3), "effort": F(80, 3)}
    crits = criteria_from_splits(CRITERIA, splits)
    assert [(c.key, c.weight, c.reversed) for c in crits] == [("impact", F(11, 15), False), ("effort", F(4, 15), True)]
    with pytest.raises(BallotError, match="Ballot 1: The points add up to 90"):
        average_weight_splits([{"impact": 90}], ["impact", "effort"])
    with pytest.raises(ValueError):
        average_weight_splits([], ["impact"])


def test_weight_sensitivity_stable_and_top_change():
    crits = [{"key": "impact", "weight": 1}, {"key": "ease", "weight": 1}]
    ballots = [{"a": {"impact": 5, "ease": 1}, "b": {"impact": 1, "ease": 4}, "c": {"impact": 1, "ease": 1}}]
    s = weight_sensitivity(ballots, crits, ["a", "b", "c"])
    assert s.base.winners == ("a",)  # a: 3, b: 5/2
    assert [(v.criterion, v.factor) for v in s.variants] == [
        ("impact", F(6, 5)), ("impact", F(4, 5)), ("ease", F(6, 5)), ("ease", F(4, 5))]
    # impact x 4/5: a = (4*5 + 5*1)/9 = 25/9, b = (4 + 20)/9 = 24/9 -> a still first
    assert not s.top_changes and s.stable == ("a", "b", "c") and s.moved == ()
    s2 = weight_sensitivity(ballots, crits, ["a", "b", "c"], delta=0.5)
    # impact x 1/2: a = (5/2 + 1)/(3/2) = 7/3, b = (1/2 + 4)/(3/2) = 3 -> b first
    assert s2.top_changes and s2.stable == ("c",) and s2.moved == ("a", "b")
    assert [v.top_changed for v in s2.variants] == [False, True, True, False]
    with pytest.raises(ValueError):
        weight_sensitivity(ballots, crits, ["a"], delta=1)


def test_mj_issue_case_b_ranks_above_a():
    a = [1, 1, 1, 1, 2, 2, 4, 4]
    b = [0, 1, 1, 1, 2, 4, 4, 4]
    ballots = [{"A": x, "B": GRADES[y]} for x, y in zip(a, b)]
    t = tally_majority_judgment(ballots, ["A", "B"], GRADES)
    assert summary(t) == [("B", 1, 1), ("A", 2, 1)]
    assert t.get("A").details["majority_grade_name"] == "poor"
    assert t.get("A").details["profile"] == (0, 4, 2, 0, 2)
    assert t.get("B").details["profile"] == (1, 3, 1, 0, 3)
    assert compare_grades(b, a) == 1 and compare_grades(a, b) == -1
    assert majority_value(a) == (1, 2, 1, 2, 1, 4, 1, 4)
    assert majority_value(b) == (1, 2, 1, 4, 1, 4, 0, 4)


def test_mj_lower_median_missing_is_lowest_and_equal_profiles_tie():
    assert majority_grade([0, 1, 3, 4]) == 1 and majority_grade([2]) == 2 and majority_grade([]) is None
    ballots = [{"x": 3, "y": 1}, {"x": 1, "y": 3}, {"z": 4}]
    t = tally_majority_judgment(ballots, ["z", "y", "x"], GRADES)
    assert summary(t) == [("x", 1, 1), ("y", 1, 1), ("z", 3, 0)]
    assert t.get("z").details["profile"] == (2, 0, 0, 0, 1)
    assert t.get("x").details["above"] == F(1, 3) and t.get("x").details["below"] == F(1, 3)
    assert compare_grades([1, 3], [3, 1]) == 0


def test_mj_invalid_ballots_and_scale():
    validate_grades({"a": "good", "b": 0}, ["a", "b"], GRADES)
    for ballot in ({"a": 5}, {"a": "great"}, {"a": -1}, {"a": 2.0}, {"q": 1}):
        with pytest.raises(BallotError):
            validate_grades(ballot, ["a", "b"], GRADES)
    for scale in (["only"], ["a", "a"], "abc", [1, 2]):
        with pytest.raises(ValueError):
            tally_majority_judgment([], ["a"], scale)
    with pytest.raises(ValueError):
        compare_grades([1], [1, 2])


def test_dissent_measures_exact():
    values = [1, 2, 4, 5]
    assert dissent(values, 1, "iqr").value == F(17, 4) - F(7, 4)  # Q3 = 4.25, Q1 = 1.75
    assert dissent(values, 1, "range").value == 4
    d = dissent(values, F(3, 2), "stdev")
    assert d.value == pytest.approx(1.5811, abs=1e-4) and d.flagged
    assert not dissent([1, 2], F(1, 2), "stdev").flagged  # stdev exactly 1/2: not above
    assert dissent([3], 0, "iqr") == dissent([3], 0, "iqr") and not dissent([3], 0).flagged
    assert dissent([], 0).value == 0 and not dissent([], 0).flagged
    with pytest.raises(ValueError):
        dissent([1], 1, "mean")


def test_dissent_far_from_majority_and_tally_dissent():
    t = tally_majority_judgment([{"a": g} for g in [0, 2, 2, 4, 3]], ["a"], GRADES)
    d = tally_dissent(t, 0.25)["a"]
    assert (d.measure, d.value, d.flagged, d.voters) == ("far", F(2, 5), True, 5)
    s = tally_scoring([{"a": {"impact": 1, "effort": 5}}, {"a": {"impact": 5, "effort": 1}}], CRITERIA, ["a"])
    d = tally_dissent(s, 1)["a"]
    assert (d.measure, d.value, d.flagged) == ("iqr", F(2), True)
    with pytest.raises(ValueError):
        tally_dissent(tally_approval([], ["a"]), 1)


def test_results_are_frozen_and_hashable():
    r = RankedOption("a", 1, F(1), {"x": 1})
    with pytest.raises(AttributeError):
        r.rank = 2
    t = Tally("dots", (r,), 1)
    assert hash(t) == hash(Tally("dots", (RankedOption("a", 1, F(1), {}),), 1))
    with pytest.raises(KeyError):
        t.get("b")
