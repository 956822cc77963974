"""Each rule that keeps the room's untrusted network out, with a request that breaks it."""

from __future__ import annotations

import logging
import re

from exercises.arbitration.rounds import option_labels
from room.security import CSP, RoomConfig, check_csrf, make_csrf
from workshop_app.store import open_store

from .conftest import BASE, Phone, make_seminar, open_round


def test_an_unknown_host_header_is_refused(seminar, room):
    """DNS rebinding: a page of evil.example resolved to the laptop still sends its own Host."""
    evil = Phone(room, base="http://evil.example:8765")
    page = evil.client.get("/")
    assert page.status_code == 421
    assert evil.client.get("/", headers={"host": "127.0.0.1:9999"}).status_code == 421
    assert Phone(room).client.get("/").status_code == 200


def test_a_cross_site_post_is_refused_by_origin(seminar, phones):
    phone = phones()
    page = phone.client.get(f"/j/{seminar.codes[seminar.people[0]]}")
    token = phone.csrf(page.text)
    for origin in ("http://evil.example", "null", "http://127.0.0.1:8766"):
        refused = phone.client.post("/join", data={"csrf": token, "code": seminar.codes[seminar.people[0]]},
                                    headers={"origin": origin})
        assert refused.status_code == 403, origin
    referer = phone.client.post("/join", data={"csrf": token, "code": "X"},
                                headers={"origin": "", "referer": "http://evil.example/page"})
    assert referer.status_code == 403


def test_a_post_without_the_pages_token_is_refused(seminar, phones):
    phone = phones()
    phone.client.get("/")
    for token in ("", "123.abc", make_csrf(b"another secret" * 3, "x")):
        refused = phone.client.post("/join", data={"csrf": token, "code": seminar.codes[seminar.people[0]]})
        assert refused.status_code == 403
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    phone.join(seminar.codes[seminar.people[0]])
    other = phones()
    other.join(seminar.codes[seminar.people[1]])
    foreign = other.csrf(other.ballot().text)  # another phone's token does not fit this phone
    assert phone.client.post(f"/vote/{rid}", data={"csrf": foreign, "step": "cast", "o0": "1"}).status_code == 403


def test_csrf_tokens_expire_and_bind_to_the_visitor():
    secret = b"s" * 32
    token = make_csrf(secret, "phone-a", now=1000)
    assert check_csrf(secret, "phone-a", token, now=1010)
    assert not check_csrf(secret, "phone-b", token, now=1010)
    assert not check_csrf(secret, "phone-a", token, now=1000 + 13 * 3600)


