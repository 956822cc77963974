"""Initiatives and their business case: creation, validation, readiness rules, the card, promotion."""

from __future__ import annotations

import dataclasses

import pytest

from exercises.ideation import initiatives as ini
from exercises.ideation import logic
from workshop_app.domain import ValidationError
from workshop_app.participants import add_participant
from workshop_app.report import Card


@pytest.fixture
def refs(store):
    with store.action() as db:
        seg = [db["segments"].insert({"key": k, "name": n, "position": p}).last_pk
               for p, (k, n) in enumerate([("young", "Young urban professionals"), ("pros", "Small businesses")])]
        trend = db["trends"].insert({"library_key": "real_time", "title": "Real time"}).last_pk
    owner = add_participant(store, "Laurent Petit", "Head of customer service")
    sponsor = add_participant(store, "Claire Dubois")
    axis = logic.add_axis(store, "Problems fixed right away")
    return {"segments": seg, "trend": trend, "owner": owner, "sponsor": sponsor, "axis": axis}


def complete(refs) -> dict:
    return dict(title="Reply within one hour on social media", problem="We answer in six hours.",
                segments=refs["segments"], customer_value="A fast, human reply.",
                org_impact="A cell of four advisers.", tech_impact="A listening tool.", effort="S",
                cost_range="60–120 k€", kpi="First-response time", kpi_target="Under one hour",
                owner_id=refs["owner"], sponsor_id=refs["sponsor"], axis_id=refs["axis"],
                trend_ids=[refs["trend"]])


def test_a_complete_business_case_is_ready(store, refs):
    ident = ini.create_initiative(store, **complete(refs))
    initiative = ini.get_initiative(store, ident)
    assert initiative.segments == tuple(refs["segments"])
    assert ini.missing_fields(initiative) == []
    assert ini.missing_recommended(initiative) == []
    assert ini.is_ready(initiative)
    assert ini.is_ready(store, ident)  # the (store, id) form other stages may use
    assert ini.list_initiatives(store) == [initiative]


@pytest.mark.parametrize("key, empty", [
    ("problem", ""), ("segments", []), ("customer_value", " "), ("org_impact", ""), ("tech_impact", ""),
    ("effort", ""), ("cost_range", ""), ("kpi", ""), ("kpi_target", ""), ("owner_id", None)])
def test_each_required_field_blocks_readiness(store, refs, key, empty):
    ident = ini.create_initiative(store, **{**complete(refs), key: empty})
    initiative = ini.get_initiative(store, ident)
    assert ini.missing_fields(initiative) == [key]
    assert not ini.is_ready(initiative)
    assert ini.readiness_text(initiative) == "Not ready for arbitration"


@pytest.mark.parametrize("key, empty", [("sponsor_id", None), ("axis_id", None), ("trend_ids", [])])
def test_recommended_fields_do_not_block(store, refs, key, empty):
    initiative = ini.get_initiative(store, ini.create_initiative(store, **{**complete(refs), key: empty}))
    assert ini.is_ready(initiative)
    assert ini.missing_recommended(initiative) == [key]


def test_validation(store, refs):
    with pytest.raises(ValidationError):
        ini.create_initiative(store, problem="no title")
    with pytest.raises(ValidationError):
        ini.create_initiative(store, title="x", effort="XXL")
    with pytest.raises(ValidationError):
        ini.create_initiative(store, title="x", owner_id=999)
    with pytest.raises(ValidationError):
        ini.create_initiative(store, title="x", segments=[999])
    with pytest.raises(KeyError):
        ini.create_initiative(store, title="x", decision="go")
    assert ini.list_initiatives(store) == []


def test_update_and_delete(store, refs):
    ident = ini.create_initiative(store, title="Draft")
    ini.update_initiative(store, ident, problem="A real problem", effort="M")
    initiative = ini.get_initiative(store, ident)
    assert (initiative.title, initiative.problem, initiative.effort) == ("Draft", "A real problem", "M")
    assert "problem" not in ini.missing_fields(initiative)
    ini.delete_initiative(store, ident)
    with pytest.raises(ValidationError):
        ini.get_initiative(store, ident)


def test_links_to_deleted_segments_are_dropped_on_read(store, refs):
    ident = ini.create_initiative(store, **complete(refs))
    with store.action() as db:
        db.execute("DELETE FROM segments")
    initiative = ini.get_initiative(store, ident)
    assert initiative.segments == ()
    assert ini.missing_fields(initiative) == ["segments"]


def test_the_card_in_the_seminar_language(store, refs):
    initiative = ini.get_initiative(store, ini.create_initiative(store, **complete(refs)))
    card = ini.business_case_card(initiative, store, "en")
    assert isinstance(card, Card)
    assert card.title == "Reply within one hour on social media"
    assert card.subtitle == ""
    rows = dict(card.fields)
    assert list(rows) == ["Problem", "Target segments", "Customer value", "Internal organisational impact",
                          "Technical impact", "Effort", "Cost range", "Main KPI and target", "Owner", "Sponsor",
                          "Axis", "Linked trends"]
    assert rows["Target segments"] == "Young urban professionals, Small businesses"
    assert rows["Main KPI and target"] == "First-response time → Under one hour"
    assert rows["Owner"] == "Laurent Petit (Head of customer service)"
    assert rows["Effort"] == "S (small)"
    assert rows["Axis"] == "Problems fixed right away"
    assert rows["Linked trends"] == "Real time"


def test_an_incomplete_card_says_so(store, refs):
    initiative = ini.get_initiative(store, ini.create_initiative(store, title="Half-baked"))
    card = ini.business_case_card(initiative, store, "en")
    assert card.subtitle == "Not ready for arbitration"
    assert dict(card.fields)["Problem"] == "—"


def test_initiative_is_frozen_with_every_business_case_field():
    names = {f.name for f in dataclasses.fields(ini.Initiative)}
    assert set(ini.REQUIRED) | set(ini.RECOMMENDED) <= names
    with pytest.raises(dataclasses.FrozenInstanceError):
        ini.Initiative(id=1, title="x").title = "y"


def test_promote_ideas(store, refs):
    round_id = logic.open_round(store, "Prompt", trend_id=refs["trend"])
    ids = logic.add_ideas(store, ["Reply within an hour", "A social-media cell"], round_id=round_id,
                          axis_id=refs["axis"])
    ident = ini.promote_ideas(store, ids, "")
    initiative = ini.get_initiative(store, ident)
    assert initiative.title == "Reply within an hour"
    assert initiative.idea_ids == tuple(ids)
    assert initiative.axis_id == refs["axis"]
    assert initiative.trend_ids == (refs["trend"],)
    assert not ini.is_ready(initiative)
    named = ini.promote_ideas(store, ids[1:], "Social cell")
    assert ini.get_initiative(store, named).title == "Social cell"
    with pytest.raises(ValidationError):
        ini.promote_ideas(store, [], "x")
    with pytest.raises(ValidationError):
        ini.promote_ideas(store, [12345], "x")


def test_move_initiative(store, refs):
    first = ini.create_initiative(store, title="First")
    second = ini.create_initiative(store, title="Second")
    ini.move_initiative(store, second, 0)
    assert [i.id for i in ini.list_initiatives(store)] == [second, first]
