"""The phone pages: join, wait, vote (ballot → review → recorded), and the live stream.

Every page is a server-rendered HTML form (it works with scripts off); ``static/room.js``
only adds the live updates, a running total and a draft kept across a reload. Reads go
through the server's own ``Reader``; every change goes to the one ``Writer`` and the phone is
answered after the commit. See docs/room-api.md for each endpoint.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from exercises.arbitration.booth import cast_ballot
from exercises.arbitration.rounds import get_round, option_labels
from workshop_app import join_codes
from workshop_app.domain import ValidationError
from workshop_app.i18n import _, current_language, plural, use_language
from workshop_app.room_state import RoomState
from workshop_app.store import StoreError

from . import ballots
from .live import Changes
from .pages import PhonePage, phone_pages
from .reader import Reader
from .security import ANON_COOKIE, DEVICE_COOKIE, Guard, RoomConfig, check_csrf, make_csrf, server_error
from .stage_routes import LONG_VALUE, StageRoutes
from .state import PhoneState, RoomSnapshot, phone_state, snapshot, voted_rounds
from .writer import Writer

HERE = Path(__file__).parent
log = logging.getLogger("room")
COOKIE_AGE = 4 * 24 * 3600
KEEP_ALIVE = 15.0
MAX_FIELDS = 400
WRITE_TIMEOUT = 20.0


class BadForm(Exception):
    pass


class Room(StageRoutes):
    """The server's state: its reader, its writer, the change stream and who is connected.

    ``room_state`` is the core's live ``RoomState`` (the GUI session's own, or one of the
    headless server's): which stages take input from phones now. The room listens to it.
    """

    def __init__(self, reader: Reader, writer: Writer, config: RoomConfig | None = None,
                 changes: Changes | None = None, room_state: RoomState | None = None,
                 pages: list[PhonePage] | None = None):
        self.reader = reader
        self.writer = writer
        self.config = config or RoomConfig()
        self.changes = changes or Changes()
        self.room_state = room_state if room_state is not None else RoomState()
        self.pages = {p.stage: p for p in (phone_pages() if pages is None else pages)}
        self._unsubscribe = self.room_state.subscribe(lambda part: self.notify() if part == "input" else None)
        loader = ChoiceLoader([FileSystemLoader(HERE / "templates"),
                               PrefixLoader({p.stage: FileSystemLoader(p.folder) for p in self.pages.values()})])
        self.env = Environment(loader=loader,
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               auto_reload=False)
        self.env.globals.update(_=_, plural=plural)
        for name in ("join.html", "waiting.html", "ballot.html", "review.html", "message.html"):
            self.env.get_template(name)  # compiled now, not on the first phone's request
        for page in self.pages.values():
            for name in page.templates:
                self.env.get_template(f"{page.stage}/{name}")
        self._snapshot: tuple[int, RoomSnapshot] | None = None
        self._streams: dict[int, int] = {}
        self._seen: dict[int, float] = {}
        self._lock = threading.Lock()
        self.first_request_at: float | None = None
        self.starlette = Starlette(routes=[
            Route("/", self.home),
            Route("/j/{code}", self.join_page),
            Route("/join", self.join, methods=["POST"]),
            Route("/vote", self.vote_page),
            Route("/vote/{round_id:int}", self.vote, methods=["POST"]),
            Route("/in/{stage}", self.stage_page),
            Route("/in/{stage}", self.stage_post, methods=["POST"]),
            Route("/state", self.state),
            Route("/events", self.events),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ], exception_handlers={Exception: server_error})
        self.guard = Guard(self.starlette, self.config)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.first_request_at is None and (
                self.config.host.startswith("127.") or not (scope.get("client") or ("",))[0].startswith("127.")):
            self.first_request_at = time.time()  # a phone reached us (the laptop's own browser does not count)
        await self.guard(scope, receive, send)

    def close(self) -> None:
        """Stop listening to the room state (the server stops)."""
        self._unsubscribe()

    def phone_key(self, snap: RoomSnapshot, participant: int | None, token: str) -> str:
        """The phone's state key: its vote's (``w``, ``r3``, ``v3``), then the open pages' part."""
        key = snap.state(participant, token).key if token else "out"
        if key == "out" or key.startswith("r"):
            return key
        return (key + self.page_keys())[:12]

    def notify(self) -> None:
        """Something was committed: every phone's stream re-reads its state (thread-safe)."""
        self.changes.notify()

    # --- presence (names only, for the console) ---------------------------------------
    def connected(self, within: float = 45.0) -> set[int]:
        """Participants whose phone has a live stream open or asked something lately."""
        now = time.monotonic()
        with self._lock:
            return {p for p, n in self._streams.items() if n} | {p for p, t in self._seen.items() if now - t < within}

    def _saw(self, participant_id: int | None) -> None:
        if participant_id is not None:
            with self._lock:
                self._seen[participant_id] = time.monotonic()

    # --- helpers -----------------------------------------------------------------------
    def _snap(self) -> RoomSnapshot:
        version = self.changes.version
        cached = self._snapshot
        if cached is None or cached[0] != version:
            cached = (version, self.reader.read(snapshot))
            self._snapshot = cached
        return cached[1]

    def _device(self, request: Request) -> tuple[str, int | None]:
        token = request.cookies.get(DEVICE_COOKIE, "")
        participant = self.reader.read(lambda s: join_codes.phone_participant(s, token)) if token else None
        self._saw(participant)
        return token, participant

    def _render(self, request: Request, name: str, status: int = 200, visitor: str = "", **context) -> HTMLResponse:
        anon = request.cookies.get(ANON_COOKIE, "")
        new_anon = None
        if not visitor:
            if not anon or len(anon) > 100:
                anon = new_anon = join_codes.new_device_token()
            visitor = anon
        context.update(lang=current_language(), csrf=make_csrf(self.config.secret, visitor))
        html = self.env.get_template(name).render(**context)
        response = HTMLResponse(html, status_code=status)
        if new_anon is not None:
            response.set_cookie(ANON_COOKIE, new_anon, max_age=COOKIE_AGE, httponly=True, samesite="lax")
        return response

    async def _form(self, request: Request, long_fields: tuple[str, ...] = ()) -> dict[str, str]:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            raise BadForm
        body = await request.body()
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS,
                              strict_parsing=bool(body))
        except (UnicodeDecodeError, ValueError):
            raise BadForm from None
        form = dict(pairs)
        if len(form) != len(pairs) or any(len(v) > (LONG_VALUE if k in long_fields else 200)
                                          for k, v in form.items()):
            raise BadForm
        return form

    async def _write(self, fn):
        """Hand ``fn`` to the writer and wait for its commit (a laptop stuck for long is a refusal)."""
        future = self.writer.submit(fn)
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), WRITE_TIMEOUT)
        except asyncio.TimeoutError:
            if future.cancel():  # not started: it will never run, the phone may simply try again
                raise StoreError(_("The laptop is busy; please try again in a moment.")) from None
            return await asyncio.wrap_future(future)  # running now: its outcome is the answer

    def _refuse(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self._render(request, "message.html", status=status, message=message)

    # --- joining -----------------------------------------------------------------------
    async def home(self, request: Request) -> Response:
        _token, participant = self._device(request)
        if participant is not None:
            return RedirectResponse("/vote", status_code=303)
        return self._render(request, "join.html", code="")

    async def join_page(self, request: Request) -> Response:
        code = join_codes.normalise_code(request.path_params["code"])
        return self._render(request, "join.html", code=code)

    async def join(self, request: Request) -> Response:
        address = (request.client.host if request.client else "?")
        guard: Guard = request.scope["state"]["guard"]
        if guard.join_failures.over(address):
            return self._refuse(request, 429, _("Too many wrong codes from this network address. "
                                                "Wait a minute and try again."))
        try:
            form = await self._form(request)
        except BadForm:
            return self._refuse(request, 400, _("This form could not be read."))
        if not check_csrf(self.config.secret, request.cookies.get(ANON_COOKIE, ""), form.get("csrf", "")):
            return self._refuse(request, 403, _("This page is too old. Open the room's address again."))
        if set(form) - {"csrf", "code"}:
            return self._refuse(request, 400, _("This form could not be read."))
        code = form.get("code", "")
        current = request.cookies.get(DEVICE_COOKIE) or None
        token = join_codes.new_device_token()
        lang = current_language()

        def bind(store, _keys):
            with use_language(lang):
                return join_codes.redeem(store, code, token, time.time(), current)

        try:
            await self._write(bind)
        except ValidationError as error:
            guard.join_failures.hit(address)
            return self._render(request, "join.html", status=400, code=join_codes.normalise_code(code),
                                error=str(error))
        except StoreError as error:
            return self._refuse(request, 503, str(error))
        response = RedirectResponse("/vote", status_code=303)
        response.set_cookie(DEVICE_COOKIE, token, max_age=COOKIE_AGE, httponly=True, samesite="lax")
        return response

    # --- voting ------------------------------------------------------------------------
    def _state(self, participant: int | None) -> PhoneState:
        return self.reader.read(lambda s: phone_state(s, participant))

    async def vote_page(self, request: Request) -> Response:
        token, participant = self._device(request)
        state = self._state(participant)
        if state.participant_id is None:
            return RedirectResponse("/", status_code=303)
        if state.round is None:
            pages = self.open_pages()
            if pages:  # no vote to cast: the first stage taking input from phones
                return RedirectResponse(f"/in/{pages[0].stage}", status_code=303)
            return self._render(request, "waiting.html", visitor=token, state=state)
        done = request.query_params.get("done", "")
        receipt = None
        if done.isdigit() and len(done) < 10:  # just voted, and another round is open: say so above it
            receipt = self.reader.read(lambda s: get_round(s, int(done)) if voted_rounds(
                s, state.participant_id, [int(done)]) else None)
        return self._ballot(request, token, state, {}, receipt=receipt)

    def _ballot(self, request, token: str, state: PhoneState, values: dict, error: str = "",
                status: int = 200, receipt=None) -> HTMLResponse:
        rnd = state.round
        labels = self.reader.read(lambda s: option_labels(s, rnd))
        order = ballots.voter_order(rnd, state.participant_id, self.config.secret)
        return self._render(request, "ballot.html", status=status, visitor=token, state=state, round=rnd,
                            blocks=ballots.blocks(rnd, labels, order, values),
                            instructions=ballots.instructions(rnd), error=error, config=rnd.config,
                            receipt=receipt)

    async def vote(self, request: Request) -> Response:
        token, participant = self._device(request)
        if participant is None:
            return self._refuse(request, 403, _("This phone has not joined the room. Scan your join card."))
        try:
            form = await self._form(request)
        except BadForm:
            return self._refuse(request, 400, _("This form could not be read."))
        if not check_csrf(self.config.secret, token, form.get("csrf", "")):
            return self._refuse(request, 403, _("This page is too old. Open the room's address again."))
        round_id = request.path_params["round_id"]
        state = self._state(participant)
        rnd = self.reader.read(lambda s: get_round(s, round_id))
        if rnd is None or not rnd.is_open or rnd.visibility == "paper" or state.round is None \
                or state.round.id != round_id:
            if state.voted is not None and state.voted.id == round_id:
                return self._render(request, "waiting.html", visitor=token, state=state,
                                    note=_("Your vote in this round was already recorded."))
            return self._refuse(request, 409, _("This vote is closed. Your ballot was not recorded."))
        step = form.get("step", "review")
        try:
            content = ballots.parse(rnd, form)
        except ballots.FormError as error:
            return self._refuse(request, 400, str(error))
        except ValidationError as error:
            if step == "change":
                error = ""
            return self._ballot(request, token, state, _fields_only(form), str(error), 200 if not error else 422)
        if step == "change":
            return self._ballot(request, token, state, _fields_only(form))
        if step == "review":
            labels = self.reader.read(lambda s: option_labels(s, rnd))
            return self._render(request, "review.html", visitor=token, state=state, round=rnd,
                                lines=ballots.summary(rnd, labels, content), fields=ballots.to_fields(rnd, content))
        if step != "cast":
            return self._refuse(request, 400, _("This form could not be read."))
        lang = current_language()

        def cast(store, keys):
            with use_language(lang):
                cast_ballot(store, rnd.id, participant, content, keys.key(rnd.id) if rnd.secret else None)

        try:
            await self._write(cast)
        except ValidationError as error:
            return self._render(request, "waiting.html", status=409, visitor=token,
                                state=self._state(participant), note=str(error))
        except StoreError as error:
            return self._refuse(request, 503, str(error))
        return RedirectResponse(f"/vote?done={rnd.id}", status_code=303)

    # --- following the room ------------------------------------------------------------
    async def state(self, request: Request) -> Response:
        token, participant = self._device(request)
        key = self.phone_key(self._snap(), participant, token)
        return JSONResponse({"key": key}, headers={"cache-control": "no-store"})

    async def events(self, request: Request) -> Response:
        token, participant = self._device(request)
        last = (request.headers.get("last-event-id") or request.query_params.get("key", ""))[:12]
        return StreamingResponse(self._stream(request, token, participant, last), media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-accel-buffering": "no"})

    async def _stream(self, request: Request, token: str, participant: int | None, last: str):
        if participant is not None:
            with self._lock:
                self._streams[participant] = self._streams.get(participant, 0) + 1
        try:
            yield "retry: 2000\n\n"
            fresh = True  # a phone coming back is told from the file itself, not from a cached view
            while not self.changes.stopped:
                version = self.changes.version
                snap = self.reader.read(snapshot) if fresh else self._snap()
                fresh = False
                key = self.phone_key(snap, participant, token)
                if key != last:
                    last = key
                    yield f"id: {key}\nevent: state\ndata: {key}\n\n"
                if await self.changes.wait(version, KEEP_ALIVE) == version:
                    if await request.is_disconnected():
                        break
                    yield ": still here\n\n"
        finally:
            if participant is not None:
                with self._lock:
                    self._streams[participant] -= 1
                    self._seen[participant] = time.monotonic()


def _fields_only(form: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in form.items() if k not in ballots.CONTROL_FIELDS}
