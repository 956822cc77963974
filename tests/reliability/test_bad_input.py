"""Bad input, property-based: every text field of the core and its exercises.

Each field receives empty, huge (1 MB), control-character, emoji, right-to-left and
SQL-looking strings (plus whatever hypothesis invents, lone surrogates included). It is
stored and read back exactly (outer spaces aside: ``clean_text`` trims them), or
refused with a ``ValidationError`` whose sentence names the field, leaving the stored
data as it was. Nothing else may be raised. Out-of-range durations, dates, times and
counts are refused the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.arbitration import logic as arbitration
from exercises.governance import logic as governance
from exercises.governance.library import seed_library
from exercises.ideation import initiatives, logic as ideation
from exercises.journey import logic as journey
from exercises.roadmap import store_ops as roadmap
from exercises.trends import store_ops as trends
from workshop_app import agenda, participants
from workshop_app.domain import BlockStep, ValidationError
from workshop_app.seminar import get_ambition, get_seminar, set_ambition, update_seminar
from workshop_app.store import create_store

from .killing import dump

from .hostile import MB, SETTINGS, TEXTS


@dataclass(frozen=True)
class Field:
    name: str
    tables: tuple[str, ...]  # what a refusal must leave unchanged
    setup: Callable[[Any], Any]  # store -> context
    write: Callable[[Any, Any, str], Any]  # store, context, text -> handle
    read: Callable[[Any, Any, Any], str]  # store, context, handle -> stored text


def _seminar_field(key: str) -> Field:
    return Field(f"seminar.{key}", ("seminar",), lambda s: None,
                 lambda s, c, t: update_seminar(s, **{key: t}), lambda s, c, h: getattr(get_seminar(s), key))


def _participant_field(key: str) -> Field:
    def write(s, pid, text):
        p = participants.get_participant(s, pid)
        values = {"name": p.name, "function": p.function, "email": p.email, key: text}
        participants.update_participant(s, pid, **values)

    return Field(f"participant.{key}", ("participants",), lambda s: participants.add_participant(s, "Ann"),
                 write, lambda s, pid, h: getattr(participants.get_participant(s, pid), key))


def _block_setup(s):
    day = agenda.add_day(s, "2026-12-03")
    return agenda.add_block(s, day, "Block", steps=(BlockStep("Step", 10),))


def _block_field(key: str) -> Field:
    def write(s, bid, text):
        b = agenda.get_block(s, bid)
        values = {"title": b.title, "instructions": b.instructions, "notes": b.notes, key: text}
        agenda.update_block(s, bid, kind=b.kind, planned_minutes=b.planned_minutes, **values)

    return Field(f"block.{key}", ("blocks",), _block_setup, write,
                 lambda s, bid, h: getattr(agenda.get_block(s, bid), key))


def _step_field() -> Field:
    def write(s, bid, text):
        b = agenda.get_block(s, bid)
        agenda.update_block(s, bid, b.title, b.kind, b.planned_minutes, steps=(BlockStep(text, 10),))

    return Field("block.step", ("blocks", "block_steps"), _block_setup, write,
                 lambda s, bid, h: agenda.get_block(s, bid).steps[0].title)


def _trend_field(key: str) -> Field:
    def write(s, tid, text):
        t = trends.get_trend(s, tid)
        values = {"title": t.title, "description": t.description, "example": t.example, key: text}
        trends.update_trend(s, tid, **values)

    return Field(f"trend.{key}", ("trends",), lambda s: trends.add_trend(s, "Trend"), write,
                 lambda s, tid, h: getattr(trends.get_trend(s, tid), key))


def _initiative_field(key: str) -> Field:
    return Field(f"initiative.{key}", ("initiatives",), lambda s: initiatives.create_initiative(s, title="Init"),
                 lambda s, iid, t: initiatives.update_initiative(s, iid, **{key: t}),
                 lambda s, iid, h: getattr(initiatives.get_initiative(s, iid), key))


def _kpi_field(key: str) -> Field:
    def setup(s):
        seed_library(s, "en")
        return governance.list_kpis(s)[0].id

    return Field(f"kpi.{key}", ("kpis",), setup, lambda s, kid, t: governance.update_kpi(s, kid, **{key: t}),
                 lambda s, kid, h: getattr(governance.get_kpi(s, kid), key))


def _first_choice(s):
    seed_library(s, "en")
    return governance.list_choices(s)[0].key


def _milestone_setup(s):
    iid = initiatives.create_initiative(s, title="Go initiative")
    arbitration.set_decision(s, iid, "go", "Because", horizon="quick_wins")
    roadmap.place(s, iid, 0, 2)
    return roadmap.add_milestone(s, iid, 0, "Milestone")


def _decision_field(key: str) -> Field:
    def write(s, iid, text):
        values = {"reason": "Because", "evidence": "", key: text}
        arbitration.set_decision(s, iid, "later", **values)

    def read(s, iid, h):
        return getattr(arbitration.get_decision(s, iid), key)

    return Field(f"decision.{key}", ("decisions", "decision_log"),
                 lambda s: initiatives.create_initiative(s, title="Init"), write, read)


def _void_setup(s):
    pid = participants.add_participant(s, "Ann")
    return pid, arbitration.create_round(s, "Q", "approval", ["a", "b"], "open", purpose="governance:x")


def _void(s, context, text):
    pid, rid = context
    if not arbitration.has_voted(s, rid, pid):
        arbitration.cast_ballot(s, rid, pid, ["a"])
    return arbitration.void_ballot(s, rid, pid, text, at=0.0)


FIELDS = [
    *(_seminar_field(k) for k in ("title", "organisation", "summary", "confidentiality")),
    Field("seminar.ambition", ("exercise_data",), lambda s: None, lambda s, c, t: set_ambition(s, t),
          lambda s, c, h: get_ambition(s)),
    *(_participant_field(k) for k in ("name", "function", "email")),
    *(_block_field(k) for k in ("title", "instructions", "notes")),
    _step_field(),
    *(_trend_field(k) for k in ("title", "description", "example")),
    Field("trend.implication", ("trends",), lambda s: trends.add_trend(s, "Trend"),
          lambda s, tid, t: trends.set_implication(s, tid, t),
          lambda s, tid, h: trends.get_trend(s, tid).implication),
    Field("segment.name", ("segments",), lambda s: trends.add_segment(s, "Segment"),
          lambda s, sid, t: trends.rename_segment(s, sid, t),
          lambda s, sid, h: next(r["name"] for r in trends.list_segments(s) if r["id"] == sid)),
    Field("idea.text", ("ideas",), lambda s: ideation.add_idea(s, "Idea"),
          lambda s, iid, t: ideation.update_idea(s, iid, t), lambda s, iid, h: ideation.get_idea(s, iid).text),
    Field("axis.name", ("axes",), lambda s: ideation.add_axis(s, "Axis"),
          lambda s, aid, t: ideation.update_axis(s, aid, name=t), lambda s, aid, h: ideation.get_axis(s, aid).name),
    Field("axis.ambition", ("axes",), lambda s: ideation.add_axis(s, "Axis"),
          lambda s, aid, t: ideation.update_axis(s, aid, ambition=t),
          lambda s, aid, h: ideation.get_axis(s, aid).ambition),
    Field("idea_round.prompt", ("idea_rounds",), lambda s: ideation.open_round(s, "Prompt"),
          lambda s, rid, t: ideation.update_round(s, rid, t),
          lambda s, rid, h: ideation.get_round(s, rid).prompt),
    Field("idea_round.characteristic", ("idea_rounds",), lambda s: ideation.open_round(s, "Prompt"),
          lambda s, rid, t: ideation.update_round(s, rid, "Prompt", characteristic=t),
          lambda s, rid, h: ideation.get_round(s, rid).characteristic),
    *(_initiative_field(k) for k in ("title", "problem", "customer_value", "org_impact", "tech_impact",
                                     "cost_range", "kpi", "kpi_target")),
    Field("journey.title", ("exercise_data",), lambda s: None, lambda s, c, t: journey.set_title(s, t),
          lambda s, c, h: journey.get_title(s)),
    Field("journey_step.title", ("journey_steps",), lambda s: journey.add_step(s, "Step"),
          lambda s, sid, t: journey.update_step(s, sid, title=t), lambda s, sid, h: journey.get_step(s, sid).title),
    Field("governance.note", ("governance_choices",), _first_choice,
          lambda s, key, t: governance.set_note(s, key, t), lambda s, key, h: governance.get_choice(s, key).note),
    Field("governance.own_option", ("governance_choices",), _first_choice,
          lambda s, key, t: governance.add_own_option(s, key, t, choose_it=False),
          lambda s, key, option: governance.get_choice(s, key).label(option)),
    *(_kpi_field(k) for k in ("name", "unit", "baseline", "target", "horizon")),
    Field("milestone.label", ("milestones",), _milestone_setup,
          lambda s, mid, t: roadmap.update_milestone(s, mid, 0, t),
          lambda s, mid, h: roadmap.get_milestone(s, mid).label),
    Field("vote_round.question", ("vote_rounds",), lambda s: None,
          lambda s, c, t: arbitration.create_round(s, t, "approval", ["a", "b"], purpose="governance:x"),
          lambda s, c, rid: arbitration.get_round(s, rid).question),
    *(_decision_field(k) for k in ("reason", "evidence")),
    Field("void.reason", ("ballot_voids",), _void_setup, _void,
          lambda s, c, record: next(v["reason"] for v in arbitration.list_voids(s, c[1])
                                    if v["id"] == record["void_id"])),
]


def _refusal_is_clear(error: ValidationError) -> None:
    message = str(error)
    assert message and len(message) < 400, message
    assert "Traceback" not in message and "sqlite" not in message.lower(), message


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_every_text_field_stores_exactly_or_refuses_clearly(tmp_path, field):
    store = create_store(tmp_path / "input.workshop", "Input test", "Org", "en")
    store.conn.execute("PRAGMA synchronous=OFF")  # validation, not durability, is under test here: no fsync
    context = field.setup(store)
    stored = {"accepted": 0, "refused": 0}

    @SETTINGS
    @given(text=TEXTS)
    def check(text):
        before = dump(store.path, {t: ["*"] for t in field.tables})
        try:
            handle = field.write(store, context, text)
        except ValidationError as error:
            _refusal_is_clear(error)
            assert dump(store.path, {t: ["*"] for t in field.tables}) == before, "a refusal changed the data"
            stored["refused"] += 1
        else:
            assert field.read(store, context, handle) == text.strip()
            stored["accepted"] += 1

    try:
        check()
        for text in ("z" * MB, "a\ud800b", "line\nbreak", "'; DROP TABLE participants; --", "😀 مرحبا"):
            check.hypothesis.inner_test(text=text)  # these always run, whatever hypothesis draws
    finally:
        store.close()
    assert stored["accepted"] and stored["refused"]


# --- numbers, durations, dates and times --------------------------------------------------

NUMBERS = st.one_of(st.integers(-10**20, 10**20), st.integers(-5, 4000), st.floats(allow_nan=True),
                    st.booleans(), st.none(), st.sampled_from(["30", "", "abc", "1e3"]))


@pytest.fixture
def store_with_block(tmp_path):
    store = create_store(tmp_path / "numbers.workshop", "Numbers", "Org", "en")
    day = agenda.add_day(store, "2026-12-03", "09:00", "17:00")
    block = agenda.add_block(store, day, "Block", planned_minutes=30)
    yield store, day, block
    store.close()


def _accepts(call, valid: bool, read=None, expected=None) -> None:
    try:
        call()
    except ValidationError as error:
        _refusal_is_clear(error)
        assert not valid, "a valid value was refused"
    else:
        assert valid, "an invalid value was stored"
        if read is not None:
            assert read() == expected


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def test_durations_out_of_range_are_refused(store_with_block):
    store, day, block = store_with_block

    @SETTINGS
    @given(minutes=NUMBERS)
    def check(minutes):
        ok = _is_int(minutes) and 1 <= minutes <= agenda.MAX_BLOCK_MINUTES
        _accepts(lambda: agenda.update_block(store, block, "Block", "plenary", minutes), ok,
                 lambda: agenda.get_block(store, block).planned_minutes, minutes)
        _accepts(lambda: agenda.add_block(store, day, "New", planned_minutes=minutes), ok)
        if _is_int(minutes):  # steps are typed in a spin box: always whole numbers
            _accepts(lambda: agenda.update_block(store, block, "Block", "plenary", 30,
                                                 steps=(BlockStep("Step", minutes),)),
                     1 <= minutes <= agenda.MAX_BLOCK_MINUTES)
        _accepts(lambda: update_seminar(store, warning_seconds=minutes),
                 _is_int(minutes) and 0 <= minutes <= 3600, lambda: get_seminar(store).warning_seconds, minutes)

    check()


TIMES = st.one_of(st.sampled_from(["09:00", "9:00", "24:00", "23:59", "00:00", "12:60", " 08:30 ", "", "noon",
                                   "08:30:00", "08h30", "09:00\n", "-1:00"]),
                  st.builds("{:02d}:{:02d}".format, st.integers(0, 30), st.integers(0, 70)), st.text(max_size=6))
DATES = st.one_of(st.dates().map(lambda d: d.isoformat()),
                  st.sampled_from(["2026-02-30", "2026-13-01", "03/12/2026", "", "2026-12-3", "tomorrow",
                                   "2026-12-03T09:00"]),
                  st.text(max_size=12))
NEVER_TIMES = ["24:00", "12:60", "", "noon", "08h30", "08:30:00", "-1:00", "25:00"]
NEVER_DATES = ["2026-02-30", "2026-13-01", "03/12/2026", "", "tomorrow", "2026-12-03T09:00"]


def test_dates_and_times_are_stored_exactly_or_refused(store_with_block):
    store, day, _block = store_with_block
    from datetime import date

    def current():
        return next(d for d in agenda.list_days(store) if d.id == day)

    @SETTINGS
    @given(when=DATES, start=TIMES, end=TIMES)
    def check(when, start, end):
        before = current()
        try:
            agenda.update_day(store, day, when, start, end)
        except ValidationError as error:
            _refusal_is_clear(error)
            assert current() == before
            return
        stored = current()
        assert (stored.date, stored.start, stored.end) == (when, start.strip(), end.strip())
        date.fromisoformat(stored.date)  # what the app reads back is a real date
        assert agenda.parse_hhmm(stored.start) < agenda.parse_hhmm(stored.end) < 24 * 60

    check()
    for bad in NEVER_TIMES:
        for start, end in ((bad, "17:00"), ("09:00", bad)):
            with pytest.raises(ValidationError):
                agenda.update_day(store, day, "2026-12-03", start, end)
    for bad in NEVER_DATES:
        with pytest.raises(ValidationError):
            agenda.update_day(store, day, bad, "09:00", "17:00")
    with pytest.raises(ValidationError, match="end after it starts"):
        agenda.update_day(store, day, "2026-12-03", "17:00", "09:00")
    agenda.update_day(store, day, "2026-12-04", "08:30", "18:00")
    assert (current().date, current().start, current().end) == ("2026-12-04", "08:30", "18:00")


def test_exercise_numbers_out_of_range_are_refused(tmp_path):
    from exercises.journey.logic import EMOTION_MAX, EMOTION_MIN
    from exercises.trends.logic import RELEVANCE

    store = create_store(tmp_path / "numbers.workshop", "Numbers", "Org", "en")
    trend = trends.add_trend(store, "Trend")
    step = journey.add_step(store, "Step")
    go = initiatives.create_initiative(store, title="Go")
    arbitration.set_decision(store, go, "go", "Because", horizon="quick_wins")
    key = _first_choice(store)
    option = governance.get_choice(store, key).options[0].key
    horizon = roadmap.get_horizon(store)

    @SETTINGS
    @given(value=NUMBERS)
    def check(value):
        whole = _is_int(value)
        _accepts(lambda: trends.set_rating(store, trend, None, relevance=value), whole and value in RELEVANCE)
        if value is not None:  # (None: leave the emotion as it is)
            _accepts(lambda: journey.update_step(store, step, emotion=value),
                     whole and EMOTION_MIN <= value <= EMOTION_MAX, lambda: journey.get_step(store, step).emotion,
                     value)
        _accepts(lambda: roadmap.place(store, go, value, 1), whole and 0 <= value < horizon)
        _accepts(lambda: roadmap.place(store, go, 0, value), whole and 1 <= value <= horizon)
        _accepts(lambda: governance.set_hand_count(store, key, option, value),
                 whole and 0 <= value <= governance.MAX_HANDS)

    try:
        check()
    finally:
        store.close()
