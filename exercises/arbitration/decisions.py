"""Decisions per initiative: Go / Later / No-go, a reason, a horizon for a Go, and the evidence.

``decisions`` holds the current decision of each initiative; ``decision_log`` keeps
every decision taken, so the history survives a change of mind or a repeated round.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app import horizons
from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import N_, _, translate
from workshop_app.store import Store

from . import sources

DECISIONS = ("go", "later", "nogo")
HORIZONS = horizons.HORIZONS  # the roadmap's horizon bands


def decision_label(decision: str, language: str | None = None) -> str:
    text = {"go": N_("Go"), "later": N_("Later"), "nogo": N_("No-go")}.get(decision, decision)
    return translate(text, language)


def horizon_label(horizon: str, language: str | None = None) -> str:
    return horizons.horizon_label(horizon, language)


def horizon_from_quarter(start_quarter: int | None) -> str:
    """Roadmap start quarter -> horizon (the seminar's one rule, ``workshop_app.horizons``)."""
    return horizons.horizon_of_start(start_quarter)


@dataclass(frozen=True)
class Decision:
    initiative_id: int
    title: str
    decision: str
    reason: str = ""
    horizon: str = ""
    round_id: int | None = None
    evidence: str = ""
    decided_at: float = 0.0


def list_decisions(store: Store) -> list[Decision]:
    """Current decisions, in the initiatives' order."""
    rows = store.query(
        "SELECT d.*, i.title FROM decisions d JOIN initiatives i ON i.id = d.initiative_id "
        "ORDER BY i.position, i.id")
    return [Decision(r["initiative_id"], r["title"], r["decision"], r["reason"], r["horizon"],
                     r["round_id"], r["evidence"], r["decided_at"]) for r in rows]


def get_decision(store: Store, initiative_id: int) -> Decision | None:
    return next((d for d in list_decisions(store) if d.initiative_id == initiative_id), None)


def decision_log(store: Store) -> list[dict]:
    """Every decision taken, oldest first, with the initiative's title ('' if deleted)."""
    titles = sources.titles(store)
    rows = store.query("SELECT * FROM decision_log ORDER BY id")
    return [{**r, "title": titles.get(r["initiative_id"], "")} for r in rows]


def set_decision(store: Store, initiative_id: int, decision: str, reason: str, horizon: str = "",
                 round_id: int | None = None, evidence: str = "", at: float = 0.0) -> dict:
    """Decide on an initiative (logged); returns what ``undo_decision`` needs."""
    if decision not in DECISIONS:
        raise ValidationError(_("Choose Go, Later or No-go."))
    reason = clean_text(reason, _("Reason"), required=True)
    evidence = clean_text(evidence, _("Evidence"), long=True)
    if decision == "go":
        if horizon not in HORIZONS:
            raise ValidationError(_("Choose a horizon for a Go: quick win, 6–18 or 18–36 months."))
    else:
        horizon = ""
    if store.scalar("SELECT 1 FROM initiatives WHERE id = ?", (initiative_id,)) is None:
        raise ValidationError(_("This initiative no longer exists."))
    with store.action() as db:
        previous = store.query("SELECT * FROM decisions WHERE initiative_id = ?", (initiative_id,))
        if round_id is not None and store.scalar("SELECT 1 FROM vote_rounds WHERE id = ?", (round_id,)) is None:
            round_id = None
        record = {"initiative_id": initiative_id, "decision": decision, "reason": reason, "horizon": horizon,
                  "round_id": round_id, "evidence": evidence, "decided_at": at}
        db["decisions"].upsert(record, pk="initiative_id")
        log_id = db["decision_log"].insert({"initiative_id": initiative_id, "decision": decision,
                                            "reason": reason, "round_id": round_id, "evidence": evidence,
                                            "at": at}).last_pk
    return {"initiative_id": initiative_id, "previous": previous[0] if previous else None, "log_id": log_id}


def undo_decision(store: Store, record: dict) -> None:
    """Put back the decision that was there before (or none), and drop the log line."""
    with store.action() as db:
        db.execute("DELETE FROM decisions WHERE initiative_id = ?", [record["initiative_id"]])
        if record["previous"] is not None:
            db["decisions"].insert(record["previous"])
        db.execute("DELETE FROM decision_log WHERE id = ?", [record["log_id"]])


def clear_decision(store: Store, initiative_id: int) -> dict | None:
    """Remove the current decision (the log keeps its history); returns the removed row."""
    with store.action() as db:
        rows = store.query("SELECT * FROM decisions WHERE initiative_id = ?", (initiative_id,))
        db.execute("DELETE FROM decisions WHERE initiative_id = ?", [initiative_id])
    return rows[0] if rows else None


def restore_decision(store: Store, row: dict | None) -> None:
    if row is not None:
        with store.action() as db:
            db["decisions"].upsert(row, pk="initiative_id")


def decision_count(store: Store) -> int:
    """How many initiatives have a decision (a chart marking decided ones redraws when it moves)."""
    return store.scalar("SELECT count(*) FROM decisions")
