"""The room's core pieces: join codes, the one writer, the headless serve command, no Qt anywhere."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import httpx2
import pytest

from room.writer import ThreadWriter
from workshop_app import join_codes
from workshop_app.domain import ValidationError
from workshop_app.schema import SCHEMA_VERSION
from workshop_app.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_the_room_never_imports_qt():
    code = ("import sys, room.app, room.server, room.headless, workshop_app.join_codes; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_codes_are_short_unambiguous_and_unique(store):
    from workshop_app.participants import add_participant

    for i in range(30):
        add_participant(store, f"P{i}")
    assert join_codes.ensure_codes(store) == 30
    assert join_codes.ensure_codes(store) == 0
    codes = join_codes.list_codes(store)
    assert len({c.code for c in codes}) == 30
    for c in codes:
        assert len(c.code) == 6 and not set(c.code) & set("01OIL") and c.shown[3] == "-"
    assert join_codes.normalise_code(f" {codes[0].shown.lower()} ") == codes[0].code
    assert store.schema_version == SCHEMA_VERSION


def test_redeem_binds_only_a_hash_and_refuses_a_second_phone(store):
    from workshop_app.participants import add_participant

    pid = add_participant(store, "Ana")
    join_codes.ensure_codes(store)
    code = join_codes.list_codes(store)[0].code
    first = join_codes.new_device_token()
    assert join_codes.redeem(store, code, first, 1.0) == pid
    assert join_codes.participant_for_token(store, first) == pid
    assert first not in str(store.query("SELECT * FROM join_codes"))
    with pytest.raises(ValidationError):
        join_codes.redeem(store, code, join_codes.new_device_token(), 2.0)
    again = join_codes.new_device_token()
    join_codes.redeem(store, code, again, 3.0, current_token=first)  # same phone, new token
    assert join_codes.participant_for_token(store, first) is None
    join_codes.release(store, pid)
    assert join_codes.participant_for_token(store, again) is None
    assert join_codes.joined_count(store) == (0, 1)


def test_the_demo_has_join_codes(tmp_path):
    from exercises.demo import build_demo

    demo = build_demo(tmp_path / "demo.workshop", "en")
    try:
        people = demo.scalar("SELECT count(*) FROM participants")
        assert people and len(join_codes.list_codes(demo)) == people
    finally:
        demo.close()


def test_the_writer_answers_after_the_commit_and_a_refusal_rolls_back_alone(store):
    path = store.path
    store.close()
    commits = []
    writer = ThreadWriter(path, on_commit=lambda: commits.append(1))
    try:
        def good(s, _keys, name):
            with s.action() as db:
                db["participants"].insert({"name": name, "position": 0})
            return name

        def bad(s, _keys):
            with s.action() as db:
                db["participants"].insert({"name": "half-done", "position": 0})
            raise ValidationError("refused")

        futures = [writer.submit(lambda s, k, n=n: good(s, k, n)) for n in ("a", "b")] + [writer.submit(bad)]
        futures.append(writer.submit(lambda s, k: good(s, k, "c")))
        assert [f.result(5) for f in (futures[0], futures[1], futures[3])] == ["a", "b", "c"]
        with pytest.raises(ValidationError):
            futures[2].result(5)
        reader = open_store(path, read_only=True)
        names = {r["name"] for r in reader.query("SELECT name FROM participants")}
        reader.close()
        assert names == {"a", "b", "c"} and commits
    finally:
        writer.close()


def test_serve_prints_the_address_and_the_codes_and_stops(seminar):
    from room import headless

    lines: list[str] = []
    stop = threading.Event()
    done = threading.Event()

    def run():
        headless.serve(seminar.path, "127.0.0.1", 0, out=lines.append, stop=stop)
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        for _i in range(100):
            if any("Ctrl+C" in line for line in lines):
                break
            threading.Event().wait(0.05)
        url = lines[0].split()[-1]
        assert url.startswith("http://127.0.0.1:")
        assert sum(1 for line in lines if "/j/" in line) == len(seminar.people)
        assert httpx2.get(url + "/").status_code == 200
    finally:
        stop.set()
        thread.join(10)
    assert done.is_set()


def test_serve_command_refuses_a_missing_file(tmp_path, capsys):
    from workshop_app.__main__ import main

    assert main(["serve", str(tmp_path / "nope.workshop"), "--host", "127.0.0.1"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_wifi_qr_payload_escapes_its_fields():
    from room.server import wifi_qr_text

    assert wifi_qr_text("Salle; A", 'p"w:d') == 'WIFI:T:WPA;S:Salle\\; A;P:p\\"w\\:d;;'
    assert wifi_qr_text("Open", "") == "WIFI:T:nopass;S:Open;;"


def test_the_phone_language_is_read_from_accept_language():
    from room.security import language_of

    assert language_of("fr-CA,fr;q=0.9,en;q=0.8") == "fr"
    assert language_of("en-GB,fr;q=0.5") == "en"
    assert language_of("de-DE,de;q=0.9") == "en"
    assert language_of("de;q=1, fr;q=0.3") == "fr"
    assert language_of("fr;q=abc, en;q=0.2") == "en"


def test_a_phones_language_stays_in_its_own_thread():
    from workshop_app.i18n import _, set_language, use_language

    set_language("en")
    seen = {}

    def phone():
        with use_language("fr"):
            seen["phone"] = _("Waiting for the facilitator")
            barrier.wait()
            barrier.wait()

    barrier = threading.Barrier(2)
    thread = threading.Thread(target=phone)
    thread.start()
    barrier.wait()
    seen["app"] = _("Waiting for the facilitator")  # while the phone's block is still open
    barrier.wait()
    thread.join()
    assert seen == {"phone": "En attente de l'animateur", "app": "Waiting for the facilitator"}
