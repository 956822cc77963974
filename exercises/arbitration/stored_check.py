"""What the arbitration stage relies on in a stored file (``Exercise.content_problem``).

The rounds must be ones the tallies can count, with the same checks ``create_round``
makes; every ballot must be readable and countable; secrecy and the one-vote rule must
hold in the data: a secret ballot names no voter, and a booth round has exactly one
ballot per mark ("who has voted"). ``workshop-app check`` and the JSON import refuse a
file or a document that breaks any of them, with the sentence returned here.
"""

from __future__ import annotations

import json
import sqlite3

from workshop_app.domain import ValidationError
from workshop_app.i18n import _

from .booth import decode, validate_content
from .rounds import METHODS, PAPER_METHODS, STATUSES, VISIBILITIES, BallotRound, _check_config, _check_options


def _loads(text):
    try:
        return json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _round_problem(row: tuple) -> tuple[str | None, BallotRound | None]:
    rid, method, visibility, status, purpose, options_text, config_text = row
    options, config = _loads(options_text), _loads(config_text)
    if not isinstance(options, list):
        return _("the options of voting round {id} are not readable.").format(id=rid), None
    if not isinstance(config, dict):
        return _("the settings of voting round {id} are not readable.").format(id=rid), None
    if method not in METHODS:
        return _("voting round {id} has an unknown method ({method}).").format(id=rid, method=str(method)[:40]), None
    if visibility not in VISIBILITIES or (visibility == "paper" and method not in PAPER_METHODS):
        return _("voting round {id} has an unknown kind of vote.").format(id=rid), None
    if status not in STATUSES:
        return _("voting round {id} has an unknown status.").format(id=rid), None
    if not isinstance(purpose, str) or not (purpose == "arbitration" or purpose.startswith("governance:")):
        return _("voting round {id} has an unknown purpose.").format(id=rid), None
    try:
        _check_options(options)
        _check_config(method, options, config)
    except ValidationError as error:
        return _("voting round {id} cannot be counted: {reason}").format(id=rid, reason=error), None
    except (TypeError, ValueError, AttributeError):
        return _("the settings of voting round {id} are not readable.").format(id=rid), None
    return None, BallotRound(rid, "", method, visibility, tuple(options), config, status, purpose)


def content_problem(conn: sqlite3.Connection) -> str | None:
    rounds = {}
    for row in conn.execute("SELECT id, method, visibility, status, purpose, options, config FROM vote_rounds"):
        problem, rnd = _round_problem(row)
        if problem:
            return problem
        rounds[rnd.id] = rnd
    marks = dict(conn.execute("SELECT round_id, count(*) FROM vote_marks GROUP BY round_id").fetchall())
    counts: dict[int, int] = {}
    for round_id, voter_id, content in conn.execute("SELECT round_id, voter_id, content FROM ballots"):
        rnd = rounds[round_id]  # the foreign key was checked by the core
        counts[round_id] = counts.get(round_id, 0) + 1
        if rnd.secret and voter_id is not None:
            return _("a ballot of the secret voting round {id} names its voter.").format(id=round_id)
        if rnd.visibility == "open" and voter_id is None:
            return _("a ballot of the open voting round {id} names no voter.").format(id=round_id)
        try:
            value = decode(rnd, content)
            if rnd.visibility == "paper":
                if not isinstance(value, dict) or not isinstance(value.get("paper_totals"), dict):
                    raise ValueError
            else:
                validate_content(rnd, value)
        except (ValidationError, ValueError, KeyError, TypeError, AttributeError):
            return _("a ballot of voting round {id} cannot be counted.").format(id=round_id)
    for rid, rnd in rounds.items():
        ballots, voters = counts.get(rid, 0), marks.get(rid, 0)
        if rnd.visibility == "paper":
            if ballots > 1 or voters:
                return _("the paper voting round {id} has more than one record of totals.").format(id=rid)
        elif ballots != voters:
            return _("voting round {id} has {ballots} ballots for {voters} voters.").format(
                id=rid, ballots=ballots, voters=voters)
    return None
