"""Ideas, trend ratings and the self-diagnosis in a real phone browser (360×740, touch)."""

from __future__ import annotations

import pytest

from exercises.diagnosis import logic as diagnosis
from exercises.ideation import logic as ideation
from exercises.ideation.phone_page import set_anonymous
from exercises.trends import store_ops
from room.security import RoomConfig
from room.server import RoomServer
from workshop_app.room_state import RoomState

from . import browser
from .contrib import edit, make_room
from .test_browser import _click, _wait

pytestmark = [pytest.mark.browser, pytest.mark.skipif(bool(browser.missing()), reason=browser.missing() or "ok")]


@pytest.fixture
def served(seminar):
    made: list = []
    state = RoomState()
    room = make_room(seminar.path, state, made, RoomConfig(host="127.0.0.1", port=0))
    server = RoomServer(room)
    server.start()
    yield seminar, state, room, server
    server.stop()
    for writer, reader, _room in made:
        writer.close()
        reader.close()


@pytest.fixture
def phone():
    driver = browser.phone_browser()
    yield driver
    driver.quit()


def _gone(driver, css, timeout=8):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: not d.find_elements(By.CSS_SELECTOR, css))


def _join(phone, server, code):
    phone.get(f"{server.url}/j/{code}")
    _click(phone, "form.join button")


def test_ideas_from_a_phone_with_the_live_counter_edit_and_withdraw(served, phone):
    from selenium.webdriver.common.by import By

    sem, state, room, server = served
    rid = edit(sem.path, lambda s: ideation.open_round(s, "<b>How</b> could we surprise?", hidden=True))
    edit(sem.path, lambda s: set_anonymous(s, rid, True))
    _join(phone, server, sem.codes[sem.people[0]])
    _wait(phone, "section.waiting")
    state.open_input("ideation", "phones", rid)  # the console opens phone input: the page follows by itself
    _wait(phone, "form#idea-form")
    assert "<b>How</b>" in phone.find_element(By.TAG_NAME, "h1").text  # shown as text, never as markup
    field = phone.find_element(By.ID, "idea-text")
    field.send_keys("Greet every customer by name")
    assert phone.find_element(By.ID, "idea-count").text == "572 characters left"
    _click(phone, "button[value=send]")
    _wait(phone, "p.note")
    phone.find_element(By.ID, "idea-text").send_keys("x" * 650)  # maxlength holds the limit
    assert phone.execute_script("return document.getElementById('idea-text').value.length") == 600
    assert phone.find_element(By.ID, "idea-count").text == "0 characters left"
    phone.find_element(By.ID, "idea-text").clear()
    phone.find_element(By.ID, "idea-text").send_keys("A second idea")
    _click(phone, "button[value=send]")
    _wait(phone, "ul.mine li:nth-child(2)")
    _click(phone, "ul.mine li:first-child a")
    field = _wait(phone, "input[name=idea]") and phone.find_element(By.ID, "idea-text")
    field.clear()
    field.send_keys("Greet every customer by first name")
    _click(phone, "button[value=save]")
    _gone(phone, "button[value=save]")
    _click(phone, "ul.mine li:nth-child(2) button[value=withdraw]")
    _gone(phone, "ul.mine li:nth-child(2)")
    texts = [i.text for i in edit(sem.path, ideation.list_ideas)]
    assert texts == ["Greet every customer by first name"]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
    state.close_input("ideation")
    _wait(phone, "section.waiting")  # closed: back to waiting by itself


def test_trend_ratings_one_card_at_a_time_with_back(served, phone):
    from selenium.webdriver.common.by import By

    sem, state, room, server = served
    ids = edit(sem.path, lambda s: [store_ops.add_trend(s, f"Trend {i}", "What it means") for i in range(3)])
    state.open_input("trends", "both")
    _join(phone, server, sem.codes[sem.people[1]])
    _wait(phone, "form.rating")
    assert "Trend 1 of 3" in phone.find_element(By.CSS_SELECTOR, "p.progress").text
    _click(phone, "label:has(input[name=relevance][value='4']) span")
    _click(phone, "label:has(input[name=horizon][value='now']) span")
    _click(phone, "label:has(input[name=lifecycle][value='innovation']) span")
    _click(phone, "button.primary")
    _wait(phone, "input[name=n][value='1']")
    _click(phone, ".nav a:first-child")  # back
    _wait(phone, "input[name=n][value='0']")
    assert phone.find_element(By.CSS_SELECTOR, "input[name=relevance][value='4']").is_selected()
    _click(phone, "label:has(input[name=relevance][value='5']) span")
    _click(phone, "button.primary")
    _wait(phone, "input[name=n][value='1']")
    ratings = edit(sem.path, store_ops.list_ratings)
    assert [(r.trend_id, r.relevance, r.horizon, r.lifecycle) for r in ratings] == [(ids[0], 5, "now", "innovation")]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360


def test_the_self_diagnosis_on_a_phone(served, phone):
    from selenium.webdriver.common.by import By

    sem, state, room, server = served
    state.open_input("diagnosis", "phones")
    _join(phone, server, sem.codes[sem.people[2]])
    _wait(phone, "form.diagnosis")
    count = len(diagnosis.keys())
    for i in range(count):
        _click(phone, f"label:has(input[name=c{i}][value='{1 + i % 5}']) span")
    _click(phone, "form.diagnosis button.primary")
    _wait(phone, "p.note")
    assert f"{count} of {count} rated" in phone.find_element(By.CSS_SELECTOR, "p.progress").text
    grid = edit(sem.path, diagnosis.score_grid)
    assert grid == {(sem.people[2], key): 1 + i % 5 for i, key in enumerate(diagnosis.keys())}
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
