"""The ideation console's input control: where ideas come from, and whether phones' are named."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from ui.kit.stage_input import StageInputControl
from workshop_app.i18n import _

from .. import logic
from ..phone_page import is_anonymous, set_anonymous


class IdeaInputControl(StageInputControl):
    """Opens phone input for the current round; ``anonymous`` is that round's authorship."""

    def __init__(self, session, parent=None):
        super().__init__(session, "ideation", target=logic.current_round_id,
                         missing=_("Open a round of ideas first: phones send their ideas into it."), parent=parent)
        self.anonymous = QCheckBox(_("Anonymous ideas from phones"))
        self.anonymous.setToolTip(_("An anonymous idea is stored without its author, and without any link to "
                                    "the phone that sent it."))
        self.layout().insertWidget(3, self.anonymous)
        self.anonymous.toggled.connect(self._on_anonymous)
        session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kind: str, _ident: int) -> None:
        if kind == "ideation":
            self.refresh()

    def refresh(self) -> None:
        super().refresh()
        if not hasattr(self, "anonymous"):
            return
        round_id = logic.current_round_id(self.session.store) if self.session.store.conn is not None else None
        self.anonymous.blockSignals(True)
        self.anonymous.setChecked(round_id is not None and is_anonymous(self.session.store, round_id))
        self.anonymous.blockSignals(False)
        self.anonymous.setEnabled(round_id is not None and not self.session.read_only)

    def _on_anonymous(self, on: bool) -> None:
        round_id = logic.current_round_id(self.session.store)
        if round_id is not None:
            set_anonymous(self.session.store, round_id, on)
            self.session.notify("ideation")
