"""Text sizes for the room: what the shared screen shows must read from 12 m.

At 12 m, text wants capitals about 38 px high on a 1080-line projector: a font of about
52 px, 4.8 % of the window's height. Every text meant for the room is at least that; titles
are larger. Views that cannot fit their content at that size page or abbreviate it.
"""

from __future__ import annotations

ROOM_SHARE = 0.048  # a font's pixel size, as a share of the shared window's height


def room_px(height: float, factor: float = 1.0) -> int:
    """The pixel size of room text (times ``factor``) for a window ``height`` pixels high."""
    return max(12, round(max(height, 200) * ROOM_SHARE * factor))


def room_pt(height: float, dpi: float = 100.0, factor: float = 1.0) -> float:
    """The same size in points, for a matplotlib figure drawn at ``dpi``."""
    return room_px(height, factor) * 72.0 / dpi
