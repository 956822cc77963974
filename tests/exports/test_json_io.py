"""JSON interchange: exact round-trip of the demo and clear refusals."""

from __future__ import annotations

import json

import pytest

from exports.json_io import InterchangeError, export_json, import_json, to_data
from exercises.demo import build_demo
from workshop_app.seminar import set_logo

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_round_trips_exactly(tmp_path, language):
    store = build_demo(tmp_path / "demo.workshop", language)
    set_logo(store, PNG)
    first = export_json(store, tmp_path / "a.json").read_bytes()
    store.close()
    again = import_json(tmp_path / "a.json", tmp_path / "copy.workshop")
    second = export_json(again, tmp_path / "b.json").read_bytes()
    again.close()
    assert first == second
    data = json.loads(first)
    assert data["tables"]["seminar"][0]["logo_png"]["base64"]
    assert len(data["tables"]["participants"]) == 12


def _write(tmp_path, data) -> str:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def _valid(store):
    return to_data(store)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: "not json {", "not a JSON file"),
    (lambda d: [1, 2, 3], "not a seminar export"),
    (lambda d: {**d, "format": "other"}, "not a seminar export"),
    (lambda d: {**d, "schema_version": 999}, "newer version"),
    (lambda d: {**d, "schema_version": "6"}, "schema version"),
    (lambda d: {**d, "tables": {**d["tables"], "evil; DROP TABLE seminar": []}}, "unknown table"),
    (lambda d: {**d, "tables": {**d["tables"], "participants": [{"id": 1, "name": "A", "hacker": 1}]}},
     "unknown columns"),
    (lambda d: {**d, "tables": {**d["tables"], "blocks": [{"id": 1, "day_id": 999, "title": "x"}]}},
     "refers to rows"),
    (lambda d: {**d, "tables": {**d["tables"], "seminar": []}}, "no seminar"),
    (lambda d: {**d, "tables": {**d["tables"], "participants": [{"id": 1, "name": None}]}}, "valid seminar"),
    (lambda d: {**d, "tables": {**d["tables"], "seminar": [{**d["tables"]["seminar"][0],
                                                            "logo_png": {"base64": "!!"}}]}}, "damaged"),
])
def test_bad_json_is_refused_and_leaves_nothing(store, tmp_path, mutate, message):
    path = _write(tmp_path, mutate(_valid(store)))
    target = tmp_path / "out.workshop"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(InterchangeError, match=message):
        import_json(path, target)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_import_refuses_to_overwrite(store, tmp_path):
    path = _write(tmp_path, _valid(store))
    target = tmp_path / "existing.workshop"
    target.write_text("keep")
    with pytest.raises(InterchangeError, match="already exists"):
        import_json(path, target)
    assert target.read_text() == "keep"


def test_older_export_is_migrated_forward(tmp_path):
    from workshop_app.schema import SCHEMA_VERSION

    data = {"format": "workshop-app/seminar", "schema_version": 1, "tables": {
        "seminar": [{"id": 1, "title": "Old", "organisation": "", "language": "fr", "summary": "",
                     "created_at": "2025-01-01"}],
        "run_state": [{"id": 1, "current_block_id": None, "screen": "live"}]}}
    store = import_json(_write(tmp_path, data), tmp_path / "old.workshop")
    assert store.schema_version == SCHEMA_VERSION
    store.close()
