"""The "Phones" panel: turn the room's server on or off, show how to join, see who joined and voted.

Off by default and stopped when the seminar closes. The server reads the file through its own
read-only connection and writes through ``PhoneBridge`` (this main thread); every committed
change of the session is passed on to the phones. Names only here: never anyone's choices.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from exercises.arbitration.booth import voter_ids
from room.app import Room
from room.reader import Reader
from room.security import RoomConfig
from room.server import RoomServer, RoomServerError, interfaces, qr_png, url_of, wifi_qr_text
from room.state import phone_rounds
from workshop_app import join_codes
from workshop_app.i18n import _

from .kit.errors import show_error
from .phone_bridge import PhoneBridge

NO_PHONE_HINT_AFTER = 60.0
DEFAULT_PORT = 8765


def no_phone_hint() -> str:
    return _("No phone has reached the laptop yet. This usually means the guest or hotel Wi-Fi keeps devices "
             "apart, the phones fell back to mobile data, or the laptop's firewall blocks the app. What works: "
             "the laptop's own hotspot or a travel router, with the app allowed through the firewall "
             "(see docs/room-network.md).")


def pixmap(png: bytes, side: int) -> QPixmap:
    image = QPixmap()
    image.loadFromData(png)
    return image.scaled(side, side, Qt.KeepAspectRatio, Qt.FastTransformation)


class PhonesPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.server: RoomServer | None = None
        self.bridge = PhoneBridge(session, self)
        self.shown_at: float | None = None
        self.join_screen = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        session.closed.connect(self.stop)
        self.refresh()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.toggle = QPushButton(_("Let phones join"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.toggle.setEnabled(not self.session.read_only)
        self.network = QComboBox()
        for item in interfaces():
            self.network.addItem(item.label, item.address)
        self.network.setMinimumWidth(260)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.state = QLabel(_("Off: phones cannot reach this laptop."))
        self.state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.toggle)
        top.addWidget(QLabel(_("Network")))
        top.addWidget(self.network)
        top.addWidget(QLabel(_("Port")))
        top.addWidget(self.port)
        top.addStretch(1)

        self.address = QLabel("")
        self.address.setProperty("role", "title")
        self.address.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setFixedSize(180, 180)
        self.wifi_name = QLineEdit()
        self.wifi_password = QLineEdit()
        self.wifi_password.setEchoMode(QLineEdit.Password)
        self.wifi_qr = QLabel()
        self.wifi_qr.setFixedSize(140, 140)
        self.wifi_name.textChanged.connect(self._draw_wifi)
        self.wifi_password.textChanged.connect(self._draw_wifi)
        self.wifi_name.setMaximumWidth(320)
        self.wifi_password.setMaximumWidth(320)
        wifi = QFormLayout()
        wifi.addRow(_("Wi-Fi name (optional)"), self.wifi_name)
        wifi.addRow(_("Wi-Fi password"), self.wifi_password)
        join_box = QGroupBox(_("How to join"))
        grid = QGridLayout(join_box)
        grid.addWidget(self.qr, 0, 0, 3, 1)
        grid.addWidget(self.address, 0, 1)
        grid.addLayout(wifi, 1, 1)
        grid.addWidget(self.wifi_qr, 0, 2, 3, 1)
        grid.setColumnStretch(1, 1)
        self.counts = QLabel("")
        self.counts.setProperty("role", "subtitle")
        self.hint = QLabel(no_phone_hint())
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "banner")
        self.hint.hide()

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Code"), _("Phone"), _("Voted in the open round")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.release_button = QPushButton(_("Release the code"))
        self.release_button.setToolTip(_("Unbind the selected person's code from their phone, to join from another"))
        self.release_button.clicked.connect(self.release_selected)
        self.project_button = QPushButton(_("Show the join page on the projector"))
        self.project_button.clicked.connect(self.show_join_screen)
        self.cards_button = QPushButton(_("Print join cards…"))
        self.cards_button.clicked.connect(self.print_cards)
        buttons = QHBoxLayout()
        buttons.addWidget(self.release_button)
        buttons.addStretch()
        buttons.addWidget(self.project_button)
        buttons.addWidget(self.cards_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(join_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- on / off ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        if self.server is not None:
            return self.server.url
        return url_of(self.network.currentData() or "127.0.0.1", self.port.value())

    def _on_toggled(self, on: bool) -> None:
        if on and self.server is None:
            self.start()
        elif not on and self.server is not None:
            self.stop()

    def start(self) -> None:
        store = self.session.store
        if store.read_only or store.conn is None:
            return
        join_codes.ensure_codes(store)
        reader = None
        try:
            reader = Reader(store.path)
            room = Room(reader, self.bridge, RoomConfig(host=self.network.currentData(), port=self.port.value()),
                        room_state=self.session.room)  # what is open for input, from the stages' tabs
            server = RoomServer(room)
            server.start()
        except (RoomServerError, ValueError, OSError) as error:
            if reader is not None:
                reader.close()
            self.toggle.setChecked(False)
            show_error(self, str(error))
            return
        self.server = server
        self.shown_at = time.time()
        self.network.setEnabled(False)
        self.port.setEnabled(False)
        self.timer.start()
        self.session.notify("participants")
        self.refresh()

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            server.room.reader.close()
        self.timer.stop()
        self.toggle.blockSignals(True)
        self.toggle.setChecked(False)
        self.toggle.blockSignals(False)
        self.network.setEnabled(True)
        self.port.setEnabled(True)
        if self.join_screen is not None:
            self.join_screen.close()
        if self.session.store.conn is not None:
            self.refresh()

    def _on_changed(self, _kind: str, _ident: int) -> None:
        if self.server is not None:
            self.server.room.notify()
        if self.session.store.conn is not None:
            self.refresh()

    # --- what the facilitator sees -----------------------------------------------------
    def joined_text(self) -> str:
        joined, total = join_codes.joined_count(self.session.store)
        return _("{joined} of {total} joined").format(joined=joined, total=total)

    def refresh(self) -> None:
        store = self.session.store
        if store.conn is None:
            return
        on = self.server is not None
        self.address.setText(self.url)
        self.qr.setPixmap(pixmap(qr_png(self.url), 180))
        self.qr.setEnabled(on)
        connected = self.server.room.connected() if on else set()
        rounds = phone_rounds(store)
        voted = voter_ids(store, rounds[0].id) if rounds else set()
        codes = join_codes.list_codes(store)
        self.toggle.setText(_("Stop the phones' server") if on else _("Let phones join"))
        if on:
            self.state.setText(_("On: phones on the same network can open {url}.").format(url=self.url))
        else:
            self.state.setText(_("Off: phones cannot reach this laptop."))
        parts = [self.joined_text(), _("{count} phones connected").format(count=len(connected))]
        if rounds:
            parts.append(_("{voted} voted in “{question}”").format(voted=len(voted), question=rounds[0].question))
        self.counts.setText("  ·  ".join(parts))
        first = self.server.room.first_request_at if on else None
        self.hint.setVisible(on and first is None and self.shown_at is not None
                             and time.time() - self.shown_at > NO_PHONE_HINT_AFTER)
        self._fill_table(codes, connected, voted, bool(rounds))
        if self.join_screen is not None:
            self.join_screen.update_texts(self.url, self.joined_text())

    def _fill_table(self, codes, connected: set[int], voted: set[int], any_round: bool) -> None:
        if self.table.rowCount() != len(codes):
            self.table.setRowCount(len(codes))
        for row, code in enumerate(codes):
            phone = _("connected") if code.participant_id in connected else (_("joined") if code.bound else "")
            texts = (code.name, code.shown, phone, ("✓" if code.participant_id in voted else "") if any_round else "")
            for column, text in enumerate(texts):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem(text)
                    self.table.setItem(row, column, item)
                elif item.text() != text:
                    item.setText(text)
                item.setData(Qt.UserRole, code.participant_id)

    def _draw_wifi(self) -> None:
        name = self.wifi_name.text().strip()
        if name:
            self.wifi_qr.setPixmap(pixmap(qr_png(wifi_qr_text(name, self.wifi_password.text())), 140))
        else:
            self.wifi_qr.clear()

    # --- actions -----------------------------------------------------------------------
    def release_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.session.read_only:
            return
        participant = self.table.item(rows[0].row(), 0).data(Qt.UserRole)
        join_codes.release(self.session.store, participant)
        self.session.notify("participants")

    def show_join_screen(self) -> None:
        from .join_screen import JoinScreen

        if self.join_screen is None:
            self.join_screen = JoinScreen(self.session.seminar.title)
            self.join_screen.destroyed.connect(self._forget_join_screen)
        self.join_screen.update_texts(self.url, self.joined_text())
        self.join_screen.show_on_projector()
        if self.shown_at is None or self.server is None:
            self.shown_at = time.time()

    def _forget_join_screen(self, *_args) -> None:
        self.join_screen = None

    def print_cards(self) -> None:
        print_join_cards(self, self.session, self.url)

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)


def print_join_cards(parent, session, url: str | None = None) -> None:
    """File ▸ Print join cards: A4 pages of cards as a PDF (printed from any PDF viewer)."""
    from .join_cards import write_join_cards

    store = session.store
    if not store.read_only:
        join_codes.ensure_codes(store)
    path, _filter = QFileDialog.getSaveFileName(parent, _("Print join cards"), _("join-cards.pdf"), "PDF (*.pdf)")
    if not path:
        return
    address = url or url_of(interfaces()[0].address, DEFAULT_PORT)
    try:
        write_join_cards(path, join_codes.list_codes(store), address, session.seminar.title)
    except OSError as error:
        show_error(parent, str(error))
