"""Chart factories the chart helper process can import (module functions pickle by name)."""

from __future__ import annotations

import time


def bars(count: int, label: str, pause: float = 0.0):
    """A small bar chart; ``pause`` makes it slow enough for the helper to take some."""
    from matplotlib.figure import Figure

    time.sleep(pause)
    fig = Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    ax.barh(range(count), list(range(count, 0, -1)), color="#2A9D8F")
    ax.set_yticks(range(count), [f"{label} {n}" for n in range(count)])
    fig.tight_layout()
    return fig


def broken(pause: float = 0.0):
    time.sleep(pause)
    raise RuntimeError("no data for this chart")
