"""Casting ballots: one vote per participant per round, secret ballots kept apart from voters.

Storage of a **secret** round:

* ``vote_marks(round_id, participant_id)`` says only "P has voted in R";
* ``ballots`` holds the content under a random 63-bit ``token`` (so the key order says
  nothing about the casting order), ``voter_id`` NULL and no timestamp;
* ``seal`` = HMAC-SHA256(round key, round id and participant id). The round key is
  random and lives only in the running app's memory (``VoteKeys``), never in the file.
  While the app runs, the facilitator can therefore void one person's ballot (the
  seal finds it); the file alone links no ballot to anyone. After a restart the key
  is gone and voiding a secret ballot is refused: repeat the round instead.

An **open** round stores ``voter_id``; a **paper** round stores one ballot holding the
totals the facilitator typed in: ``{"paper_totals": {option: dots}, "voters": n}``.
The mark and the ballot are written in one transaction; the mark's primary key
refuses a second ballot, even from two connections racing.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from typing import Any

from workshop_app import voting
from workshop_app.domain import Participant, ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.participants import list_participants
from workshop_app.store import BusyError, Store
from workshop_app.vote_keys import VoteKeys, seal  # noqa: F401  (VoteKeys: re-exported)

from .rounds import BallotRound, require_round, scoring_criteria

TOKEN_BITS = 63
RESTART_REFUSAL = _("This secret ballot can no longer be voided: the key linking ballots to voters "
                    "exists only while the app runs, and it was lost when the app was restarted. "
                    "Repeat the round if the vote must be corrected.")


# --- ballot content: validation and JSON form ------------------------------

def validate_content(rnd: BallotRound, content: Any) -> None:
    """Refuse a ballot the round's tally could not count (``ValidationError``)."""
    options = list(rnd.options)
    cfg = rnd.config
    try:
        if rnd.method == "dot":
            voting.validate_dots(content, options, budget=cfg["budget"], cap=cfg.get("cap"))
        elif rnd.method == "points100":
            voting.validate_points(content, options, total=cfg.get("total", 100))
        elif rnd.method == "scoring":
            voting.validate_scores(content, options, scoring_criteria(cfg))
        elif rnd.method == "majority":
            voting.validate_grades(content, options, cfg["grades"])
            if set(content) != set(options):
                raise voting.BallotError(_("Give a grade to every option."))
        elif rnd.method == "approval":
            voting.validate_approval(content, options, max_approvals=cfg.get("max_approvals"))
    except voting.BallotError as error:
        raise ValidationError(_("This ballot cannot be counted: {reason}").format(reason=error)) from None


def encode(rnd: BallotRound, content: Any) -> str:
    if rnd.method == "approval":
        return json.dumps(sorted(content, key=voting.option_key))
    if rnd.method == "majority":
        grades = rnd.config["grades"]
        content = {o: g if isinstance(g, int) else grades.index(g) for o, g in content.items()}
    return json.dumps({str(o): v for o, v in content.items() if v or rnd.method != "dot"},
                      ensure_ascii=False, sort_keys=True)


def decode(rnd: BallotRound, text: str) -> Any:
    """The stored JSON back with the round's own option ids (ints stay ints)."""
    by_text = {str(o): o for o in rnd.options}
    data = json.loads(text)
    if isinstance(data, dict) and "paper_totals" in data:
        return {"paper_totals": {by_text[k]: v for k, v in data["paper_totals"].items()},
                "voters": data.get("voters", 0)}
    if isinstance(data, list):
        return [o if o in rnd.options else by_text.get(str(o), o) for o in data]
    return {by_text[k]: v for k, v in data.items()}


def ballot_contents(store: Store, round_id: int) -> list:
    """The decoded ballots of a round (in token order, which says nothing)."""
    rnd = require_round(store, round_id)
    rows = store.query("SELECT content FROM ballots WHERE round_id = ? ORDER BY token", (round_id,))
    return [decode(rnd, r["content"]) for r in rows]


