"""Small domain records and the validation every text field goes through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import _

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 20_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")


class ValidationError(ValueError):
    """Input refused; ``str(error)`` is a sentence for the user."""


def clean_text(value: str, label: str, *, required: bool = False, long: bool = False) -> str:
    """Return ``value`` stripped of outer spaces, or refuse it with a clear message."""
    if not isinstance(value, str):
        raise ValidationError(_("{label} must be text.").format(label=label))
    text = value.strip()
    if required and not text:
        raise ValidationError(_("{label} cannot be empty.").format(label=label))
    limit = LONG_TEXT_MAX if long else SHORT_TEXT_MAX
    if len(text) > limit:
        raise ValidationError(
            _("{label} is too long ({count} characters, at most {limit}).").format(
                label=label, count=len(text), limit=limit)
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(_("{label} contains broken characters; type it again.").format(label=label)) from None
    if _CONTROL.search(text):
        raise ValidationError(_("{label} contains invisible control characters.").format(label=label))
    if not long and _LINE_BREAK.search(text):
        raise ValidationError(_("{label} must fit on one line.").format(label=label))
    return text


@dataclass(frozen=True)
class Seminar:
    title: str
    organisation: str
    language: str
    summary: str = ""
    confidentiality: str = ""
    logo_png: bytes | None = None
    warning_seconds: int = 120
    created_at: str = ""


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    function: str = ""
    email: str = ""
    position: int = 0


BLOCK_KINDS = ("exercise", "plenary", "break", "meal")


@dataclass(frozen=True)
class BlockStep:
    title: str
    minutes: int


@dataclass(frozen=True)
class AgendaBlock:
    id: int
    day_id: int
    position: int
    title: str
    kind: str = "plenary"
    planned_minutes: int = 30
    exercise: str = ""
    instructions: str = ""
    notes: str = ""
    flexible: bool = True
    steps: tuple[BlockStep, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Day:
    id: int
    date: str  # ISO yyyy-mm-dd
    start: str  # HH:MM
    end: str  # HH:MM
    position: int = 0


def kind_label(kind: str) -> str:
    return {
        "exercise": _("Exercise"),
        "plenary": _("Plenary"),
        "break": _("Break"),
        "meal": _("Meal"),
    }.get(kind, kind)
