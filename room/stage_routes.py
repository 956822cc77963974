"""The stages' own phone pages (``room.pages``): ``GET``/``POST /in/{stage}``, mixed into ``Room``.

What is open comes from the core's ``RoomState`` (``input_for(stage).phones``), read from the
server's thread; the page turns a form into a ``Write``, run through the one writer, which
checks once more, at commit time, that the input is still open: what arrives after the
facilitator closed it is refused with a sentence and nothing is saved.
"""

from __future__ import annotations

import hashlib
import hmac

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from workshop_app.domain import ValidationError
from workshop_app.i18n import _, current_language, use_language
from workshop_app.room_state import RoomState
from workshop_app.store import StoreError

from .pages import FormError, PhonePage, View, Visit, Write
from .security import check_csrf

LONG_VALUE = 2000


class InputClosed(ValidationError):
    pass


def closed_message() -> str:
    return _("Input on this stage is closed. What you sent was not recorded.")


class StageRoutes:
    """Needs ``room_state``, ``pages``, ``config`` and the ``Room`` helpers."""

    room_state: RoomState
    pages: dict[str, PhonePage]

    def open_pages(self) -> list[PhonePage]:
        """The stages taking input from phones now, in the seminar's order."""
        return [p for p in self.pages.values() if self.room_state.input_for(p.stage).phones]

    def page_keys(self) -> str:
        """The open pages' part of every phone's state key (read once per change)."""
        version = self.changes.version
        cached = getattr(self, "_page_keys", None)
        if cached is None or cached[0] != version:
            pages = self.open_pages()
            parts = self.reader.read(lambda s: "".join(
                p.code + p.key(s, self.room_state.input_for(p.stage)) for p in pages))
            cached = (version, parts[:11])
            self._page_keys = cached
        return cached[1]

    def _owner(self, token: str) -> str:
        return hmac.new(self.config.secret, b"owner:" + token.encode(), hashlib.sha256).hexdigest()[:32]

    def _visit(self, request: Request, page: PhonePage):
        token, participant = self._device(request)
        if participant is None:
            return token, None
        name = self.reader.read(lambda s: s.scalar("SELECT name FROM participants WHERE id = ?", (participant,)))
        return token, Visit(participant, name or "", self._owner(token), self.room_state.input_for(page.stage),
                            current_language())

    def _page_view(self, request: Request, token: str, page: PhonePage, visit: Visit, view: View) -> Response:
        others = [(p.stage, p.title()) for p in self.open_pages() if p.stage != page.stage]
        key = self.phone_key(self._snap(), visit.participant_id, token)
        return self._render(request, f"{page.stage}/{view.template}", status=view.status, visitor=token,
                            state=_Shown(visit.name, key), page_stage=page.stage, others=others, **view.context)

    async def stage_page(self, request: Request) -> Response:
        page = self.pages.get(request.path_params["stage"])
        if page is None:
            return self._refuse(request, 404, _("This page does not exist."))
        token, visit = self._visit(request, page)
        if visit is None:
            return RedirectResponse("/", status_code=303)
        if not visit.input.phones:
            return RedirectResponse("/vote", status_code=303)
        query = {k: v[:20] for k, v in list(request.query_params.items())[:5]}
        view = self.reader.read(lambda s: page.view(s, visit, query))
        return self._page_view(request, token, page, visit, view)

    async def stage_post(self, request: Request) -> Response:
        from .app import BadForm

        page = self.pages.get(request.path_params["stage"])
        if page is None:
            return self._refuse(request, 404, _("This page does not exist."))
        token, visit = self._visit(request, page)
        if visit is None:
            return self._refuse(request, 403, _("This phone has not joined the room. Scan your join card."))
        try:
            form = await self._form(request, page.long_fields)
        except BadForm:
            return self._refuse(request, 400, _("This form could not be read."))
        if not check_csrf(self.config.secret, token, form.get("csrf", "")):
            return self._refuse(request, 403, _("This page is too old. Open the room's address again."))
        if not visit.input.phones:
            return self._refuse(request, 409, closed_message())
        try:
            outcome = self.reader.read(lambda s: page.handle(s, visit, form))
        except FormError as error:
            return self._refuse(request, 400, str(error))
        except ValidationError as error:
            return self._again(request, token, page, visit, form, str(error))
        if isinstance(outcome, View):
            return self._page_view(request, token, page, visit, outcome)
        return await self._commit(request, token, page, visit, form, outcome)

    async def _commit(self, request, token, page: PhonePage, visit: Visit, form, write: Write) -> Response:
        lang = current_language()
        target = visit.input.target_id

        def job(store, keys):
            now = self.room_state.input_for(page.stage)
            if not now.phones or now.target_id != target:
                raise InputClosed(closed_message())
            with use_language(lang):
                return write.job(store, keys)

        job.kind = page.stage  # the GUI's bridge tells the console and the shared screen
        try:
            result = await self._write(job)
        except InputClosed as error:
            return self._refuse(request, 409, str(error))
        except ValidationError as error:
            return self._again(request, token, page, visit, form, str(error))
        except StoreError as error:
            return self._refuse(request, 503, str(error))
        if write.after is not None:
            write.after(result)
        suffix = f"?{write.then}" if write.then else ""
        return RedirectResponse(f"/in/{page.stage}{suffix}", status_code=303)

    def _again(self, request, token, page: PhonePage, visit: Visit, form, error: str) -> Response:
        values = {k: v for k, v in form.items() if k != "csrf"}
        query = {k: v for k, v in values.items() if k in ("n", "edit")}
        view = self.reader.read(lambda s: page.view(s, visit, query, error=error, values=values))
        view.status = 422
        return self._page_view(request, token, page, visit, view)


class _Shown:
    """What ``base.html`` needs of the phone's state: its name and its state key."""

    def __init__(self, name: str, key: str):
        self.name = name
        self.key = key