def test_request_bodies_are_capped(seminar, phones):
    phone = phones()
    page = phone.client.get("/")
    big = phone.client.post("/join", content=b"csrf=" + b"a" * (64 * 1024 + 1),
                            headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 413

    def chunks():  # no Content-Length: counted while it streams in
        for _i in range(80):
            yield b"a" * 1024

    streamed = phone.client.post("/join", content=chunks(),
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413
    assert phone.client.post("/join", data={"csrf": phone.csrf(page.text), "code": "ABC"}).status_code == 400


def test_every_field_is_validated(seminar, phones):
    rid = open_round(seminar.path, "dot", seminar.initiatives, config={"budget": 3, "cap": 2})
    phone = phones()
    phone.join(seminar.codes[seminar.people[0]])
    for fields in ({"o0": "3"}, {"o0": "-1"}, {"o0": "1.5"}, {"o9": "1"}, {"evil": "1"}, {"o0c1": "1"},
                   {"o0": "１"}, {"o0": "0x1"}):
        page = phone.post(rid, fields, "review")
        assert page.status_code == 400, fields
    wrong_type = phone.client.post(f"/vote/{rid}", content=b'{"o0": 1}', headers={"content-type": "application/json"})
    assert wrong_type.status_code == 400
    dup = phone.client.post(f"/vote/{rid}", content=b"o0=1&o0=2", headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert dup.status_code == 400


def test_rate_limit_per_device(seminar, room_factory):
    room = room_factory(RoomConfig(port=8765, device_rate=(5, 60.0)))
    phone = Phone(room)
    phone.join(seminar.codes[seminar.people[0]])
    statuses = [phone.client.get("/vote").status_code for _i in range(8)]
    assert 429 in statuses
    assert Phone(room).client.get("/").status_code == 200  # another phone is not slowed down


def test_rate_limit_per_address(seminar, room_factory):
    room = room_factory(RoomConfig(port=8765, address_rate=(5, 60.0)))
    statuses = [Phone(room).client.get("/").status_code for _i in range(8)]  # fresh phones, one address
    assert statuses[:5] == [200] * 5 and statuses[-1] == 429


def test_guessing_join_codes_is_stopped(seminar, room_factory):
    room = room_factory(RoomConfig(port=8765, join_failures=(3, 60.0)))
    phone = Phone(room)
    for _i in range(3):
        assert phone.join("ABCDEF").status_code == 400
    assert phone.join(seminar.codes[seminar.people[0]]).status_code == 429  # even the right one, for now


def test_the_content_security_policy_forbids_inline_script(phones):
    response = phones().client.get("/")
    policy = response.headers["content-security-policy"]
    assert policy == CSP and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)  # no inline script
    assert not re.search(r"\son[a-z]+\s*=", response.text)  # nor inline handler


def test_participant_typed_text_is_escaped(tmp_path, room_factory):
    sem = make_seminar(tmp_path / "hostile.workshop", hostile=True)
    room = room_factory(sem=sem)
    rid = open_round(sem.path, "approval", sem.initiatives)
    phone = Phone(room)
    phone.join(sem.codes[sem.people[0]])
    for page in (phone.ballot(), phone.post(rid, {"o0": "1"}, "review")):
        assert "<script>window.HACKED" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;window.HACKED=1&lt;/script&gt;" in page.text


def test_errors_never_show_a_traceback(seminar, room, caplog):
    phone = Phone(room)
    phone.join(seminar.codes[seminar.people[0]])

    def broken(_store):
        raise RuntimeError("secret detail /home/someone/file.py line 12")

    room.reader.read = broken  # the server's read path fails
    with caplog.at_level(logging.DEBUG):
        page = phone.client.get("/vote")
    assert page.status_code == 500
    assert "Traceback" not in page.text and "secret detail" not in page.text and "RuntimeError" not in page.text
    assert "Something went wrong" in page.text
    assert "secret detail" not in caplog.text


def test_no_ballot_content_nor_name_in_any_log(seminar, room, caplog):
    rid = open_round(seminar.path, "dot", seminar.initiatives, "secret", {"budget": 3, "cap": 3})
    phone = Phone(room)
    with caplog.at_level(logging.DEBUG):
        phone.join(seminar.codes[seminar.people[4]])
        review = phone.post(rid, {"o1": "3"}, "review")
        phone.post(rid, {"o1": "3"}, "cast", review.text)
        phone.post(rid, {"o1": "3"}, "cast", review.text)  # refused: already voted
    server_log = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    store = open_store(seminar.path, read_only=True)
    labels = option_labels(store, next(r for r in [__import__("exercises.arbitration.rounds", fromlist=["x"])
                                                   .get_round(store, rid)]))
    store.close()
    for secret in ("Person 4", seminar.codes[seminar.people[4]], labels[seminar.initiatives[1]], "o1", "●●●"):
        assert secret not in server_log


def test_the_server_refuses_to_bind_to_every_interface():
    import pytest

    for host in ("0.0.0.0", "", "::"):
        with pytest.raises(ValueError):
            RoomConfig(host=host)


def test_the_server_listens_only_on_the_chosen_address(seminar, room_factory):
    from room.server import RoomServer

    room = room_factory(RoomConfig(host="127.0.0.1", port=0))
    server = RoomServer(room)
    server.start()
    try:
        sockets = server._server.servers[0].sockets
        assert {s.getsockname()[0] for s in sockets} == {"127.0.0.1"}
        import httpx2

        assert httpx2.get(server.url + "/").status_code == 200
        assert server.url == f"http://127.0.0.1:{server.port}" and BASE not in server.url
    finally:
        server.stop()
    assert not server.running
