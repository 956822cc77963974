"""What every chart of the app shares, whatever stage draws it (matplotlib imported on first use).

Texts on charts are participants' words: an initiative called "Save $5 on each $20 card"
is plain text, not mathematics between dollar signs.
"""

from __future__ import annotations


def new_figure(**kwargs):
    """A matplotlib ``Figure`` (never pyplot) with the app's chart settings."""
    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False
    from matplotlib.figure import Figure

    return Figure(**kwargs)
