"""Run mode driven with the clicker keys, and what the shared screen shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.console import Console
from workshop_app import run as run_core


def make_console(session, qtbot):
    console = Console(session)
    qtbot.addWidget(console)
    qtbot.addWidget(console.shared_screen)
    console.tabs.setCurrentWidget(console.run_panel)
    return console


def press(console, key):
    assert console.clicker.handle_key(key)


def test_clicker_keys_run_the_agenda(planned_session, qtbot, clock):
    console = make_console(planned_session, qtbot)
    screen = console.shared_screen
    assert screen.block_page.title.text() == "Opening"
    assert screen.block_page.timer.text() == "30:00"
    press(console, Qt.Key_Space)  # start
    clock.advance(65)
    planned_session.ticked.emit()
    assert screen.block_page.timer.text() == "28:55"
    assert console.run_panel.timer.text() == "28:55"
    press(console, Qt.Key_F5)  # pause
    assert console.run_panel.buttons["start"].text() == "Resume"
    clock.advance(600)
    press(console, Qt.Key_Space)  # resume
    assert planned_session.runner.state().elapsed == 65
    press(console, Qt.Key_PageDown)
    assert screen.block_page.title.text() == "Trends"
    assert screen.block_page.instructions.text() == "Instructions for Trends"
    assert "Next: Break" in screen.block_page.next_label.text()
    press(console, Qt.Key_PageUp)
    assert screen.block_page.title.text() == "Opening"


def test_black_screen_and_freeze(planned_session, qtbot):
    console = make_console(planned_session, qtbot)
    screen = console.shared_screen
    screen.show()
    press(console, Qt.Key_B)
    assert run_core.screen_mode(planned_session.store) == "black"
    assert screen.curtain.isVisible()
    assert screen.render_frame().toImage().pixelColor(10, 10).name() == "#000000"
    press(console, Qt.Key_B)
    assert not screen.curtain.isVisible()
    console.run_panel.toggle_screen_mode("frozen")
    press(console, Qt.Key_PageDown)
    assert screen.curtain.isVisible()  # the room still sees the frozen frame
    console.run_panel.toggle_screen_mode("frozen")
    assert not screen.curtain.isVisible()
    assert screen.block_page.title.text() == "Trends"


def test_overtime_turns_red(planned_session, qtbot, clock):
    console = make_console(planned_session, qtbot)
    press(console, Qt.Key_Space)
    clock.advance(30 * 60 + 133)
    planned_session.ticked.emit()
    timer = console.shared_screen.block_page.timer
    assert timer.text() == "+02:13"
    assert "#D1495B" in timer.styleSheet()


def test_warning_colour_near_the_end(planned_session, qtbot, clock):
    console = make_console(planned_session, qtbot)
    press(console, Qt.Key_Space)
    clock.advance(29 * 60)
    planned_session.ticked.emit()
    assert "#E9A23B" in console.run_panel.timer.styleSheet()


def test_clicker_keys_work_on_every_tab(planned_session, qtbot):
    """Facilitators spend the day on exercise tabs: the clicker works on each of them."""
    console = make_console(planned_session, qtbot)
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        before = planned_session.runner.state().status
        press(console, Qt.Key_Space)
        assert planned_session.runner.state().status != before, console.tabs.tabText(index)
    console.tabs.setCurrentIndex(console.tabs.count() - 1)
    press(console, Qt.Key_PageDown)
    assert planned_session.runner.current().title == "Trends"
    press(console, Qt.Key_B)
    assert run_core.screen_mode(planned_session.store) == "black"


def test_page_down_moves_on_without_starting_unless_set(planned_session, qtbot):
    from ui import settings

    console = make_console(planned_session, qtbot)
    press(console, Qt.Key_Space)
    press(console, Qt.Key_PageDown)
    assert planned_session.runner.current().title == "Trends"
    assert planned_session.runner.state().status == "ready"  # moving on and starting: two gestures
    press(console, Qt.Key_Space)
    assert planned_session.runner.state().status == "running"
    from ui.seminar_panel import SeminarPanel

    panel = SeminarPanel(planned_session)
    qtbot.addWidget(panel)
    assert not panel.next_starts.isChecked()
    panel.next_starts.setChecked(True)  # the setting, where the other run options are
    assert settings.get(settings.NEXT_STARTS) is True
    press(console, Qt.Key_PageDown)
    assert planned_session.runner.current().title == "Break"
    assert planned_session.runner.state().status == "running"


def test_clicker_keys_stay_in_a_dialog_over_the_console(planned_session, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    console = make_console(planned_session, qtbot)
    dialog = QDialog(console)
    results = []
    QTimer.singleShot(0, lambda: (results.append(console.clicker.handle_key(Qt.Key_Space)), dialog.reject()))
    dialog.exec()
    assert results == [False]
    assert planned_session.runner.state().status == "ready"


def test_closing_and_reopening_the_shared_screen_loses_nothing(planned_session, qtbot, clock):
    console = make_console(planned_session, qtbot)
    press(console, Qt.Key_Space)
    press(console, Qt.Key_B)
    console.shared_screen.close()
    from ui.shared_screen import SharedScreen

    again = SharedScreen(planned_session)
    qtbot.addWidget(again)
    assert again.block_page.title.text() == "Opening"
    assert again.mode == "black"


def test_drift_label_and_thumbnail(planned_session, qtbot, clock):
    console = make_console(planned_session, qtbot)
    console.run_panel._update_thumbnail()
    assert not console.run_panel.thumbnail.pixmap().isNull()
    assert "projected end" in console.run_panel.drift_label.text()


def test_the_big_timer_fills_the_projector(planned_session, qtbot):
    from ui.shared_screen import SharedScreen

    screen = SharedScreen(planned_session)
    qtbot.addWidget(screen)
    for width, height in ((1920, 1080), (1280, 720)):
        screen.resize(width, height)
        screen.show()
        qtbot.waitExposed(screen)
        timer = screen.block_page.timer
        # readable from the back of a 12-metre room: digits a good fifth of the screen high
        assert timer.fontInfo().pixelSize() >= height * 0.2


def test_back_to_the_block_page_from_an_exercise_view(planned_session, qtbot):
    from PySide6.QtWidgets import QLabel

    console = make_console(planned_session, qtbot)
    screen = console.shared_screen
    screen.set_exercise_view(QLabel("an exercise"))
    assert screen.pages.currentWidget() is not screen.block_page
    console.run_panel.screen_buttons["block"].click()
    assert screen.pages.currentWidget() is screen.block_page


def test_chime_rings_once_at_zero(planned_session, qtbot, clock):
    from ui import settings

    console = make_console(planned_session, qtbot)
    rings = []
    console.run_panel.chimed.connect(lambda: rings.append(1))
    press(console, Qt.Key_Space)
    clock.advance(29 * 60)
    planned_session.ticked.emit()
    assert rings == []
    clock.advance(61)
    planned_session.ticked.emit()
    clock.advance(5)
    planned_session.ticked.emit()
    assert rings == [1]
    settings.put(settings.CHIME, False)
    console.run_panel.next_block()
    clock.advance(61 * 60)
    planned_session.ticked.emit()
    assert rings == [1]


def _key_event(key):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier)


def test_clicker_keys_type_normally_in_text_fields(planned_session, qtbot):
    """Space typed in a text field, a combo, a spin box or a cell being edited stays text."""
    from PySide6.QtWidgets import (QApplication, QComboBox, QLineEdit, QPlainTextEdit, QPushButton,
                                   QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

    console = make_console(planned_session, qtbot)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    editable = QComboBox()
    editable.setEditable(True)
    table = QTableWidget(1, 1)
    table.setItem(0, 0, QTableWidgetItem("x"))
    fields = [QLineEdit(), QPlainTextEdit(), QSpinBox(), editable, table]
    button = QPushButton("ok")
    for widget in fields + [button]:
        layout.addWidget(widget)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)

    def focus(widget):
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)

    for field in fields[:-1]:
        focus(field)
        assert not console.clicker.eventFilter(field, _key_event(Qt.Key_Space)), type(field).__name__
    focus(table)
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert editor is not table  # the cell's line edit
    assert not console.clicker.eventFilter(editor, _key_event(Qt.Key_PageDown))
    assert planned_session.runner.state().running is False
    focus(button)
    assert console.clicker.eventFilter(button, _key_event(Qt.Key_Space))  # not a text field: start
    assert planned_session.runner.state().running is True
