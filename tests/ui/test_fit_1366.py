"""Everything in the console fits at 1366×768, in English and in French (issue 18)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from tests.ui.fit_check import clipped
from exercises.demo import build_demo
from workshop_app.i18n import set_language
from workshop_app.store import open_store

LANGUAGES = ["en", "fr"]


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    paths = {}
    for language in LANGUAGES:
        paths[language] = folder / f"demo-{language}.workshop"
        build_demo(paths[language], language).close()
    return paths


@pytest.fixture
def console_at_1366(demo_files, tmp_path, clock, qtbot, request):
    from ui.console import Console
    from ui.session import Session

    def make(language):
        set_language(language)
        path = tmp_path / f"{language}.workshop"
        shutil.copy(demo_files[language], path)
        session = Session(open_store(path), clock)
        request.addfinalizer(session.close)
        window = QMainWindow()
        qtbot.addWidget(window)
        console = Console(session)
        qtbot.addWidget(console.shared_screen)
        window.setCentralWidget(console)
        window.resize(1366, 768 - 60)  # the screen less the task bar and title bar
        window.show()
        qtbot.waitExposed(window)
        return window, console

    return make


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_is_reachable_without_scroll_arrows(console_at_1366, language):
    _window, console = console_at_1366(language)
    bar = console.tabs.tabBar()
    assert bar.sizeHint().width() <= console.tabs.width(), [bar.tabText(i) for i in range(bar.count())]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_fits_at_1366(console_at_1366, qtbot, language):
    window, console = console_at_1366(language)
    problems = {}
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        page = console.tabs.currentWidget()
        inner_tabs = [t for t in page.findChildren(type(console.tabs)) if t.isVisible()]
        found = clipped(page)
        for inner in inner_tabs:  # exercise views with their own tabs: every inner tab too
            for j in range(inner.count()):
                inner.setCurrentIndex(j)
                qtbot.wait(5)
                found += clipped(inner.currentWidget())
        if found:
            problems[console.tabs.tabText(index)] = sorted(set(found))
    for tab, found in problems.items():
        print(language, tab, *found, sep="\n  ")
    assert problems == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_vote_dialog_fits_and_starts_empty(demo_files, tmp_path, qtbot, language):
    from exercises.arbitration.console_dialogs import RoundDialog

    set_language(language)
    path = tmp_path / "vote.workshop"
    shutil.copy(demo_files[language], path)
    store = open_store(path)
    try:
        dialog = RoundDialog(store, language)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clipped(dialog) == []
        assert dialog.question.text() == ""  # not the previous round's question
        assert dialog.question.placeholderText()
    finally:
        store.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_roles_grid_shows_every_person_and_whole_titles(console_at_1366, qtbot, language):
    from PySide6.QtGui import QFontMetrics

    _window, console = console_at_1366(language)
    view = console.exercise_view("governance")
    console.tabs.setCurrentWidget(view.parentWidget())
    view.tabs.setCurrentWidget(view.roles_tab)
    qtbot.wait(10)
    table = view.roles_tab.table
    assert table.horizontalHeader().length() <= table.viewport().width()  # no column hidden
    rows = table.verticalHeader()
    metrics = QFontMetrics(rows.font())
    for row in range(table.model().rowCount()):
        title = table.model().headerData(row, Qt.Vertical)
        lines = -(-metrics.horizontalAdvance(title) // (rows.width() - 12))
        assert lines * metrics.lineSpacing() <= rows.sectionSize(row), title  # two lines hold it
