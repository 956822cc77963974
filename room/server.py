"""Running the room's app: uvicorn in a thread of its own, on one chosen interface.

The socket is bound here, before uvicorn starts, so a port in use is a clear error at once
and port 0 (tests) gets a free one. uvicorn gets the app object, ``log_config=None`` (the
app's logging stays as it is), no access log (a URL may hold a join code) and, off the main
thread, installs no signal handlers.
"""

from __future__ import annotations

import asyncio
import io
import socket
import threading
from dataclasses import dataclass

import segno
import uvicorn

from workshop_app.i18n import _

from .app import Room


class RoomServerError(Exception):
    """The server could not start; ``str(error)`` is a sentence for the user."""


@dataclass(frozen=True)
class Interface:
    address: str
    label: str


def interfaces() -> list[Interface]:
    """The laptop's IPv4 addresses a phone could reach, the likely room network first."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(info[4][0])
    except OSError:
        pass
    found.append("127.0.0.1")
    out, seen = [], set()
    for address in found:
        if address in seen or address.startswith("127.") and address != "127.0.0.1":
            continue
        seen.add(address)
        label = _("this laptop only (rehearsal)") if address == "127.0.0.1" else address
        out.append(Interface(address, label))
    return out


def url_of(host: str, port: int) -> str:
    return f"http://{host}:{port}" if port != 80 else f"http://{host}"


def qr_png(text: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def wifi_qr_text(ssid: str, password: str) -> str:
    """The standard Wi-Fi QR payload (WPA, or an open network without a password)."""
    def esc(value: str) -> str:
        return "".join("\\" + ch if ch in '\\;,":' else ch for ch in value)

    kind = "WPA" if password else "nopass"
    return f"WIFI:T:{kind};S:{esc(ssid)};P:{esc(password)};;" if password else f"WIFI:T:nopass;S:{esc(ssid)};;"


class RoomServer:
    """``start()`` binds and serves ``room`` in a thread; ``stop()`` ends it and its streams."""

    def __init__(self, room: Room):
        self.room = room
        self.config = room.config
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = self.config.port

    @property
    def url(self) -> str:
        return url_of(self.config.host, self.port)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.config.host, self.config.port))
        except OSError as error:
            sock.close()
            raise RoomServerError(_("The phones' server cannot listen on {address}:{port} ({reason}). "
                                    "Choose another port or network.").format(
                address=self.config.host, port=self.config.port, reason=error.strerror or error)) from None
        sock.listen(256)
        self.port = sock.getsockname()[1]
        if self.config.port == 0:
            self.config.port = self.port
            self.room.guard.refresh()
        config = uvicorn.Config(self.room, log_config=None, access_log=False, lifespan="off",
                                proxy_headers=False, server_header=False, timeout_graceful_shutdown=2,
                                timeout_keep_alive=20, log_level="warning")
        self._server = uvicorn.Server(config)
        started = threading.Event()
        server = self._server

        def run() -> None:
            async def serve() -> None:
                task = asyncio.create_task(server.serve(sockets=[sock]))
                while not server.started and not task.done():
                    await asyncio.sleep(0.01)
                started.set()
                await task

            try:
                # uvicorn's own choice of loop (uvloop where it is installed), as ``uvicorn.run`` would
                with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
                    runner.run(serve())
            finally:
                started.set()
                sock.close()

        self._thread = threading.Thread(target=run, name="room-server", daemon=True)
        self._thread.start()
        started.wait(10)
        if not server.started:
            raise RoomServerError(_("The phones' server did not start."))

    def stop(self) -> None:
        if self._server is None:
            return
        self.room.changes.stop()
        self.room.close()
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
