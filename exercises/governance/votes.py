"""Settling a governance question by a real vote in the arbitration stage's booth.

A round with ``purpose='governance:<question key>'`` offers the question's option keys:
a single answer is an approval vote with one pick, several answers an approval vote,
a ranking a majority-judgment vote. ``result_from_tally`` turns the counted round into
the chosen options:

* single: the most approved option (a tie is refused: vote again or settle by consensus);
* multi: every option approved by at least half of the voters;
* ranking: every option, in the majority-judgment order.

When the arbitration stage is not registered, ``available()`` is False and the room
settles by consensus or by a show of hands instead.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from workshop_app.domain import ValidationError
from workshop_app.i18n import _
from workshop_app.store import Store

from . import logic


def arbitration():
    """The arbitration stage's published API (``exercises/arbitration/api.py``), or None when
    that stage is not registered."""
    if not available():
        return None
    from exercises.arbitration import api

    return api


def available() -> bool:
    from exercises import by_key

    return by_key("arbitration") is not None


def purpose(key: str) -> str:
    return f"governance:{key}"


def method_for(kind: str) -> tuple[str, dict]:
    """The voting method and settings for a kind of question."""
    if kind == "single":
        return "approval", {"max_approvals": 1}
    if kind == "multi":
        return "approval", {"max_approvals": None}
    return "majority", {}


def result_from_tally(kind: str, tally, option_order: Sequence[str]) -> list[str]:
    """The chosen options a counted round gives (see the module's docstring)."""
    if tally.voters == 0:
        raise ValidationError(_("Nobody has voted yet."))
    if kind == "single":
        winners = [o for o in tally.winners]
        if len(winners) != 1:
            raise ValidationError(_("The vote is tied: vote again, or settle by consensus."))
        return winners
    if kind == "multi":
        return [o for o in option_order
                if Fraction(tally.get(o).details.get("approvals", 0), tally.voters) >= Fraction(1, 2)]
    return [r.option for r in tally.ranking]


def open_vote(store: Store, key: str, visibility: str = "secret") -> int:
    """Open a booth round on a question; return its id."""
    api = arbitration()
    if api is None:
        raise ValidationError(_("Voting rounds are not available: settle by consensus or by a show of hands."))
    choice = logic.get_choice(store, key)
    if len(choice.options) < 2:
        raise ValidationError(_("A vote needs at least two options."))
    method, config = method_for(choice.kind)
    config = {**config, "labels": {o.key: o.label for o in choice.options}}
    return api.create_round(store, choice.question, method, [o.key for o in choice.options],
                            visibility=visibility, config=config, purpose=purpose(key))


def latest_round(store: Store, key: str):
    """The question's most recent round (None if it was never put to a vote)."""
    api = arbitration()
    if api is None:
        return None
    rounds = api.list_rounds(store, purpose(key))
    return rounds[-1] if rounds else None


def close_and_settle(store: Store, key: str, round_id: int) -> list[str]:
    """Close the round, count it, and record the result as the room's choice.

    Approval counts are also kept as the question's "hands", so the shared screen shows them.
    """
    api = arbitration()
    if api is None:
        raise ValidationError(_("Voting rounds are not available."))
    choice = logic.get_choice(store, key)
    if api.require_round(store, round_id).is_open:
        api.close_round(store, round_id)  # on its own, so the file is rewritten without the casting order
    with store.action():
        tally = api.tally_round(store, round_id)
        chosen = result_from_tally(choice.kind, tally, [o.key for o in choice.options])
        logic.choose(store, key, chosen, "vote", round_id)
        if tally.method == "approval":
            for option in choice.options:
                logic.set_hand_count(store, key, option.key, int(tally.get(option.key).details["approvals"]))
        logic.set_revealed(store, key, True)
    return chosen
