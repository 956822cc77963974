"""All the tallies of the large seminar: every voting round counted from its stored ballots.

``tally_round`` reads and decodes the ballots and counts them with the round's method;
``round_result`` adds the dissent flags and, for weighted scoring, the weight-sensitivity
variants: what the results view computes when a round is revealed.
"""

from __future__ import annotations

import statistics
import time

from .common import Context, Figure, child

TARGET_MS = 50


def measure(args: list[str]) -> dict:
    """Child: the time of all tallies, first (cold) and the median of the next runs."""
    from exercises.arbitration.rounds import list_rounds
    from exercises.arbitration.tally import round_result, tally_round
    from workshop_app.store import open_store

    store = open_store(args[0], read_only=True)
    repeats = int(args[1])
    ids = [r.id for r in list_rounds(store, None) if not r.is_open]

    def run(fn) -> float:
        start = time.perf_counter()
        for rid in ids:
            fn(store, rid)
        return time.perf_counter() - start

    first = run(tally_round)
    tallies = [run(tally_round) for _ in range(repeats)]
    results = [run(round_result) for _ in range(max(1, repeats // 2))]
    ballots = store.scalar("SELECT count(*) FROM ballots")
    return {"rounds": len(ids), "ballots": ballots, "first_ms": 1000 * first,
            "median_ms": 1000 * statistics.median(tallies), "results_ms": 1000 * statistics.median(results)}


def run(ctx: Context) -> list[Figure]:
    out = child(ctx, "tallies", str(ctx.large), str(ctx.repeats(21, 11)))
    ctx.note(f"tallies: {out['rounds']} rounds, {out['ballots']} ballots; first run {out['first_ms']:.1f} ms")
    return [Figure("tallies.all_rounds", out["median_ms"], "ms", TARGET_MS),
            Figure("tallies.all_rounds_first", out["first_ms"], "ms"),
            Figure("tallies.results_with_dissent", out["results_ms"], "ms")]
