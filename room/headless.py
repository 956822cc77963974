"""``workshop-app serve FILE``: the phones' server without the GUI (rehearsal, tests, benchmarks).

A writer thread owns the seminar file (its own store and secret-round keys); the server reads
through its own read-only connection. It prints the address and every participant's join code.
With no GUI to open a stage's input, ``--open STAGE`` (repeatable: ``ideation``, ``trends``,
``diagnosis``) opens it to phones for the whole run, in a ``RoomState`` of its own; the ideation
page sends into the seminar's current round. Without ``--open`` phones only vote.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from workshop_app import join_codes
from workshop_app.i18n import _
from workshop_app.room_state import RoomState

from .app import Room
from .reader import Reader
from .security import RoomConfig
from .server import RoomServer, interfaces
from .writer import ThreadWriter


def default_host() -> str:
    return interfaces()[0].address


def start_headless(path: str | Path, host: str | None = None, port: int = 8765,
                   config: RoomConfig | None = None, room_state: RoomState | None = None
                   ) -> tuple[RoomServer, ThreadWriter]:
    """Open the file's writer and reader and start serving; the caller stops both."""
    room_box: list[Room] = []
    writer = ThreadWriter(path, on_commit=lambda: room_box[0].notify() if room_box else None)
    try:
        writer.submit(lambda store, _keys: join_codes.ensure_codes(store)).result()
        reader = Reader(path)
        room = Room(reader, writer, config or RoomConfig(host=host or default_host(), port=port),
                    room_state=room_state)
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


def open_stages(stages: list[str] | tuple[str, ...]) -> RoomState:
    """A room state with each of ``stages`` open to phones (a ValueError names an unknown one)."""
    from .pages import phone_pages

    known = [p.stage for p in phone_pages()]
    state = RoomState()
    for stage in stages:
        if stage not in known:
            raise ValueError(_("No phone page for {stage}: choose among {known}.").format(
                stage=stage, known=", ".join(known)))
        state.open_input(stage, "phones")
    return state


def serve(path: str | Path, host: str | None = None, port: int = 8765,
          out: Callable[[str], None] = print, stop: threading.Event | None = None,
          stages: list[str] | tuple[str, ...] = ()) -> int:
    """Serve until ``stop`` is set or Ctrl+C; prints the address and the join codes."""
    state = open_stages(stages)
    server, writer = start_headless(path, host, port, room_state=state)
    try:
        out(_("Phones can join at {url}").format(url=server.url))
        if stages:
            out(_("Open to phones: {stages}").format(stages=", ".join(stages)))
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
