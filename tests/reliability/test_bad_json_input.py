"""Bad input, property-based: the JSON import.

Any text in any cell, values of the wrong kind, and any JSON document: the import
stores the text exactly or refuses with an ``InterchangeError``; nothing else is raised
and no half-written seminar is left behind.
"""

from __future__ import annotations

import itertools
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.json_io import InterchangeError, from_data, import_json, to_data

from .hostile import IMPORTS, MB, SETTINGS, TEXTS


@pytest.fixture(scope="module")
def base_export(tmp_path_factory):
    """The plain data of a small but complete seminar (the demo)."""
    from exercises.demo import build_demo

    store = build_demo(tmp_path_factory.mktemp("json") / "base.workshop", "en")
    data = to_data(store)
    store.close()
    return data


def _same(exported: dict, imported: dict) -> bool:
    """Equal data, whatever the order of the rows (an edited key may move a row)."""
    def rows(data):
        return {t: sorted(json.dumps(r, sort_keys=True) for r in rs) for t, rs in data["tables"].items() if rs}

    return exported["schema_version"] == imported["schema_version"] and rows(exported) == rows(imported)


def _text_cells(data: dict) -> list[tuple[str, int, str]]:
    cells = []
    for table, rows in sorted(data["tables"].items()):
        for index, row in enumerate(rows[:3]):
            cells += [(table, index, column) for column, value in sorted(row.items()) if isinstance(value, str)]
    return cells


def test_json_import_stores_any_text_exactly_or_refuses_clearly(tmp_path, base_export):
    cells = _text_cells(base_export)
    counter = itertools.count()
    outcome = {"imported": 0, "refused": 0}

    @IMPORTS
    @given(cell=st.sampled_from(cells), text=TEXTS)
    def check(cell, text):
        table, index, column = cell
        data = json.loads(json.dumps(base_export))
        data["tables"][table][index][column] = text
        target = tmp_path / f"import-{next(counter)}.workshop"
        try:
            store = from_data(data, target)
        except InterchangeError as error:
            assert str(error) and "Traceback" not in str(error)
            assert not target.exists()
            outcome["refused"] += 1
            return
        try:
            assert _same(to_data(store), data)
        finally:
            store.close()
            target.unlink()
        outcome["imported"] += 1

    check()
    check.hypothesis.inner_test(cell=("participants", 0, "name"), text="z" * MB)
    check.hypothesis.inner_test(cell=("seminar", 0, "title"), text="a\ud800b")
    assert outcome["imported"] and outcome["refused"]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no half-written seminar, no temporary file


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(), TEXTS),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def test_json_import_of_wrong_values_raises_only_interchange_errors(tmp_path, base_export):
    cells = [(t, i, c) for t, rows in sorted(base_export["tables"].items()) for i, row in enumerate(rows[:2])
             for c in sorted(row)]
    counter = itertools.count()

    @IMPORTS
    @given(cell=st.sampled_from(cells), value=JSON_VALUES)
    def check(cell, value):
        table, index, column = cell
        data = json.loads(json.dumps(base_export))
        data["tables"][table][index][column] = value
        target = tmp_path / f"wrong-{next(counter)}.workshop"
        try:
            store = from_data(data, target)
        except InterchangeError:
            assert not target.exists()
            return
        try:
            assert _same(to_data(store), data)  # accepted: then it is stored exactly
        finally:
            store.close()
            target.unlink()

    check()


@pytest.mark.parametrize("column, value", [
    (("blocks", "planned_minutes"), "thirty"),
    (("blocks", "planned_minutes"), 12.5),
    (("participants", "name"), 42),
    (("timer_events", "at"), "yesterday"),
    (("timer_events", "at"), math.inf),
    (("seminar", "logo_png"), "not base64 bytes"),
])
def test_json_import_refuses_values_of_the_wrong_kind(tmp_path, base_export, column, value):
    table, name = column
    data = json.loads(json.dumps(base_export))
    data["tables"][table][0][name] = value
    with pytest.raises(InterchangeError, match="wrong kind"):
        from_data(data, tmp_path / "x.workshop")
    assert list(tmp_path.iterdir()) == []


DOCUMENTS = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries({"format": st.sampled_from(["workshop-app/seminar", "other"]),
                           "schema_version": st.one_of(st.integers(-3, 9), TEXTS, st.none()),
                           "tables": JSON_VALUES}),
)


def test_json_import_of_any_document_raises_only_interchange_errors(tmp_path):
    counter = itertools.count()

    @SETTINGS
    @given(document=DOCUMENTS, raw=st.booleans())
    def check(document, raw):
        n = next(counter)
        source = tmp_path / f"doc-{n}.json"
        if raw and isinstance(document, str):
            source.write_text(document, encoding="utf-8", errors="surrogatepass")
        else:
            source.write_text(json.dumps(document), encoding="utf-8")
        target = tmp_path / f"doc-{n}.workshop"
        try:
            import_json(source, target).close()
        except InterchangeError as error:
            assert str(error)
            assert not target.exists()

    check()
    for garbage in (b"\xff\xfe\x00", b"[" * 100_000, b'{"format": "workshop-app/seminar", "tables": {}}' * 2):
        source = tmp_path / "garbage.json"
        source.write_bytes(garbage)
        with pytest.raises(InterchangeError):
            import_json(source, tmp_path / "garbage.workshop")
