"""Voting rounds: what is asked, on which options, by which method, how secretly.

The machinery is shared with the governance stage (``purpose='governance:<key>'``):
options are initiative ids for arbitration, or option keys (strings) with their labels
in ``config["labels"]`` for a governance question.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from workshop_app import voting
from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import N_, _, translate
from workshop_app.store import Store

from . import sources
from .library import default_criteria, default_grades

METHODS = ("dot", "points100", "scoring", "majority", "approval")
VISIBILITIES = ("secret", "open", "paper")
STATUSES = ("open", "closed", "revealed")
PAPER_METHODS = ("dot",)  # a physical vote the facilitator types in: dots on a wall


@dataclass(frozen=True)
class BallotRound:
    """One vote: a question, its options, a method and who may see what."""

    id: int
    question: str
    method: str
    visibility: str = "secret"
    options: tuple = ()
    config: dict = field(default_factory=dict, hash=False)
    status: str = "open"
    purpose: str = "arbitration"
    parent_round_id: int | None = None
    position: int = 0

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def secret(self) -> bool:
        return self.visibility == "secret"


METHOD_LABELS = {
    "dot": N_("Dot voting"),
    "points100": N_("100-point split"),
    "scoring": N_("Weighted scoring"),
    "majority": N_("Majority judgment"),
    "approval": N_("Approval vote"),
}
VISIBILITY_LABELS = {
    "secret": N_("Secret booth"),
    "open": N_("Open vote"),
    "paper": N_("Paper vote (totals typed in)"),
}
SHORT_VISIBILITY_LABELS = {"secret": N_("Secret"), "open": N_("Open"), "paper": N_("Paper")}
STATUS_LABELS = {"open": N_("Voting"), "closed": N_("Closed"), "revealed": N_("Revealed")}


def method_label(method: str, language: str | None = None) -> str:
    return translate(METHOD_LABELS.get(method, method), language)


def visibility_label(visibility: str, language: str | None = None, short: bool = False) -> str:
    labels = SHORT_VISIBILITY_LABELS if short else VISIBILITY_LABELS
    return translate(labels.get(visibility, visibility), language)


def status_label(status: str, language: str | None = None) -> str:
    return translate(STATUS_LABELS.get(status, status), language)


def default_config(method: str, language: str, option_count: int) -> dict:
    """Sensible settings for ``method`` with ``option_count`` options."""
    config: dict[str, Any] = {"shuffle": True}
    if method == "dot":
        budget = max(3, min(10, math.ceil(option_count / 2)))
        config.update(budget=budget, cap=max(1, (budget + 1) // 2))
    elif method == "points100":
        config.update(total=100)
    elif method == "scoring":
        config.update(criteria=default_criteria(language))
    elif method == "majority":
        config.update(grades=default_grades(language))
    elif method == "approval":
        config.update(max_approvals=None)
    return config


def scoring_criteria(config: dict) -> list[dict]:
    """The round's criteria in the form the tallies take (key, weight, reversed, label)."""
    return [{"key": c["key"], "weight": c["weight"], "reversed": bool(c.get("reversed", False)),
             "label": c.get("name", "")} for c in config.get("criteria", [])]


def _check_options(options: list) -> list:
    if not isinstance(options, (list, tuple)) or len(options) < 2:
        raise ValidationError(_("A round needs at least two options to choose from."))
    try:
        voting.core.check_options(options)
    except ValueError:
        raise ValidationError(_("The options of a round must be distinct.")) from None
    return list(options)


def _check_config(method: str, options: list, config: dict) -> None:
    """Refuse settings the tallies cannot count (a plain ValueError becomes a sentence)."""
    try:
        if method == "dot":
            voting.validate_dots({}, options, budget=config["budget"], cap=config.get("cap"))
        elif method == "points100":
            voting.validate_points({options[0]: config["total"]}, options, total=config["total"])
        elif method == "scoring":
            voting.normalise_criteria(scoring_criteria(config))
        elif method == "majority":
            voting.majority.check_scale(config["grades"])
        elif method == "approval":
            voting.validate_approval([], options, max_approvals=config.get("max_approvals"))
    except (ValueError, KeyError) as error:
        raise ValidationError(_("These round settings cannot be used: {reason}").format(reason=error)) from None


