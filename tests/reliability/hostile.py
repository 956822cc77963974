"""Hostile input for the property-based tests: strings no field should choke on."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

MB = 1_000_000
SPECIALS = [
    "", " ", "   padded   ", "x" * 300, "x" * 301, "y" * 20_000, "y" * 20_001, "z" * MB, "é" * MB,
    "\x00", "a\x07b", "tab\there", "line\nbreak", "crlf\r\nend", "para\u2028sep", "\x7f", "\x1b[31mred",
    "😀🚀👩🏽‍💻🇫🇷", "e\u0301 combining", "\ufeffBOM", "\u200bzero width",
    "مرحبا بالعالم", "שלום עולם", "\u202eRTL override\u202c", "abc \u05d0\u05d1\u05d2 123",
    "'; DROP TABLE participants; --", "Robert'); DROP TABLE seminar;--", "\" OR 1=1 --", "%s %d {0} {name} {}",
    "NULL", "None", "<b>html</b> &amp;", "a\ud800b", "\udfff", "C:\\Users\\x", "a@b.fr", "name @ host",
]


def _special(index: int) -> str:
    return SPECIALS[index]


SPECIAL = st.integers(0, len(SPECIALS) - 1).map(_special)  # (a short repr, unlike sampled_from)
TEXTS = st.one_of(
    SPECIAL,
    st.text(max_size=60),
    st.text(st.characters(exclude_categories=()), max_size=30),  # surrogates and controls too
    st.tuples(SPECIAL, st.text(max_size=10)).map("".join),
)
SETTINGS = settings(max_examples=30, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
IMPORTS = settings(SETTINGS, max_examples=20)  # each example writes a whole new seminar file
