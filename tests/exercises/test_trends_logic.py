"""Usage-trend decoding: validation, aggregation, ties, consensus, ranking, store, demo, report."""

from __future__ import annotations

from fractions import Fraction

import pytest

from exercises.trends import EXERCISE, store_ops
from exercises.trends.demo import fill_demo, spread_choice, spread_relevance
from exercises.trends.logic import (HORIZONS, LIFECYCLES, Rating, Trend, check_rating, format_mean, mode,
                                    rank, results, summarise)
from exercises.demo import demo_content
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant, list_participants
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Table


def trend(tid: int, title: str = "", hidden: bool = False, retained: bool = False) -> Trend:
    return Trend(id=tid, title=title or f"Trend {tid}", hidden=hidden, retained=retained)


def rating(tid, pid, relevance=None, horizon=None, lifecycle=None) -> Rating:
    return Rating(tid, pid, relevance, horizon, lifecycle)


@pytest.fixture
def people(store):
    return [add_participant(store, name) for name in ("Ann Lee", "Bob Ray", "Chloé Duc", "Dan Roy")]


@pytest.fixture
def seeded(store):
    store_ops.seed(store, "en")
    return store_ops.list_trends(store)


# --- validation -------------------------------------------------------------------------

@pytest.mark.parametrize("value", [0, 6, -1, 3.5, "3", True])
def test_relevance_out_of_range_is_refused_clearly(value):
    with pytest.raises(ValidationError, match="1 to 5"):
        check_rating(value, "now", "basic")


def test_unknown_horizon_or_lifecycle_or_nothing_is_refused():
    with pytest.raises(ValidationError, match="time horizon"):
        check_rating(3, "someday", None)
    with pytest.raises(ValidationError, match="life-cycle"):
        check_rating(3, None, "obsolete")
    with pytest.raises(ValidationError, match="at least"):
        check_rating(None, None, None)
    assert check_rating(5, None, None) == (5, None, None)
    assert check_rating(None, "3y+", "missing") == (None, "3y+", "missing")


def test_store_refuses_out_of_range_ratings_and_keeps_nothing(store, seeded, people):
    with pytest.raises(ValidationError):
        store_ops.set_rating(store, seeded[0].id, people[0], 7, "now", "basic")
    with pytest.raises(ValidationError, match="participant"):
        store_ops.set_rating(store, seeded[0].id, 999, 3, "now", "basic")
    with pytest.raises(ValidationError, match="trend"):
        store_ops.set_rating(store, 999, people[0], 3, "now", "basic")
    assert store_ops.list_ratings(store) == []


# --- aggregation ------------------------------------------------------------------------

def test_mode_ties_go_to_the_earlier_option():
    assert mode({"now": 2, "1-2y": 2, "3y+": 1}, HORIZONS) == "now"
    assert mode({"now": 1, "1-2y": 2, "3y+": 2}, HORIZONS) == "1-2y"
    assert mode({"innovation": 0, "basic": 1, "missing": 1}, LIFECYCLES) == "basic"
    assert mode({}, HORIZONS) is None


def test_summary_mean_distributions_and_raters():
    t = trend(1)
    result = summarise(t, [rating(1, 1, 5, "now", "basic"), rating(1, 2, 4, "1-2y", "basic"),
                           rating(1, 3, 4, "1-2y", "innovation"), rating(2, 1, 1, "3y+", "missing")])
    assert result.raters == 3
    assert result.relevance == Fraction(13, 3)
    assert format_mean(result.relevance, "en") == "4.3"
    assert format_mean(result.relevance, "fr") == "4,3"
    assert result.horizon_counts == {"now": 1, "1-2y": 2, "3y+": 0}
    assert result.lifecycle_counts == {"innovation": 1, "basic": 2, "missing": 0}
    assert (result.horizon, result.lifecycle) == ("1-2y", "basic")
    assert result.relevance_counts == {1: 0, 2: 0, 3: 0, 4: 2, 5: 1}
    assert result.horizon_position == pytest.approx(2 / 3)
    assert result.agreement == pytest.approx(2 / 3)


def test_partial_ratings_count_per_scale():
    result = summarise(trend(1), [rating(1, 1, 2, None, None), rating(1, 2, None, "3y+", None)])
    assert result.raters == 2
    assert result.relevance == 2
    assert result.horizon == "3y+" and result.lifecycle is None


def test_consensus_overrides_individual_ratings_scale_by_scale():
    individual = [rating(1, 1, 5, "now", "basic"), rating(1, 2, 5, "now", "basic")]
    full = summarise(trend(1), individual + [rating(1, None, 2, "3y+", "innovation")])
    assert (full.relevance, full.horizon, full.lifecycle) == (2, "3y+", "innovation")
    assert full.individual_relevance == 5 and full.raters == 2
    assert full.horizon_position == 2.0
    partial = summarise(trend(1), individual + [rating(1, None, 3, None, None)])
    assert (partial.relevance, partial.horizon, partial.lifecycle) == (3, "now", "basic")
    alone = summarise(trend(1), [rating(1, None, 4, "now", "missing")])
    assert alone.rated and alone.raters == 0 and alone.relevance == 4