def create_round(store: Store, question: str, method: str, options: list, visibility: str = "secret",
                 config: dict | None = None, purpose: str = "arbitration",
                 parent_round_id: int | None = None, language: str | None = None,
                 round_id: int | None = None) -> int:
    """Open a new round; ``config`` overrides the method's defaults. Returns its id."""
    question = clean_text(question, _("Question"), required=True)
    if method not in METHODS:
        raise ValidationError(_("Unknown voting method: {method}.").format(method=method))
    if visibility not in VISIBILITIES:
        raise ValidationError(_("Unknown kind of vote: {kind}.").format(kind=visibility))
    if visibility == "paper" and method not in PAPER_METHODS:
        raise ValidationError(_("A paper vote can only be a dot vote."))
    if not (purpose == "arbitration" or purpose.startswith("governance:")):
        raise ValidationError(_("Unknown purpose of a round: {purpose}.").format(purpose=purpose))
    options = _check_options(options)
    lang = language or store.scalar("SELECT language FROM seminar WHERE id = 1") or "en"
    settings = {**default_config(method, lang, len(options)), **(config or {})}
    _check_config(method, options, settings)
    with store.action() as db:
        if parent_round_id is not None and get_round(store, parent_round_id) is None:
            raise ValidationError(_("The round to repeat no longer exists."))
        position = (store.scalar("SELECT max(position) FROM vote_rounds") or 0) + 1
        record = {"question": question, "method": method, "visibility": visibility,
                  "config": json.dumps(settings, ensure_ascii=False),
                  "options": json.dumps(options), "status": "open", "purpose": purpose,
                  "parent_round_id": parent_round_id, "position": position}
        if round_id is not None:
            record["id"] = round_id
        return db["vote_rounds"].insert(record).last_pk


def _round(row: dict) -> BallotRound:
    return BallotRound(row["id"], row["question"], row["method"], row["visibility"],
                       tuple(json.loads(row["options"])), json.loads(row["config"]), row["status"],
                       row["purpose"], row["parent_round_id"], row["position"])


def get_round(store: Store, round_id: int) -> BallotRound | None:
    rows = store.query("SELECT * FROM vote_rounds WHERE id = ?", (round_id,))
    return _round(rows[0]) if rows else None


def require_round(store: Store, round_id: int) -> BallotRound:
    found = get_round(store, round_id)
    if found is None:
        raise ValidationError(_("This round no longer exists."))
    return found


def list_rounds(store: Store, purpose: str | None = "arbitration") -> list[BallotRound]:
    """Rounds in the order they were created (``purpose=None``: every stage's rounds)."""
    if purpose is None:
        rows = store.query("SELECT * FROM vote_rounds ORDER BY position, id")
    else:
        rows = store.query("SELECT * FROM vote_rounds WHERE purpose = ? ORDER BY position, id", (purpose,))
    return [_round(r) for r in rows]


def option_labels(store: Store, rnd: BallotRound) -> dict:
    """``{option: label}``: the config's labels, else the initiatives' current titles."""
    labels = rnd.config.get("labels") or {}
    titles = sources.titles(store)
    out = {}
    for option in rnd.options:
        label = labels.get(str(option))
        if label is None:
            label = titles.get(option, _("(deleted initiative)")) if isinstance(option, int) else str(option)
        out[option] = label
    return out


def _set_status(store: Store, round_id: int, allowed_from: tuple[str, ...], to: str, refusal: str) -> None:
    with store.action() as db:
        rnd = require_round(store, round_id)
        if rnd.status not in allowed_from:
            raise ValidationError(refusal)
        db["vote_rounds"].update(round_id, {"status": to})


