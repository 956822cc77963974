"""Collect every ``_("...")`` string of the code into ``workshop_app/locale/fr.po``.

Existing translations are kept; new strings get an empty ``msgstr`` to fill in; strings
no longer used are dropped. Run: ``python tools/i18n_extract.py [OTHER.po ...]`` (``--check``
only lists what is missing, exit 1 if anything is; other .po files given are merged in).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "workshop_app" / "locale" / "fr.po"
SOURCES = ("workshop_app", "ui", "exercises", "exports", "room")
# Jinja templates call the same _(): their literal strings are collected too
TEMPLATES = ("room/templates", "exercises")  # the exercises' phone pages: exercises/*/phone/*.html
_TEMPLATE_CALL = re.compile(r"""\b_\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\)""")
# English strings handed to translate(text, language) for the seminar's own content.
MARKED_CALLS = {"_", "N_", "translate", "tr", "t"}


def source_strings() -> dict[str, str]:
    """msgid -> first place it appears."""
    found: dict[str, str] = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else (
                    node.func.attr if isinstance(node.func, ast.Attribute) else "")
                texts = node.args[1:3] if name == "plural" else node.args[:1] if name in MARKED_CALLS else []
                for arg in texts:  # plural(count, one, many[, language]): both forms
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip():
                        found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    for folder in TEMPLATES:
        for path in sorted((ROOT / folder).rglob("*.html")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in _TEMPLATE_CALL.finditer(line):
                    text = match.group(1) if match.group(1) is not None else match.group(2)
                    if text.strip():
                        found.setdefault(text, f"{path.relative_to(ROOT)}:{number}")
    return found


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write(strings: dict[str, str], existing: dict[str, str]) -> None:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: fr\\n"', ""]
    for msgid in sorted(strings, key=str.lower):
        lines += [f"#: {strings[msgid]}", f"msgid {_quote(msgid)}", f"msgstr {_quote(existing.get(msgid, ''))}", ""]
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from workshop_app.i18n import catalogue, parse_po

    catalogue.cache_clear()
    existing = catalogue("fr")
    for extra in [a for a in sys.argv[1:] if a.endswith(".po")]:  # merge translations made elsewhere
        existing = {**parse_po(Path(extra)), **existing}
    strings = source_strings()
    missing = [s for s in strings if s not in existing]
    if "--check" in sys.argv:
        for s in missing:
            print(f"missing: {s!r} ({strings[s]})")
        return 1 if missing else 0
    write(strings, existing)
    print(f"{len(strings)} strings, {len(missing)} to translate in {PO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
