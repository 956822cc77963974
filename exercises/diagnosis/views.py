"""The self-diagnosis views: the facilitator's score grid and the shared screen, where each
participant in turn touches their name, then a score for each characteristic, or the room
sees the radar. Shared UI state: ``DiagnosisScreen`` in the room state (``session.room``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from ui.kit.touch import ChoiceRow, NamePicker, role_label, shared_style, touch_button
from ui.kit import theme
from ui.kit.chart_area import ChartArea
from ui.kit.errors import show_error
from ui.kit.stage_input import StageInputControl
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import list_participants

from . import logic
from .models import ResultsModel, ScoreGridModel, set_score
from .report import format_score

SCREENS = ("rate", "radar")


@dataclass(frozen=True)
class DiagnosisScreen:
    """Who rates on the shared screen, which characteristic, and which screen the room sees."""

    rater_id: int | None = None
    index: int = 0
    screen: str = "rate"


def state(session) -> DiagnosisScreen:
    """The diagnosis screen in the room state (``session.room``), out of the file."""
    return session.room.screen(logic.KEY, DiagnosisScreen())


def update(session, **changes) -> None:
    """Change some fields; announced as ``room_changed("diagnosis")`` if anything changed."""
    session.room.set_screen(logic.KEY, replace(state(session), **changes))


def unfinished(session) -> list:
    """Participants who have not scored every characteristic yet."""
    grid = logic.score_grid(session.store)
    total = len(logic.keys())
    return [p for p in list_participants(session.store)
            if sum(1 for (pid, _key) in grid if pid == p.id) < total]


class RatePage(QWidget):
    """Name picker, then one characteristic at a time with five big buttons."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.picker = QWidget()
        self.prompt = role_label(_("Who is rating? Touch your name."), "prompt")
        self.progress = role_label("", "muted", wrap=False)
        self.names = NamePicker()
        intro = role_label(_("How good is our customer experience today? Rate each characteristic "
                             "from 1 (far from it) to 5 (exemplary)."), "body")
        row = QHBoxLayout()
        row.addWidget(self.prompt, 1)
        row.addWidget(self.progress)
        picker = QVBoxLayout(self.picker)
        picker.setContentsMargins(0, 0, 0, 0)
        picker.addWidget(role_label(_("CX self-diagnosis"), "big-title"))
        picker.addWidget(intro)
        picker.addSpacing(12)
        picker.addLayout(row)
        picker.addWidget(self.names)
        picker.addStretch(1)

        self.card = QWidget()
        self.who = role_label("", "muted", wrap=False)
        self.dots = role_label("", "muted", wrap=False)
        self.group = role_label("", "muted", wrap=False)
        self.name = role_label("", "big-title")
        self.question = role_label("", "body")
        self.low = role_label("", "row-label")
        self.high = role_label("", "row-label")
        self.high.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.scores = ChoiceRow("", [(s, str(s)) for s in logic.SCORES])
        self.scores.label.hide()
        self.back = touch_button("◀  " + _("Back"), "quiet")
        self.skip = touch_button(_("Skip") + "  ▶", "quiet")
        self.done = touch_button(_("I have finished"), "quiet")
        top = QHBoxLayout()
        top.addWidget(self.who)
        top.addSpacing(16)
        top.addWidget(self.dots, 1)
        top.addWidget(self.group)
        anchors = QHBoxLayout()
        anchors.addWidget(self.low, 1)
        anchors.addSpacing(40)
        anchors.addWidget(self.high, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.done)
        nav.addWidget(self.skip)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(0, 0, 0, 0)
        card.addLayout(top)
        card.addWidget(self.name)
        card.addWidget(self.question)
        card.addStretch(1)
        card.addWidget(self.scores)
        card.addLayout(anchors)
        card.addStretch(1)
        card.addLayout(nav)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.picker)
        self.stack.addWidget(self.card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.names.picked.connect(lambda pid: update(self.session, rater_id=pid, index=0))
        self.scores.chosen.connect(self._on_scored)
        self.back.clicked.connect(lambda: self._go(-1))
        self.skip.clicked.connect(lambda: self._go(+1))
        self.done.clicked.connect(lambda: update(self.session, rater_id=None, index=0))

    def refresh(self) -> None:
        st = state(self.session)
        people = {p.id: p for p in list_participants(self.session.store)}
        rater = people.get(st.rater_id)
        if rater is None:
            waiting = unfinished(self.session)
            self.progress.setText(_("{done} of {total} have finished").format(
                done=len(people) - len(waiting), total=len(people)))
            self.prompt.setText(_("Who is rating? Touch your name.") if waiting
                                else _("Everyone has rated. Thank you!"))
            self.names.set_people([(p.id, p.name) for p in waiting])
            self.names.setEnabled(not self.session.read_only)
            self.stack.setCurrentWidget(self.picker)
            return
        items = logic.characteristics(self.session.language)
        index = min(max(st.index, 0), len(items) - 1)
        item = items[index]
        self.who.setText(_("{name} · {n} of {total}").format(name=rater.name, n=index + 1, total=len(items)))
        self.group.setText(_("Internal lever") if item.group == "internal" else _("External quality"))
        colour = theme.WARNING if item.group == "internal" else theme.ACCENT_2
        self.group.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.name.setText(item.name)
        self.question.setText(item.question)
        self.low.setText("1 — " + item.low)
        self.high.setText(item.high + " — 5")
        self.scores.set_value(logic.get_score(self.session.store, item.key, rater.id))
        grid = logic.score_grid(self.session.store)
        self.dots.setText(" ".join("◉" if i == index else "●" if (rater.id, c.key) in grid else "○"
                                   for i, c in enumerate(items)))
        self.back.setEnabled(index > 0)
        self.stack.setCurrentWidget(self.card)

    def _go(self, delta: int) -> None:
        st = state(self.session)
        index = st.index + delta
        if index >= len(logic.keys()):
            update(self.session, rater_id=None, index=0)
        else:
            update(self.session, index=max(0, index))

    def _on_scored(self, score: int) -> None:
        st = state(self.session)
        key = logic.keys()[min(st.index, len(logic.keys()) - 1)]
        try:
            set_score(self.session, key, st.rater_id, score)
        except ValidationError as error:
            show_error(self, str(error))
            return
        self._go(+1)


class RadarPage(QWidget):
    """The radar of the room's scores and the three weakest characteristics, named."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.area = ChartArea(self._make_figure)
        self.weakest = role_label("", "strong")
        side = QVBoxLayout()
        side.addWidget(role_label(_("Our three weakest points"), "heading"))
        side.addWidget(self.weakest)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area, 4)
        layout.addLayout(side, 1)

    @property
    def canvas(self):
        return self.area.canvas

    def invalidate(self) -> None:
        self.area.invalidate()

    def _make_figure(self, width: int, height: int):
        from .charts import radar_figure

        results = logic.results(self.session.store, self.session.language)
        weak = logic.weakest(results)
        self.weakest.setText("\n\n".join(
            f"{i}. {r.characteristic.name}  ({format_score(r.mean, self.session.language)})"
            for i, r in enumerate(weak, start=1)) or _("No score yet."))
        return radar_figure(results, self.session.language, tuple(r.characteristic.key for r in weak),
                            dark=True, size=(width / 100, height / 100),
                            scale=max(1.0, min(1.4, height / 560)), text_scale=self.room_scale())

    def room_scale(self) -> float:
        """The radar's scale whose smallest text (11 pt × scale at 100 dpi) reads from 12 m."""
        from ui.kit.legibility import room_pt

        return room_pt(self.window().height()) / 11


class SharedView(QWidget):
    """The projector view of the self-diagnosis."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rate = RatePage(session)
        self.radar = RadarPage(session)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.rate)
        self.pages.addWidget(self.radar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setStyleSheet(shared_style(720))
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(lambda part: part == logic.KEY and self.refresh())
        self.refresh()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (logic.KEY, "participants"):
            self.refresh()

    def refresh(self) -> None:
        st = state(self.session)
        self.rate.refresh()
        self.pages.setCurrentIndex(SCREENS.index(st.screen) if st.screen in SCREENS else 0)
        self.radar.invalidate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setStyleSheet(shared_style(self.window().height()))


class ConsoleView(QWidget):
    """The facilitator's tab: type the scores in the grid, or send people to the shared screen."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.show_button = QPushButton(_("Show on the shared screen"))
        self.show_button.setProperty("primary", True)
        self.screen_buttons = QButtonGroup(self)
        self.setStyleSheet(f"QPushButton:checked {{ background: {theme.ACCENT_2}; color: white;"
                           f" border-color: {theme.ACCENT_2}; }}")
        top = QHBoxLayout()
        top.addWidget(self.show_button)
        top.addSpacing(16)
        top.addWidget(QLabel(_("The room sees:")))
        for index, text in enumerate((_("Rating"), _("Radar"))):
            button = QPushButton(text)
            button.setCheckable(True)
            self.screen_buttons.addButton(button, index)
            top.addWidget(button)
        top.addSpacing(16)
        self.rater = QComboBox()
        self.rater.setMinimumContentsLength(16)
        self.rater.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.start = QPushButton(_("Rate on the shared screen"))
        top.addWidget(QLabel(_("Next to rate:")))
        top.addWidget(self.rater)
        top.addWidget(self.start)
        top.addStretch(1)
        self.grid = ScoreGridModel(session, self)
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.grid_view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                       | QAbstractItemView.AnyKeyPressed)
        self.results = ResultsModel(session, self)
        self.results_view = QTableView()
        self.results_view.setModel(self.results)
        self.results_view.verticalHeader().hide()
        self.results_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.results_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.weakest = QLabel()
        self.weakest.setWordWrap(True)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.results_view)
        results_layout.addWidget(self.weakest)
        grid_hint = QLabel(_("Type a score from 1 to 5 in a cell; clear it to remove the score."))
        grid_page = QWidget()
        grid_layout = QVBoxLayout(grid_page)
        grid_layout.addWidget(grid_hint)
        grid_layout.addWidget(self.grid_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(grid_page, _("Scores"))
        self.tabs.addTab(results, _("Results"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(StageInputControl(session, logic.KEY))  # ratings from phones too (workshop_app/phone_page.py)
        layout.addWidget(self.tabs, 1)
        self.start.setEnabled(not session.read_only)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.room_changed.connect(lambda part: part == logic.KEY and self.refresh())
        self.show_button.clicked.connect(lambda: self.session.present(logic.KEY))
        self.screen_buttons.idClicked.connect(lambda i: update(self.session, screen=SCREENS[i]))
        self.start.clicked.connect(self._on_start)

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in (logic.KEY, "participants"):
            self.refresh()

    def refresh(self) -> None:
        st = state(self.session)
        self.screen_buttons.button(SCREENS.index(st.screen) if st.screen in SCREENS else 0
                                   ).setChecked(True)
        chosen = self.rater.currentData()
        self.rater.clear()
        for person in unfinished(self.session):
            self.rater.addItem(person.name, person.id)
        self.rater.setCurrentIndex(max(0, self.rater.findData(chosen)))
        weak = logic.weakest(self.results.rows)
        self.weakest.setText(_("Three weakest: {names}").format(
            names=", ".join(r.characteristic.name for r in weak)) if weak else "")

    def _on_start(self) -> None:
        if self.rater.currentData() is not None:
            update(self.session, rater_id=self.rater.currentData(), index=0, screen="rate")
