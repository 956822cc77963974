"""Undo commands: each changes the model through one core operation, then announces it.

Commands never touch widgets; the views refresh from ``Session.changed``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand


class CoreCommand(QUndoCommand):
    """An undoable action made of a core operation and its inverse.

    The operation has already run once (so a refusal reaches the caller as an
    exception before anything is pushed); ``redo`` re-runs it after an undo.
    ``do()`` returns what ``undo(result)`` needs, e.g. the id it created.
    """

    def __init__(self, session, text: str, kind: str, do: Callable[[], object],
                 undo: Callable[[object], None], result: object):
        super().__init__(text)
        self._session = session
        self._kind = kind
        self._do = do
        self._undo = undo
        self._result = result
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
        else:
            self._result = self._do()
        self._session.notify(self._kind)

    def undo(self) -> None:
        self._undo(self._result)
        self._session.notify(self._kind)


def run_command(session, text: str, kind: str, do: Callable[[], object],
                undo: Callable[[object], None]) -> object:
    """Apply ``do`` now and push it on the undo stack; errors propagate, nothing is pushed."""
    result = do()
    session.push(CoreCommand(session, text, kind, do, undo, result))
    return result
