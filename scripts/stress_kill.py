"""Kill -9 stress run: a child process works on a seminar file and is killed N times.

Usage (from the repository's root)::

    python scripts/stress_kill.py                 # 500 kills, a fresh temporary seminar
    python scripts/stress_kill.py --kills 2000 --seed 7 --keep /tmp/stress.workshop

Each cycle starts ``tests/reliability/child.py`` (it opens the file for editing, taking
its lock, and loops: participants, ideas, secret ballots, closing rounds and sealing the
file, snapshots, closing and reopening the file, which releases and takes the lock, each
acknowledged after its commit), kills it with SIGKILL at a random moment, then checks
the file as the next start of the app would: ``check_file``, ``PRAGMA integrity_check``,
every acknowledged commit, no seal left pending after the next opening, every snapshot
complete; and the next child must get the lock (a kill never leaves the file held).
Exit status 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.killing import kill_cycles, prepare_seminar  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=500, help="how many SIGKILLs (default 500)")
    parser.add_argument("--seed", type=int, default=20261203, help="random seed of the kill moments")
    parser.add_argument("--keep", metavar="FILE.workshop", help="work on this new file and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="workshop-stress-") as folder:
        path = Path(args.keep) if args.keep else Path(folder) / "stress.workshop"
        prepare_seminar(path)
        step = max(1, args.kills // 10)

        def progress(done, expected):
            if done % step == 0 or done == args.kills:
                print(f"  {done:>5} kills · {expected.acks:>6} acknowledged commits checked", flush=True)

        print(f"Killing a worker {args.kills} times on {path} (seed {args.seed})", flush=True)
        try:
            summary = kill_cycles(path, args.kills, args.seed, progress)
        except AssertionError as error:
            print(f"FAILED: {error}", file=sys.stderr)
            return 1
        except Exception as error:  # noqa: BLE001 - a refused file is a failure too
            print(f"FAILED: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    print(f"OK: {summary.kills} kills ({summary.before_ready} while the file was being opened), "
          f"{summary.acks} acknowledged commits ({summary.ballots} secret ballots, {summary.closes} closes "
          f"sealed or completed at the next opening, {summary.snapshots} snapshots, {summary.reopens} "
          f"releases of the lock) all present, "
          f"integrity ok after every kill, in {summary.seconds:.0f} s "
          f"({summary.seconds / max(summary.kills, 1) * 1000:.0f} ms per kill)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
