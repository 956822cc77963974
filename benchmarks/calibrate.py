"""A fixed pure-Python workload: how fast this machine runs Python, to compare runs across machines."""

from __future__ import annotations

import statistics
import time


def _work() -> int:
    total = 0
    for i in range(300_000):
        total += (i * i) % 7
    return total


def measure(args: list[str]) -> dict:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        _work()
        times.append(time.perf_counter() - start)
    return {"ms": 1000 * statistics.median(times)}
