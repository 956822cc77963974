"""Run mode: the current block, its timer and controls, drift, and a live thumbnail.

Every button calls one ``Runner`` command; the panel then renders from the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QBrush
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget, QHeaderView)

from workshop_app import run as run_core
from workshop_app.agenda import format_hhmm, list_days
from workshop_app.i18n import _
from workshop_app.timer import current_step, format_seconds

from . import settings

from .kit import theme
from .timer_widget import BigTimer


def drift_text(drift: run_core.DayDrift) -> str:
    behind = round(drift.behind_minutes)
    if behind > 0:
        head = _("{n} min behind").format(n=behind)
    elif behind < 0:
        head = _("{n} min ahead").format(n=-behind)
    else:
        head = _("On time")
    return _("{head} · projected end {end} (day ends {limit})").format(
        head=head, end=format_hhmm(drift.projected_end), limit=format_hhmm(drift.day_end))


class RunPanel(QWidget):
    """The facilitator's live console. ``screen`` is the SharedScreen to thumbnail.

    Signals:
        chimed(): the current block's timer reached zero and the chime rang.
    """

    chimed = Signal()

    def __init__(self, session, screen, parent=None):
        super().__init__(parent)
        self.session = session
        self.screen_window = screen
        self.runner = session.runner
        # the plan, as run
        self.plan = QTreeWidget()
        self.plan.setColumnCount(4)
        self.plan.setHeaderLabels([_("Block"), _("Start time"), _("Planned"), _("Actual")])
        self.plan.header().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            self.plan.header().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.plan.header().setStretchLastSection(False)
        self.plan.setRootIsDecorated(False)
        self.plan.setMinimumWidth(430)
        # the current block
        self.block_title = QLabel()
        self.block_title.setProperty("role", "title")
        self.block_title.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setProperty("role", "subtitle")
        self.timer = BigTimer(fill=0.85)
        self.timer.setMinimumHeight(150)
        self.drift_label = QLabel()
        self.drift_label.setProperty("role", "subtitle")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setProperty("role", "banner")
        self.buttons = {}
        grid = QGridLayout()
        specs = [("prev", _("◀ Previous"), "PgUp"), ("start", _("Start"), "Space"),
                 ("next", _("Next ▶"), "PgDn"), ("plus1", _("+1 min"), ""), ("plus5", _("+5 min"), ""),
                 ("finish", _("Finish"), ""), ("skip", _("Skip"), ""), ("absorb", _("Absorb the drift…"), "")]
        for index, (key, label, shortcut) in enumerate(specs):
            button = QPushButton(label)
            button.setMinimumHeight(40)
            if shortcut:
                button.setToolTip(shortcut)
            self.buttons[key] = button
            grid.addWidget(button, index // 4, index % 4)
        self.buttons["start"].setProperty("primary", True)
        centre = QVBoxLayout()
        centre.addWidget(self.block_title)
        centre.addWidget(self.step_label)
        centre.addWidget(self.timer, 1)
        centre.addWidget(self.drift_label)
        centre.addLayout(grid)
        centre.addWidget(self.notes)
        # the shared screen, in small
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(384, 216)
        self.thumbnail.setStyleSheet("background: black; border: 2px solid #C4CBD4;")
        self.thumbnail.setAlignment(Qt.AlignCenter)
        self.screen_buttons = {}
        right = QVBoxLayout()
        right.addWidget(QLabel(_("The room sees:")))
        right.addWidget(self.thumbnail)
        for key, label in (("show", _("Show the shared screen")), ("block", _("Show the block and its timer")),
                           ("full", _("Full screen (F11)")),
                           ("black", _("Black screen (B)")), ("freeze", _("Freeze"))):
            button = QPushButton(label)
            if key in ("black", "freeze"):
                button.setCheckable(True)
            self.screen_buttons[key] = button
            right.addWidget(button)
        right.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.plan, 3)
        layout.addLayout(centre, 5)
        layout.addLayout(right, 0)
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(120)
        self._ticks = 0
        self._chimed_for = None
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.session.ticked.connect(self._on_ticked)
        b = self.buttons
        b["start"].clicked.connect(self.start_or_pause)
        b["next"].clicked.connect(self.next_block)
        b["prev"].clicked.connect(lambda: self._act(self.runner.go, -1))
        b["plus1"].clicked.connect(lambda: self._act(self.runner.extend, 1))
        b["plus5"].clicked.connect(lambda: self._act(self.runner.extend, 5))
        b["finish"].clicked.connect(lambda: self._act(self.runner.finish))
        b["skip"].clicked.connect(lambda: self._act(self.runner.skip))
        b["absorb"].clicked.connect(self._on_absorb)
        s = self.screen_buttons
        s["block"].clicked.connect(lambda: self.session.present(""))
        s["black"].clicked.connect(lambda: self.toggle_screen_mode("black"))
        s["freeze"].clicked.connect(lambda: self.toggle_screen_mode("frozen"))
        self._thumb_timer.timeout.connect(self._update_thumbnail)
        self.session.closed.connect(self._thumb_timer.stop)

    # --- commands (also called by the clicker) -----------------------------
    def _act(self, fn, *args) -> None:
        fn(*args)
        block = self.runner.current()
        if block is not None and self.runner.state(block).status != "ready" and not self.session.read_only:
            from workshop_app.snapshots import ensure_day_snapshot

            ensure_day_snapshot(self.session.store, block.day_id)
        self.session.notify("run")

    def start_or_pause(self) -> None:
        self._act(self.runner.start_or_pause)

    def next_block(self) -> None:
        """Move on to the next block; its timer starts only if the facilitator set it so."""
        self._act(self.runner.go, +1, settings.get(settings.NEXT_STARTS))

    def previous_block(self) -> None:
        self._act(self.runner.go, -1)

    def toggle_screen_mode(self, mode: str) -> None:
        current = run_core.screen_mode(self.session.store)
        run_core.set_screen_mode(self.session.store, "live" if current == mode else mode)
        self.session.notify("screen")

    def _on_absorb(self) -> None:
        block = self.runner.current()
        if block is None:
            return
        proposal = run_core.propose_absorb(self.session.store, self.session.clock, block.day_id)
        if proposal is None:
            QMessageBox.information(self, _("Absorb the drift"), _("The day is on time: nothing to absorb."))
            return
        text = _("The day would end {n} min late. Proposal: {what}.").format(
            n=proposal.behind_minutes, what=proposal.describe() or _("nothing can be shortened"))
        if proposal.unabsorbed_minutes:
            text += "\n" + _("{n} min cannot be absorbed today.").format(n=proposal.unabsorbed_minutes)
        if not proposal.new_minutes and not proposal.move_to_next_day:
            QMessageBox.information(self, _("Absorb the drift"), text)
            return
        if QMessageBox.question(self, _("Absorb the drift"), text + "\n\n" + _("Apply this proposal?")) \
                == QMessageBox.Yes:
            run_core.apply_absorb(self.session.store, proposal)
            self.session.notify("agenda")

    # --- rendering -----------------------------------------------------------
    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in ("run", "agenda", "seminar", "screen"):
            self.refresh()
        self._thumb_timer.start()

    def _on_ticked(self) -> None:
        self._render_timer()
        self._ticks += 1
        if self._ticks % 2 == 0:
            self._update_thumbnail()

    def refresh(self) -> None:
        block = self.runner.current()
        self.block_title.setText(block.title if block else _("No block in the agenda yet"))
        self.notes.setText(block.notes if block else "")
        self.notes.setVisible(bool(block and block.notes))
        self._render_plan(block)
        self._render_timer()
        mode = run_core.screen_mode(self.session.store)
        self.screen_buttons["black"].setChecked(mode == "black")
        self.screen_buttons["freeze"].setChecked(mode == "frozen")
        self._thumb_timer.start()

    def _render_timer(self) -> None:
        block = self.runner.current()
        state = self.runner.state(block) if block else None
        self._maybe_chime(block, state)
        self.timer.show_state(state, self.session.seminar.warning_seconds)
        label = {"ready": _("Start"), "running": _("Pause"), "paused": _("Resume"),
                 "finished": _("Resume")}.get(state.status if state else "ready")
        self.buttons["start"].setText(label)
        step = current_step(block.steps, state.elapsed) if block and state and state.status != "ready" else None
        self.step_label.setText(
            _("Step {i}/{n}: {title} · {left}").format(i=step.index + 1, n=len(block.steps),
                                                       title=step.step.title, left=format_seconds(step.remaining))
            if step else "")
        if block:
            drift = run_core.day_drift(self.session.store, self.session.clock, block.day_id)
            text = drift_text(drift)
            day = next((d for d in list_days(self.session.store) if d.id == block.day_id), None)
            today = self.session.clock.local().date().isoformat()
            if day is not None and day.date != today:  # a rehearsal: times are today's, not the day's
                text = _("Rehearsal (the day is planned for {date})").format(date=day.date) + " · " + text
            self.drift_label.setText(text)
            colour = theme.DANGER if drift.overrun_minutes > 0 else (
                theme.WARNING if drift.behind_minutes >= 5 else theme.MUTED)
            self.drift_label.setStyleSheet(f"color: {colour}; font-size: 13pt;")

    def _maybe_chime(self, block, state) -> None:
        """Ring once when a running block reaches zero (if the chime is on in the settings)."""
        reached = bool(block and state and state.running and state.remaining <= 0)
        key = (block.id if block else None, state.planned if state else None)
        if reached and self._chimed_for != key:
            self._chimed_for = key
            if settings.get(settings.CHIME):
                QApplication.beep()
                self.chimed.emit()
        elif not reached and self._chimed_for == key:
            self._chimed_for = None

    def _render_plan(self, current) -> None:
        self.plan.clear()
        store, clock = self.session.store, self.session.clock
        bold = self.font()
        bold.setBold(True)
        for day_index, day in enumerate(list_days(store)):
            drift = run_core.day_drift(store, clock, day.id)
            head = QTreeWidgetItem([_("Day {n} · {date}").format(n=day_index + 1, date=day.date), day.start,
                                    "", ""])
            head.setFont(0, bold)
            head.setBackground(0, QBrush(QColor("#E7EAEE")))
            self.plan.addTopLevelItem(head)
            cursor = None
            from workshop_app.agenda import parse_hhmm
            cursor = parse_hhmm(day.start)
            for row in drift.blocks:
                actual = "" if row.actual_minutes is None else f"{row.actual_minutes:.0f}′"
                item = QTreeWidgetItem([row.block.title, format_hhmm(cursor), f"{row.planned_minutes}′", actual])
                cursor += row.planned_minutes
                if current is not None and row.block.id == current.id:
                    for col in range(4):
                        item.setBackground(col, QBrush(QColor("#CFE0F5")))
                        item.setFont(col, bold)
                elif row.actual_minutes is not None and row.actual_minutes > row.planned_minutes + 0.5:
                    item.setForeground(3, QBrush(QColor(theme.DANGER)))
                self.plan.addTopLevelItem(item)

    def _update_thumbnail(self) -> None:
        if self.session.store.conn is None:  # the seminar was closed meanwhile
            return
        frame = self.screen_window.render_frame()
        self.thumbnail.setPixmap(frame.scaled(self.thumbnail.size(), Qt.KeepAspectRatio,
                                              Qt.SmoothTransformation))
