"""The phone's vote path end to end, in process: join, wait, every method, receipt, one vote each."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from exercises.arbitration.booth import ballot_contents, cast_ballot
from exercises.arbitration.rounds import close_round, get_round
from workshop_app.join_codes import release
from workshop_app.store import open_store

from .conftest import Phone, open_round


def _read(path, fn):
    store = open_store(path, read_only=True)
    try:
        return fn(store)
    finally:
        store.close()


def test_a_phone_joins_by_code_and_waits(seminar, phones):
    phone = phones()
    page = phone.join(seminar.codes[seminar.people[0]])
    assert page.status_code == 200 and str(page.url).endswith("/vote")
    assert "Person 0" in page.text and "Waiting for the facilitator" in page.text
    assert 'data-key="w"' in page.text
    cookie = [c for c in phone.client.cookies.jar if c.name == "room_device"][0]
    assert len(cookie.value) >= 43  # 256 random bits, url-safe
    assert cookie.has_nonstandard_attr("HttpOnly")
    stored = _read(seminar.path, lambda s: s.query("SELECT token_hash FROM join_codes WHERE participant_id = ?",
                                                   (seminar.people[0],))[0]["token_hash"])
    assert stored != cookie.value and len(stored) == 64


def test_the_join_card_link_prefills_the_code(seminar, phones):
    code = seminar.codes[seminar.people[1]]
    page = phones().client.get(f"/j/{code[:3]}-{code[3:].lower()}")
    assert f'value="{code}"' in page.text


def test_a_wrong_code_is_refused_with_a_sentence(phones):
    page = phones().join("ZZZZZZ")
    assert page.status_code == 400 and "This join code is not known" in page.text


METHOD_CASES = [
    ("dot", {}, lambda o: ({"o0": "2", "o2": "1"}, {o[0]: 2, o[2]: 1})),
    ("points100", {}, lambda o: ({"o0": "60", "o1": "40", "o2": "", "o3": "0"}, {o[0]: 60, o[1]: 40})),
    ("majority", {}, lambda o: ({f"o{i}": str(i) for i in range(4)}, {o[i]: i for i in range(4)})),
    ("approval", {}, lambda o: ({"o1": "1", "o3": "1"}, [o[1], o[3]])),
    ("scoring", {}, lambda o: ({f"o{i}c{c}": str(1 + (i + c) % 5) for i in range(4) for c in range(4)}, None)),
]


@pytest.mark.parametrize("method,config,case", METHOD_CASES, ids=[c[0] for c in METHOD_CASES])
def test_every_method_votes_from_a_phone(seminar, phones, method, config, case):
    rid = open_round(seminar.path, method, seminar.initiatives, "secret", config)
    phone = phones()
    phone.join(seminar.codes[seminar.people[0]])
    page = phone.ballot()
    assert f'data-key="r{rid}"' in page.text and f'action="/vote/{rid}"' in page.text
    fields, expected = case(seminar.initiatives)
    review = phone.post(rid, fields, "review")
    assert review.status_code == 200 and "Check your vote" in review.text
    done = phone.post(rid, fields, "cast", review.text)
    assert done.status_code == 200 and "Your vote is recorded" in done.text
    assert f'data-key="v{rid}"' in done.text
    stored = _read(seminar.path, lambda s: ballot_contents(s, rid))
    assert len(stored) == 1
    if expected is not None:
        assert stored[0] == expected if method != "approval" else sorted(stored[0]) == sorted(expected)
    else:
        assert set(stored[0]) == set(seminar.initiatives)
    rows = _read(seminar.path, lambda s: s.query("SELECT voter_id, seal FROM ballots WHERE round_id = ?", (rid,)))
    assert rows[0]["voter_id"] is None and rows[0]["seal"]  # secret: the seal, not the voter
    again = phone.ballot()  # reload: the confirmed vote stays confirmed, no second ballot
    assert "Your vote is recorded" in again.text and 'id="ballot"' not in again.text


def test_an_open_round_stores_the_voter(seminar, phones):
    rid = open_round(seminar.path, "approval", seminar.initiatives, "open")
    phone = phones()
    phone.join(seminar.codes[seminar.people[2]])
    phone.cast(rid, {"o0": "1"})
    rows = _read(seminar.path, lambda s: s.query("SELECT voter_id FROM ballots WHERE round_id = ?", (rid,)))
    assert rows == [{"voter_id": seminar.people[2]}]


def test_the_booths_messages_refuse_an_incomplete_ballot(seminar, phones):
    rid = open_round(seminar.path, "points100", seminar.initiatives)
    phone = phones()
    phone.join(seminar.codes[seminar.people[0]])
    page = phone.post(rid, {"o0": "30"}, "review")
    assert page.status_code == 422 and "Total: 30 / 100" in page.text and 'value="30"' in page.text
    over = open_round(seminar.path, "dot", seminar.initiatives, config={"budget": 3, "cap": 3})
    phone.cast(rid, {"o0": "100"})
    page = phone.post(over, {"o0": "3", "o1": "2"}, "review")
    assert page.status_code == 422 and "You placed 5 dots; you have 3." in page.text


def test_change_goes_back_to_the_ballot_with_the_choices(seminar, phones):
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    phone = phones()
    phone.join(seminar.codes[seminar.people[0]])
    review = phone.post(rid, {"o2": "1"}, "review")
    back = phone.post(rid, {"o2": "1"}, "change", review.text)
    assert 'name="o2" value="1" checked' in back.text and "Review my vote" in back.text


def test_paper_rounds_are_not_asked_and_closed_rounds_refuse(seminar, phones):
    open_round(seminar.path, "dot", seminar.initiatives, "paper")
    phone = phones()
    page = phone.join(seminar.codes[seminar.people[0]])
    assert "Waiting for the facilitator" in page.text
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    page = phone.ballot()
    store = open_store(seminar.path)
    close_round(store, rid)
    store.close()
    late = phone.post(rid, {"o0": "1"}, "cast", page.text)
    assert late.status_code == 409 and "closed" in late.text
    assert _read(seminar.path, lambda s: ballot_contents(s, rid)) == []


def test_one_person_one_ballot_whether_booth_or_phone(seminar, phones):
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    phone = phones()
    phone.join(seminar.codes[seminar.people[3]])
    page = phone.ballot()
    store = open_store(seminar.path)
    cast_ballot(store, rid, seminar.people[3], [seminar.initiatives[0]], b"k" * 32)  # at the booth meanwhile
    store.close()
    late = phone.post(rid, {"o1": "1"}, "cast", page.text)
    assert "already" in late.text
    assert len(_read(seminar.path, lambda s: ballot_contents(s, rid))) == 1


def test_fifty_concurrent_casts_for_one_person_make_one_ballot(seminar, room):
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    phone = Phone(room)
    phone.join(seminar.codes[seminar.people[0]])
    review = phone.post(rid, {"o0": "1"}, "review")
    token = phone.csrf(review.text)
    cookies = dict(phone.client.cookies)


    def one(_i):
        other = Phone(room)
        other.client.cookies.update(cookies)
        try:
            return other.client.post(f"/vote/{rid}", data={"csrf": token, "step": "cast", "o0": "1"}).status_code
        finally:
            other.close()

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(one, range(50)))
    assert all(s in (200, 409) for s in statuses), statuses
    assert len(_read(seminar.path, lambda s: ballot_contents(s, rid))) == 1
    marks = _read(seminar.path, lambda s: s.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (rid,)))
    assert marks == 1
    phone.close()


def test_release_and_rebinding(seminar, phones):
    code = seminar.codes[seminar.people[0]]
    first, second = phones(), phones()
    first.join(code)
    refused = second.join(code)
    assert refused.status_code == 400 and "already used on another phone" in refused.text
    again = first.join(code)  # the same phone scanning its own card again
    assert "Waiting for the facilitator" in again.text
    store = open_store(seminar.path)
    release(store, seminar.people[0])
    store.close()
    assert "Join the room" in first.ballot().text  # that phone is no longer anyone
    assert "Waiting for the facilitator" in second.join(code).text
    assert "Join the room" in first.ballot().text


def test_french_after_the_phones_language(seminar, phones):
    phone = phones("fr-FR,fr;q=0.9,en;q=0.5")
    page = phone.join(seminar.codes[seminar.people[0]])
    assert "En attente de l" in page.text and 'lang="fr"' in page.text
    assert "Waiting" not in page.text


def test_two_open_rounds_one_after_the_other_with_a_receipt_between(seminar, phones):
    first = open_round(seminar.path, "approval", seminar.initiatives)
    second = open_round(seminar.path, "dot", seminar.initiatives)
    phone = phones()
    phone.join(seminar.codes[seminar.people[0]])
    after = phone.cast(first, {"o0": "1"})
    assert f'data-key="r{second}"' in after.text and "Your vote is recorded" in after.text
    assert "Which first? (approval)" in after.text
    done = phone.cast(second, {"o1": "1"})
    assert f'data-key="v{second}"' in done.text


def test_a_writer_that_never_answers_is_a_sentence_not_a_hang(seminar, room, monkeypatch):
    from concurrent.futures import Future

    import room.app as app_module

    phone = Phone(room)
    phone.join(seminar.codes[seminar.people[0]])
    rid = open_round(seminar.path, "approval", seminar.initiatives)
    review = phone.post(rid, {"o0": "1"}, "review")
    monkeypatch.setattr(app_module, "WRITE_TIMEOUT", 0.2)
    monkeypatch.setattr(room.writer, "submit", lambda fn: Future())  # queued, never run
    stuck = phone.post(rid, {"o0": "1"}, "cast", review.text)
    assert stuck.status_code == 503 and "busy" in stuck.text
    phone.close()
