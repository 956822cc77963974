"""The voting booth on the laptop's own screen: next voter, name, ballot, review, confirm, thanks.

One person at a time uses the laptop (``booth_window.BoothWindow`` shows this page full
screen, never on the projector). The ballot being filled in lives only in this widget;
once confirmed it is cast and the editor is destroyed, so nothing on screen shows a
previous ballot. The booth's step and the voter are announced to ``session.room`` so the
console can follow progress; the projector shows only how many have voted.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from ui.kit import theme
from ui.kit.errors import show_error
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.participants import get_participant
from workshop_app.store import StoreError

from . import screen_state
from .ballot_widgets import _button, _label, _scroll, editor_for
from .charts import grade_colours
from .booth import cast_ballot, has_voted, progress, voters_missing
from .rounds import get_round, option_labels


def booth_style(height: int, grades: int = 6) -> str:
    """The booth's style sheet, with sizes scaled to the window's height."""
    b = max(13, int(height * 0.027))
    grade_rules = "".join(
        f'QPushButton[role="grade"][level="{i}"] {{ border-bottom: 5px solid {c}; }}\n'
        f'QPushButton[role="grade"][level="{i}"]:checked {{ background: {c}; border-color: white; '
        f'color: {_ink_on(c)}; font-weight: bold; }}\n'
        for i, c in enumerate(_hex(grade_colours(grades))))
    return f"""
    QLabel {{ color: white; font-size: {b}px; background: transparent; }}
    QLabel[role="title"] {{ font-size: {int(b * 1.9)}px; font-weight: bold; }}
    QLabel[role="subtitle"] {{ color: #D9E2EC; font-size: {int(b * 1.15)}px; }}
    QLabel[role="muted"] {{ color: #9FB3C8; }}
    QLabel[role="status"] {{ color: {theme.WARNING}; font-weight: bold; font-size: {int(b * 1.1)}px; }}
    QLabel[role="page-title"] {{ font-size: {int(b * 1.35)}px; font-weight: bold; }}
    QLabel[role="criterion"] {{ font-size: {int(b * 1.0)}px; font-weight: bold; }}
    QLabel[role="level"] {{ color: #9FB3C8; font-size: {int(b * 0.85)}px; font-style: italic; }}
    QLabel[role="dots"] {{ color: {theme.WARNING}; font-size: {int(b * 1.4)}px; }}
    QLabel[role="summary"] {{ font-size: {int(b * 1.05)}px; }}
    QPushButton {{ color: white; background: rgba(255,255,255,0.10); border: 2px solid rgba(255,255,255,0.35);
                  border-radius: 8px; padding: 4px 12px; font-size: {b}px; min-height: {int(b * 1.9)}px; }}
    QPushButton:hover {{ border-color: white; }}
    QPushButton:disabled {{ color: rgba(255,255,255,0.3); border-color: rgba(255,255,255,0.12); }}
    QPushButton[role="primary"] {{ background: {theme.ACCENT_2}; border-color: {theme.ACCENT_2};
                  font-weight: bold; font-size: {int(b * 1.25)}px; min-height: {int(b * 2.3)}px; padding: 4px 28px; }}
    QPushButton[role="primary"]:disabled {{ background: rgba(42,157,143,0.35); color: rgba(255,255,255,0.5); }}
    QPushButton[role="name"] {{ font-size: {int(b * 1.2)}px; min-height: {int(b * 2.5)}px; }}
    QLineEdit[role="filter"] {{ color: #1B1F24; background: white; border: 2px solid {theme.ACCENT_2};
                  border-radius: 8px; padding: 4px 12px; font-size: {int(b * 1.2)}px; min-height: {int(b * 2.0)}px; }}
    QPushButton[role="step"] {{ font-size: {int(b * 1.4)}px; min-width: {int(b * 2.4)}px; font-weight: bold; }}
    QPushButton[role="grade"] {{ font-size: {int(b * 0.85)}px; min-height: {int(b * 1.7)}px; padding: 2px 4px; }}
    QPushButton[role="score"] {{ font-size: {int(b * 1.1)}px; min-width: {int(b * 2.2)}px; font-weight: bold; }}
    QPushButton[role="score"]:checked {{ background: {theme.WARNING}; color: #1B1F24; border-color: white; }}
    QPushButton[role="toggle"] {{ min-height: {int(b * 2.4)}px; text-align: left; padding-left: {b}px; }}
    QPushButton[role="toggle"]:checked {{ background: {theme.ACCENT_2}; border-color: white; font-weight: bold; }}
    {grade_rules}
    QSpinBox {{ font-size: {int(b * 1.1)}px; min-height: {int(b * 1.8)}px; min-width: {int(b * 3.6)}px; }}
    QSlider {{ min-height: {int(b * 1.8)}px; }}
    QSlider::groove:horizontal {{ height: {max(6, int(b * 0.4))}px; background: rgba(255,255,255,0.25);
                  border-radius: {max(3, int(b * 0.2))}px; }}
    QSlider::sub-page:horizontal {{ background: {theme.ACCENT_2}; border-radius: {max(3, int(b * 0.2))}px; }}
    QSlider::handle:horizontal {{ background: white; width: {int(b * 1.4)}px; margin: -{int(b * 0.5)}px 0;
                  border-radius: {int(b * 0.7)}px; }}
    QScrollArea {{ background: transparent; }}
    QToolTip {{ color: #1B1F24; background: white; font-size: {b}px; }}
    """


def _ink_on(colour: str) -> str:
    """Dark text on a light background, white on a dark one."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#1B1F24" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


def _hex(colours) -> list[str]:
    out = []
    for c in colours:
        if isinstance(c, str):
            out.append(c)
        else:
            out.append("#{:02X}{:02X}{:02X}".format(*(int(255 * v) for v in c[:3])))
    return out


class BoothPage(QWidget):
    """The booth for one open booth round (secret or open), on the laptop's screen only."""

    def __init__(self, session, round_id: int, kind: str = "arbitration", parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.booth = {"round_id": round_id, "voter_id": None, "step": "idle", "order": []}
        self._shown: tuple | None = None
        self.editor = None
        self._editor_for: tuple | None = None
        self.name_buttons: dict[int, QPushButton] = {}
        self.filter: QLineEdit | None = None
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.sync()

    # --- state ----------------------------------------------------------------
    @property
    def round(self):
        rid = self.booth.get("round_id")
        return get_round(self.session.store, rid) if rid is not None else None

    def set_round(self, round_id: int, kind: str) -> None:
        """Serve another round (or the same one afresh): back to "next voter", no ballot kept."""
        self._drop_editor()
        self.kind = kind
        self.booth.update(round_id=round_id, step="idle", voter_id=None, order=[])
        self._shown = None
        self.sync()

    def _set(self, **changes) -> None:
        self.booth.update(changes)
        room = self.session.room
        if room.booth.is_open and room.booth.round_id == self.booth["round_id"]:
            room.booth_step(self.booth["step"], self.booth["voter_id"])
        self.sync()

    # --- actions (the buttons call these; tests too) ---------------------------
    def next_voter(self) -> None:
        self._set(step="choose", voter_id=None, order=[])

    def choose(self, participant_id: int) -> None:
        rnd = self.round
        if rnd is None or has_voted(self.session.store, rnd.id, participant_id):
            show_error(self, _("This person has already voted in this round."))
            return
        order = screen_state.voter_order(rnd.options, bool(rnd.config.get("shuffle", True)))
        self._set(step="ballot", voter_id=participant_id, order=order)

    def cancel(self) -> None:
        self._drop_editor()
        self._set(step="idle", voter_id=None, order=[])

    def review(self) -> None:
        if self.editor is not None and self.editor.is_complete():
            self._set(step="review")

    def change(self) -> None:
        self._set(step="ballot")

    def confirm(self) -> None:
        rnd, voter = self.round, self.booth.get("voter_id")
        if rnd is None or voter is None or self.editor is None:
            return
        content = self.editor.content()
        keys = self.session.vote_keys
        try:
            cast_ballot(self.session.store, rnd.id, voter, content,
                        keys.key(rnd.id) if rnd.secret else None)
        except (ValidationError, StoreError) as error:
            show_error(self, str(error))
            self.cancel()
            return
        self._drop_editor()
        self._set(step="thanks", voter_id=None, order=[])
        self.session.notify(self.kind)

    # --- rendering ---------------------------------------------------------------
    def _drop_editor(self) -> None:
        if self.editor is not None:
            # hide and delete in place: detaching it first re-styles its whole subtree (~40 ms)
            self.editor.hide()
            self.editor.deleteLater()
        self.editor = None
        self._editor_for = None

    def sync(self) -> None:
        rnd, booth = self.round, self.booth
        step = booth.get("step", "idle")
        voted = progress(self.session.store, rnd.id) if rnd else (0, 0)
        key = (rnd.id if rnd else None, rnd.status if rnd else None, booth.get("voter_id"), step, voted)
        if key == self._shown:
            return
        self._shown = key
        if rnd is None or not rnd.is_open:
            self._drop_editor()
            self._show(self._message_page(_("The vote is closed"), _("Thank you all.")))
        elif step == "choose":
            self._show(self._choose_page(rnd))
        elif step in ("ballot", "review") and booth.get("voter_id") is not None:
            self._show(self._ballot_page(rnd, booth) if step == "ballot" else self._review_page(rnd, booth))
        else:
            self._drop_editor()
            self._show(self._idle_page(rnd, voted, thanks=step == "thanks"))
        self._restyle()

    def _restyle(self) -> None:
        """Apply the booth's style sheet only when what it depends on changed (it is costly)."""
        rnd = self.round
        key = (self.height(), len(rnd.config.get("grades", [])) if rnd else 6)
        if key != getattr(self, "_style_key", None):
            self._style_key = key
            self.setStyleSheet(booth_style(*key))

    def _show(self, page: QWidget) -> None:
        while self.pages.count():
            old = self.pages.widget(0)
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def _message_page(self, title: str, subtitle: str = "") -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        for text, role in ((title, "title"), (subtitle, "subtitle")):
            label = _label(text, role)
            label.setAlignment(Qt.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(3)
        return page

    def _idle_page(self, rnd, voted: tuple[int, int], thanks: bool) -> QWidget:
        done, eligible = voted
        if thanks:
            title, subtitle = _("Thank you, your vote is recorded"), _("Please hand the laptop on to the next voter.")
        else:
            title = rnd.question
            subtitle = _("Secret vote: your ballot is seen on this screen only.") if rnd.secret else \
                _("Open vote: one person at a time at the laptop.")
        page = self._message_page(title, subtitle)
        layout = page.layout()
        count = _label(_("{done} of {eligible} have voted").format(done=done, eligible=eligible), "muted")
        count.setAlignment(Qt.AlignCenter)
        layout.insertWidget(layout.count() - 1, count)
        if self.session.read_only:
            note = _label(_("This seminar is open read-only: no ballot can be cast."), "status")
            note.setAlignment(Qt.AlignCenter)
            layout.insertWidget(layout.count() - 1, note)
        elif done < eligible:
            self.next_button = _button(_("Next voter"), "primary")
            self.next_button.clicked.connect(self.next_voter)
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(self.next_button)
            row.addStretch()
            layout.insertLayout(layout.count() - 1, row)
        else:
            done_label = _label(_("Everyone has voted. The facilitator will close the vote."), "status")
            done_label.setAlignment(Qt.AlignCenter)
            layout.insertWidget(layout.count() - 1, done_label)
        return page

    def _choose_page(self, rnd) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label(_("Who is voting? Touch your name."), "title"))
        layout.addWidget(_label(rnd.question, "subtitle"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Type the first letters of your name…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setProperty("role", "filter")
        self.filter.textChanged.connect(self._on_filter)
        self.filter.returnPressed.connect(self._on_filter_enter)
        cancel = _button(_("Cancel"))
        cancel.clicked.connect(self.cancel)
        search = QHBoxLayout()
        search.addWidget(self.filter, 1)
        search.addWidget(cancel)
        layout.addLayout(search)
        names = QWidget()
        grid = QGridLayout(names)
        self.name_buttons = {}
        missing = sorted(voters_missing(self.session.store, rnd.id), key=lambda p: fold(p.name))
        columns = 3 if len(missing) <= 12 else 4 if len(missing) <= 24 else 5
        for index, person in enumerate(missing):
            button = NameButton(person.name)
            button.setProperty("search", fold(person.name))
            button.clicked.connect(lambda _c=False, pid=person.id: self.choose(pid))
            grid.addWidget(button, index // columns, index % columns)
            self.name_buttons[person.id] = button
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(len(missing) // columns + 1, 1)
        area = _scroll(names)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # names elide rather than scroll sideways
        layout.addWidget(area, 1)
        self.no_match = _label(_("No name starts like this: clear the field and try again."), "muted")
        self.no_match.setAlignment(Qt.AlignCenter)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        self.names_area = area
        self.filter.setFocus()
        return page

    def visible_names(self) -> list[int]:
        """The people whose name buttons the filter leaves on screen."""
        return [pid for pid, button in self.name_buttons.items() if not button.isHidden()]

    def _on_filter(self, text: str) -> None:
        wanted = fold(text).split()
        for button in self.name_buttons.values():
            words = button.property("search").split()
            button.setHidden(not all(any(w.startswith(part) for w in words) for part in wanted))
        self.no_match.setHidden(bool(self.visible_names()) or not self.name_buttons)

    def _on_filter_enter(self) -> None:
        shown = self.visible_names()
        if len(shown) == 1:
            self.choose(shown[0])

    def _voter_name(self, booth: dict) -> str:
        try:
            return get_participant(self.session.store, booth["voter_id"]).name
        except ValidationError:
            return ""

    def _ballot_page(self, rnd, booth: dict) -> QWidget:
        wanted = (rnd.id, booth["voter_id"])
        if self._editor_for != wanted:
            self._drop_editor()
            labels = option_labels(self.session.store, rnd)
            self.editor = editor_for(rnd, labels, booth.get("order") or list(rnd.options))
            self.editor.changed.connect(self._on_editor_changed)
            self._editor_for = wanted
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label(_("{name}, your ballot").format(name=self._voter_name(booth)), "title"))
        layout.addWidget(_label(rnd.question, "subtitle"))
        layout.addWidget(self.editor, 1)
        self.editor.show()
        self.status = _label("", "status")
        cancel = _button(_("Cancel"))
        cancel.clicked.connect(self.cancel)
        self.review_button = _button(_("Review my ballot ▶"), "primary")
        self.review_button.clicked.connect(self.review)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(self.status, 1)
        row.addWidget(self.review_button)
        layout.addLayout(row)
        self._on_editor_changed()
        return page

    def _on_editor_changed(self) -> None:
        if self.editor is not None:
            self.status.setText(self.editor.status_text())
            self.review_button.setEnabled(self.editor.is_complete())

    def _review_page(self, rnd, booth: dict) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label(_("Check your ballot, {name}").format(name=self._voter_name(booth)), "title"))
        lines = QWidget()
        grid = QGridLayout(lines)
        grid.setVerticalSpacing(max(4, self.height() // 90))
        for row, (label, value) in enumerate(self.editor.summary() if self.editor else []):
            grid.addWidget(_label(label, "summary"), row, 0)
            shown = _label(value, "status")
            grid.addWidget(shown, row, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(grid.rowCount(), 1)
        layout.addWidget(_scroll(lines), 1)
        change = _button(_("◀ Change"))
        change.clicked.connect(self.change)
        self.confirm_button = _button(_("Confirm my vote ✓"), "primary")
        self.confirm_button.clicked.connect(self.confirm)
        row = QHBoxLayout()
        row.addWidget(change)
        row.addStretch()
        row.addWidget(self.confirm_button)
        layout.addLayout(row)
        if self.editor is not None:  # keep the editor alive (hidden) while the voter reviews
            self.editor.setParent(page)
            self.editor.hide()
        return page

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._restyle()


class NameButton(QPushButton):
    """A voter's name, as large as the grid allows; a name too long for its cell is elided in the middle."""

    def __init__(self, name: str, parent=None):
        super().__init__(name, parent)
        self.full_name = name
        self.setProperty("role", "name")
        self.setFocusPolicy(Qt.NoFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(name)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        room = max(20, self.width() - 24)
        self.setText(self.fontMetrics().elidedText(self.full_name, Qt.ElideMiddle, room))


def fold(text: str) -> str:
    """Lower case without accents, for matching what a voter types against the names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
