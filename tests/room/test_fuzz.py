"""Hostile input on every endpoint: whatever a phone sends, the server answers without a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Phone, make_seminar, open_round

PATHS = ["/", "/j/{code}", "/j/{text}", "/join", "/vote", "/vote/{rid}", "/vote/{text}", "/state", "/events?key={text}",
         "/static/room.css", "/static/{text}", "/{text}"]
field_names = st.sampled_from(["csrf", "step", "code", "o0", "o1", "o3", "o0c0", "o1c3", "o99", "x"]) | st.text(max_size=8)
field_values = st.sampled_from(["", "0", "1", "2", "5", "100", "-1", "review", "cast", "change", "１"]) | st.text(max_size=30)


@pytest.fixture(scope="module")
def fuzz_room(tmp_path_factory):
    from room.app import Room
    from room.reader import Reader
    from room.security import RoomConfig
    from room.writer import ThreadWriter

    sem = make_seminar(tmp_path_factory.mktemp("fuzz") / "fuzz.workshop", hostile=True)
    rounds = [open_round(sem.path, m, sem.initiatives) for m in ("dot", "points100", "majority", "scoring", "approval")]
    writer = ThreadWriter(sem.path)
    reader = Reader(sem.path)
    room = Room(reader, writer, RoomConfig(port=8765, device_rate=(10**6, 1.0), address_rate=(10**6, 1.0),
                                           join_failures=(10**6, 1.0)))
    phone = Phone(room)
    phone.join(sem.codes[sem.people[0]])
    yield room, phone, sem, rounds
    phone.close()
    writer.close()
    reader.close()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), method=st.sampled_from(["GET", "POST", "PUT", "HEAD"]),
       text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20),
       fields=st.lists(st.tuples(field_names, field_values), max_size=8),
       raw=st.binary(max_size=300), use_raw=st.booleans(), with_token=st.booleans(),
       round_index=st.integers(0, 4))
def test_no_request_makes_a_500(fuzz_room, path, method, text, fields, raw, use_raw, with_token, round_index):
    room, phone, sem, rounds = fuzz_room
    from urllib.parse import quote, urlencode

    url = path.format(code=sem.codes[sem.people[0]], text=quote(text, safe=""), rid=rounds[round_index])
    if url.startswith("/events"):
        return  # an endless stream: its parameters are checked in test_live
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if use_raw:
        body = raw
    else:
        pairs = list(fields)
        if with_token:
            page = phone.client.get("/vote")
            match = phone.csrf(page.text) if 'name="csrf"' in page.text else ""
            pairs.append(("csrf", match))
        body = urlencode(pairs).encode()
    response = phone.client.request(method, url, content=body if method != "GET" else None, headers=headers)
    assert response.status_code < 500, (method, url, body[:200], response.text[:300])
    assert "Traceback" not in response.text
