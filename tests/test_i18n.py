"""Every user-facing string has its French translation, and the mechanism works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.i18n import _, catalogue, set_language, translate

ROOT = Path(__file__).resolve().parents[1]


def test_every_marked_string_is_translated_to_french():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n_extract.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, "Untranslated strings (run tools/i18n_extract.py, then fill fr.po):\n" \
        + result.stdout[:4000]


def test_placeholders_survive_translation():
    for msgid, msgstr in catalogue("fr").items():
        assert set(re.findall(r"\{\w*\}", msgid)) == set(re.findall(r"\{\w*\}", msgstr)), msgid


def test_switching_language():
    set_language("fr")
    assert _("Participants") == "Participants"
    assert _("Lunch") == "Déjeuner"
    set_language("en")
    assert _("Lunch") == "Lunch"
    assert translate("Lunch", "fr") == "Déjeuner"


def test_unknown_string_falls_back_to_english():
    assert translate("A string nobody translated", "fr") == "A string nobody translated"


def test_po_strings_read_as_python_reads_them():
    """The fast reader of quoted .po strings agrees with ``ast.literal_eval`` on every line."""
    import ast

    from workshop_app.i18n import _LOCALE_DIR, _unquote

    quoted = [m.group(1) for line in (_LOCALE_DIR / "fr.po").read_text(encoding="utf-8").splitlines()
              if (m := re.match(r'^(?:msgid |msgstr )?("(?:.*)")\s*$', line.strip()))]
    assert len(quoted) > 1000
    escaped = [q for q in quoted if "\\" in q]
    assert escaped, "the catalogue has escaped characters (quotes, newlines) to check"
    for text in quoted:
        assert _unquote(text) == ast.literal_eval(text), text


@given(st.text())
def test_po_string_round_trip(text):
    from workshop_app.i18n import _unquote

    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    assert _unquote(quoted) == text


@pytest.mark.parametrize("text", ['"a\\x41"', '"\\u00e9t\\u00e9"', '"it\\\'s"'])
def test_po_other_python_escapes(text):
    import ast

    from workshop_app.i18n import _unquote

    assert _unquote(text) == ast.literal_eval(text)


@pytest.mark.parametrize("text", ['"unterminated', 'no quotes', '"a"b"'])
def test_po_malformed_string_is_refused(text):
    from workshop_app.i18n import _unquote

    with pytest.raises((SyntaxError, ValueError)):
        _unquote(text)


@pytest.mark.parametrize("language, count, expected", [
    ("fr", 0, "⚠ 0 problème de dépendance à résoudre"), ("fr", 1, "⚠ 1 problème de dépendance à résoudre"),
    ("fr", 2, "⚠ 2 problèmes de dépendance à résoudre"), ("en", 0, "⚠ 0 dependency problems to resolve"),
    ("en", 1, "⚠ 1 dependency problem to resolve"), ("en", 3, "⚠ 3 dependency problems to resolve"),
])
def test_plural_follows_each_language_rule(language, count, expected):
    from workshop_app.i18n import plural

    text = plural(count, "⚠ {n} dependency problem to resolve", "⚠ {n} dependency problems to resolve", language)
    assert text.format(n=count) == expected
