"""Ideas from phones during a round: the page, its handlers and who may edit what.

A phone sends ideas into the round its input is open for (``StageInput.target_id``), several
in a row, each checked like the laptop's (``check_idea_text``, 600 characters). It sees only
its own ideas (a silent round's other ideas never reach it; the shared screen counts them
until the reveal) and may edit or withdraw them while the round's input stays open.

Authorship follows the round's setting (``phone_authorship``, kept in ``exercise_data``):
named ideas carry the participant as their author; an anonymous idea stores no author and
nothing else that links it to a phone or a person. Which anonymous ideas a phone may edit
is kept only in the server's memory, under the phone's opaque handle for this server run
(``Visit.owner``, an HMAC of its cookie): never in the file, never in a log. When the
server stops, anonymous ideas can no longer be changed from a phone (the laptop still can).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Mapping

from workshop_app.phone_page import FormError, PhonePage, View, Visit, Write, number, only_fields
from workshop_app.domain import ValidationError
from workshop_app.i18n import _, plural
from workshop_app.room_state import StageInput
from workshop_app.store import Store

from . import logic
from .rounds import current_round_id, get_round

KEY = "ideation"
_AUTHORSHIP = "phone_authorship:{round_id}"


def is_anonymous(store: Store, round_id: int) -> bool:
    """Whether ideas sent from phones into this round are anonymous (named by default)."""
    return store.scalar("SELECT value FROM exercise_data WHERE exercise = ? AND key = ?",
                        (KEY, _AUTHORSHIP.format(round_id=round_id))) == "anonymous"


def set_anonymous(store: Store, round_id: int, anonymous: bool) -> None:
    get_round(store, round_id)
    with store.action() as db:
        db["exercise_data"].upsert({"exercise": KEY, "key": _AUTHORSHIP.format(round_id=round_id),
                                    "value": "anonymous" if anonymous else "named"}, pk=("exercise", "key"))


def target_round(store: Store, stage_input: StageInput) -> int | None:
    """The round phones send into: the one the input was opened for, else the current one."""
    round_id = stage_input.target_id if stage_input.target_id is not None else current_round_id(store)
    if round_id is None or not store.scalar("SELECT count(*) FROM idea_rounds WHERE id = ?", (round_id,)):
        return None
    return round_id


class IdeaPage(PhonePage):
    stage = KEY
    code = "i"
    folder = Path(__file__).with_name("phone")
    templates = ("idea.html",)
    long_fields = ("text",)

    def __init__(self) -> None:
        self._mine: dict[tuple[int, str], set[int]] = {}  # (round, phone handle) -> anonymous ideas
        self._lock = threading.Lock()

    def title(self) -> str:
        return _("Ideas")

    def key(self, store: Store, stage_input: StageInput) -> str:
        round_id = target_round(store, stage_input)
        if round_id is None:
            return "-"
        return f"{round_id}{'h' if get_round(store, round_id).hidden else ''}"

    # --- which ideas are this phone's -------------------------------------------------
    def remember(self, round_id: int, owner: str, idea_id: int) -> None:
        with self._lock:
            self._mine.setdefault((round_id, owner), set()).add(idea_id)

    def forget(self, round_id: int, owner: str, idea_id: int) -> None:
        with self._lock:
            self._mine.get((round_id, owner), set()).discard(idea_id)

    def own_ideas(self, store: Store, visit: Visit, round_id: int) -> list[logic.Idea]:
        with self._lock:
            anonymous = set(self._mine.get((round_id, visit.owner), ()))
        return [i for i in logic.list_ideas(store) if i.round_id == round_id and (
            i.id in anonymous and i.author_id is None or i.author_id == visit.participant_id)]

    # --- the page ---------------------------------------------------------------------
    def view(self, store: Store, visit: Visit, query: Mapping[str, str], error: str = "",
             values: Mapping[str, str] | None = None) -> View:
        values = values or {}
        round_id = target_round(store, visit.input)
        if round_id is None:
            return View("idea.html", {"round": None})
        rnd = get_round(store, round_id)
        mine = self.own_ideas(store, visit, round_id)
        editing = None
        edit = query.get("edit", "")
        if edit.isdigit() and len(edit) < 10:
            editing = next((i for i in mine if i.id == int(edit)), None)
        everyone = sum(1 for i in logic.list_ideas(store) if i.round_id == round_id)
        return View("idea.html", {
            "round": rnd, "anonymous": is_anonymous(store, round_id), "mine": mine, "editing": editing,
            "text": values.get("text", editing.text if editing else ""), "error": error,
            "limit": logic.IDEA_MAX, "sent": query.get("sent") == "1",
            "mine_title": plural(len(mine), "My idea in this round", "My {n} ideas in this round").format(n=len(mine)),
            "everyone_text": plural(everyone, "{n} idea in this round so far.",
                                    "{n} ideas in this round so far.").format(n=everyone)})

    def handle(self, store: Store, visit: Visit, form: Mapping[str, str]) -> View | Write:
        only_fields(form, {"action", "text", "idea"})
        round_id = target_round(store, visit.input)
        if round_id is None:
            raise ValidationError(_("There is no round of ideas open now."))
        action = form.get("action", "send")
        if action == "send":
            if "idea" in form:
                raise FormError(_("This form has a field it should not have."))
            text = logic.check_idea_text(form.get("text", ""))
            author = None if is_anonymous(store, round_id) else visit.participant_id

            def add(s: Store, _keys):
                if is_anonymous(s, round_id) != (author is None):
                    raise ValidationError(_("The round's authorship changed; please send your idea again."))
                return logic.add_idea(s, text, author_id=author, round_id=round_id)

            def after(idea_id: int) -> None:
                if author is None:
                    self.remember(round_id, visit.owner, idea_id)
            return Write(add, then="sent=1", after=after)
        if action not in ("save", "withdraw"):
            raise FormError(_("This form could not be read."))
        idea_id = number(form.get("idea"), 1, 10 ** 9)
        if idea_id not in {i.id for i in self.own_ideas(store, visit, round_id)}:
            raise ValidationError(_("This idea is not one of yours, or it was merged or removed."))

        def still_mine(s: Store) -> None:
            idea = logic.get_idea(s, idea_id)
            if idea.round_id != round_id or idea.merged_into is not None:
                raise ValidationError(_("This idea is not one of yours, or it was merged or removed."))

        if action == "withdraw":
            if "text" in form:
                raise FormError(_("This form has a field it should not have."))

            def withdraw(s: Store, _keys):
                still_mine(s)
                logic.delete_ideas(s, [idea_id])
            return Write(withdraw, after=lambda _r: self.forget(round_id, visit.owner, idea_id))
        text = logic.check_idea_text(form.get("text", ""))

        def save(s: Store, _keys):
            still_mine(s)
            logic.update_idea(s, idea_id, text)
        return Write(save)


def page() -> IdeaPage:
    return IdeaPage()
