"""Seminar creation in the core: one function for the wizard, the demo and ``workshop-app new``."""

from __future__ import annotations

from datetime import date

import pytest

from exercises import REGISTRY
from workshop_app.agenda import list_blocks, list_days
from workshop_app.creation import SeminarSpec, consecutive_dates, create_seminar, default_template
from workshop_app.domain import ValidationError
from workshop_app.seminar import get_seminar
from workshop_app.store import StoreError, open_store
from workshop_app.templates import TEMPLATES, template_days

DAYS = ("2027-03-09", "2027-03-10", "2027-03-11")


def _seeded_counts(store) -> dict[str, int]:
    return {table: store.scalar(f"SELECT count(*) FROM {table}")
            for table in ("trends", "governance_choices", "kpis")}


def test_three_days_of_agenda_and_every_stage_seeded(tmp_path):
    store = create_seminar(tmp_path / "s.workshop", SeminarSpec("Test", "Northwind", "en", DAYS), REGISTRY)
    seminar = get_seminar(store)
    assert (seminar.title, seminar.organisation, seminar.language) == ("Test", "Northwind", "en")
    assert [d.date for d in list_days(store)] == list(DAYS)
    blocks = list_blocks(store)
    assert {b.day_id for b in blocks} == {d.id for d in list_days(store)}
    stages = {b.exercise for b in blocks if b.exercise}
    assert stages == {e.key for e in REGISTRY}  # the three-day template runs every stage
    assert all(count > 0 for count in _seeded_counts(store).values()), _seeded_counts(store)
    store.close()


def test_every_stage_seeds_through_its_contract(tmp_path):
    seeded = []

    class FakeStage:
        def __init__(self, key):
            self.key = key

        def seed(self, store, language):
            seeded.append((self.key, language))

    create_seminar(tmp_path / "s.workshop", SeminarSpec("T", dates=DAYS[:1]), [FakeStage("a"), FakeStage("b")]).close()
    assert seeded == [("a", "fr"), ("b", "fr")]


def test_the_template_follows_the_number_of_days():
    assert [default_template(n) for n in (1, 2, 3, 4)] == ["one_day", "two_day", "three_day", "empty"]
    assert [template_days(k) for k in ("one_day", "two_day", "three_day", "empty")] == [1, 2, 3, 0]
    for key, days in TEMPLATES.items():
        for day in days:
            assert sum(b.minutes for b in day) <= 8 * 60 + 30, key  # fits 09:00-17:30


def test_consecutive_dates():
    assert consecutive_dates(3, date(2027, 12, 30)) == ["2027-12-30", "2027-12-31", "2028-01-01"]
    assert len(consecutive_dates(1)) == 1
    for bad in (0, 11, True, "2"):
        with pytest.raises(ValidationError):
            consecutive_dates(bad)


@pytest.mark.parametrize("spec, message", [
    (SeminarSpec("", dates=DAYS), "cannot be empty"),
    (SeminarSpec("T" * 301, dates=DAYS), "too long"),
    (SeminarSpec("T", language="de", dates=DAYS), "Unsupported language"),
    (SeminarSpec("T", dates=()), "1 to 10 days"),
    (SeminarSpec("T", dates=("2027-02-30",)), "is not a date"),
    (SeminarSpec("T", dates=("2027-03-10", "2027-03-09")), "after the previous"),
    (SeminarSpec("T", dates=DAYS[:2], template="three_day"), "plans 3 days"),
    (SeminarSpec("T", dates=DAYS, template="four_day"), "Unknown agenda template"),
    (SeminarSpec("T", dates=DAYS, end="08:00"), "end after it starts"),
])
def test_refused_input_leaves_no_file(tmp_path, spec, message):
    path = tmp_path / "s.workshop"
    with pytest.raises(ValidationError, match=message):
        create_seminar(path, spec, REGISTRY)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_touched(tmp_path):
    path = tmp_path / "s.workshop"
    path.write_text("keep me")
    with pytest.raises(StoreError):
        create_seminar(path, SeminarSpec("T", dates=DAYS), REGISTRY)
    assert path.read_text() == "keep me"


def test_a_stage_failing_to_seed_removes_the_new_file(tmp_path):
    class FakeBrokenStage:
        def seed(self, store, language):
            raise RuntimeError("library missing")

    path = tmp_path / "s.workshop"
    with pytest.raises(RuntimeError):
        create_seminar(path, SeminarSpec("T", dates=DAYS), [*REGISTRY, FakeBrokenStage()])
    assert list(tmp_path.iterdir()) == []


def test_extra_dates_get_an_empty_day(tmp_path):
    store = create_seminar(tmp_path / "s.workshop", SeminarSpec("T", dates=(*DAYS, "2027-03-12"),
                                                                  template="two_day"), REGISTRY)
    days = list_days(store)
    assert len(days) == 4 and not list_blocks(store, days[3].id) and list_blocks(store, days[1].id)
    store.close()
    assert open_store(tmp_path / "s.workshop").close() is None
