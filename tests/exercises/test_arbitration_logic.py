"""Arbitration stage, Qt-free: rounds, secret ballots, one vote per person, tallies, decisions, demo, report."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from exercises.arbitration import logic
from exercises.arbitration.demo import DOTS, GRADES
from exercises.arbitration.report import report_section, vote_statistics
from workshop_app import voting
from workshop_app.demo import build_demo, demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant, list_participants
from workshop_app.store import open_store

ROOT = Path(__file__).resolve().parents[2]


# --- fixtures --------------------------------------------------------------------------

def _people(store, n: int) -> list[int]:
    return [add_participant(store, f"Person {i}") for i in range(n)]


def _initiatives(store, n: int) -> list[int]:
    with store.action() as db:
        return [db["initiatives"].insert({"title": f"Initiative {i}", "effort": ("S", "M", "L", "XL")[i % 4],
                                          "position": i}).last_pk
                for i in range(n)]


@pytest.fixture
def seminar(store):
    return store, _people(store, 12), _initiatives(store, 4)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    build_demo(path, "fr").close()
    return path


@pytest.fixture
def demo(demo_path, tmp_path):
    copy = tmp_path / "demo.workshop"
    source = open_store(demo_path, read_only=True)
    source.backup_to(copy)
    source.close()
    store = open_store(copy)
    yield store
    store.close()


def _other_connections(store, n: int = 2):
    """More connections to the same file (the header is written to the file by a checkpoint)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [open_store(store.path) for _ in range(n)]


def _grades(options, values):
    return {o: v for o, v in zip(options, values)}


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


# --- secrecy in storage ----------------------------------------------------------------------

