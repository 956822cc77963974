"""A whole journey in a real browser: join by code, wait, vote in each method, reload, receipt."""

from __future__ import annotations

import pytest

from room.security import RoomConfig
from room.server import RoomServer

from . import browser
from .conftest import make_seminar, open_round

pytestmark = [pytest.mark.browser, pytest.mark.skipif(bool(browser.missing()), reason=browser.missing() or "ok")]


@pytest.fixture
def hostile_server(tmp_path, room_factory):
    sem = make_seminar(tmp_path / "browser.workshop", hostile=True)
    room = room_factory(RoomConfig(host="127.0.0.1", port=0), sem=sem)
    server = RoomServer(room)
    server.start()
    yield sem, room, server
    server.stop()


@pytest.fixture
def phone():
    driver = browser.phone_browser()
    yield driver
    driver.quit()


_wait = browser.wait_for
_click = browser.tap


def _fill(driver, method):
    """Choose a valid ballot by touching the controls, as a participant would."""
    from selenium.webdriver.common.by import By

    if method == "dot":
        _click(driver, "label:has(input[name=o0][value='2']) span")
        _click(driver, "label:has(input[name=o1][value='1']) span")
        assert "Dots left: 0 of 3" in driver.find_element(By.ID, "counter").text
    elif method == "points100":
        for name, value in (("o0", "70"), ("o2", "30")):
            box = driver.find_element(By.CSS_SELECTOR, f"input[name={name}]")
            box.clear()
            box.send_keys(value)
        assert "Total: 100 / 100" in driver.find_element(By.ID, "counter").text
    elif method == "majority":
        for i in range(4):
            _click(driver, f"label:has(input[name=o{i}][value='{i}']) span")
    elif method == "scoring":
        for i in range(4):
            for c in range(4):
                _click(driver, f"label:has(input[name=o{i}c{c}][value='{1 + (i + c) % 5}']) span")
    else:
        _click(driver, "label:has(input[name=o3]) span")


def test_a_phone_votes_in_every_method_and_hostile_text_does_not_run(hostile_server, phone):
    from selenium.webdriver.common.by import By

    sem, room, server = hostile_server
    phone.get(f"{server.url}/j/{sem.codes[sem.people[0]]}")
    _click(phone, "form.join button")
    _wait(phone, "section.waiting")
    assert "Person 0" in phone.page_source
    for method in ("dot", "points100", "majority", "scoring", "approval"):
        rid = open_round(sem.path, method, sem.initiatives)
        room.notify()  # the console opened a round: the waiting page turns into the ballot by itself
        _wait(phone, f"form#ballot[data-round='{rid}']")
        assert phone.execute_script("return window.HACKED") is None
        _fill(phone, method)
        phone.refresh()  # reload mid-ballot: the choices come back
        _wait(phone, f"form#ballot[data-round='{rid}']")
        if method == "approval":
            assert phone.find_element(By.CSS_SELECTOR, "input[name=o3]").is_selected()
        _click(phone, "button[value=review]")
        _wait(phone, "table.summary")
        _click(phone, "button[value=cast]")
        receipt = _wait(phone, "section.receipt")
        assert "Your vote is recorded" in receipt.text
        assert phone.execute_script("return window.HACKED") is None
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
    marks = room.reader.read(lambda s: s.scalar("SELECT count(*) FROM vote_marks WHERE participant_id = ?",
                                                (sem.people[0],)))
    assert marks == 5
