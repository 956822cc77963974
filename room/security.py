"""The room's network is not trusted: what every request goes through before any page.

``Guard`` is the outermost ASGI layer: it checks the Host header (no DNS rebinding), refuses
a cross-site post (Origin/Referer), caps the request body, limits the rate per device and per
address, sets the security headers (a Content-Security-Policy that forbids inline script)
on every answer, picks the phone's language, and turns any failure into a plain page that
names no exception and logs only its type: no ballot, no name, no traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape

from workshop_app.i18n import _, current_language, use_language

log = logging.getLogger("room")

DEVICE_COOKIE = "room_device"
ANON_COOKIE = "room_visitor"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SAFE_METHODS = ("GET", "HEAD")
CSRF_MAX_AGE = 12 * 3600


@dataclass
class RoomConfig:
    """Where the server listens and how much it lets through."""

    host: str = "127.0.0.1"
    port: int = 8765
    body_limit: int = 64 * 1024
    device_rate: tuple[int, float] = (90, 10.0)  # requests per window, per phone
    address_rate: tuple[int, float] = (3000, 10.0)  # per network address (a router may hide several)
    join_failures: tuple[int, float] = (10, 60.0)  # wrong join codes per address: no guessing
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    extra_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.host in ("", "0.0.0.0", "::", "[::]"):
            raise ValueError("the room's server binds to one chosen interface, never to all of them")

    def allowed_hosts(self) -> set[str]:
        """Host header values this server answers to: its own address and port, nothing else."""
        hosts = {self.host, *self.extra_hosts}
        if self.host == "127.0.0.1":
            hosts.add("localhost")
        return {f"{h}:{self.port}" for h in hosts} | ({*hosts} if self.port == 80 else set())

    def allowed_origins(self) -> set[str]:
        return {f"http://{h}" for h in self.allowed_hosts()}


def language_of(accept_language: str) -> str:
    """'fr' or 'en' after the phone's Accept-Language (English when neither is asked)."""
    best, best_q = "en", -1.0
    for part in accept_language.split(",")[:20]:
        name, _sep, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = name.strip().lower()[:2]
        if lang in ("fr", "en") and q > best_q:
            best, best_q = lang, q
    return best


class RateLimiter:
    """Fixed windows of requests per key (thread-safe, bounded memory)."""

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._counts: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> bool:
        """Count one request; False when ``key`` is over its limit."""
        now = self.clock()
        with self._lock:
            start, count = self._counts.get(key, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            self._counts[key] = (start, count + 1)
            if len(self._counts) > 20_000:
                self._counts = {k: v for k, v in self._counts.items() if now - v[0] < self.window}
            return count + 1 <= self.limit

    def over(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            start, count = self._counts.get(key, (now, 0))
            return now - start < self.window and count >= self.limit


def make_csrf(secret: bytes, visitor: str, now: float | None = None) -> str:
    """A token for one page's form, bound to this phone's cookie and to the time of the page."""
    stamp = str(int(now if now is not None else time.time()))
    mac = hmac.new(secret, f"{visitor}|{stamp}".encode(), hashlib.sha256).hexdigest()
    return f"{stamp}.{mac}"


def check_csrf(secret: bytes, visitor: str, token: str, now: float | None = None) -> bool:
    if not visitor or not isinstance(token, str) or len(token) > 100 or "." not in token:
        return False
    stamp, _sep, mac = token.partition(".")
    if not stamp.isdigit():
        return False
    age = (now if now is not None else time.time()) - int(stamp)
    expected = hmac.new(secret, f"{visitor}|{stamp}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac.encode(), expected.encode()) and -60 <= age <= CSRF_MAX_AGE


class BodyTooLarge(Exception):
    pass


def _cookie(headers: dict[bytes, bytes], name: str) -> str:
    raw = headers.get(b"cookie", b"").decode("latin-1")
    for part in raw.split(";"):
        key, _sep, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


def security_headers(static: bool) -> list[tuple[bytes, bytes]]:
    # "same-origin", not "no-referrer": under no-referrer a browser sends "Origin: null" with
    # our own forms, and the Origin check would refuse every vote
    return [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"cache-control", b"max-age=600" if static else b"no-store")]


class Guard:
    """The outermost ASGI layer of the room's app (see the module's docstring)."""

    def __init__(self, app, config: RoomConfig):
        self.app = app
        self.config = config
        self.refresh()
        self.by_device = RateLimiter(*config.device_rate)
        self.by_address = RateLimiter(*config.address_rate)
        self.join_failures = RateLimiter(*config.join_failures)

    def refresh(self) -> None:
        """Take the config's host and port again (after binding to a free port)."""
        self.hosts = {h.encode() for h in self.config.allowed_hosts()}
        self.origins = self.config.allowed_origins()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        lang = language_of(headers.get(b"accept-language", b"").decode("latin-1"))
        with use_language(lang):
            await self._handle(scope, receive, send, headers)

    async def _handle(self, scope, receive, send, headers):
        static = scope["path"].startswith("/static/")
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *security_headers(static)]}
            await send(message)

        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send_with_headers, *refusal)
            return
        if scope["method"] not in SAFE_METHODS:
            try:
                receive = await self._read_body(receive)
            except BodyTooLarge:
                await _plain(send_with_headers, 413, _("This request is too large."))
                return
        scope = {**scope, "state": {**scope.get("state", {}), "guard": self, "language": current_language()}}
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:  # noqa: BLE001 - never a traceback on a phone, never content in a log
            log.error("room: %s on %s %s", type(error).__name__, scope["method"], scope["path"].split("/")[1][:20])
            if not started:
                await _plain(send_with_headers, 500, _("Something went wrong. Please try again."))

    async def _read_body(self, receive):
        """The whole body, read here up to the cap (no Content-Length does not get past it)."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise BodyTooLarge
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.config.body_limit:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    def _refusal(self, scope, headers) -> tuple[int, str] | None:
        if headers.get(b"host", b"") not in self.hosts:
            return 421, _("This address is not the room's server.")
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.config.body_limit:
            return (413, _("This request is too large.")) if length.isdigit() else (400, _("Bad request."))
        address = (scope.get("client") or ("?", 0))[0]
        device = _cookie(headers, DEVICE_COOKIE)
        if not self.by_address.hit(address) or (device and not self.by_device.hit(hashlib.sha256(
                device.encode()).hexdigest())):
            return 429, _("Too many requests from this phone. Wait a few seconds and try again.")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get(b"origin", b"").decode("latin-1")
            referer = headers.get(b"referer", b"").decode("latin-1")
            if origin:
                if origin not in self.origins:
                    return 403, _("This form was not sent from the room's page.")
            elif referer and not any(referer == o or referer.startswith(o + "/") for o in self.origins):
                return 403, _("This form was not sent from the room's page.")
        return None


def error_page(message: str) -> bytes:
    """A page of ours for a refusal (the message is one of our sentences, escaped all the same)."""
    return (f'<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/static/room.css">'
            f'<title>{escape(message)}</title></head><body><main><p class="error">{escape(message)}</p>'
            f'<p><a class="button" href="/">{escape(_("Back to the room"))}</a></p></main></body></html>').encode()


async def server_error(_request, _exc):
    """Starlette's 500 page: a sentence, never the exception."""
    from starlette.responses import HTMLResponse

    return HTMLResponse(error_page(_("Something went wrong. Please try again.")), status_code=500)


async def _plain(send, status: int, message: str) -> None:
    body = error_page(message)
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    if status == 429:
        headers.append((b"retry-after", b"5"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