def test_ranking_by_mean_then_raters_then_title_unrated_last():
    trends = [trend(1, "Beta"), trend(2, "alpha"), trend(3, "Gamma"), trend(4, "Delta"), trend(5, "Zeta")]
    ratings = [rating(1, 1, 4), rating(1, 2, 4),            # Beta: 4.0, 2 raters
               rating(2, 1, 4), rating(2, 2, 4),            # alpha: 4.0, 2 raters -> before Beta
               rating(3, 1, 4), rating(3, 2, 4), rating(3, 3, 4),  # Gamma: 4.0, 3 raters -> first
               rating(4, 1, 5)]                             # Delta: 5.0 -> top
    ranked = results(trends, ratings)
    assert [r.trend.title for r in ranked] == ["Delta", "Gamma", "alpha", "Beta", "Zeta"]
    assert not ranked[-1].rated
    assert rank(list(reversed(ranked))) == ranked


def test_hidden_trends_are_left_out_of_results():
    ranked = results([trend(1, "Shown"), trend(2, "Hidden", hidden=True)],
                     [rating(1, 1, 2), rating(2, 1, 5)])
    assert [r.trend.title for r in ranked] == ["Shown"]


# --- store --------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["fr", "en"])
def test_seed_copies_the_library_in_the_seminar_language(store, language):
    EXERCISE.seed(store, language)
    trends = store_ops.list_trends(store)
    library = store_ops.library()
    assert len(trends) == len(library) >= 18
    first = library[0]
    assert trends[0].library_key == first["key"]
    assert trends[0].title == first[language]["title"]
    assert trends[0].lifecycle_hint == first["lifecycle"]
    assert [t.position for t in trends] == sorted(t.position for t in trends)
    EXERCISE.seed(store, language)  # again: nothing doubled
    assert len(store_ops.list_trends(store)) == len(library)


def test_add_edit_hide_move_and_validate_trends(store, seeded):
    new = store_ops.add_trend(store, "  Voice banking  ", "Talk to the bank", "Ask the balance aloud")
    assert store_ops.get_trend(store, new).title == "Voice banking"
    assert store_ops.list_trends(store)[-1].id == new
    store_ops.update_trend(store, new, "Voice", "d", "e")
    assert store_ops.get_trend(store, new).description == "d"
    with pytest.raises(ValidationError, match="empty"):
        store_ops.add_trend(store, "   ")
    with pytest.raises(ValidationError):
        store_ops.update_trend(store, new, "a\x07b", "", "")
    store_ops.set_hidden(store, seeded[0].id, True)
    assert seeded[0].id not in [t.id for t in store_ops.list_trends(store, include_hidden=False)]
    store_ops.move_trend(store, new, 0)
    assert store_ops.list_trends(store)[0].id == new
    store_ops.move_trend(store, new, 99)
    assert store_ops.list_trends(store)[-1].id == new


def test_ratings_are_replaced_restored_and_consensus_is_unique(store, seeded, people):
    tid = seeded[0].id
    assert store_ops.set_rating(store, tid, people[0], 3, "now", "basic") is None
    before = store_ops.set_rating(store, tid, people[0], 5, "1-2y", "missing")
    assert before == Rating(tid, people[0], 3, "now", "basic")
    assert len(store_ops.list_ratings(store, tid)) == 1
    store_ops.set_rating(store, tid, None, 2, None, None)
    store_ops.set_rating(store, tid, None, 4, "now", None)
    consensus = [r for r in store_ops.list_ratings(store, tid) if r.is_consensus]
    assert consensus == [Rating(tid, None, 4, "now", None)]
    store_ops.restore_rating(store, tid, people[0], before)
    assert store_ops.get_rating(store, tid, people[0]).relevance == 3
    store_ops.restore_rating(store, tid, None, None)
    assert store_ops.get_rating(store, tid, None) is None
    assert [p.id for p in store_ops.pending_raters(store, tid)] == people[1:]


def test_ranked_results_retained_and_implication(store, seeded, people):
    a, b, c = seeded[0].id, seeded[1].id, seeded[2].id
    store_ops.set_rating(store, a, people[0], 2, "now", "basic")
    store_ops.set_rating(store, b, people[0], 5, "3y+", "innovation")
    store_ops.set_rating(store, c, people[0], 4, "now", "missing")
    store_ops.set_hidden(store, c, True)
    store_ops.set_retained(store, b, True, "  Tell customers first  ")
    ranked = [r for r in store_ops.ranked_results(store) if r.rated]
    assert [r.trend.id for r in ranked] == [b, a]
    assert ranked[0].trend.retained and ranked[0].trend.implication == "Tell customers first"
    store_ops.set_implication(store, b, "Changed")
    assert store_ops.get_trend(store, b).implication == "Changed"


def test_removing_a_participant_removes_their_ratings(store, seeded, people):
    from workshop_app.participants import remove_participant

    store_ops.set_rating(store, seeded[0].id, people[0], 3, "now", "basic")
    remove_participant(store, people[0])
    assert store_ops.list_ratings(store) == []


