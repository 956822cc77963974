"""``workshop-app serve FILE``: the phones' server without the GUI (rehearsal, tests, benchmarks).

A writer thread owns the seminar file (its own store and secret-round keys); the server reads
through its own read-only connection. It prints the address and every participant's join code.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from workshop_app import join_codes
from workshop_app.i18n import _

from .app import Room
from .reader import Reader
from .security import RoomConfig
from .server import RoomServer, interfaces
from .writer import ThreadWriter


def default_host() -> str:
    return interfaces()[0].address


def start_headless(path: str | Path, host: str | None = None, port: int = 8765,
                   config: RoomConfig | None = None) -> tuple[RoomServer, ThreadWriter]:
    """Open the file's writer and reader and start serving; the caller stops both."""
    room_box: list[Room] = []
    writer = ThreadWriter(path, on_commit=lambda: room_box[0].notify() if room_box else None)
    try:
        writer.submit(lambda store, _keys: join_codes.ensure_codes(store)).result()
        reader = Reader(path)
        room = Room(reader, writer, config or RoomConfig(host=host or default_host(), port=port))
        room_box.append(room)
        server = RoomServer(room)
        server.start()
    except BaseException:
        writer.close()
        raise
    return server, writer


def stop_headless(server: RoomServer, writer: ThreadWriter) -> None:
    server.stop()
    server.room.reader.close()
    writer.close()


def serve(path: str | Path, host: str | None = None, port: int = 8765,
          out: Callable[[str], None] = print, stop: threading.Event | None = None) -> int:
    """Serve until ``stop`` is set or Ctrl+C; prints the address and the join codes."""
    server, writer = start_headless(path, host, port)
    try:
        out(_("Phones can join at {url}").format(url=server.url))
        codes = server.room.reader.read(join_codes.list_codes)
        for code in codes:
            out(f"  {code.shown}  {server.url}/j/{code.code}  {code.name}")
        out(_("Press Ctrl+C to stop."))
        waiter = stop or threading.Event()
        try:
            while not waiter.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    finally:
        stop_headless(server, writer)
    return 0
