"""Export from the GUI: rendered in a worker thread, with progress, and clear failures."""

from __future__ import annotations

from docx import Document

from ui.export_dialog import ExportDialog
from ui.session import Session
from exercises.demo import build_demo


def test_export_runs_in_the_background_and_reports_progress(qtbot, tmp_path, clock):
    store = build_demo(tmp_path / "demo.workshop", "en")
    session = Session(store, clock)
    dialog = ExportDialog(session, tmp_path / "roadmap.docx")
    qtbot.addWidget(dialog)
    dialog.short.setChecked(True)
    dialog.start()
    with qtbot.waitSignal(dialog.worker.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: "roadmap.docx" in dialog.status.text(), timeout=5_000)
    assert dialog.progress.value() == dialog.progress.maximum()
    titles = [p.text for p in Document(tmp_path / "roadmap.docx").paragraphs if p.style.name == "Title"]
    assert titles == [session.seminar.title]
    session.close()


def test_a_locked_document_gets_a_clear_message(qtbot, tmp_path, clock):
    store = build_demo(tmp_path / "demo.workshop", "en")
    session = Session(store, clock)
    target = tmp_path / "roadmap.docx"
    target.write_bytes(b"the version leadership is editing")
    (tmp_path / "~$roadmap.docx").write_bytes(b"lock")
    dialog = ExportDialog(session, target)
    qtbot.addWidget(dialog)
    dialog.start()
    with qtbot.waitSignal(dialog.worker.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: "Word" in dialog.status.text(), timeout=5_000)
    assert target.read_bytes() == b"the version leadership is editing"
    session.close()
