"""Trend ratings from phones: one trend at a time, the console's three scales, back and next.

Each phone rates the visible trends in the console's order (``?n=`` is the card's place) on
the same three scales as the laptop's touch screens: relevance for our segments (1–5), time
horizon and life-cycle position. A rating is ``store_ops.set_rating``, the laptop's own
operation: one row per participant and trend, so whichever source rates last (phone or
laptop) replaces the other and nobody counts twice. The consensus stays on the console.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from workshop_app.phone_page import FormError, PhonePage, View, Visit, Write, number, only_fields
from workshop_app.i18n import _
from workshop_app.room_state import StageInput
from workshop_app.store import Store

from . import KEY, store_ops
from .logic import HORIZONS, LIFECYCLES, RELEVANCE, horizon_label, lifecycle_label


def _scale(name: str, label: str, options, chosen) -> dict:
    return {"name": name, "label": label,
            "choices": [{"value": str(v), "text": text, "checked": str(v) == str(chosen)} for v, text in options]}


class TrendPage(PhonePage):
    stage = KEY
    code = "t"
    folder = Path(__file__).with_name("phone")
    templates = ("trend.html",)

    def title(self) -> str:
        return _("Trends")

    def key(self, store: Store, stage_input: StageInput) -> str:
        return str(len(store_ops.list_trends(store, include_hidden=False)))

    def view(self, store: Store, visit: Visit, query: Mapping[str, str], error: str = "",
             values: Mapping[str, str] | None = None) -> View:
        trends = store_ops.list_trends(store, include_hidden=False)
        rated = {r.trend_id: r for r in store_ops.list_ratings(store) if r.participant_id == visit.participant_id}
        done = sum(1 for t in trends if t.id in rated)
        n = query.get("n", "")
        if not (n.isdigit() and len(n) < 6):  # the first trend not rated yet
            index = next((i for i, t in enumerate(trends) if t.id not in rated), len(trends))
        else:
            index = min(int(n), len(trends))
        context = {"total": len(trends), "done": done, "index": index, "error": error,
                   "progress": _("Trend {n} of {total}").format(n=index + 1, total=len(trends)),
                   "done_text": _("{done} of {total} rated").format(done=done, total=len(trends))}
        if index >= len(trends):
            return View("trend.html", {**context, "trend": None})
        trend = trends[index]
        rating = rated.get(trend.id)
        values = values or {}
        chosen = {"relevance": values.get("relevance", rating.relevance if rating else ""),
                  "horizon": values.get("horizon", rating.horizon if rating else ""),
                  "lifecycle": values.get("lifecycle", rating.lifecycle if rating else "")}
        scales = [
            _scale("relevance", _("Relevance for our segments"), [(v, str(v)) for v in RELEVANCE],
                   chosen["relevance"]),
            _scale("horizon", _("Time horizon"), [(h, horizon_label(h)) for h in HORIZONS], chosen["horizon"]),
            _scale("lifecycle", _("Life cycle"), [(c, lifecycle_label(c)) for c in LIFECYCLES], chosen["lifecycle"]),
        ]
        return View("trend.html", {**context, "trend": trend, "scales": scales, "rated": rating is not None})

    def handle(self, store: Store, visit: Visit, form: Mapping[str, str]) -> View | Write:
        only_fields(form, {"trend", "n", "relevance", "horizon", "lifecycle"})
        trends = store_ops.list_trends(store, include_hidden=False)
        n = number(form.get("n"), 0, max(len(trends) - 1, 0))
        trend_id = number(form.get("trend"), 1, 10 ** 9)
        if not trends or trends[n].id != trend_id:
            raise FormError(_("This trend is no longer shown; open the page again."))
        relevance = number(form["relevance"], 1, 5) if form.get("relevance") else None
        horizon = form.get("horizon") or None
        lifecycle = form.get("lifecycle") or None
        if horizon is not None and horizon not in HORIZONS or lifecycle is not None and lifecycle not in LIFECYCLES:
            raise FormError(_("This form has a value outside what the page allows."))
        participant = visit.participant_id

        def rate(s: Store, _keys):
            store_ops.set_rating(s, trend_id, participant, relevance, horizon, lifecycle)
        return Write(rate, then=f"n={n + 1}")


def page() -> TrendPage:
    return TrendPage()
