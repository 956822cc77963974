"""The phone-page contract: an exercise contributes its own page and handlers to the room.

Part of the exercise contract (``Exercise.phone_page()``), so it lives in the core: exercises
import it without importing the server; ``room.pages`` gathers the registered pages.


An exercise whose stage takes individual input from phones returns a ``PhonePage`` from
``Exercise.phone_page()``; its templates live in its own folder (``folder``, e.g.
``exercises/ideation/phone/``) and extend the room's ``base.html``. The server knows nothing
of ideas, trends or scores: for a joined phone and a stage whose input is open to phones
(``workshop_app.room_state.StageInput``), it asks the page what to show (``view``) and what a
posted form means (``handle``), a ``View`` to render or a ``Write`` to run through the one
writer of the file. Qt-free and Starlette-free: pages are plain Python, tested on a store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.room_state import StageInput
from workshop_app.store import Store

_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only


class FormError(ValidationError):
    """A form no page of ours could have sent (tampered or truncated): a 400."""


@dataclass(frozen=True)
class Visit:
    """One joined phone asking one stage's page.

    ``owner`` is an opaque handle of the phone for this server run (an HMAC of its device
    cookie with the server's secret): a page may keep it in memory, never in the file.
    """

    participant_id: int
    name: str
    owner: str
    input: StageInput
    language: str = "en"


@dataclass
class View:
    """Render ``template`` (from the page's folder) with ``context``."""

    template: str
    context: dict = field(default_factory=dict)
    status: int = 200


@dataclass
class Write:
    """Run ``job(store, vote_keys)`` through the writer; after the commit, ``after(result)``
    (in the server, never in the file) and the phone is sent back to the page with ``then``."""

    job: Callable[[Store, Any], Any]
    then: str = ""
    after: Callable[[Any], None] | None = None


class PhonePage:
    """Base class: a stage's page for phones. Subclasses set the attributes and override."""

    stage: str = ""  # the exercise's key, as in ``StageInput.stage``
    code: str = ""  # one letter for the phone's state key (the live stream's short name)
    folder: Path = Path()
    templates: tuple[str, ...] = ()  # compiled at the server's start
    long_fields: tuple[str, ...] = ()  # form fields allowed past 200 characters (up to 2,000)

    def title(self) -> str:
        raise NotImplementedError

    def key(self, store: Store, stage_input: StageInput) -> str:
        """A few characters that change when every phone on this page should reload."""
        return ""

    def view(self, store: Store, visit: Visit, query: Mapping[str, str], error: str = "",
             values: Mapping[str, str] | None = None) -> View:
        raise NotImplementedError

    def handle(self, store: Store, visit: Visit, form: Mapping[str, str]) -> View | Write:
        """What a posted form means (``FormError`` for a form we never sent, ``ValidationError``
        for a value to correct, shown on the page)."""
        raise NotImplementedError


def number(text: str | None, low: int, high: int) -> int:
    """A whole number in ``[low, high]`` from a form field, or ``FormError``."""
    if not isinstance(text, str) or not _NUMBER.fullmatch(text) or not low <= int(text) <= high:
        raise FormError(_("This form has a value outside what the page allows."))
    return int(text)


def only_fields(form: Mapping[str, str], allowed: set[str]) -> None:
    if set(form) - allowed - {"csrf"}:
        raise FormError(_("This form has a field it should not have."))

