"""Governance logic on a real store: the library, settling choices, KPIs, roles, the report."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from exercises.governance import EXERCISE, logic, roles, votes
from exercises.governance.library import help_text, seed_library
from exercises.demo import demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant
from workshop_app.report import BulletList, Heading, Paragraph, Table

from .test_roadmap_support import add_initiative, demo_prerequisites

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(store):
    seed_library(store, "en")
    return store


@pytest.fixture
def people(store):
    return [add_participant(store, name) for name in ("Ann", "Bob", "Cleo", "Dan")]


def test_no_qt_outside_the_views():
    folder = ROOT / "exercises" / "governance"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not any(name.startswith(("PySide6", "ui")) for name in names), path.name


def test_seed_copies_the_library_in_the_seminars_language(tmp_path):
    from workshop_app.store import create_store

    store = create_store(tmp_path / "fr.workshop", "Séminaire", language="fr")
    seed_library(store, "fr")
    seed_library(store, "fr")  # once only
    choices = logic.list_choices(store)
    assert [c.key for c in choices][:3] == ["steering_body", "review_cadence", "shared_goal"]
    assert choices[0].question.startswith("Qui pilote la transformation de l’expérience client")
    assert choices[0].options[0].label == "Un comité exécutif CX présidé par le directeur général"
    assert {c.kind for c in choices} == {"single", "multi", "ranking"}
    kpis = logic.list_kpis(store)
    assert kpis[0].name == "Score de recommandation (NPS)" and kpis[0].unit == "points"
    assert len(kpis) == len({k.key for k in kpis}) >= 6
    assert "une heure" in help_text("listening_loops", "fr")
    store.close()


def test_toggling_follows_the_kind_of_question():
    order = ["a", "b", "c"]
    assert logic.toggled("single", ["a"], "b", order) == ["b"]
    assert logic.toggled("single", ["a"], "a", order) == []
    assert logic.toggled("multi", ["c"], "a", order) == ["a", "c"]
    assert logic.toggled("ranking", ["c"], "a", order) == ["c", "a"]
    assert logic.moved(["a", "b", "c"], "c", -1) == ["a", "c", "b"]
    assert logic.moved(["a", "b", "c"], "a", -5) == ["a", "b", "c"]
    with pytest.raises(ValidationError):
        logic.moved(["a"], "b", 1)


def test_result_from_hands():
    order = ["a", "b", "c"]
    assert logic.result_from_hands("single", order, {"a": 2, "b": 5, "c": 1}) == ["b"]
    with pytest.raises(ValidationError, match="tied"):
        logic.result_from_hands("single", order, {"a": 4, "b": 4})
    with pytest.raises(ValidationError, match="No hands"):
        logic.result_from_hands("multi", order, {})
    # multi: at least half of the voters (4 participants -> 2 hands)
    assert logic.result_from_hands("multi", order, {"a": 2, "b": 1, "c": 4}, voters=4) == ["a", "c"]
    # nobody registered: half of the highest count
    assert logic.result_from_hands("multi", order, {"a": 2, "b": 1, "c": 4}) == ["a", "c"]
    # ranking: most hands first, ties in library order, options without hands left out
    assert logic.result_from_hands("ranking", order, {"a": 1, "b": 3, "c": 1}) == ["b", "a", "c"]
    assert logic.result_from_hands("ranking", order, {"b": 3}) == ["b"]


def test_consensus_own_option_and_note(seeded):
    logic.toggle_option(seeded, "steering_body", "exec_committee")
    choice = logic.get_choice(seeded, "steering_body")
    assert choice.chosen == ("exec_committee",) and choice.settled_by == "consensus"
    key = logic.add_own_option(seeded, "steering_body", "  A board of customers  ")
    choice = logic.get_choice(seeded, "steering_body")
    assert key == "own_1" and choice.chosen == ("own_1",) and choice.options[-1].own
    assert choice.chosen_labels() == ["A board of customers"]
    with pytest.raises(ValidationError, match="already"):
        logic.add_own_option(seeded, "steering_body", "a board of customers")
    with pytest.raises(ValidationError):
        logic.add_own_option(seeded, "steering_body", "   ")
    logic.set_note(seeded, "steering_body", "Chaired by the CEO")
    assert logic.get_choice(seeded, "steering_body").note == "Chaired by the CEO"
    with pytest.raises(ValidationError, match="single"):
        logic.choose(seeded, "steering_body", ["exec_committee", "own_1"])
    with pytest.raises(ValidationError):
        logic.choose(seeded, "steering_body", ["nope"])
    logic.choose(seeded, "steering_body", [], "")
    assert not logic.get_choice(seeded, "steering_body").settled


def test_restore_choice_puts_everything_back(seeded):
    before = logic.get_choice(seeded, "carrot_incentives")
    logic.add_own_option(seeded, "carrot_incentives", "Days off")
    logic.toggle_option(seeded, "carrot_incentives", "recognition")
    logic.restore_choice(seeded, before)
    assert logic.get_choice(seeded, "carrot_incentives") == before


def test_show_of_hands(seeded, people):
    with pytest.raises(ValidationError):
        logic.set_hand_count(seeded, "review_cadence", "monthly", -1)
    with pytest.raises(ValidationError):
        logic.set_hand_count(seeded, "review_cadence", "nope", 1)
    logic.set_hand_count(seeded, "review_cadence", "monthly", 3)
    logic.set_hand_count(seeded, "review_cadence", "quarterly", 1)
    assert logic.get_hands(seeded, "review_cadence") == logic.Hands({"monthly": 3, "quarterly": 1}, False)
    assert logic.settle_by_hands(seeded, "review_cadence") == ["monthly"]
    choice = logic.get_choice(seeded, "review_cadence")
    assert choice.settled_by == "vote" and choice.chosen == ("monthly",)
    assert logic.get_hands(seeded, "review_cadence").revealed


def test_kpis(seeded):
    nps = logic.list_kpis(seeded)[0]
    logic.update_kpi(seeded, nps.id, baseline="+8", target="+30", horizon="2028")
    assert logic.get_kpi(seeded, nps.id).target == "+30"
    with pytest.raises(ValidationError):
        logic.update_kpi(seeded, nps.id, name="")
    new = logic.add_kpi(seeded, "Complaints", "per month")
    assert logic.list_kpis(seeded)[-1].id == new
    logic.restore_kpi(seeded, nps)
    assert logic.get_kpi(seeded, nps.id) == nps


def test_overload_rule():
    loads = roles.role_loads([(1, 2), (1, 3), (1, None), (2, 1), (2, 4), (4, 2), (4, 2), (None, 4)])
    assert loads[1] == roles.RoleLoad(owned=3, sponsored=1)
    assert loads[2] == roles.RoleLoad(owned=2, sponsored=3)  # load 2*2 + 3 = 7
    assert loads[4] == roles.RoleLoad(owned=2, sponsored=2)  # load 6
    flagged = roles.overloaded(loads)
    assert set(flagged) == {1, 2, 4}
    assert roles.overloaded({5: roles.RoleLoad(2, 1)}) == {}  # load 5 is the limit, not over it
    assert set(roles.overloaded(loads, max_owned=3, max_load=7)) == set()


def test_roles_marks_and_table(store, people):
    ann, bob, cleo, dan = people
    go = add_initiative(store, "Reply in one hour")
    later = add_initiative(store, "Chatbot", decision="later")
    roles.assign(store, go, ann, bob)
    roles.set_mark(store, go, cleo, "C")
    roles.set_mark(store, go, dan, "I")
    with pytest.raises(ValidationError, match="already"):
        roles.set_mark(store, go, ann, "C")
    with pytest.raises(ValidationError, match="Go"):
        roles.set_mark(store, later, cleo, "C")
    with pytest.raises(ValidationError, match="Go"):
        roles.assign(store, later, ann, bob)
    with pytest.raises(ValidationError):
        roles.set_mark(store, go, cleo, "X")
    table = roles.roles_table(store)
    initiative = table.initiatives[0]
    assert [table.cell(initiative, p) for p in people] == ["R", "A", "C", "I"]
    roles.assign(store, go, cleo, cleo)  # Cleo takes both roles: her C mark goes
    table = roles.roles_table(store)
    assert table.cell(table.initiatives[0], cleo) == "R, A"
    assert roles.get_marks(store) == {go: {dan: "I"}}


def test_report_section(store, people):
    assert EXERCISE.report_section(store, "en") is None
    seed_library(store, "en")
    assert EXERCISE.report_section(store, "en") is None
    logic.choose(store, "steering_body", ["exec_committee"])
    logic.set_note(store, "steering_body", "Chaired by Ann")
    logic.choose(store, "kpi_priorities", ["nps", "churn"])
    logic.update_kpi(store, logic.list_kpis(store)[0].id, baseline="+8", target="+30", horizon="2028")
    ids = [add_initiative(store, f"Initiative {n}") for n in range(3)]
    for iid in ids:
        roles.assign(store, iid, people[0], people[1])
    section = EXERCISE.report_section(store, "en")
    assert section.in_short and section.key == "governance"
    headings = [b.text for b in section.blocks if isinstance(b, Heading)]
    assert "Steering bodies and cadence" in headings and "Roles on the Go initiatives" in headings
    assert "Who steers the customer experience transformation?" in headings
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert "An executive CX committee chaired by the CEO" in texts
    assert any("Chaired by Ann" in t and "consensus" in t for t in texts)
    assert any("Not decided" in t for t in texts)
    bullets = [b for b in section.blocks if isinstance(b, BulletList)]
    assert ("1. Net Promoter Score (NPS)", "2. Churn rate") in [b.items for b in bullets]
    assert any("Ann: owns 3 and sponsors 0" in item for b in bullets for item in b.items)
    tables = [b for b in section.blocks if isinstance(b, Table)]
    assert tables[0].rows == (("Net Promoter Score (NPS)", "points", "+8", "+30", "2028"),)
    assert tables[1].rows[0][:3] == ("Initiative 0", "Ann", "Bob")


def test_fill_demo(store):
    demo_prerequisites(store, "en")
    EXERCISE.seed(store, "en")
    EXERCISE.fill_demo(store, demo_content(), "en")
    choices = {c.key: c for c in logic.list_choices(store)}
    for key, answer in demo_content()["governance"].items():
        assert list(choices[key].chosen) == answer["chosen"], key
        assert choices[key].note == answer["note"]["en"]
    assert choices["steering_body"].settled_by == "vote"
    assert choices["carrot_incentives"].settled_by == "consensus"
    assert logic.get_hands(store, "steering_body").counts["exec_committee"] > 6
    kpis = {k.key: k for k in logic.list_kpis(store)}
    assert (kpis["nps"].baseline, kpis["nps"].target, kpis["nps"].horizon) == ("+8", "+30", "2028")
    table = roles.roles_table(store)
    assert len(table.initiatives) == 6 and all(i.owner_id and i.sponsor_id for i in table.initiatives)
    assert table.marks  # the head of CX is consulted
    data = EXERCISE.export_data(store)
    assert data["choices"][0]["chosen"] == ["exec_committee"] and data["kpis"][0]["target"] == "+30"


@pytest.mark.skipif(not votes.available(), reason="the arbitration stage is not installed")
def test_settling_by_a_booth_round(seeded, people):
    api = votes.arbitration()
    round_id = votes.open_vote(seeded, "review_cadence", visibility="open")
    rnd = api.require_round(seeded, round_id)
    assert rnd.purpose == "governance:review_cadence" and rnd.method == "approval"
    for person, pick in zip(people, ("monthly", "monthly", "quarterly", "monthly")):
        api.cast_ballot(seeded, round_id, person, [pick])
    assert votes.latest_round(seeded, "review_cadence").id == round_id
    assert votes.close_and_settle(seeded, "review_cadence", round_id) == ["monthly"]
    choice = logic.get_choice(seeded, "review_cadence")
    assert choice.settled_by == "vote" and choice.round_id == round_id
    assert logic.get_hands(seeded, "review_cadence").counts["monthly"] == 3


@pytest.mark.skipif(not votes.available(), reason="the arbitration stage is not installed")
def test_booth_round_for_several_answers_and_a_ranking(seeded, people):
    api = votes.arbitration()
    rid = votes.open_vote(seeded, "carrot_incentives", visibility="open")
    picks = (["recognition", "team_budget"], ["recognition"], ["bonus_cx_kpi"], ["recognition", "team_budget"])
    for person, pick in zip(people, picks):
        api.cast_ballot(seeded, rid, person, pick)
    assert votes.close_and_settle(seeded, "carrot_incentives", rid) == ["recognition", "team_budget"]
    rid = votes.open_vote(seeded, "kpi_priorities", visibility="open")
    assert api.require_round(seeded, rid).method == "majority"
    options = [o.key for o in logic.get_choice(seeded, "kpi_priorities").options]
    for person in people:
        api.cast_ballot(seeded, rid, person, {o: (5 if o == "churn" else 2) for o in options})
    ranking = votes.close_and_settle(seeded, "kpi_priorities", rid)
    assert ranking[0] == "churn" and sorted(ranking) == sorted(options)