# --- casting -----------------------------------------------------------------

def _new_token(store: Store) -> int:
    while True:
        token = secrets.randbits(TOKEN_BITS)
        if token and store.scalar("SELECT 1 FROM ballots WHERE token = ?", (token,)) is None:
            return token


def cast_ballot(store: Store, round_id: int, participant_id: int, content: Any,
                seal_key: bytes | None = None) -> None:
    """Record ``participant_id``'s ballot in an open booth round (secret or open).

    The mark is written first, so the database's write lock is taken before anything is
    read: a racing second ballot for the same person waits, then hits the primary key.
    """
    rnd = require_round(store, round_id)
    if rnd.visibility == "paper":
        raise ValidationError(_("A paper vote has no ballots: type the totals instead."))
    validate_content(rnd, content)
    name = store.scalar("SELECT name FROM participants WHERE id = ?", (participant_id,))
    if name is None:
        raise ValidationError(_("This participant no longer exists."))
    try:
        with store.action() as db:
            db.execute("INSERT INTO vote_marks (round_id, participant_id) VALUES (?, ?)",
                       [round_id, participant_id])
            if require_round(store, round_id).status != "open":
                raise ValidationError(_("This round is closed: no more ballots."))
            db.execute("INSERT INTO ballots (token, round_id, voter_id, seal, content) VALUES (?, ?, ?, ?, ?)",
                       [_new_token(store), round_id, None if rnd.secret else participant_id,
                        seal(seal_key, round_id, participant_id) if rnd.secret and seal_key else None,
                        encode(rnd, content)])
    except sqlite3.IntegrityError as error:
        if "UNIQUE" in str(error) or "PRIMARY KEY" in str(error):
            raise ValidationError(_("{name} has already voted in this round.").format(name=name)) from None
        raise
    except BusyError:
        raise ValidationError(_("The seminar file is busy; please confirm the ballot again.")) from None


def set_paper_totals(store: Store, round_id: int, totals: dict, voters: int) -> str | None:
    """Replace a paper round's totals (dots per option, counted on the wall).

    Returns the previous stored content (for undo), or None.
    """
    rnd = require_round(store, round_id)
    if rnd.visibility != "paper":
        raise ValidationError(_("Only a paper vote takes typed-in totals."))
    if not rnd.is_open:
        raise ValidationError(_("This round is closed: reopen it to change the totals."))
    if not isinstance(voters, int) or voters < 0:
        raise ValidationError(_("The number of voters must be a whole number."))
    clean = {}
    for option, dots in totals.items():
        if option not in rnd.options:
            raise ValidationError(_("These totals name an option that is not in the round."))
        if not isinstance(dots, int) or isinstance(dots, bool) or dots < 0:
            raise ValidationError(_("Each total must be a whole number of dots, 0 or more."))
        if dots:
            clean[str(option)] = dots
    budget = rnd.config.get("budget", 0)
    if voters and sum(clean.values()) > voters * budget:
        raise ValidationError(_("{total} dots is more than {voters} voters with {budget} dots each can place.")
                              .format(total=sum(clean.values()), voters=voters, budget=budget))
    content = json.dumps({"paper_totals": clean, "voters": voters}, ensure_ascii=False, sort_keys=True)
    return _replace_paper(store, round_id, content)


def _replace_paper(store: Store, round_id: int, content: str | None) -> str | None:
    with store.action() as db:
        previous = store.scalar("SELECT content FROM ballots WHERE round_id = ?", (round_id,))
        db.execute("DELETE FROM ballots WHERE round_id = ?", [round_id])
        if content is not None:
            db.execute("INSERT INTO ballots (token, round_id, voter_id, seal, content) VALUES (?, ?, NULL, NULL, ?)",
                       [_new_token(store), round_id, content])
    return previous


def restore_paper_totals(store: Store, round_id: int, previous: str | None) -> None:
    """Undo of ``set_paper_totals``."""
    _replace_paper(store, round_id, previous)