def test_segments(store):
    sid = store_ops.add_segment(store, "Families")
    other = store_ops.add_segment(store, "Seniors", key="seniors")
    assert [s["key"] for s in store_ops.list_segments(store)] == [f"segment_{sid}", "seniors"]
    store_ops.rename_segment(store, sid, "Young families")
    assert store_ops.list_segments(store)[0]["name"] == "Young families"
    with pytest.raises(ValidationError):
        store_ops.rename_segment(store, sid, "")
    store_ops.remove_segment(store, other)
    assert len(store_ops.list_segments(store)) == 1


# --- demo ---------------------------------------------------------------------------------

def test_spreads_keep_the_given_value():
    import random

    for target in range(1, 6):
        for seed in range(30):
            scores = spread_relevance(target, 12, random.Random(seed))
            assert all(1 <= s <= 5 for s in scores)
            assert abs(sum(scores) / 12 - target) <= 0.5
    for seed in range(30):
        for target in HORIZONS:
            choices = spread_choice(HORIZONS, target, 10, random.Random(seed))
            assert mode({h: choices.count(h) for h in HORIZONS}, HORIZONS) == target


def _demo_store(store, language="fr"):
    content = demo_content()
    for person in content["participants"]:
        add_participant(store, person["name"])
    EXERCISE.seed(store, language)
    fill_demo(store, content, language)
    return content


def test_fill_demo_spreads_individual_ratings_around_the_room_view(store):
    content = _demo_store(store)
    assert [s["name"] for s in store_ops.list_segments(store)] == [s["fr"] for s in content["segments"]]
    by_key = {r.trend.library_key: r for r in store_ops.ranked_results(store)}
    for item in content["trend_ratings"]:
        result = by_key[item["trend_key"]]
        assert result.consensus is None
        assert 8 <= result.raters <= len(list_participants(store))
        assert abs(float(result.relevance) - item["relevance"]) <= 0.5
        assert (result.horizon, result.lifecycle) == (item["horizon"], item["lifecycle"])
        assert result.trend.retained == item["retained"]
        if item["retained"]:
            assert result.trend.implication == item["implication"]["fr"]
    spread = {len(set(r.relevance_counts)) for r in by_key.values() if r.rated}
    assert any(len([v for v, n in r.relevance_counts.items() if n]) > 1 for r in by_key.values())
    assert spread


def test_fill_demo_is_deterministic(tmp_path):
    from workshop_app.store import create_store

    dumps = []
    for name in ("a", "b"):
        s = create_store(tmp_path / f"{name}.workshop", "Demo", "", "en")
        _demo_store(s, "en")
        dumps.append(EXERCISE.export_data(s)["trend_ratings"])
        s.close()
    assert dumps[0] == dumps[1] and dumps[0]


# --- report and chart -----------------------------------------------------------------------

def test_report_section_is_none_until_the_stage_runs(store, seeded):
    assert EXERCISE.report_section(store, "en") is None


def test_report_section_blocks(store):
    _demo_store(store, "en")
    section = EXERCISE.report_section(store, "en")
    kinds = [type(b) for b in section.blocks]
    assert kinds[:2] == [Heading, Paragraph]
    assert Chart in kinds and Table in kinds and BulletList in kinds
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.columns[1:] == ("Trend", "Relevance", "Horizon", "Life cycle", "Retained")
    assert len(table.rows) == len(demo_content()["trend_ratings"])
    assert table.rows[0][0] == "1"
    assert len(next(b for b in section.blocks if isinstance(b, BulletList)).items) == 6
    chart = next(b for b in section.blocks if isinstance(b, Chart))
    figure = chart.figure()
    assert figure.axes


def test_report_section_with_only_a_retained_trend(store, seeded):
    store_ops.set_retained(store, seeded[0].id, True, "Because")
    section = EXERCISE.report_section(store, "en")
    assert section is not None
    assert not any(isinstance(b, Chart) for b in section.blocks)


def test_trend_map_labels_do_not_overlap(store):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from exercises.trends.charts import trend_map_figure

    _demo_store(store, "en")
    for size in ((9.0, 7.2), (12.2, 5.9)):
        figure = trend_map_figure(store_ops.ranked_results(store), "en", size=size)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        labels = [t for t in figure.axes[0].texts if len(t.get_text()) > 3]
        boxes = [Text.get_window_extent(t, renderer) for t in labels]  # the text, not its leader line
        ax = figure.axes[0]
        centres = ax.transData.transform(ax.collections[0].get_offsets())
        assert len(boxes) >= 8  # most trends keep their label
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.overlaps(b)
            assert not any(a.contains(x, y) for x, y in centres)


def test_trend_map_without_ratings():
    from exercises.trends.charts import trend_map_figure

    figure = trend_map_figure([], "fr", dark=True)
    from workshop_app.i18n import translate

    assert any(translate("No trend rated yet", "fr") in t.get_text() for t in figure.axes[0].texts)
