"""Creating a seminar: the one way the wizard, the demo and ``workshop-app new`` make one.

Public API::

    spec = SeminarSpec(title, organisation="", language="fr", dates=("2027-03-01", ...),
                       template=None, start="09:00", end="17:30")
    store = create_seminar(path, spec, stages, created_at="")
    consecutive_dates(count, first=None) -> list[str]   # ISO dates, one a day
    default_template(day_count) -> str                  # "one_day", "two_day", "three_day"

``stages`` are the exercises to seed (``exercises.REGISTRY``, passed in by the caller so
the core imports no stage): every one's ``seed()`` copies its default library into
the new file, in one action with the agenda. Everything is checked before the file is
created, and a failure while creating it removes the new file: there is never a half
seminar on disk.

Limits that refuse input (``ValidationError``, a sentence for the user):

* the title: required, one line, at most 300 characters (``domain.SHORT_TEXT_MAX``);
  the organisation: one line, at most 300 characters;
* the language: ``fr`` or ``en``;
* the dates: 1 to 10 days, ``YYYY-MM-DD``, each one after the previous; a template
  planning more days than there are dates is refused (its last days would be lost),
  extra dates get an empty day;
* the day's hours: ``HH:MM``, the end after the start.

Limits of the stages' own input, for integrators writing to a seminar through the API:
an idea holds at most 600 characters (``exercises.ideation.logic.IDEA_MAX``: a merged
idea carries several short texts); every other one-line text (names, titles, labels,
reasons) at most 300, and long texts (summaries, notes, evidence) at most 20,000
characters (``domain.LONG_TEXT_MAX``); a block lasts 1 minute to 12 hours; a logo is a
PNG of at most 2 MB; the roadmap's horizon runs from 4 to 24 quarters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from .domain import ValidationError, clean_text
from .i18n import LANGUAGES, _
from .store import Store, create_store
from .templates import TEMPLATES, apply_template, template_days

MAX_DAYS = 10
_DEFAULT_BY_DAYS = {1: "one_day", 2: "two_day", 3: "three_day"}


@dataclass(frozen=True)
class SeminarSpec:
    title: str
    organisation: str = ""
    language: str = "fr"
    dates: tuple[str, ...] = ()
    template: str | None = None  # None: the template for that many days (empty past three)
    start: str = "09:00"
    end: str = "17:30"


def consecutive_dates(count: int, first: date | None = None) -> list[str]:
    """``count`` dates one day apart, from ``first`` (by default a week from today)."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_DAYS:
        raise ValidationError(_("A seminar lasts 1 to {n} days.").format(n=MAX_DAYS))
    first = first or date.today() + timedelta(days=7)
    return [(first + timedelta(days=n)).isoformat() for n in range(count)]


def default_template(day_count: int) -> str:
    return _DEFAULT_BY_DAYS.get(day_count, "empty")


def _check(spec: SeminarSpec) -> SeminarSpec:
    title = clean_text(spec.title, _("Title"), required=True)
    organisation = clean_text(spec.organisation or "", _("Organisation"))
    if spec.language not in LANGUAGES:
        raise ValidationError(_("Unsupported language: {value}.").format(value=spec.language))
    dates = tuple(spec.dates)
    if not 1 <= len(dates) <= MAX_DAYS:
        raise ValidationError(_("A seminar lasts 1 to {n} days.").format(n=MAX_DAYS))
    parsed = []
    for value in dates:
        try:
            parsed.append(date.fromisoformat(str(value).strip()))
        except ValueError:
            raise ValidationError(_("{value} is not a date (use YYYY-MM-DD).").format(value=value)) from None
    if any(b <= a for a, b in zip(parsed, parsed[1:])):
        raise ValidationError(_("Each day of the seminar comes after the previous one."))
    template = spec.template or default_template(len(dates))
    if template not in TEMPLATES:
        raise ValidationError(_("Unknown agenda template “{name}” (one of: {names}).").format(
            name=template, names=", ".join(TEMPLATES)))
    if template_days(template) > len(dates):
        raise ValidationError(_("The template “{name}” plans {n} days: give as many dates.").format(
            name=template, n=template_days(template)))
    return SeminarSpec(title, organisation, spec.language, tuple(d.isoformat() for d in parsed), template,
                       spec.start.strip(), spec.end.strip())


def create_seminar(path: str | Path, spec: SeminarSpec, stages: Iterable, created_at: str = "") -> Store:
    """Create the seminar file at ``path`` (which must not exist) and return it open.

    Raises ValidationError for refused input (nothing is created) and StoreError when the
    file cannot be created (an existing file is never touched).
    """
    spec = _check(spec)
    stages = list(stages)
    store = create_store(path, spec.title, spec.organisation, spec.language, created_at=created_at)
    try:
        with store.action():
            apply_template(store, spec.template, list(spec.dates), spec.language, spec.start, spec.end)
            for stage in stages:
                stage.seed(store, spec.language)
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return store
