"""CX self-diagnosis: characteristics, scores, aggregation, the three weakest, demo and report."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exercises.diagnosis import EXERCISE, logic
from exercises.diagnosis.report import format_score
from exercises.demo import demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant, remove_participant
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Table

KEYS = ["design", "technology", "data", "customer_service", "culture", "relevance", "authenticity",
        "consistency", "convenience", "ease", "speed", "personalisation", "omnichannel", "resolution"]


@pytest.fixture
def people(store):
    with store.action():
        return [add_participant(store, name) for name in ("Ann Lee", "Bob Ray", "Chloé Duc")]


def result(key: str, scores, group: str = "external") -> logic.CharacteristicResult:
    return logic.CharacteristicResult(logic.Characteristic(key, group, key, "?", "low", "high"), tuple(scores))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_fourteen_characteristics_in_two_groups(language):
    items = logic.characteristics(language)
    assert [c.key for c in items] == KEYS == logic.keys()
    assert [c.group for c in items] == ["internal"] * 5 + ["external"] * 9
    assert all(c.name and c.question.endswith("?") for c in items)


@pytest.mark.parametrize("score", [0, 6, 2.5, "3", True, None])
def test_out_of_range_scores_are_refused_clearly(score):
    with pytest.raises(ValidationError, match="1 to 5"):
        logic.check_score("data", score)


def test_unknown_characteristic_is_refused(store, people):
    with pytest.raises(ValidationError, match="Unknown"):
        logic.check_score("vibes", 3)
    with pytest.raises(ValidationError, match="Unknown"):
        logic.set_score(store, "vibes", people[0], None)
    with pytest.raises(ValidationError, match="participant"):
        logic.set_score(store, "data", 999, 3)


def test_summary_mean_min_max_and_empty():
    items = logic.characteristics("en")[:2]
    rows = logic.summarise(items, {"design": [2, 3, 5]})
    assert rows[0].mean == Fraction(10, 3) and (rows[0].minimum, rows[0].maximum, rows[0].count) == (2, 5, 3)
    assert rows[1].count == 0 and rows[1].mean is None and rows[1].minimum is None
    assert format_score(rows[0].mean, "fr") == "3,3" and format_score(None, "en") == ""


def test_three_weakest_ties_by_lower_min_then_file_order():
    rows = [result("a", [3, 3]),        # mean 3, min 3
            result("b", [2, 4]),        # mean 3, min 2 -> before a
            result("c", [1, 1]),        # mean 1 -> first
            result("d", [3, 3]),        # ties with a on mean and min: a comes first (file order)
            result("e", []),            # not rated: never among the weakest
            result("f", [5])]
    assert [r.characteristic.key for r in logic.weakest(rows)] == ["c", "b", "a"]
    assert [r.characteristic.key for r in logic.weakest(rows, 5)] == ["c", "b", "a", "d", "f"]
    assert logic.weakest([result("e", [])]) == []


def test_scores_are_stored_replaced_and_removed(store, people):
    assert logic.set_score(store, "data", people[0], 2) is None
    assert logic.set_score(store, "data", people[0], 4) == 2
    logic.set_score(store, "data", people[1], 1)
    assert logic.score_grid(store) == {(people[0], "data"): 4, (people[1], "data"): 1}
    rows = {r.characteristic.key: r for r in logic.results(store, "en")}
    assert rows["data"].mean == Fraction(5, 2)
    assert logic.set_score(store, "data", people[0], None) == 4
    assert logic.get_score(store, "data", people[0]) is None
    with pytest.raises(ValidationError):
        logic.set_score(store, "data", people[0], 9)
    assert logic.get_score(store, "data", people[0]) is None
    remove_participant(store, people[1])
    assert logic.score_grid(store) == {}


def _demo(store, language="en"):
    content = demo_content()
    with store.action():
        for person in content["participants"]:
            add_participant(store, person["name"])
    EXERCISE.seed(store, language)
    EXERCISE.fill_demo(store, content, language)
    return content


def test_fill_demo_stores_twelve_scores_per_characteristic(store):
    content = _demo(store)
    rows = {r.characteristic.key: r for r in logic.results(store, "en")}
    for key, scores in content["diagnosis"].items():
        assert rows[key].scores == tuple(scores)
    weak = [r.characteristic.key for r in logic.weakest(list(rows.values()))]
    assert weak == ["omnichannel", "speed", "ease"]
    assert len(EXERCISE.export_data(store)["diagnosis_ratings"]) == 14 * 12


def test_report_section(store):
    assert EXERCISE.report_section(store, "en") is None
    _demo(store)
    section = EXERCISE.report_section(store, "en")
    kinds = [type(b) for b in section.blocks]
    assert kinds[:3] == [Heading, Paragraph, Chart]
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.columns == ("Characteristic", "Kind", "Mean", "Min", "Max")
    assert len(table.rows) == 14
    assert table.rows[KEYS.index("authenticity")][2:] == ("4.3", "4", "5")
    weakest = next(b for b in section.blocks if isinstance(b, BulletList))
    assert len(weakest.items) == 3 and weakest.items[0].startswith("Omnichannel access")
    figure = next(b for b in section.blocks if isinstance(b, Chart)).figure()
    assert figure.axes[0].name == "polar"


def test_radar_without_scores():
    from exercises.diagnosis.charts import radar_figure

    figure = radar_figure(logic.summarise(logic.characteristics("fr"), {}), "fr", dark=True)
    from workshop_app.i18n import translate

    assert any(translate("No score yet", "fr") in t.get_text() for t in figure.axes[0].texts)
