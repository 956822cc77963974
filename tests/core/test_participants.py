from __future__ import annotations

import pytest

from workshop_app import participants as core
from workshop_app.domain import ValidationError


def test_add_edit_remove(store):
    pid = core.add_participant(store, "  Ann Lee ", "Sales", "ann@example.com")
    assert core.get_participant(store, pid).name == "Ann Lee"
    core.update_participant(store, pid, "Ann Lee-Smith", "Sales", "")
    assert core.get_participant(store, pid).name == "Ann Lee-Smith"
    core.remove_participant(store, pid)
    assert core.list_participants(store) == []


@pytest.mark.parametrize("name", ["", "   ", "x" * 301, "bad\x00name", "two\nlines"])
def test_bad_names_are_refused_clearly(store, name):
    with pytest.raises(ValidationError) as info:
        core.add_participant(store, name)
    assert str(info.value)
    assert core.list_participants(store) == []


def test_bad_email_is_refused(store):
    with pytest.raises(ValidationError, match="e-mail"):
        core.add_participant(store, "Ann", email="not an email")


def test_paste_one_name_per_line():
    assert core.parse_pasted_list("Ann\n\n  Bob  \nChloé\n") == [
        ("Ann", "", ""), ("Bob", "", ""), ("Chloé", "", "")]


def test_paste_csv_with_header_and_semicolons():
    text = "Nom;Fonction;Email\nAnn;Marketing;ann@x.fr\nBob;Ventes;\n"
    assert core.parse_pasted_list(text) == [("Ann", "Marketing", "ann@x.fr"), ("Bob", "Ventes", "")]


def test_paste_tab_separated_from_a_spreadsheet():
    assert core.parse_pasted_list("Ann\tCEO\nBob\tCFO") == [("Ann", "CEO", ""), ("Bob", "CFO", "")]


def test_add_many_is_all_or_nothing(store):
    with pytest.raises(ValidationError):
        core.add_many(store, [("Ann", "", ""), ("", "", "")])
    assert core.list_participants(store) == []
    ids = core.add_many(store, [("Ann", "", ""), ("Bob", "", "")])
    assert [p.id for p in core.list_participants(store)] == ids


def test_the_separator_is_guessed_per_line_not_from_the_first_lines():
    text = ("Ann Lee\tCEO\tann@x.fr\n"
            "Claire Dubois, CEO, claire@x.fr\n"
            "Marc Petit; CFO\n"
            "Zoé Martin\n")
    assert core.parse_pasted_list(text) == [("Ann Lee", "CEO", "ann@x.fr"),
                                            ("Claire Dubois", "CEO", "claire@x.fr"),
                                            ("Marc Petit", "CFO", ""), ("Zoé Martin", "", "")]
