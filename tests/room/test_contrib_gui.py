"""The stages' input controls in the console, and phones' ideas through the GUI's writer."""

from __future__ import annotations

import httpx2
import pytest

from exercises.ideation import logic
from tests.qt_fixtures import app_style, messages  # noqa: F401 - shared fixtures
from workshop_app import join_codes

from .conftest import Phone
from .test_phones_panel import _in_thread, _turn_on, panel  # noqa: F401 - the same panel


@pytest.fixture(autouse=True)
def _app_style(app_style):  # noqa: F811
    yield


class _Sender:
    def __init__(self, url: str, code: str):
        self.client = httpx2.Client(base_url=url, headers={"origin": url}, follow_redirects=True, timeout=10)
        page = self.client.get(f"/j/{code}")
        self.client.post("/join", data={"csrf": Phone.csrf(None, page.text), "code": code})
        self.page = self.client.get("/vote")

    def send(self, text: str):
        done = self.client.post("/in/ideation", data={"csrf": Phone.csrf(None, self.page.text),
                                                      "action": "send", "text": text})
        return self.page.url.path, done.status_code, done.text


def test_the_ideation_tab_opens_phone_input_for_its_round_and_closes_it(panel, qtbot, messages):  # noqa: F811
    from exercises.ideation.views.phone_control import IdeaInputControl

    session, store = panel.session, panel.session.store
    control = IdeaInputControl(session)
    qtbot.addWidget(control)
    control.toggle.click()  # no round yet: refused with a reason
    assert messages and "Open a round of ideas first" in messages[0] and not session.room.input_for("ideation").open
    rid = logic.open_round(store, "What would delight them?")
    session.notify("ideation")
    control.anonymous.setChecked(True)
    control.ways.setCurrentIndex(control.ways.findData("phones"))
    control.toggle.click()
    now = session.room.input_for("ideation")
    assert now.phones and not now.laptop and now.target_id == rid and "Close" in control.toggle.text()
    _turn_on(panel)
    seen: list[str] = []
    session.changed.connect(lambda kind, _i: seen.append(kind))
    code = join_codes.list_codes(store)[0].code
    phone: list[_Sender] = []
    thread, box = _in_thread(lambda: phone.append(_Sender(panel.server.url, code)) or phone[0].send(
        "Free coffee while waiting"))
    qtbot.waitUntil(lambda: "result" in box, timeout=10000)
    thread.join()
    path, status, text = box["result"]
    assert path == "/in/ideation" and status == 200 and "Idea sent" in text
    assert "ideation" in seen  # the console and the shared board refresh
    [idea] = logic.list_ideas(store)
    assert idea.text == "Free coffee while waiting" and idea.author_id is None and idea.round_id == rid
    control.toggle.click()
    assert not session.room.input_for("ideation").open and "Open" in control.toggle.text()
    thread, box = _in_thread(lambda: phone[0].send("Too late"))  # from the page shown before closing
    qtbot.waitUntil(lambda: "result" in box, timeout=10000)
    thread.join()
    phone[0].client.close()
    assert box["result"][1] == 409 and "not recorded" in box["result"][2]
    assert len(logic.list_ideas(store)) == 1


def test_the_trends_and_diagnosis_tabs_have_the_control(panel, qtbot):  # noqa: F811
    from exercises.diagnosis.views import ConsoleView as DiagnosisConsole
    from exercises.trends.console_view import ConsoleView as TrendsConsole
    from ui.kit.stage_input import StageInputControl

    for view_class, stage in ((TrendsConsole, "trends"), (DiagnosisConsole, "diagnosis")):
        view = view_class(panel.session)
        qtbot.addWidget(view)
        [control] = view.findChildren(StageInputControl)
        control.toggle.click()
        assert panel.session.room.input_for(stage).phones and panel.session.room.input_for(stage).laptop
        control.ways.setCurrentIndex(control.ways.findData("laptop"))
        control.ways.activated.emit(control.ways.currentIndex())
        assert not panel.session.room.input_for(stage).phones and panel.session.room.input_for(stage).laptop
        control.toggle.click()
        assert not panel.session.room.input_for(stage).open
