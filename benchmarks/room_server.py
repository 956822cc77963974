"""The room's server for the benchmark, in a process of its own: ``python -m benchmarks.room_server FILE``.

It serves FILE on 127.0.0.1 (a free port) with the headless writer, prints ``READY {json}``
(the address and the join codes), then obeys one command a line on stdin:
``open METHOD`` opens a round through the writer (as the console would) and prints ``OPENED id``;
``close ID`` closes it; ``ideas`` opens a round of ideas and the ideation input to phones,
``trends N`` adds N trends and opens their rating to phones (both print ``OPENED id``, as the
console's input control would); ``cpu`` prints this process's CPU seconds; ``quit`` stops. One network address stands for
200 phones here, so the per-address limit is raised; the per-device limit is the app's.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    from exercises.arbitration.rounds import close_round, create_round
    from room.headless import start_headless, stop_headless
    from room.security import RoomConfig
    from workshop_app import join_codes

    path = argv[0]
    config = RoomConfig(host="127.0.0.1", port=0, address_rate=(100_000, 10.0), join_failures=(100_000, 60.0))
    server, writer = start_headless(path, config=config)
    codes = [c.code for c in server.room.reader.read(join_codes.list_codes)]
    initiatives = [r["id"] for r in server.room.reader.read(lambda s: s.query("SELECT id FROM initiatives"))]
    print("READY " + json.dumps({"url": server.url, "codes": codes}), flush=True)
    try:
        for line in sys.stdin:
            command = line.split()
            if not command:
                continue
            if command[0] == "open":
                method = command[1]
                rid = writer.submit(lambda store, _keys: create_round(
                    store, f"Round {time.time()}", method, initiatives, "secret")).result()
                print(f"OPENED {rid} {time.time()}", flush=True)
            elif command[0] == "close":
                rid = int(command[1])
                writer.submit(lambda store, _keys: close_round(store, rid)).result()
                print(f"CLOSED {rid}", flush=True)
            elif command[0] == "ideas":
                from exercises.ideation.rounds import open_round

                rid = writer.submit(lambda store, _keys: open_round(store, "Benchmark round")).result()
                server.room.room_state.open_input("ideation", "phones", rid)
                print(f"OPENED {rid}", flush=True)
            elif command[0] == "trends":
                from exercises.trends.store_ops import add_trend

                count = int(command[1])
                ids = writer.submit(lambda store, _keys: [add_trend(store, f"Trend {i}", "About it")
                                                          for i in range(count)]).result()
                server.room.room_state.open_input("trends", "phones")
                print(f"OPENED {' '.join(map(str, ids))}", flush=True)
            elif command[0] == "cpu":
                print(f"CPU {time.process_time()}", flush=True)
            elif command[0] == "quit":
                break
    finally:
        stop_headless(server, writer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
