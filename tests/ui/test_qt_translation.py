from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from ui.app import install_qt_translation


def test_qt_own_dialogs_speak_french(qapp, qtbot):
    before = set(qapp.findChildren(QTranslator))
    install_qt_translation(qapp, "fr")
    added = set(qapp.findChildren(QTranslator)) - before
    try:
        assert added
        box = QDialogButtonBox(QDialogButtonBox.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.Cancel).text().replace("&", "") == "Annuler"
    finally:
        for translator in added:
            QCoreApplication.removeTranslator(translator)