def close_round(store: Store, round_id: int) -> bool:
    """Stop the vote; results become visible to the facilitator (not yet to the room).

    The close and the need to seal the file are committed together, then the file is
    sealed (``Store.seal``). Returns False when the seal has to wait (a reader holds the
    file, the disk is full): the round is then "closed, not yet sealed" and the app
    seals it at its next idle moment, at the next opening, and copies never need it.
    """
    with store.action():
        _set_status(store, round_id, ("open",), "closed", _("This round is already closed."))
        store.request_seal()
    return store.seal()


def reopen_round(store: Store, round_id: int) -> None:
    _set_status(store, round_id, ("closed",), "open",
                _("Only a closed round whose results were not shown can be reopened."))


def reveal_round(store: Store, round_id: int) -> None:
    """Allow the results on the shared screen."""
    _set_status(store, round_id, ("closed", "revealed"), "revealed",
                _("Close the round before showing its results."))


def hide_round(store: Store, round_id: int) -> None:
    _set_status(store, round_id, ("revealed",), "closed", _("These results are not shown."))


def scrub_storage(store: Store) -> bool:
    """Seal the file now (see ``Store.seal``); False when it must be retried later."""
    return store.seal()


def is_sealed(store: Store, rnd: BallotRound) -> bool:
    """Whether nothing in the file's bytes can still tell this closed round's casting order."""
    return rnd.is_open or not store.seal_pending


NOT_SEALED = N_("Closed, not yet sealed")


def round_status_text(store: Store, rnd: BallotRound, language: str | None = None) -> str:
    """The status to show: "Closed, not yet sealed" while the file still keeps the order of the ballots."""
    if not rnd.is_open and not is_sealed(store, rnd):
        return translate(NOT_SEALED, language)
    return status_label(rnd.status, language)


def snapshot_round(store: Store, round_id: int) -> dict:
    """Everything stored for a round (to undo its deletion within the session)."""
    return {
        "round": store.query("SELECT * FROM vote_rounds WHERE id = ?", (round_id,))[0],
        "marks": store.query("SELECT * FROM vote_marks WHERE round_id = ?", (round_id,)),
        "ballots": store.query("SELECT * FROM ballots WHERE round_id = ? ORDER BY token", (round_id,)),
        "voids": store.query("SELECT * FROM ballot_voids WHERE round_id = ?", (round_id,)),
        "children": [r["id"] for r in store.query(
            "SELECT id FROM vote_rounds WHERE parent_round_id = ?", (round_id,))],
        "decisions": [r["initiative_id"] for r in store.query(
            "SELECT initiative_id FROM decisions WHERE round_id = ?", (round_id,))],
    }


def delete_round(store: Store, round_id: int) -> dict:
    """Delete a round with its ballots; returns a snapshot for ``restore_round``.

    A secret round's ballots then leave no trace in the file (the journal's older pages
    still hold them until the file is sealed).
    """
    with store.action() as db:
        rnd = require_round(store, round_id)
        snap = snapshot_round(store, round_id)
        db.execute("DELETE FROM vote_rounds WHERE id = ?", [round_id])
        if rnd.secret and snap["ballots"]:
            store.request_seal()
    if rnd.secret and snap["ballots"]:
        store.seal()
    return snap


def restore_round(store: Store, snap: dict) -> None:
    with store.action() as db:
        db["vote_rounds"].insert(snap["round"])
        for table in ("marks", "ballots", "voids"):
            name = {"marks": "vote_marks", "ballots": "ballots", "voids": "ballot_voids"}[table]
            for row in snap[table]:
                db[name].insert(row)
        rid = snap["round"]["id"]
        for child in snap["children"]:
            db.execute("UPDATE vote_rounds SET parent_round_id = ? WHERE id = ?", [rid, child])
        for initiative in snap["decisions"]:
            db.execute("UPDATE decisions SET round_id = ? WHERE initiative_id = ?", [rid, initiative])
