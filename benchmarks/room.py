"""The room's phones over loopback: 200 phones join and vote at once, a round reaches them all,
the first page's weight, and what 40 idle connected phones cost.

The server runs in a process of its own (``benchmarks.room_server``, the headless writer and
the same app as the GUI's), the phones in this child: ``httpx2`` clients, one connection each,
all on 127.0.0.1. Counts are read back from the file: every ballot committed, none twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from .common import ROOT, Context, Figure, child

PHONES = 200
IDLE_PHONES = 40
SPREAD_S = 1.5  # the phones start within 1.5 s; the last ack must come within 2 s of the first start
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def _seminar(path: Path, people: int) -> None:
    from workshop_app.join_codes import ensure_codes
    from workshop_app.store import create_store

    store = create_store(path, "Room benchmark", "", "en")
    with store.action() as db:
        for i in range(people):
            db["participants"].insert({"name": f"Phone {i}", "position": i})
        for i in range(8):
            db["initiatives"].insert({"title": f"Initiative {i}", "effort": "M", "position": i})
    ensure_codes(store)
    store.close()


class Server:
    def __init__(self, path: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "benchmarks.room_server", str(path)], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ)
        line = self.process.stdout.readline()
        if not line.startswith("READY "):
            self.process.kill()
            raise RuntimeError(f"the room's server did not start: {line!r}")
        info = json.loads(line[6:])
        self.url, self.codes = info["url"], info["codes"]

    def ask(self, command: str) -> list[str]:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().split()

    def close(self) -> None:
        try:
            self.ask("quit")
        except (BrokenPipeError, OSError):
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _client(url: str):
    import httpx2

    return httpx2.AsyncClient(base_url=url, headers={"origin": url}, timeout=30,
                              limits=httpx2.Limits(max_connections=2))


class RawPhone:
    """A phone as cheap as can be: one kept-alive HTTP/1.1 connection, its cookies, nothing else.

    httpx clients cost milliseconds of CPU each (an SSL context per client): 200 of them in one
    process would measure the client, not the server.
    """

    def __init__(self, url: str):
        self.host, _sep, port = url.removeprefix("http://").partition(":")
        self.port, self.origin = int(port), url
        self.cookies: dict[str, str] = {}
        self.reader = self.writer = None

    async def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        from urllib.parse import urlencode

        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        body = urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Origin: {self.origin}",
                f"Content-Length: {len(body)}"]
        if form is not None:
            head.append("Content-Type: application/x-www-form-urlencoded")
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        status = int((await self.reader.readline()).split()[1])
        length = 0
        while (line := (await self.reader.readline()).decode("latin-1").strip()):
            name, _sep, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "set-cookie":
                key, _eq, rest = value.strip().partition("=")
                self.cookies[key] = rest.split(";")[0]
        return status, (await self.reader.readexactly(length)).decode()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _vote(url: str, code: str, rid: int, acks: list[float], delay: float) -> int:
    await asyncio.sleep(delay)  # people pick up their phones at their own pace, all within the window
    phone = RawPhone(url)
    try:
        _status, page = await phone.request("GET", f"/j/{code}")
        await phone.request("POST", "/join", {"csrf": CSRF.search(page).group(1), "code": code})
        _status, ballot = await phone.request("GET", "/vote")
        _status, review = await phone.request("POST", f"/vote/{rid}", {
            "csrf": CSRF.search(ballot).group(1), "step": "review", "o0": "1", "o3": "1"})
        start = time.perf_counter()
        status, _page = await phone.request("POST", f"/vote/{rid}", {
            "csrf": CSRF.search(review).group(1), "step": "cast", "o0": "1", "o3": "1"})
        acks.append(time.perf_counter() - start)
        return status
    finally:
        phone.close()


async def _join(client, code: str) -> None:
    page = await client.get(f"/j/{code}")
    await client.post("/join", data={"csrf": CSRF.search(page.text).group(1), "code": code})


async def _listen(client, expected: list[str], arrived: dict, index: int, ready: asyncio.Event, counter: list):
    async with client.stream("GET", "/events", params={"key": "?"}) as response:
        async for line in response.aiter_lines():
            if not line.startswith("data: "):
                continue
            key = line[6:]
            if not arrived.get(("first", index)):
                arrived[("first", index)] = True
                counter[0] += 1
                if counter[0] == counter[1]:  # every phone is listening
                    ready.set()
            else:  # the next state, whatever it is: checked against the opened round afterwards
                arrived[index] = (time.perf_counter(), key)
                return


async def _fanout(server: Server, clients: list, codes: list[str]) -> float:
    for client, code in zip(clients, codes):
        await _join(client, code)
    expected: list[str] = [""]
    arrived: dict = {}
    ready = asyncio.Event()
    counter = [0, len(clients)]
    tasks = [asyncio.create_task(_listen(c, expected, arrived, i, ready, counter)) for i, c in enumerate(clients)]
    await asyncio.wait_for(ready.wait(), 30)
    start = time.perf_counter()
    answer = await asyncio.to_thread(server.ask, "open approval")
    expected[0] = f"r{answer[1]}"
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), 30)
    except asyncio.TimeoutError:
        raise RuntimeError(f"after 30 s, {sum(1 for i in range(len(clients)) if i in arrived)} of {len(clients)} "
                           f"phones heard of the round") from None
    wrong = [arrived[i][1] for i in range(len(clients)) if arrived[i][1] != expected[0]]
    if wrong:
        raise RuntimeError(f"{len(wrong)} phones were told {wrong[0]!r}, not {expected[0]!r}")
    return max(arrived[i][0] for i in range(len(clients))) - start


async def _idle(server: Server, codes: list[str], seconds: float) -> float:
    clients = [_client(server.url) for _c in codes]
    try:
        for client, code in zip(clients, codes):
            await _join(client, code)
        streams = [asyncio.create_task(_hold(c)) for c in clients]
        await asyncio.sleep(1.0)
        before = float((await asyncio.to_thread(server.ask, "cpu"))[1])
        wall = time.perf_counter()
        await asyncio.sleep(seconds)
        after = float((await asyncio.to_thread(server.ask, "cpu"))[1])
        share = (after - before) / (time.perf_counter() - wall)
        for task in streams:
            task.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
        return share
    finally:
        for client in clients:
            await client.aclose()


async def _hold(client) -> None:
    async with client.stream("GET", "/events") as response:
        async for _line in response.aiter_lines():
            pass


def _page_weight(url: str, code: str) -> int:
    import httpx2

    with httpx2.Client(base_url=url, headers={"origin": url}, follow_redirects=True) as client:
        page = client.get(f"/j/{code}")
        joined = client.post("/join", data={"csrf": CSRF.search(page.text).group(1), "code": code})
        assets = [client.get(p).content for p in ("/static/room.css", "/static/room.js")]
    return len(page.content) + len(joined.content) + sum(len(a) for a in assets)


def measure(args: list[str]) -> dict:
    """Child: the whole room scenario; returns the figures' values."""
    folder = Path(args[0])
    idle_seconds = float(args[1])
    path = folder / "room-bench.workshop"
    if path.exists():
        path.unlink()
    _seminar(path, 2 * PHONES + IDLE_PHONES + 1)  # each phase has phones of its own
    server = Server(path)
    try:
        codes = server.codes
        rid = int(server.ask("open approval")[1])
        acks: list[float] = []

        async def crowd():
            start = time.perf_counter()
            rng = random.Random(21)
            statuses = await asyncio.gather(*[_vote(server.url, c, rid, acks, rng.uniform(0, SPREAD_S))
                                              for c in codes[:PHONES]])
            return time.perf_counter() - start, statuses

        cpu_before = float(server.ask("cpu")[1])
        client_before = time.process_time()
        wall, statuses = asyncio.run(crowd())
        server_cpu = float(server.ask("cpu")[1]) - cpu_before
        client_cpu = time.process_time() - client_before
        from exercises.arbitration.booth import ballot_contents
        from workshop_app.store import open_store

        store = open_store(path, read_only=True)
        ballots = len(ballot_contents(store, rid))
        marks = store.scalar("SELECT count(*) FROM vote_marks WHERE round_id = ?", (rid,))
        store.close()
        acks.sort()

        server.ask(f"close {rid}")  # the room waits again: the next round is news to every phone

        async def fan():
            clients = [_client(server.url) for _c in range(PHONES)]
            try:
                return await _fanout(server, clients, codes[PHONES:2 * PHONES])
            finally:
                for client in clients:
                    await client.aclose()

        fanout = asyncio.run(fan())
        weight = _page_weight(server.url, codes[2 * PHONES + IDLE_PHONES])
        idle = asyncio.run(_idle(server, codes[2 * PHONES:2 * PHONES + IDLE_PHONES], idle_seconds))
    finally:
        server.close()
    return {"wall_s": wall, "acked": sum(1 for s in statuses if s == 303), "ballots": ballots, "marks": marks,
            "p99_ms": 1000 * acks[int(0.99 * (len(acks) - 1))], "median_ms": 1000 * acks[len(acks) // 2],
            "fanout_s": fanout, "server_cpu_s": server_cpu, "client_cpu_s": client_cpu, "first_load_kb": weight / 1024, "idle_share": idle}


def run(ctx: Context) -> list[Figure]:
    from .room_input import run as run_input

    return _run_votes(ctx) + run_input(ctx)


def _run_votes(ctx: Context) -> list[Figure]:
    result = child(ctx, "room", str(ctx.folder), "3" if ctx.quick else "10", timeout=300)
    lost = PHONES - min(result["ballots"], result["acked"])
    ctx.note(f"room: {result['acked']} of {PHONES} casts acknowledged, {result['ballots']} ballots and "
             f"{result['marks']} marks in the file; median ack {result['median_ms']:.0f} ms; the server used "
             f"{result['server_cpu_s']:.2f} s of CPU for those 1,000 requests, the phones {result['client_cpu_s']:.2f} s")
    return [Figure("room.join_and_cast_200", result["wall_s"], "s", 2.0),
            Figure("room.ack_p99", result["p99_ms"], "ms", 150),
            Figure("room.ballots_lost", lost, "ballots", 0),
            Figure("room.ballots_duplicated", max(0, result["ballots"] - result["marks"]), "ballots", 0),
            Figure("room.round_reaches_200_phones", result["fanout_s"], "s", 1.0),
            Figure("room.first_load", result["first_load_kb"], "KB", 60),
            Figure("room.idle_40_phones_cpu", 100 * result["idle_share"], "% of a core", 3)]
