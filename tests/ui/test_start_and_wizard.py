from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from ui import settings
from ui.main_window import MainWindow
from ui.start_screen import StartScreen
from ui.wizard import NewSeminarWizard
from workshop_app import agenda
from workshop_app.store import open_store


def test_start_screen_lists_recent_files_and_emits(qtbot):
    screen = StartScreen(["/tmp/a.workshop", "/tmp/b.workshop"])
    qtbot.addWidget(screen)
    assert screen.recent_list.count() == 2
    with qtbot.waitSignal(screen.recent_chosen) as blocker:
        screen.recent_list.itemActivated.emit(screen.recent_list.item(1))
    assert blocker.args == ["/tmp/b.workshop"]
    with qtbot.waitSignal(screen.demo_requested):
        qtbot.mouseClick(screen.demo_button, Qt.LeftButton)


def test_start_screen_without_recent_files(qtbot):
    screen = StartScreen([])
    qtbot.addWidget(screen)
    assert screen.recent_list.count() == 1
    assert not screen.recent_list.item(0).flags() & Qt.ItemIsEnabled


def test_wizard_produces_a_spec(qtbot, tmp_path):
    wizard = NewSeminarWizard(folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.title_edit.setText("Séminaire CX 2027")
    wizard.organisation_edit.setText("Banque Horizon")
    wizard.language_combo.setCurrentIndex(wizard.language_combo.findData("fr"))
    wizard.days_spin.setValue(3)
    assert len(wizard.date_edits) == 3
    wizard.date_edits[0].setDate(QDate(2027, 1, 11))
    wizard.template_combo.setCurrentIndex(wizard.template_combo.findData("one_day"))
    wizard._init_file_page()
    spec = wizard.spec()
    assert spec.title == "Séminaire CX 2027"
    assert spec.language == "fr"
    assert spec.dates[0] == "2027-01-11" and len(spec.dates) == 3
    assert spec.template == "one_day"
    assert spec.path == tmp_path / "Séminaire-CX-2027.workshop"


def test_new_seminar_from_the_wizard_opens_the_console(qtbot, tmp_path, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)

    def run_wizard(self):
        self.title_edit.setText("My seminar")
        self.template_combo.setCurrentIndex(self.template_combo.findData("two_day"))
        self.path_edit.setText(str(tmp_path / "mine.workshop"))
        return True

    monkeypatch.setattr(NewSeminarWizard, "exec", run_wizard)
    window.new_seminar()
    assert window.console is not None
    assert "My seminar" in window.windowTitle() and "mine.workshop" in window.windowTitle()
    assert settings.recent_files() == [str(tmp_path / "mine.workshop")]
    window.close_seminar()
    s = open_store(tmp_path / "mine.workshop")
    assert len(agenda.list_days(s)) == 2 and len(agenda.list_blocks(s)) > 10
    s.close()


def test_opening_a_foreign_file_shows_a_message_and_keeps_it(qtbot, tmp_path, messages):
    path = tmp_path / "notes.workshop"
    path.write_text("not a seminar")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_file(str(path))
    assert messages and "not a seminar file" in messages[0]
    assert path.read_text() == "not a seminar"
    assert window.console is None


def test_demo_opens_with_its_content(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_demo("en")
    assert window.console is not None
    assert window.session.seminar.organisation
    assert window.console.tabs.count() >= 4
    window.close_seminar()
    assert window.stack.currentWidget() is window.start_screen


def test_the_wizard_offers_the_template_made_for_that_many_days(qtbot, tmp_path):
    wizard = NewSeminarWizard(folder=tmp_path)
    qtbot.addWidget(wizard)
    assert wizard.template_combo.currentData() == "two_day"
    wizard.days_spin.setValue(3)
    assert wizard.template_combo.currentData() == "three_day"
    wizard.days_spin.setValue(1)
    assert wizard.template_combo.currentData() == "one_day"
    wizard.days_spin.setValue(5)  # no template for five days: the choice stays
    assert wizard.template_combo.currentData() == "one_day"
    wizard.title_edit.setText("Five days")
    wizard._init_file_page()
    spec = wizard.spec().seminar()
    assert (spec.title, len(spec.dates), spec.template) == ("Five days", 5, "one_day")