def paper_totals(store: Store, round_id: int) -> tuple[dict, int]:
    """``({option: dots}, voters)`` typed in for a paper round (empty before any entry)."""
    contents = ballot_contents(store, round_id)
    if not contents:
        return {}, 0
    return dict(contents[0]["paper_totals"]), int(contents[0]["voters"])


# --- who has voted -------------------------------------------------------------

def has_voted(store: Store, round_id: int, participant_id: int) -> bool:
    return store.scalar("SELECT 1 FROM vote_marks WHERE round_id = ? AND participant_id = ?",
                        (round_id, participant_id)) is not None


def voter_ids(store: Store, round_id: int) -> set[int]:
    return {r["participant_id"] for r in store.query(
        "SELECT participant_id FROM vote_marks WHERE round_id = ?", (round_id,))}


def voters_missing(store: Store, round_id: int) -> list[Participant]:
    """Participants who have not voted yet, in the list's order."""
    done = voter_ids(store, round_id)
    return [p for p in list_participants(store) if p.id not in done]


def progress(store: Store, round_id: int) -> tuple[int, int]:
    """``(voted, eligible)``: eligible are the participants now on the list."""
    done = voter_ids(store, round_id)
    people = list_participants(store)
    return sum(1 for p in people if p.id in done), len(people)


# --- voiding -------------------------------------------------------------------

def void_ballot(store: Store, round_id: int, participant_id: int, reason: str, at: float,
                seal_key: bytes | None = None) -> dict:
    """Delete one participant's ballot and mark, logged with a reason; returns what undo needs."""
    reason = clean_text(reason, _("Reason"), required=True)
    rnd = require_round(store, round_id)
    if rnd.visibility == "paper":
        raise ValidationError(_("A paper vote has no individual ballots: correct the totals instead."))
    if rnd.status == "revealed":
        raise ValidationError(_("The results were shown to the room: repeat the round instead."))
    if not has_voted(store, round_id, participant_id):
        raise ValidationError(_("This participant has not voted in this round."))
    if rnd.secret:
        if seal_key is None:
            raise ValidationError(RESTART_REFUSAL)
        rows = store.query("SELECT * FROM ballots WHERE round_id = ? AND seal = ?",
                           (round_id, seal(seal_key, round_id, participant_id)))
    else:
        rows = store.query("SELECT * FROM ballots WHERE round_id = ? AND voter_id = ?", (round_id, participant_id))
    if len(rows) != 1:
        raise ValidationError(RESTART_REFUSAL if rnd.secret else _("This ballot cannot be found."))
    with store.action() as db:
        db.execute("DELETE FROM ballots WHERE token = ?", [rows[0]["token"]])
        db.execute("DELETE FROM vote_marks WHERE round_id = ? AND participant_id = ?", [round_id, participant_id])
        void_id = db["ballot_voids"].insert({"round_id": round_id, "participant_id": participant_id,
                                             "at": at, "reason": reason}).last_pk
        if rnd.secret:
            store.request_seal()
    if rnd.secret:  # the journal's older pages still hold the ballot next to this void: rewrite them
        store.seal()
    return {"ballot": rows[0], "participant_id": participant_id, "void_id": void_id}


def undo_void(store: Store, record: dict) -> None:
    """Put a voided ballot back (same token and seal) and drop its log line."""
    with store.action() as db:
        db["ballots"].insert(record["ballot"])
        db.execute("INSERT INTO vote_marks (round_id, participant_id) VALUES (?, ?)",
                   [record["ballot"]["round_id"], record["participant_id"]])
        db.execute("DELETE FROM ballot_voids WHERE id = ?", [record["void_id"]])


def list_voids(store: Store, round_id: int) -> list[dict]:
    return store.query("SELECT id, participant_id, at, reason FROM ballot_voids WHERE round_id = ? ORDER BY id",
                       (round_id,))
