"""A round's ballot as a plain HTML form, and a posted form back to the booth's ballot content.

Fields are named by the option's place in the round (``o3``; ``o3c1`` for a criterion), never by
the option itself, and every value is a small whole number: anything else is refused before
the booth's own ``validate_content`` has the last word (the same rules and messages as the
booth). The options are shown in an order shuffled per voter and round, the same on reload.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Mapping

from exercises.arbitration.booth import validate_content
from exercises.arbitration.rounds import BallotRound
from workshop_app.domain import ValidationError
from workshop_app.i18n import _

CONTROL_FIELDS = ("csrf", "step")
_FIELD = re.compile(r"o([0-9]{1,3})(?:c([0-9]{1,2}))?")
_NUMBER = re.compile(r"[0-9]{1,3}")  # ASCII digits only: int() would read other scripts' digits too


class FormError(ValidationError):
    """A form no page of ours could have sent (tampered or truncated)."""


@dataclass
class Choice:
    value: str
    text: str
    checked: bool = False
    level: int = 0


@dataclass
class Row:
    """One option (or one option's criterion) of the form."""

    name: str
    label: str
    kind: str  # "radio", "number", "check"
    choices: list[Choice] = field(default_factory=list)
    value: str = ""
    maximum: int = 0
    hint: str = ""


@dataclass
class OptionBlock:
    label: str
    rows: list[Row]


def voter_order(rnd: BallotRound, participant_id: int, secret: bytes) -> list[int]:
    """Indexes of the options in this voter's order (stable across reloads, unguessable)."""
    indexes = list(range(len(rnd.options)))
    if rnd.config.get("shuffle", True):
        seed = hashlib.sha256(secret + f":{rnd.id}:{participant_id}".encode()).digest()
        random.Random(seed).shuffle(indexes)
    return indexes


def _int(text: str, low: int, high: int) -> int:
    if not isinstance(text, str) or not _NUMBER.fullmatch(text):
        raise FormError(_("This form has a value that is not a whole number."))
    number = int(text)
    if not low <= number <= high:
        raise FormError(_("This form has a value outside what the ballot allows."))
    return number


def _criteria(rnd: BallotRound) -> list[dict]:
    return list(rnd.config.get("criteria", []))


def parse(rnd: BallotRound, form: Mapping[str, str]) -> object:
    """The ballot content a posted form describes (``FormError`` for a form we never sent)."""
    count = len(rnd.options)
    values: dict[tuple[int, int | None], str] = {}
    for name, text in form.items():
        if name in CONTROL_FIELDS:
            continue
        match = _FIELD.fullmatch(name)
        if match is None:
            raise FormError(_("This form has a field it should not have."))
        index = int(match.group(1))
        criterion = int(match.group(2)) if match.group(2) is not None else None
        if index >= count or (criterion is None) == (rnd.method == "scoring"):
            raise FormError(_("This form has a field it should not have."))
        if criterion is not None and criterion >= len(_criteria(rnd)):
            raise FormError(_("This form has a field it should not have."))
        values[(index, criterion)] = text
    options = rnd.options
    method, cfg = rnd.method, rnd.config
    if method == "dot":
        cap = cfg.get("cap") or cfg["budget"]
        content: object = {options[i]: n for (i, _c), t in values.items() if t != "" and (n := _int(t, 0, cap))}
        spent = sum(content.values())
        if spent > cfg["budget"]:
            raise ValidationError(_("You placed {spent} dots; you have {budget}.").format(
                spent=spent, budget=cfg["budget"]))
    elif method == "points100":
        total = cfg.get("total", 100)
        content = {options[i]: n for (i, _c), t in values.items() if t != "" and (n := _int(t, 0, total))}
        given = sum(content.values())
        if given != total:
            raise ValidationError(_("Total: {given} / {total}").format(given=given, total=total))
    elif method == "majority":
        grades = cfg["grades"]
        content = {options[i]: _int(t, 0, len(grades) - 1) for (i, _c), t in values.items() if t != ""}
        if len(content) != count:
            raise ValidationError(_("{done} of {count} graded").format(done=len(content), count=count))
    elif method == "scoring":
        criteria = _criteria(rnd)
        scores: dict = {}
        for (i, c), text in values.items():
            if text != "":
                scores.setdefault(options[i], {})[criteria[c]["key"]] = _int(text, 1, 5)
        done = [o for o in options if len(scores.get(o, {})) == len(criteria)]
        if len(done) != count:
            raise ValidationError(_("{done} of {count} initiatives scored").format(done=len(done), count=count))
        content = {o: {c["key"]: scores[o][c["key"]] for c in criteria} for o in options}
    elif method == "approval":
        content = [options[i] for (i, _c), t in sorted(values.items()) if _int(t, 0, 1)]
        limit = cfg.get("max_approvals")
        if limit is not None and len(content) > limit:
            raise ValidationError(_("You may approve at most {limit}.").format(limit=limit))
    else:
        raise FormError(_("This vote cannot be cast from a phone."))
    validate_content(rnd, content)
    return content


def to_fields(rnd: BallotRound, content: object) -> dict[str, str]:
    """The form fields that describe ``content`` (for the review page and for going back)."""
    index = {option: i for i, option in enumerate(rnd.options)}
    out: dict[str, str] = {}
    if rnd.method == "approval":
        for option in content:  # type: ignore[union-attr]
            out[f"o{index[option]}"] = "1"
    elif rnd.method == "scoring":
        keys = [c["key"] for c in _criteria(rnd)]
        for option, scores in content.items():  # type: ignore[union-attr]
            for key, score in scores.items():
                out[f"o{index[option]}c{keys.index(key)}"] = str(score)
    else:
        for option, value in content.items():  # type: ignore[union-attr]
            out[f"o{index[option]}"] = str(value)
    return out


def blocks(rnd: BallotRound, labels: dict, order: list[int], values: Mapping[str, str]) -> list[OptionBlock]:
    """What the ballot page shows, option by option, with the values already chosen."""
    cfg = rnd.config
    out = []
    for i in order:
        option = rnd.options[i]
        name = f"o{i}"
        chosen = values.get(name, "")
        if rnd.method == "dot":
            cap = cfg.get("cap") or cfg["budget"]
            rows = [Row(name, labels[option], "radio", [Choice(str(n), "●" * n if n else "0", chosen == str(n)
                                                              or (n == 0 and not chosen), n)
                                                       for n in range(cap + 1)])]
        elif rnd.method == "points100":
            total = cfg.get("total", 100)
            rows = [Row(name, labels[option], "number", value=chosen, maximum=total)]
        elif rnd.method == "majority":
            rows = [Row(name, labels[option], "radio", [Choice(str(g), text, chosen == str(g), g)
                                                       for g, text in enumerate(cfg["grades"])])]
        elif rnd.method == "scoring":
            rows = []
            for c, criterion in enumerate(_criteria(rnd)):
                cname = f"{name}c{c}"
                levels = criterion.get("levels") or []
                hint = (_("1 = {low}  ·  5 = {high}").format(low=levels[0], high=levels[4])
                        if len(levels) >= 5 and levels[0] else "")
                rows.append(Row(cname, criterion.get("name", ""), "radio",
                                [Choice(str(s), str(s), values.get(cname, "") == str(s), s - 1)
                                 for s in range(1, 6)], hint=hint))
        else:
            rows = [Row(name, labels[option], "check", value="1", choices=[Choice("1", "", chosen == "1")])]
        out.append(OptionBlock(labels[option], rows))
    return out


def summary(rnd: BallotRound, labels: dict, content: object) -> list[tuple[str, str]]:
    """Lines for the review page, as the booth's review shows them."""
    if rnd.method == "approval":
        return [(labels[o], "✓") for o in content] or [(_("No option approved"), "")]  # type: ignore[union-attr]
    if rnd.method == "dot":
        return [(labels[o], "●" * n) for o, n in content.items()] or [(_("No dots placed"), "")]  # type: ignore
    if rnd.method == "majority":
        return [(labels[o], rnd.config["grades"][g]) for o, g in content.items()]  # type: ignore[union-attr]
    if rnd.method == "scoring":
        return [(labels[o], " · ".join(str(s) for s in scores.values()))
                for o, scores in content.items()]  # type: ignore[union-attr]
    return [(labels[o], str(n)) for o, n in content.items()]  # type: ignore[union-attr]


def instructions(rnd: BallotRound) -> str:
    cfg = rnd.config
    if rnd.method == "dot":
        return _("Place up to {budget} dots, at most {cap} on one option.").format(
            budget=cfg["budget"], cap=cfg.get("cap") or cfg["budget"])
    if rnd.method == "points100":
        return _("Share exactly {total} points between the options.").format(total=cfg.get("total", 100))
    if rnd.method == "majority":
        return _("Give every option a grade.")
    if rnd.method == "scoring":
        return _("Score every option on each criterion, from 1 to 5.")
    limit = cfg.get("max_approvals")
    if limit:
        return _("Approve every option you support (at most {limit}).").format(limit=limit)
    return _("Approve every option you support.")
