"""The console's Phones panel: on and off, the GUI's writer on the main thread, names only, release."""

from __future__ import annotations

import socket
import threading

import httpx2
import pytest

from exercises.arbitration.booth import ballot_contents
from exercises.arbitration.rounds import create_round
from tests.qt_fixtures import app_style, messages  # noqa: F401 - shared fixtures
from ui.session import Session
from workshop_app import join_codes
from workshop_app.participants import add_participant

from .conftest import Phone


@pytest.fixture(autouse=True)
def _app_style(app_style):  # noqa: F811
    yield


@pytest.fixture
def panel(store, clock, qtbot):
    from ui.phones_panel import PhonesPanel

    for name in ("Ana", "Bruno", "Chloé"):
        add_participant(store, name)
    with store.action() as db:
        for i in range(3):
            db["initiatives"].insert({"title": f"Initiative {i}", "effort": "M", "position": i})
    session = Session(store, clock)
    widget = PhonesPanel(session)
    qtbot.addWidget(widget)
    yield widget
    widget.stop()
    session.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _in_thread(fn):
    box: dict = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", fn()))
    thread.start()
    return thread, box


def _turn_on(panel):
    panel.network.setCurrentIndex(panel.network.findData("127.0.0.1"))
    panel.port.setValue(_free_port())
    panel.toggle.setChecked(True)
    assert panel.server is not None and panel.server.running


def test_off_by_default_and_on_at_the_chosen_address(panel):
    assert panel.server is None and not panel.toggle.isChecked()
    _turn_on(panel)
    assert panel.address.text() == panel.server.url and panel.server.url.startswith("http://127.0.0.1:")
    assert "0 of 3 joined" in panel.counts.text()
    assert len(join_codes.list_codes(panel.session.store)) == 3  # codes made when turned on
    panel.toggle.setChecked(False)
    assert panel.server is None


def test_a_phone_votes_through_the_main_thread_and_the_console_sees_names_only(panel, qtbot):
    store = panel.session.store
    _turn_on(panel)
    url = panel.server.url
    rid = create_round(store, "Which first?", "approval", [1, 2, 3], "secret")
    panel.session.notify("arbitration")
    code = join_codes.list_codes(store)[1].code
    seen = []
    panel.session.changed.connect(lambda kind, _i: seen.append(kind))

    def vote():
        phone = Phone.__new__(Phone)
        client = httpx2.Client(base_url=url, headers={"origin": url}, follow_redirects=True, timeout=10)
        page = client.get(f"/j/{code}")
        client.post("/join", data={"csrf": phone.csrf(page.text), "code": code})
        page = client.get("/vote")
        review = client.post(f"/vote/{rid}", data={"csrf": phone.csrf(page.text), "step": "review", "o1": "1"})
        done = client.post(f"/vote/{rid}", data={"csrf": phone.csrf(review.text), "step": "cast", "o1": "1"})
        client.close()
        return done.text

    thread, box = _in_thread(vote)
    qtbot.waitUntil(lambda: "result" in box, timeout=10000)
    thread.join()
    assert "Your vote is recorded" in box["result"]
    assert "arbitration" in seen
    assert len(ballot_contents(store, rid)) == 1
    panel.refresh()
    row = [r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "Bruno"][0]
    assert panel.table.item(row, 3).text() == "✓" and panel.table.item(row, 2).text() in ("joined", "connected")
    assert "1 voted in" in panel.counts.text()
    panel.table.selectRow(row)
    panel.release_selected()
    assert join_codes.joined_count(store) == (0, 3)


def test_the_server_stops_when_the_seminar_closes(panel):
    _turn_on(panel)
    server = panel.server
    panel.session.close()
    assert panel.server is None and not server.running


def test_the_join_page_and_the_cards(panel, tmp_path, qtbot):
    from ui.join_cards import write_join_cards

    _turn_on(panel)
    panel.show_join_screen()
    screen = panel.join_screen
    assert screen.address.text() == panel.server.url and "0 of 3 joined" in screen.count.text()
    screen.close()
    pdf = tmp_path / "cards.pdf"
    codes = join_codes.list_codes(panel.session.store) * 4  # 12 cards: two A4 pages of eight
    assert write_join_cards(pdf, codes, panel.server.url, "Seminar") == 2
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_no_phone_hint_appears_after_a_minute(panel, monkeypatch):
    _turn_on(panel)
    assert panel.hint.isHidden()
    panel.shown_at -= 61
    panel.refresh()
    assert not panel.hint.isHidden()
    httpx2.get(panel.server.url + "/")
    panel.refresh()
    assert panel.hint.isHidden()


def test_the_bridge_waits_for_an_open_action_to_end(panel, qtbot):
    """A submission arriving while the console is inside an action runs after that action's commit."""
    from ui.phone_bridge import PhoneBridge

    bridge = PhoneBridge(panel.session)
    store = panel.session.store
    with store.action() as db:
        future = bridge.submit(lambda s, _k: s.scalar("SELECT count(*) FROM participants"))
        qtbot.wait(120)  # the queued call comes and goes back to the queue
        assert not future.done()
        db["participants"].insert({"name": "Dora", "position": 9})
    qtbot.waitUntil(future.done, timeout=3000)
    assert future.result() == 4
