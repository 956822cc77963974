"""The room contributes from its phones: 40 phones send 10 ideas each within 30 s; 40 phones
rate 22 trends while the shared screen's distribution follows.

Same set-up as ``benchmarks.room``: the headless server in a process of its own, the phones
here as raw HTTP/1.1 connections on 127.0.0.1. Ideas: every idea acknowledged (the 303 after
the commit), counted back in the file and on the board (``on_screen`` for the round). Ratings:
after each acknowledgement the "shared screen" (one read-only connection of its own, as the
GUI's shared view re-reads on the commit's notification) computes the room's distribution
(``store_ops.ranked_results``) and checks the rating is in it; the figure is the time from
the phone's tap to that distribution (Qt's paint is not included).
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from pathlib import Path

from .common import Context, Figure, child
from .room import CSRF, RawPhone, Server, _seminar

PHONES = 40
IDEAS_EACH = 10
TRENDS = 22


async def _joined(url: str, code: str, page: str) -> tuple[RawPhone, str]:
    phone = RawPhone(url)
    _status, html = await phone.request("GET", f"/j/{code}")
    await phone.request("POST", "/join", {"csrf": CSRF.search(html).group(1), "code": code})
    _status, html = await phone.request("GET", page)
    return phone, CSRF.search(html).group(1)


async def _ideas(url: str, code: str, window: float, acks: list[float], seed: int) -> list[int]:
    phone, csrf = await _joined(url, code, "/in/ideation")
    rng = random.Random(seed)
    times = sorted(rng.uniform(0, window) for _i in range(IDEAS_EACH))
    start = time.perf_counter()
    statuses = []
    try:
        for n, at in enumerate(times):
            await asyncio.sleep(max(0.0, at - (time.perf_counter() - start)))
            sent = time.perf_counter()
            status, _body = await phone.request("POST", "/in/ideation", {
                "csrf": csrf, "action": "send", "text": f"Idea {n} from phone {code}: " + "x" * rng.randint(10, 300)})
            acks.append(time.perf_counter() - sent)
            statuses.append(status)
    finally:
        phone.close()
    return statuses


class Screen:
    """The shared screen's reads: one connection, the room's distribution after each commit."""

    def __init__(self, path: Path):
        from room.reader import Reader

        self.reader = Reader(path)
        self.lock = threading.Lock()

    def sees(self, trend_id: int, participant_rating: int) -> bool:
        from exercises.trends import store_ops

        def read(store):
            results = store_ops.ranked_results(store)
            mine = [r for r in store_ops.list_ratings(store, trend_id)]
            return results, mine
        _results, mine = self.reader.read(read)
        return any(r.relevance == participant_rating for r in mine)


async def _ratings(url: str, code: str, trend_ids: list[int], window: float, lags: list[float], screen: Screen,
                   seed: int, index: int) -> list[int]:
    phone, csrf = await _joined(url, code, "/in/trends")
    rng = random.Random(seed)
    times = sorted(rng.uniform(0, window) for _t in trend_ids)
    start = time.perf_counter()
    statuses = []
    try:
        for n, (trend_id, at) in enumerate(zip(trend_ids, times)):
            await asyncio.sleep(max(0.0, at - (time.perf_counter() - start)))
            relevance = 1 + (index + n) % 5
            tapped = time.perf_counter()
            status, _body = await phone.request("POST", "/in/trends", {
                "csrf": csrf, "trend": str(trend_id), "n": str(n), "relevance": str(relevance),
                "horizon": "now", "lifecycle": "basic"})
            statuses.append(status)
            if await asyncio.to_thread(screen.sees, trend_id, relevance):
                lags.append(time.perf_counter() - tapped)
    finally:
        phone.close()
    return statuses


def measure(args: list[str]) -> dict:
    folder, window = Path(args[0]), float(args[1])
    path = folder / "room-input-bench.workshop"
    if path.exists():
        path.unlink()
    _seminar(path, 2 * PHONES)
    server = Server(path)
    try:
        rid = int(server.ask("ideas")[1])
        acks: list[float] = []

        async def crowd():
            return await asyncio.gather(*[_ideas(server.url, c, window, acks, i)
                                          for i, c in enumerate(server.codes[:PHONES])])
        began = time.perf_counter()
        statuses = [s for phone in asyncio.run(crowd()) for s in phone]
        idea_wall = time.perf_counter() - began
        from exercises.ideation import logic
        from workshop_app.store import open_store

        store = open_store(path, read_only=True)
        ideas = [i for i in logic.list_ideas(store) if i.round_id == rid]
        hidden = logic.hidden_round_ids(store)
        stored, on_board = len(ideas), sum(1 for i in ideas if logic.on_screen(i, hidden))
        store.close()
        acks.sort()
        trend_ids = [int(t) for t in server.ask(f"trends {TRENDS}")[1:]]
        screen = Screen(path)
        lags: list[float] = []

        async def raters():
            return await asyncio.gather(*[_ratings(server.url, c, trend_ids, window, lags, screen, 100 + i, i)
                                          for i, c in enumerate(server.codes[PHONES:2 * PHONES])])
        rating_statuses = [s for phone in asyncio.run(raters()) for s in phone]
        screen.reader.close()
        store = open_store(path, read_only=True)
        ratings = store.scalar("SELECT count(*) FROM trend_ratings")
        store.close()
        lags.sort()
    finally:
        server.close()
    return {"sent": len(statuses), "acked": sum(1 for s in statuses if s == 303), "stored": stored,
            "on_board": on_board, "idea_wall_s": idea_wall, "ack_p99_ms": 1000 * acks[int(0.99 * (len(acks) - 1))],
            "ack_median_ms": 1000 * acks[len(acks) // 2],
            "ratings_acked": sum(1 for s in rating_statuses if s == 303), "ratings": ratings,
            "seen": len(lags), "lag_p99_ms": 1000 * lags[int(0.99 * (len(lags) - 1))] if lags else 1e9,
            "lag_max_ms": 1000 * lags[-1] if lags else 1e9}


def run(ctx: Context) -> list[Figure]:
    window = "10" if ctx.quick else "30"
    result = child(ctx, "room-input", str(ctx.folder), window, timeout=300)
    total = PHONES * IDEAS_EACH
    ctx.note(f"room input: {result['acked']} of {total} ideas acknowledged within {result['idea_wall_s']:.1f} s, "
             f"{result['stored']} stored, {result['on_board']} on the board; median ack {result['ack_median_ms']:.0f} ms;"
             f" {result['ratings_acked']} of {PHONES * TRENDS} ratings acknowledged, {result['ratings']} in the file,"
             f" the screen's distribution saw {result['seen']}, slowest {result['lag_max_ms']:.0f} ms")
    return [Figure("room.ideas_40x10_lost", total - min(result["stored"], result["on_board"], result["acked"]),
                   "ideas", 0),
            Figure("room.idea_ack_p99", result["ack_p99_ms"], "ms", 150),
            Figure("room.ratings_40x22_lost", PHONES * TRENDS - min(result["ratings"], result["seen"]), "ratings", 0),
            Figure("room.rating_to_distribution_p99", result["lag_p99_ms"], "ms", 200)]
