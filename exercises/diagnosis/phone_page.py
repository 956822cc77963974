"""The CX self-diagnosis from phones: each participant rates the characteristics 1–5.

One page with every characteristic (its question, what a 1 and a 5 look like); what is
chosen is saved with ``logic.set_score``, the laptop's own operation: one score per
participant and characteristic, so a phone and the laptop replace each other, never add up.
A characteristic left blank keeps the score it had.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from workshop_app.phone_page import PhonePage, View, Visit, Write, number, only_fields
from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.store import Store

from . import KEY, logic


class DiagnosisPage(PhonePage):
    stage = KEY
    code = "d"
    folder = Path(__file__).with_name("phone")
    templates = ("diagnosis.html",)

    def title(self) -> str:
        return _("Self-diagnosis")

    def view(self, store: Store, visit: Visit, query: Mapping[str, str], error: str = "",
             values: Mapping[str, str] | None = None) -> View:
        values = values or {}
        grid = logic.score_grid(store)
        items = []
        for i, item in enumerate(logic.characteristics(visit.language)):
            score = values.get(f"c{i}", grid.get((visit.participant_id, item.key), ""))
            items.append({"name": f"c{i}", "item": item, "choices": [
                {"value": str(s), "checked": str(s) == str(score)} for s in logic.SCORES]})
        done = sum(1 for item in logic.keys() if (visit.participant_id, item) in grid)
        return View("diagnosis.html", {
            "items": items, "error": error, "saved": query.get("saved") == "1",
            "done_text": _("{done} of {total} rated").format(done=done, total=len(items))})

    def handle(self, store: Store, visit: Visit, form: Mapping[str, str]) -> View | Write:
        keys = logic.keys()
        only_fields(form, {f"c{i}" for i in range(len(keys))})
        scores = {keys[int(name[1:])]: number(text, 1, 5) for name, text in form.items()
                  if name != "csrf" and text != ""}
        if not scores:
            raise ValidationError(_("Choose a score for at least one characteristic."))
        participant = visit.participant_id

        def save(s: Store, _keys):
            for key, score in scores.items():
                logic.set_score(s, key, participant, score)
        return Write(save, then="saved=1")


def page() -> DiagnosisPage:
    return DiagnosisPage()
