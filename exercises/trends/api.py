"""What other stages may use of the trend-decoding stage: its trends and the strategic segments.

Ideation starts rounds from a trend and business cases name the segments they serve;
neither reads this stage's tables or modules other than this one.
"""

from __future__ import annotations

from workshop_app.store import Store

from .logic import Trend
from .store_ops import get_trend, list_segments, list_trends

__all__ = ["Trend", "get_trend", "list_segments", "list_trends", "trend_choices", "trend_title"]


def trend_choices(store: Store) -> list[tuple[int, str]]:
    """(id, label) of the trends a round can start from: the retained ones first, marked ★."""
    shown = [t for t in list_trends(store) if not t.hidden or t.retained]
    shown.sort(key=lambda t: (not t.retained, t.position, t.id))
    return [(t.id, ("★ " if t.retained else "") + t.title) for t in shown]


def trend_title(store: Store, trend_id: int) -> str | None:
    """A trend's title, or None when it no longer exists."""
    return next((t.title for t in list_trends(store) if t.id == trend_id), None)
