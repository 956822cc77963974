"""Helpers for the stages' phone pages: a room with its own RoomState, phones that joined."""

from __future__ import annotations

import re

from room.app import Room
from room.reader import Reader
from room.security import RoomConfig
from room.writer import ThreadWriter
from workshop_app.room_state import RoomState
from workshop_app.store import open_store

from .conftest import Phone

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def make_room(path, room_state: RoomState, made: list, config: RoomConfig | None = None) -> Room:
    box: list[Room] = []
    writer = ThreadWriter(path, on_commit=lambda: box[0].notify() if box else None)
    reader = Reader(path)
    room = Room(reader, writer, config or RoomConfig(port=8765), room_state=room_state)
    box.append(room)
    made.append((writer, reader, room))
    return room


def edit(path, fn):
    store = open_store(path)
    try:
        return fn(store)
    finally:
        store.close()


def joined(room: Room, code: str, made: list) -> Phone:
    phone = Phone(room)
    made.append(phone)
    assert phone.join(code).status_code == 200
    return phone


def post(phone: Phone, path: str, fields: dict, page: str | None = None):
    html = page if page is not None else phone.client.get(path.split("?")[0]).text
    return phone.client.post(path, data={"csrf": CSRF.search(html).group(1), **fields})
