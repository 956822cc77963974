"""The bundled demo seminar: a fictional French retail bank going digital."""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from workshop_app.agenda import list_blocks
from workshop_app.clock import Clock
from workshop_app.join_codes import ensure_codes
from workshop_app.participants import add_participant
from workshop_app.run import set_current
from workshop_app.seminar import set_ambition, update_seminar
from workshop_app.creation import SeminarSpec, create_seminar
from workshop_app.store import SUFFIX, Store

CONTENT = Path(__file__).with_name("demo_content.json")
DEMO_DATES = ["2026-12-03", "2026-12-04"]
# How long each day-1 block actually took, in minutes (the room ran a little late).
DAY1_ACTUAL = [34, 52, 97, 15, 66, 55, 128, 15, 30]


@lru_cache(maxsize=1)
def demo_content() -> dict:
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def _pick(value, language: str):
    return value[language] if isinstance(value, dict) and language in value else value


def _run_day1(store: Store, language: str) -> None:
    """Record day 1 as run, so the demo shows timers, drift and the agenda as run."""
    day1 = [b for b in list_blocks(store) if b.day_id == list_blocks(store)[0].day_id]
    moment = datetime.fromisoformat(f"{DEMO_DATES[0]}T09:05:00").timestamp()
    with store.action() as db:
        for block, minutes in zip(day1, DAY1_ACTUAL):
            db["timer_events"].insert({"block_id": block.id, "kind": "started", "at": moment, "seconds": 0})
            if minutes > block.planned_minutes + 5:
                db["timer_events"].insert({"block_id": block.id, "kind": "extended",
                                           "at": moment + block.planned_minutes * 60, "seconds": 300})
            moment += minutes * 60
            db["timer_events"].insert({"block_id": block.id, "kind": "finished", "at": moment, "seconds": 0})
        day2 = [b for b in list_blocks(store) if b.day_id != day1[0].day_id]
        if day2:
            set_current(store, day2[0].id)


def build_demo(path: str | Path, language: str = "fr", clock: Clock | None = None) -> Store:
    """Write a complete demo seminar to ``path`` (which must not exist) and return it open."""
    from exercises import REGISTRY

    content = demo_content()
    spec = SeminarSpec(_pick(content["title"], language), _pick(content["organisation"], language), language,
                       tuple(DEMO_DATES), "two_day")
    store = create_seminar(path, spec, REGISTRY, created_at=f"{DEMO_DATES[0]}T08:30:00")  # every stage seeded
    with store.action():
        update_seminar(store, summary=_pick(content["summary"], language),
                       confidentiality=("Confidentiel — usage interne" if language == "fr"
                                        else "Confidential — internal use"))
        set_ambition(store, _pick(content["ambition"], language))
        for person in content["participants"]:
            add_participant(store, person["name"], _pick(person["function"], language), person["email"])
        for exercise in REGISTRY:
            exercise.fill_demo(store, content, language)
        _run_day1(store, language)
        ensure_codes(store)  # join cards for the room's phones
    store.seal()  # its rounds were closed inside the action above: rewrite the file once, now
    return store


def _cache_name(language: str) -> str:
    import zlib  # a checksum is enough to notice the content changed (hashlib costs 5 ms to import)

    from workshop_app import __version__
    from workshop_app.schema import SCHEMA_VERSION

    digest = f"{zlib.crc32(CONTENT.read_bytes()):08x}"
    return f"demo-{language}-{__version__}-s{SCHEMA_VERSION}-{digest}{SUFFIX}"


def open_demo_copy(target: str | Path, language: str, cache_folder: str | Path) -> Store:
    """A fresh copy of the demo at ``target``, built once per version into ``cache_folder``.

    Building the demo takes a good part of a second; copying the cached file takes
    milliseconds, so ``--demo`` opens at once from the second time on.
    """
    import sqlite3

    from workshop_app.store import StoreError, check_file, open_store

    cache_folder = Path(cache_folder)
    cache_folder.mkdir(parents=True, exist_ok=True)
    cached = cache_folder / _cache_name(language)
    try:
        check_file(cached, full=False)
    except StoreError:
        cached.unlink(missing_ok=True)
        partial = cached.with_name(cached.name + ".building")
        partial.unlink(missing_ok=True)
        store = build_demo(partial, language)
        store.conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        store.close()
        partial.replace(cached)
    source = sqlite3.connect(f"file:{cached.resolve()}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return open_store(target)