def test_secret_ballots_keep_no_voter_no_time_and_random_tokens(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    keys = logic.VoteKeys()
    rng = random.Random(3)
    cast_tokens = []
    for pid in people:
        before = {r["token"] for r in store.query("SELECT token FROM ballots")}
        logic.cast_ballot(store, rid, pid, _grades(options, [rng.randrange(6) for _ in options]), keys.key(rid))
        new = {r["token"] for r in store.query("SELECT token FROM ballots")} - before
        cast_tokens.append(new.pop())
    rows = store.query("SELECT * FROM ballots WHERE round_id = ?", (rid,))
    assert len(rows) == 12 and all(r["voter_id"] is None for r in rows)
    assert cast_tokens != sorted(cast_tokens) and cast_tokens != sorted(cast_tokens, reverse=True)
    assert all(0 < t < 2 ** 63 for t in cast_tokens)
    stored_order = [r["token"] for r in store.query("SELECT token FROM ballots WHERE round_id = ?", (rid,))]
    assert stored_order == sorted(cast_tokens)  # storage follows the random key, not the casting order
    for table in ("ballots", "vote_marks"):
        columns = {r["name"] for r in store.query(f"PRAGMA table_info({table})")}
        assert not columns & {"at", "time", "created_at", "cast_at", "timestamp"}
    assert {tuple(sorted(r)) for r in store.query("SELECT * FROM vote_marks")} == {("participant_id", "round_id")}
    text = json.dumps(store.query("SELECT * FROM ballots"))
    assert str(int(clock.now())) not in text
    seals = {r["seal"] for r in rows}
    assert len(seals) == 12  # one per voter, meaningless without the key
    assert logic.seal(keys.key(rid), rid, people[0]) in seals
    assert logic.seal(logic.VoteKeys().key(rid), rid, people[0]) not in seals
    assert len(store.query("SELECT * FROM vote_marks WHERE round_id = ?", (rid,))) == 12


def _leaf_cell_offsets(path: Path, table: str) -> list[int]:
    """The cell pointers of a one-page b-tree, in key order (raw bytes of the file)."""
    import sqlite3

    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = path.read_bytes()
    start = (root - 1) * page_size
    header = start + (100 if root == 1 else 0)
    assert data[header] in (0x0D, 0x0A), "expected a single leaf page"
    count = int.from_bytes(data[header + 3:header + 5], "big")
    return [int.from_bytes(data[header + 8 + 2 * i:header + 10 + 2 * i], "big") for i in range(count)]


def test_closing_rewrites_the_file_so_no_byte_keeps_the_casting_order(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    for pid in people:
        logic.cast_ballot(store, rid, pid, [options[pid % 4]])
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Without the rewrite SQLite would keep the order of insertion in the cells' places:
    # the b-tree is in key order but the cells sit where they were appended.
    before = _leaf_cell_offsets(store.path, "ballots")
    assert before != sorted(before, reverse=True)
    logic.close_round(store, rid)
    for table in ("ballots", "vote_marks"):
        offsets = _leaf_cell_offsets(store.path, table)
        assert offsets == sorted(offsets, reverse=True), table  # laid out in key order only
    assert store.path.with_name(store.path.name + "-wal").stat().st_size == 0
    assert len(logic.ballot_contents(store, rid)) == 12


def test_open_round_records_the_voter(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "dot", options, "open", {"budget": 3, "cap": 2})
    logic.cast_ballot(store, rid, people[0], {options[0]: 2, options[1]: 1})
    assert store.query("SELECT voter_id, seal FROM ballots") == [{"voter_id": people[0], "seal": None}]


# --- one vote per participant per round ----------------------------------------------------

def test_a_second_ballot_is_refused(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    logic.cast_ballot(store, rid, people[0], [options[0]])
    with pytest.raises(ValidationError, match="already voted"):
        logic.cast_ballot(store, rid, people[0], [options[1]])
    assert logic.has_voted(store, rid, people[0]) and not logic.has_voted(store, rid, people[1])
    assert len(logic.voters_missing(store, rid)) == 11
    assert logic.progress(store, rid) == (1, 12)
    assert store.scalar("SELECT count(*) FROM ballots") == 1
    other = logic.create_round(store, "Again", "approval", options)
    logic.cast_ballot(store, other, people[0], [options[1]])  # another round is another vote


def test_two_connections_racing_for_one_person_give_one_ballot(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    stores = _other_connections(store)
    barrier = threading.Barrier(2)
    outcomes: list = []

    def vote(s, grades):
        barrier.wait()
        try:
            logic.cast_ballot(s, rid, people[0], _grades(options, grades))
            outcomes.append("cast")
        except ValidationError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=vote, args=(s, [g] * 4)) for s, g in zip(stores, (1, 5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert len(outcomes) == 2 and outcomes.count("cast") == 1
    assert "already voted" in [o for o in outcomes if o != "cast"][0]
    assert store.scalar("SELECT count(*) FROM ballots WHERE round_id = ?", (rid,)) == 1
    assert store.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (rid,)) == 1


def test_racing_different_people_both_count(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    stores = _other_connections(store)
    barrier = threading.Barrier(2)
    errors: list = []

    def vote(s, pid):
        barrier.wait()
        try:
            logic.cast_ballot(s, rid, pid, [options[0]])
        except ValidationError as error:  # pragma: no cover - would be the failure
            errors.append(error)

    threads = [threading.Thread(target=vote, args=(s, p)) for s, p in zip(stores, people[:2])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert not errors and logic.progress(store, rid)[0] == 2


def test_closed_round_takes_no_ballot_and_hides_results_while_open(seminar):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "approval", options)
    logic.cast_ballot(store, rid, people[0], [options[0]])
    with pytest.raises(ValidationError, match="hidden"):
        logic.tally_round(store, rid)
    logic.close_round(store, rid)
    with pytest.raises(ValidationError, match="closed"):
        logic.cast_ballot(store, rid, people[1], [options[0]])
    assert not logic.has_voted(store, rid, people[1])
    with pytest.raises(ValidationError):
        logic.close_round(store, rid)
    logic.reveal_round(store, rid)
    with pytest.raises(ValidationError):
        logic.reopen_round(store, rid)


def test_invalid_ballots_are_refused_before_anything_is_stored(seminar):
    store, people, options = seminar
    dot = logic.create_round(store, "Q", "dot", options, config={"budget": 3, "cap": 2})
    with pytest.raises(ValidationError, match="cannot be counted"):
        logic.cast_ballot(store, dot, people[0], {options[0]: 3})
    mj = logic.create_round(store, "Q", "majority", options)
    with pytest.raises(ValidationError, match="every option"):
        logic.cast_ballot(store, mj, people[0], {options[0]: 2})
    assert store.scalar("SELECT count(*) FROM vote_marks") == 0


# --- voiding -----------------------------------------------------------------------------------

def test_void_a_secret_ballot_while_the_app_runs_and_undo_it(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    keys = logic.VoteKeys()
    for pid, grade in zip(people[:3], (0, 3, 5)):
        logic.cast_ballot(store, rid, pid, _grades(options, [grade] * 4), keys.key(rid))
    record = logic.void_ballot(store, rid, people[1], "voted for a colleague", clock.now(), keys.known(rid))
    assert not logic.has_voted(store, rid, people[1])
    contents = logic.ballot_contents(store, rid)
    assert sorted(c[options[0]] for c in contents) == [0, 5]  # exactly that person's ballot went
    voids = logic.list_voids(store, rid)
    assert voids[0]["participant_id"] == people[1] and voids[0]["reason"] == "voted for a colleague"
    logic.undo_void(store, record)
    assert logic.has_voted(store, rid, people[1]) and logic.list_voids(store, rid) == []
    assert sorted(c[options[0]] for c in logic.ballot_contents(store, rid)) == [0, 3, 5]
    logic.void_ballot(store, rid, people[1], "again", clock.now(), keys.known(rid))
    logic.cast_ballot(store, rid, people[1], _grades(options, [4] * 4), keys.key(rid))  # may vote again


def test_after_a_restart_a_secret_ballot_cannot_be_voided(seminar, clock):
    store, people, options = seminar
    rid = logic.create_round(store, "Q", "majority", options)
    logic.cast_ballot(store, rid, people[0], _grades(options, [2] * 4), logic.VoteKeys().key(rid))
    with pytest.raises(ValidationError, match="restarted"):
        logic.void_ballot(store, rid, people[0], "mistake", clock.now(), None)
    with pytest.raises(ValidationError, match="restarted"):  # a new session has a new key
        logic.void_ballot(store, rid, people[0], "mistake", clock.now(), logic.VoteKeys().key(rid))
    with pytest.raises(ValidationError):
        logic.void_ballot(store, rid, people[0], "", clock.now(), None)
    assert logic.has_voted(store, rid, people[0])


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
    assert kinds.count("Chart") >= 5  # three rankings, the merit profile, the value/effort matrix
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
