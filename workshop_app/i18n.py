"""Translation for the whole app (core, exports, UI): gettext catalogues in ``locale/``.

Source strings are English and wrapped in ``_()``; ``locale/fr.po`` holds the French.
The .po file is read directly (no compile step), so adding a string is: wrap it in
``_()``, add its ``msgid``/``msgstr`` pair to ``fr.po``; ``tests/test_i18n.py`` fails on
any wrapped string that has no French translation.
"""

from __future__ import annotations

import ast
import contextlib
import locale as _locale
import os
import re
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("fr", "en")
_LOCALE_DIR = Path(__file__).with_name("locale")
_current = "en"
# a language for the current thread or asyncio task only (a phone's page), over the app's own
_override: ContextVar[str | None] = ContextVar("workshop_language", default=None)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str) -> str:
    """The value of one quoted .po string (the escapes gettext writes; others as Python reads them)."""
    inner = text[1:-1]
    if len(text) < 2 or text[0] != '"' or text[-1] != '"' or '"' in inner.replace('\\"', ""):
        return ast.literal_eval(text)  # not a plain quoted string: fail or read as Python would
    if "\\" not in inner:
        return inner  # most lines: reading the catalogue at start-up stays in the milliseconds
    if any(m.group(1) not in _ESCAPES for m in _ESCAPE.finditer(inner)):
        return ast.literal_eval(text)
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], inner)


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    """The msgid -> msgstr table of one language (empty for English, the source)."""
    path = _LOCALE_DIR / f"{language}.po"
    return parse_po(path) if path.exists() else {}


def parse_po(path: Path) -> dict[str, str]:
    """The translated entries of a gettext .po file."""
    table: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    target = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            key, value = "".join(msgid), "".join(msgstr)
            if key and value:
                table[key] = value

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            target = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            target = msgstr
        elif line.startswith('"') and target is not None:
            target.append(_unquote(line))
        elif not line or line.startswith("#"):
            continue
    flush()
    return table


def system_language() -> str:
    """'fr' when the system locale is French, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        code = _locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "fr" if code.lower().startswith("fr") else "en"


def set_language(language: str) -> None:
    """Switch the language used by ``_()`` from now on."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    _current = language


def current_language() -> str:
    return _override.get() or _current


@contextlib.contextmanager
def use_language(language: str):
    """Translate in ``language`` within this block, in this thread or task only."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    token = _override.set(language)
    try:
        yield
    finally:
        _override.reset(token)


def translate(text: str, language: str | None = None) -> str:
    """``text`` in ``language`` (default: the current one), falling back to English."""
    lang = language or _override.get() or _current
    if lang == "en":
        return text
    return catalogue(lang).get(text, text)


def _(text: str) -> str:
    return translate(text)


def plural(count: int, one: str, many: str, language: str | None = None) -> str:
    """``one`` or ``many`` as ``count`` asks in ``language`` (default: the current one), translated.

    French puts 0 and 1 in the singular, English only 1: "0 problème", "0 problems".
    Both English forms are msgids of their own in ``fr.po``.
    """
    lang = language or _override.get() or _current
    singular = count <= 1 if lang == "fr" else count == 1
    return translate(one if singular else many, lang)


def format_decimal(value, language: str | None = None) -> str:
    """A number to one decimal, with the decimal comma in French ('' for None)."""
    if value is None:
        return ""
    text = f"{float(value):.1f}"
    return text.replace(".", ",") if (language or current_language()) == "fr" else text


def N_(text: str) -> str:
    """Mark English text for translation later (e.g. in data tables), returning it unchanged."""
    return text


def tr_in(language: str):
    """A translation function bound to one language (exports use the seminar's)."""
    return lambda text: translate(text, language)
