"""Governance choices and KPIs: pure rules and the store operations behind each edit.

A choice is settled either by the room's consensus (the facilitator ticks the options,
or writes one of their own) or by a quick show of hands whose counts the facilitator
types in. ``result_from_hands`` turns counts into the chosen options:

* single: the option with the most hands (a tie at the top is refused: count again
  or settle by consensus);
* multi: every option raised by at least half of the voters (the number of
  participants, or when unknown half of the highest count);
* ranking: the options with at least one hand, most hands first (ties keep the
  library order).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from workshop_app.domain import ValidationError, clean_text
from workshop_app.i18n import _
from workshop_app.store import Store

from .exercise_data import read_value, write_value

SETTLED_BY = ("", "vote", "consensus")
MAX_HANDS = 999
EXERCISE = "governance"


@dataclass(frozen=True)
class ChoiceOption:
    key: str
    label: str
    own: bool = False  # written by the room rather than taken from the library


@dataclass(frozen=True)
class GovernanceChoice:
    id: int
    key: str
    question: str
    kind: str
    options: tuple[ChoiceOption, ...]
    chosen: tuple[str, ...] = ()
    note: str = ""
    settled_by: str = ""
    round_id: int | None = None
    position: int = 0

    @property
    def settled(self) -> bool:
        return bool(self.chosen)

    def label(self, option_key: str) -> str:
        return next((o.label for o in self.options if o.key == option_key), option_key)

    def chosen_labels(self) -> list[str]:
        return [self.label(k) for k in self.chosen]


@dataclass(frozen=True)
class Hands:
    """A show of hands: a count per option key, and whether the room has seen it."""

    counts: Mapping[str, int]
    revealed: bool = False


# --- pure rules --------------------------------------------------------------

def toggled(kind: str, chosen: Sequence[str], option_key: str, option_order: Sequence[str]) -> list[str]:
    """The chosen list after ticking or unticking one option."""
    if option_key in chosen:
        return [k for k in chosen if k != option_key]
    if kind == "single":
        return [option_key]
    if kind == "multi":
        wanted = set(chosen) | {option_key}
        return [k for k in option_order if k in wanted]
    return [*chosen, option_key]


def moved(chosen: Sequence[str], option_key: str, delta: int) -> list[str]:
    """A ranking with one option moved ``delta`` places (clamped to the ends)."""
    order = list(chosen)
    if option_key not in order:
        raise ValidationError(_("Tick this option before ranking it."))
    index = order.index(option_key)
    target = min(max(index + delta, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    return order


def result_from_hands(kind: str, option_order: Sequence[str], counts: Mapping[str, int],
                      voters: int = 0) -> list[str]:
    """The chosen options a show of hands gives (see the module's docstring)."""
    hands = {k: int(counts.get(k, 0) or 0) for k in option_order}
    top = max(hands.values(), default=0)
    if top <= 0:
        raise ValidationError(_("No hands counted yet: type the number of hands for each option."))
    if kind == "single":
        leaders = [k for k in option_order if hands[k] == top]
        if len(leaders) > 1:
            raise ValidationError(_("Options are tied at {n} hands: count again, or settle by consensus.")
                                  .format(n=top))
        return leaders
    if kind == "multi":
        threshold = math.ceil(voters / 2) if voters > 0 else math.ceil(top / 2)
        return [k for k in option_order if hands[k] >= max(threshold, 1)]
    ranked = sorted((k for k in option_order if hands[k] > 0),
                    key=lambda k: (-hands[k], list(option_order).index(k)))
    return ranked


def check_chosen(choice: GovernanceChoice, chosen: Sequence[str]) -> list[str]:
    keys = [o.key for o in choice.options]
    unknown = [k for k in chosen if k not in keys]
    if unknown:
        raise ValidationError(_("This option is not part of the question."))
    if len(set(chosen)) != len(chosen):
        raise ValidationError(_("An option can be chosen only once."))
    if choice.kind == "single" and len(chosen) > 1:
        raise ValidationError(_("This question takes a single answer."))
    return list(chosen)


# --- choices in the store ----------------------------------------------------

def _choice(row: dict) -> GovernanceChoice:
    options = tuple(ChoiceOption(o["key"], o["label"], bool(o.get("own")))
                    for o in json.loads(row["options"] or "[]"))
    return GovernanceChoice(id=row["id"], key=row["key"], question=row["question"], kind=row["kind"],
                            options=options, chosen=tuple(json.loads(row["chosen"] or "[]")),
                            note=row["note"], settled_by=row["settled_by"], round_id=row["round_id"],
                            position=row["position"])


def list_choices(store: Store) -> list[GovernanceChoice]:
    return [_choice(r) for r in store.query("SELECT * FROM governance_choices ORDER BY position, id")]


def get_choice(store: Store, key: str) -> GovernanceChoice:
    rows = store.query("SELECT * FROM governance_choices WHERE key = ?", (key,))
    if not rows:
        raise ValidationError(_("This governance question no longer exists."))
    return _choice(rows[0])


def _write(store: Store, choice: GovernanceChoice) -> None:
    options = [{"key": o.key, "label": o.label, **({"own": True} if o.own else {})} for o in choice.options]
    with store.action() as db:
        db["governance_choices"].update(choice.id, {
            "options": json.dumps(options, ensure_ascii=False),
            "chosen": json.dumps(list(choice.chosen), ensure_ascii=False),
            "note": choice.note, "settled_by": choice.settled_by if choice.chosen else "",
            "round_id": choice.round_id, "kind": choice.kind, "question": choice.question,
        })


def restore_choice(store: Store, choice: GovernanceChoice) -> None:
    """Put a choice back exactly as it was (undo)."""
    _write(store, choice)


def choose(store: Store, key: str, chosen: Sequence[str], settled_by: str = "consensus",
           round_id: int | None = None) -> None:
    """Record the options the room settled on (an empty list: not settled yet)."""
    if settled_by not in SETTLED_BY:
        raise ValidationError(_("Unknown way of settling a choice."))
    choice = get_choice(store, key)
    chosen = check_chosen(choice, chosen)
    _write(store, replace(choice, chosen=tuple(chosen), settled_by=settled_by if chosen else "",
                          round_id=round_id if chosen else None))


def toggle_option(store: Store, key: str, option_key: str) -> None:
    """Tick or untick an option by consensus."""
    choice = get_choice(store, key)
    order = [o.key for o in choice.options]
    choose(store, key, toggled(choice.kind, choice.chosen, option_key, order), "consensus")


def move_option(store: Store, key: str, option_key: str, delta: int) -> None:
    """Move an option up (negative) or down a ranking."""
    choice = get_choice(store, key)
    choose(store, key, moved(choice.chosen, option_key, delta), choice.settled_by or "consensus",
           choice.round_id)


def add_own_option(store: Store, key: str, label: str, choose_it: bool = True) -> str:
    """Add an option the room wrote itself (and tick it); return its key."""
    label = clean_text(label, _("Option"), required=True)
    choice = get_choice(store, key)
    if any(o.label.casefold() == label.casefold() for o in choice.options):
        raise ValidationError(_("This option is already offered."))
    number = 1 + sum(1 for o in choice.options if o.own)
    existing = {o.key for o in choice.options}
    while f"own_{number}" in existing:
        number += 1
    option_key = f"own_{number}"
    options = (*choice.options, ChoiceOption(option_key, label, own=True))
    chosen = choice.chosen
    if choose_it:
        chosen = tuple(toggled(choice.kind, choice.chosen, option_key, [o.key for o in options]))
    with store.action():
        _write(store, replace(choice, options=options, chosen=chosen,
                              settled_by="consensus" if choose_it else choice.settled_by))
    return option_key


def set_note(store: Store, key: str, note: str) -> None:
    note = clean_text(note, _("Note"), long=True)
    choice = get_choice(store, key)
    _write(store, replace(choice, note=note))


# --- show of hands ------------------------------------------------------------

def get_hands(store: Store, key: str) -> Hands:
    value = read_value(store, EXERCISE, f"hands:{key}", {}) or {}
    counts = {str(k): int(v) for k, v in (value.get("counts") or {}).items()}
    return Hands(counts=counts, revealed=bool(value.get("revealed")))


def restore_hands(store: Store, key: str, hands: Hands) -> None:
    value = {"counts": dict(hands.counts), "revealed": hands.revealed} if hands.counts or hands.revealed else None
    write_value(store, EXERCISE, f"hands:{key}", value)


def set_hand_count(store: Store, key: str, option_key: str, count: int) -> None:
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_HANDS:
        raise ValidationError(_("Type a number of hands between 0 and {max}.").format(max=MAX_HANDS))
    choice = get_choice(store, key)
    if option_key not in [o.key for o in choice.options]:
        raise ValidationError(_("This option is not part of the question."))
    hands = get_hands(store, key)
    restore_hands(store, key, replace(hands, counts={**hands.counts, option_key: count}))


def set_revealed(store: Store, key: str, revealed: bool) -> None:
    hands = get_hands(store, key)
    restore_hands(store, key, replace(hands, revealed=revealed))


def settle_by_hands(store: Store, key: str, voters: int | None = None) -> list[str]:
    """Adopt the show of hands as the room's choice (and reveal the counts)."""
    choice = get_choice(store, key)
    if voters is None:
        voters = store.scalar("SELECT count(*) FROM participants") or 0
    chosen = result_from_hands(choice.kind, [o.key for o in choice.options],
                               get_hands(store, key).counts, voters)
    with store.action():
        choose(store, key, chosen, "vote")
        set_revealed(store, key, True)
    return chosen


# --- KPIs -----------------------------------------------------------------------

@dataclass(frozen=True)
class Kpi:
    id: int
    key: str
    name: str
    unit: str = ""
    baseline: str = ""
    target: str = ""
    horizon: str = ""
    position: int = 0

    @property
    def has_target(self) -> bool:
        return bool(self.target)


def list_kpis(store: Store) -> list[Kpi]:
    return [Kpi(**r) for r in store.query(
        "SELECT id, key, name, unit, baseline, target, horizon, position FROM kpis ORDER BY position, id")]


def get_kpi(store: Store, kpi_id: int) -> Kpi:
    rows = store.query("SELECT id, key, name, unit, baseline, target, horizon, position FROM kpis"
                       " WHERE id = ?", (kpi_id,))
    if not rows:
        raise ValidationError(_("This indicator no longer exists."))
    return Kpi(**rows[0])


def update_kpi(store: Store, kpi_id: int, **fields: str) -> None:
    """Change some of: name, unit, baseline, target, horizon."""
    labels = {"name": _("Indicator"), "unit": _("Unit"), "baseline": _("Baseline"),
              "target": _("Target"), "horizon": _("Horizon")}
    record = {}
    for field, value in fields.items():
        if field not in labels:
            raise KeyError(field)
        record[field] = clean_text(value, labels[field], required=field == "name")
    get_kpi(store, kpi_id)
    with store.action() as db:
        db["kpis"].update(kpi_id, record)


def add_kpi(store: Store, name: str, unit: str = "", kpi_id: int | None = None,
            position: int | None = None, **values: str) -> int:
    name = clean_text(name, _("Indicator"), required=True)
    unit = clean_text(unit, _("Unit"))
    with store.action() as db:
        if position is None:
            position = (store.scalar("SELECT max(position) FROM kpis") or 0) + 1
        allowed = {"key", "baseline", "target", "horizon"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"unknown KPI fields: {sorted(unknown)}")
        labels = {"key": "key", "baseline": _("Baseline"), "target": _("Target"), "horizon": _("Horizon")}
        checked = {k: clean_text(v, labels[k]) for k, v in values.items()}
        record = {"name": name, "unit": unit, "position": position, **checked}
        if kpi_id is not None:
            record["id"] = kpi_id
        return db["kpis"].insert(record).last_pk


def remove_kpi(store: Store, kpi_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM kpis WHERE id = ?", [kpi_id])


def restore_kpi(store: Store, kpi: Kpi) -> None:
    with store.action() as db:
        db["kpis"].upsert({"id": kpi.id, "key": kpi.key, "name": kpi.name, "unit": kpi.unit,
                           "baseline": kpi.baseline, "target": kpi.target, "horizon": kpi.horizon,
                           "position": kpi.position}, pk="id")
