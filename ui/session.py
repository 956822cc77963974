"""The open seminar as seen by every window: one store, one undo stack, change signals.

Signals:
    changed(kind, id): a committed change; ``kind`` names what changed
        ("seminar", "participants", "agenda", "run", "screen", or an exercise key).
    ticked(): once a second while a timer runs, for the clocks to repaint.
    presentation_changed(key): the shared screen should show exercise ``key``'s
        shared view ("" for the current block's page).
    room_changed(part): the live room state (``room``, a core ``RoomState``) changed;
        ``part`` is "booth" or "presented".
    closed(): the seminar was closed.

``room`` is what the room is shown and asked now (the booth's step, what the projector
presents, each stage's screen such as the trend on the card, which stages take input);
``vote_keys`` the secret rounds' keys. Anything that must survive a restart belongs in
the store instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workshop_app.clock import Clock
from workshop_app.room_state import RoomState
from workshop_app.run import Runner
from workshop_app.seminar import get_seminar
from workshop_app.store import Store
from workshop_app.vote_keys import VoteKeys

SEAL_RETRY_MS = 15_000


class Session(QObject):
    changed = Signal(str, int)
    ticked = Signal()
    presentation_changed = Signal(str)
    room_changed = Signal(str)
    closed = Signal()

    def __init__(self, store: Store, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.clock = clock or Clock()
        self.runner = Runner(store, self.clock)
        self.undo_stack = QUndoStack(self)
        self.room = RoomState()
        self.vote_keys = VoteKeys()  # the secret rounds' keys: in this process's memory only
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.CoarseTimer)
        self._tick.timeout.connect(self._on_tick)
        self._seal_retry = QTimer(self)  # a secret round "closed, not yet sealed" is sealed when it can be
        self._seal_retry.setTimerType(Qt.VeryCoarseTimer)
        self._seal_retry.timeout.connect(self._retry_seal)
        if not store.read_only:
            self._seal_retry.start(SEAL_RETRY_MS)
        self._connect_signals()
        self._update_ticking()

    def _connect_signals(self) -> None:
        self.changed.connect(self._on_changed)
        self._unsubscribe_room = self.room.subscribe(self.room_changed.emit)

    # --- helpers for views -------------------------------------------------
    @property
    def seminar(self):
        return get_seminar(self.store)

    @property
    def language(self) -> str:
        return self.seminar.language

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def notify(self, kind: str, ident: int = 0) -> None:
        self.changed.emit(kind, ident)

    @property
    def presented(self) -> str:
        return self.room.presented

    def present(self, exercise_key: str) -> None:
        """Show an exercise's shared view on the projector ("" for the block page)."""
        self.room.present(exercise_key)
        self.presentation_changed.emit(exercise_key)

    def push(self, command) -> None:
        """Run an undoable command (its redo runs now)."""
        self.undo_stack.push(command)

    # --- ticking -----------------------------------------------------------
    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind in ("run", "agenda"):
            self._update_ticking()

    def _update_ticking(self) -> None:
        state = self.runner.state() if self.store.conn else None
        if state is not None and state.running:
            if not self._tick.isActive():
                self._tick.start(1000)
        else:
            self._tick.stop()

    def _on_tick(self) -> None:
        self.ticked.emit()

    def _retry_seal(self) -> None:
        if self.store.conn is not None and self.store.seal_pending and self.store.seal():
            self.notify("arbitration")  # its rounds' status no longer says "not yet sealed"

    def close(self) -> None:
        if self.store.conn is None:
            return
        self._tick.stop()
        self.room.close_booth()
        self._unsubscribe_room()
        self._seal_retry.stop()
        self.closed.emit()
        self.undo_stack.clear()
        self.store.close()
