"""The seminar's own record: title, organisation, language, summary, branding."""

from __future__ import annotations

from .domain import Seminar, ValidationError, clean_text
from .i18n import LANGUAGES, _
from .store import Store

LOGO_MAX_BYTES = 2_000_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def get_seminar(store: Store) -> Seminar:
    row = store.query("SELECT title, organisation, language, summary, confidentiality, logo_png,"
                      " warning_seconds, created_at FROM seminar WHERE id = 1")[0]
    return Seminar(**row)


def update_seminar(store: Store, **changes) -> None:
    """Change some of: title, organisation, language, summary, confidentiality, warning_seconds."""
    record = {}
    for key, value in changes.items():
        if key == "title":
            record[key] = clean_text(value, _("Title"), required=True)
        elif key in ("organisation", "confidentiality"):
            record[key] = clean_text(value, _("Organisation") if key == "organisation" else _("Confidentiality"))
        elif key == "summary":
            record[key] = clean_text(value, _("Summary"), long=True)
        elif key == "language":
            if value not in LANGUAGES:
                raise ValidationError(_("Unsupported language: {value}.").format(value=value))
            record[key] = value
        elif key == "warning_seconds":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 3600:
                raise ValidationError(_("The warning comes between 0 and 60 minutes before the end."))
            record[key] = value
        else:
            raise KeyError(key)
    with store.action() as db:
        db["seminar"].update(1, record)


def set_logo(store: Store, png: bytes | None) -> None:
    if png is not None:
        if not png.startswith(PNG_MAGIC):
            raise ValidationError(_("The logo must be a PNG image."))
        if len(png) > LOGO_MAX_BYTES:
            raise ValidationError(_("The logo is too large (at most 2 MB)."))
    with store.action() as db:
        db["seminar"].update(1, {"logo_png": png})


def get_ambition(store: Store) -> str:
    """The seminar's overall ambition, one sentence heading the executive summary."""
    return store.scalar("SELECT value FROM exercise_data WHERE exercise = 'seminar' AND key = 'ambition'") or ""


def set_ambition(store: Store, text: str) -> None:
    text = clean_text(text, _("Ambition"), long=True)
    with store.action() as db:
        db["exercise_data"].upsert({"exercise": "seminar", "key": "ambition", "value": text},
                                   pk=("exercise", "key"))
