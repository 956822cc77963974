"""Arbitration stage, Qt-free: rounds, paper votes, tallies, decisions, demo, report (ballots: test_arbitration_ballots.py)."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from exercises.arbitration import logic
from exercises.arbitration.demo import DOTS, GRADES
from exercises.arbitration.report import report_section, vote_statistics
from workshop_app import voting
from exercises.demo import demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import list_participants

from tests.exercises.arbitration_fixtures import (  # noqa: F401 - fixtures and helpers
    ROOT, _grades, _initiatives, _other_connections, _people, demo, demo_path, seminar)


# --- the core stays Qt-free ----------------------------------------------------------------

def test_logic_and_report_import_no_qt():
    code = ("import sys; import exercises.arbitration.logic, exercises.arbitration.report, "
            "exercises.arbitration.demo, exercises.arbitration.figures, exercises.arbitration.screen_state; "
            "import exercises.arbitration as a; a.EXERCISE.title('fr'); "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'matplotlib'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- rounds ---------------------------------------------------------------------------------

def test_create_round_uses_defaults_and_refuses_bad_settings(seminar):
    store, _people_ids, options = seminar
    rid = logic.create_round(store, "Which first?", "majority", options)
    rnd = logic.get_round(store, rid)
    assert rnd.visibility == "secret" and rnd.status == "open" and rnd.purpose == "arbitration"
    assert rnd.options == tuple(options)
    assert rnd.config["grades"][0] == "To reject" and rnd.config["shuffle"] is True
    scoring = logic.get_round(store, logic.create_round(store, "Score", "scoring", options))
    assert [c["key"] for c in scoring.config["criteria"]] == ["segment_fit", "customer_value", "org_impact",
                                                              "tech_effort"]
    with pytest.raises(ValidationError):
        logic.create_round(store, "  ", "majority", options)
    with pytest.raises(ValidationError, match="two options"):
        logic.create_round(store, "Q", "majority", options[:1])
    with pytest.raises(ValidationError, match="paper"):
        logic.create_round(store, "Q", "majority", options, "paper")
    with pytest.raises(ValidationError):
        logic.create_round(store, "Q", "dot", options, config={"budget": 0})
    with pytest.raises(ValidationError):
        logic.create_round(store, "Q", "borda", options)


def test_governance_rounds_use_string_options_and_labels(seminar):
    store, people, _options = seminar
    rid = logic.create_round(store, "Who steers?", "approval", ["exec", "cx_office"], "open",
                             {"labels": {"exec": "Executive committee", "cx_office": "A CX office"}},
                             purpose="governance:steering_body")
    logic.cast_ballot(store, rid, people[0], ["exec"])
    logic.cast_ballot(store, rid, people[1], ["exec", "cx_office"])
    logic.close_round(store, rid)
    tally = logic.tally_round(store, rid)
    assert tally.winners == ("exec",)
    assert logic.option_labels(store, logic.get_round(store, rid))["exec"] == "Executive committee"
    assert logic.list_rounds(store) == [] and len(logic.list_rounds(store, None)) == 1


# --- paper votes ----------------------------------------------------------------------------

def test_paper_dot_vote_stores_the_typed_totals(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Wall", "dot", options, "paper", {"budget": 3, "cap": 2})
    with pytest.raises(ValidationError, match="paper"):
        logic.cast_ballot(store, rid, people[0], {options[0]: 1})
    with pytest.raises(ValidationError, match="more than"):
        logic.set_paper_totals(store, rid, {options[0]: 40}, 12)
    previous = logic.set_paper_totals(store, rid, {options[0]: 5, options[1]: 9, options[2]: 0}, 6)
    assert previous is None
    rows = store.query("SELECT voter_id, seal, content FROM ballots WHERE round_id = ?", (rid,))
    assert len(rows) == 1 and rows[0]["voter_id"] is None
    assert json.loads(rows[0]["content"]) == {"paper_totals": {str(options[0]): 5, str(options[1]): 9}, "voters": 6}
    logic.close_round(store, rid)
    tally = logic.tally_round(store, rid)
    assert tally.winners == (options[1],) and tally.voters == 6
    assert tally.get(options[3]).score == 0


# --- tallies -------------------------------------------------------------------------------

def test_the_tally_does_not_depend_on_storage_order(seminar):
    store, people, options = seminar
    rng = random.Random(11)
    ballots = [{o: {"segment_fit": rng.randint(1, 5), "customer_value": rng.randint(1, 5),
                    "org_impact": rng.randint(1, 5), "tech_effort": rng.randint(1, 5)} for o in options}
               for _ in people]
    first = logic.create_round(store, "Q", "scoring", options)
    second = logic.create_round(store, "Q", "scoring", options)
    for pid, ballot in zip(people, ballots):
        logic.cast_ballot(store, first, pid, ballot)
    for pid, ballot in zip(people, reversed(ballots)):
        logic.cast_ballot(store, second, pid, ballot)
    logic.close_round(store, first)
    logic.close_round(store, second)
    base = logic.tally_round(store, first)
    assert logic.tally_round(store, second) == base
    stored = logic.ballot_contents(store, first)
    rnd = logic.get_round(store, first)
    for _ in range(5):
        rng.shuffle(stored)
        assert logic.count(rnd, stored) == base
    assert base == voting.tally_scoring(ballots, logic.scoring_criteria(rnd.config), options)


def test_the_majority_judgment_example_through_the_booth_storage(store):
    people = _people(store, 8)
    a, b = _initiatives(store, 2)
    grades_a = [1, 1, 1, 1, 2, 2, 4, 4]
    grades_b = [0, 1, 1, 1, 2, 4, 4, 4]
    rid = logic.create_round(store, "A or B?", "majority", [a, b],
                             config={"grades": ["reject", "poor", "fair", "good", "excellent"]})
    for pid, ga, gb in zip(people, grades_a, reversed(grades_b)):
        logic.cast_ballot(store, rid, pid, {a: ga, b: gb})
    logic.close_round(store, rid)
    tally = logic.tally_round(store, rid)
    assert [r.option for r in tally.ranking] == [b, a]
    assert [r.rank for r in tally.ranking] == [1, 2]
    assert tally.get(a).details["majority_grade"] == tally.get(b).details["majority_grade"] == 1
    assert tally.get(b).details["majority_value"][:4] == (1, 2, 1, 4)


def test_round_result_flags_dissent_and_weight_sensitivity(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    for i, pid in enumerate(people):
        split = 5 if i % 2 else 0
        logic.cast_ballot(store, rid, pid, _grades(options, [split, 3, 3, 4]))
    logic.close_round(store, rid)
    result = logic.round_result(store, rid)
    assert result.flagged == [options[0]]
    scoring = logic.create_round(store, "S", "scoring", options)
    for pid in people:
        logic.cast_ballot(store, scoring, pid, {o: {"segment_fit": 5 - i, "customer_value": 5 - i,
                                                    "org_impact": 1, "tech_effort": 1 + i}
                                                for i, o in enumerate(options)})
    logic.close_round(store, scoring)
    result = logic.round_result(store, scoring)
    assert result.sensitivity is not None and not result.sensitivity.top_changes
    assert set(result.sensitivity.stable) == set(options)
    assert logic.rank_ranges(result)[options[0]] == (1, 1)
    points = {p.option: p for p in logic.value_effort(store, result)}
    assert points[options[0]].value > points[options[3]].value
    assert points[options[0]].effort < points[options[3]].effort


# --- decisions ------------------------------------------------------------------------------

def test_decisions_need_a_reason_and_a_horizon_for_go_and_are_logged(seminar):
    store, _people_ids, options = seminar
    with pytest.raises(ValidationError, match="horizon"):
        logic.set_decision(store, options[0], "go", "Quick win", "", at=1.0)
    with pytest.raises(ValidationError):
        logic.set_decision(store, options[0], "later", "  ", at=1.0)
    with pytest.raises(ValidationError):
        logic.set_decision(store, options[0], "maybe", "why", at=1.0)
    first = logic.set_decision(store, options[0], "go", "Quick win", "quick_wins", at=1.0)
    second = logic.set_decision(store, options[0], "later", "Wait for the data", "quick_wins", at=2.0)
    decision = logic.get_decision(store, options[0])
    assert decision.decision == "later" and decision.horizon == ""  # only a Go has a horizon
    assert [e["decision"] for e in logic.decision_log(store)] == ["go", "later"]
    logic.undo_decision(store, second)
    assert logic.get_decision(store, options[0]).decision == "go"
    logic.undo_decision(store, first)
    assert logic.get_decision(store, options[0]) is None and logic.decision_log(store) == []


@pytest.mark.parametrize("quarter, horizon", [(0, "quick_wins"), (1, "quick_wins"), (2, "mid_term"),
                                              (5, "mid_term"), (6, "long_term"), (9, "long_term"),
                                              (None, "")])
def test_horizon_from_start_quarter(quarter, horizon):
    assert logic.horizon_from_quarter(quarter) == horizon


# --- the demo --------------------------------------------------------------------------------

def test_demo_has_three_rounds_that_back_its_decisions(demo):
    rounds = logic.list_rounds(demo)
    assert [(r.method, r.visibility, r.status) for r in rounds] == [
        ("majority", "secret", "revealed"), ("scoring", "secret", "revealed"), ("dot", "paper", "revealed")]
    mj, scoring, paper = rounds
    assert paper.parent_round_id == mj.id and len(paper.options) == len(DOTS)
    assert demo.scalar("SELECT count(*) FROM ballots WHERE round_id = ? AND voter_id IS NULL", (mj.id,)) == 12
    assert demo.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (scoring.id,)) == 12
    assert logic.tally_round(demo, paper.id).voters == 12
    content = demo_content()
    titles = {r["title"]: r["id"] for r in demo.query("SELECT id, title FROM initiatives")}
    decided = {titles[i["title"]["fr"]]: i for i in content["initiatives"]}
    go = {ident for ident, item in decided.items() if item["decision"] == "go"}
    for rnd in (mj, scoring):
        ranking = logic.tally_round(demo, rnd.id).ranking
        assert {r.option for r in ranking[:len(go)]} == go, rnd.method
    result = logic.round_result(demo, mj.id)
    assert len(result.flagged) == 1 and len(GRADES) == len(mj.options)
    for decision in logic.list_decisions(demo):
        item = decided[decision.initiative_id]
        assert decision.decision == item["decision"] and decision.reason == item["reason"]["fr"]
        assert decision.horizon == logic.horizon_from_quarter(item["start_quarter"] if item["decision"] == "go"
                                                              else None)
        assert decision.round_id == mj.id and decision.evidence
    assert len(logic.decision_log(demo)) == len(content["initiatives"])


def test_report_section_and_statistics(demo):
    section = report_section(demo, "fr")
    assert section is not None and section.in_short
    kinds = [type(b).__name__ for b in section.blocks]
    captions = [b.caption for b in section.blocks if type(b).__name__ == "Chart"]
    # Two rankings, the majority round's merit profile (its ranking), the value/effort matrix.
    assert kinds.count("Chart") == 4
    assert sum("Profil de mérite" in c for c in captions) == 1
    assert sum(c.startswith("Classement") and "Profil de mérite" not in c for c in captions) == 2
    tables = [b for b in section.blocks if type(b).__name__ == "Table"]
    decision_table = tables[-1] if len(tables[-1].columns) == 5 else tables[-2]
    assert len(decision_table.rows) == 9
    assert any(len(t.columns) == 3 and len(t.rows) == 4 for t in tables)  # criteria and weights
    for block in section.blocks:
        if type(block).__name__ == "Chart":
            figure = block.figure()
            assert figure.axes
    names = {p.name for p in list_participants(demo)}
    stats = vote_statistics(demo, "fr")
    text = json.dumps([getattr(b, "rows", getattr(b, "text", "")) for b in stats], ensure_ascii=False)
    assert not any(name in text for name in names)
    table = [b for b in stats if type(b).__name__ == "Table"][0]
    assert [row[5] for row in table.rows] == ["12", "12", "12"]
    assert [row[7] for row in table.rows] == ["100 %", "100 %", "–"]


def test_nothing_to_report_before_any_vote(store):
    assert report_section(store, "en") is None
    assert vote_statistics(store, "en") == []


def test_export_data_is_plain_json_without_seals(demo):
    from exercises.arbitration import EXERCISE

    data = EXERCISE.export_data(demo)
    json.dumps(data)
    assert len(data["vote_rounds"]) == 3 and len(data["decisions"]) == 9
    assert all("seal" not in row for row in data["ballots"])
