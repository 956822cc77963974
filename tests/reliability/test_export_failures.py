"""Export failures on the real demo export (Word) and on the JSON export.

Locked target, read-only folder, missing folder, full disk: a one-line message that
says what to do, no partial file (an older export stays exactly as it was, no
temporary file is left) and the seminar file's bytes are untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from exports.docx_errors import ExportError
from exports.docx_renderer import render_docx
from exports.json_io import export_json
from exports.report_builder import build_report
from exercises.demo import build_demo

from .conftest import digest, folder_state
from .killing import dump


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo seminar, open as in the app, and its report gathered once."""
    store = build_demo(tmp_path_factory.mktemp("demo") / "demo.workshop", "en")
    store.close()
    from workshop_app.store import open_store

    store = open_store(store.path)
    report = build_report(store)
    yield store, report
    store.close()


_PNGS: dict[int, bytes] = {}


@pytest.fixture(autouse=True)
def _charts_drawn_once(monkeypatch):
    """Each chart of the demo is drawn once for the module (drawing is most of an export's time)."""
    import exports.docx_blocks as blocks

    draw = blocks.render_chart_png

    def memo(block):
        if id(block) not in _PNGS:
            _PNGS[id(block)] = draw(block)
        return _PNGS[id(block)]

    monkeypatch.setattr(blocks, "render_chart_png", memo)


def _export(kind: str, demo, target: Path) -> None:
    store, report = demo
    if kind == "docx":
        render_docx(report, target)
    else:
        export_json(store, target)


def _seminar_state(store) -> tuple:
    return digest(store.path), dump(store.path)


def _fail(monkeypatch, name: str, code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    target = tempfile if name == "mkstemp" else os
    monkeypatch.setattr(target, name, fail)


CASES = {
    # name: (how to break it, expected kind, words the message must contain)
    "locked": ("lock", ExportError.LOCKED, "open in Word"),
    "missing-folder": ("missing", ExportError.FOLDER_MISSING, "does not exist"),
    "read-only-folder": ("mkstemp:EACCES", ExportError.PERMISSION, "not allowed to write"),
    "disk-full-create": ("mkstemp:ENOSPC", ExportError.DISK_FULL, "disk is full"),
    "disk-full-flush": ("fsync:ENOSPC", ExportError.DISK_FULL, "disk is full"),
    "disk-full-replace": ("replace:ENOSPC", ExportError.DISK_FULL, "disk is full"),
}


@pytest.mark.parametrize("kind", ["docx", "json"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_export_failure_is_clear_and_leaves_nothing_behind(tmp_path, monkeypatch, demo, kind, case):
    how, expected_kind, words = CASES[case]
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"Roadmap.{kind}"
    target.write_bytes(b"an older export the user keeps")
    if how == "lock":
        (folder / f"~${target.name}").write_bytes(b"lock")
    elif how == "missing":
        target = tmp_path / "gone" / target.name
    before_folder = folder_state(folder)
    before_seminar = _seminar_state(demo[0])
    if ":" in how:
        name, code = how.split(":")
        _fail(monkeypatch, name, getattr(errno, code))
    with pytest.raises(ExportError) as info:
        _export(kind, demo, target)
    monkeypatch.undo()
    error = info.value
    assert error.kind == expected_kind
    message = str(error)
    assert words in message and "\n" not in message and "Traceback" not in message, message
    assert folder_state(folder) == before_folder  # the old export intact, no partial or temporary file
    assert not (tmp_path / "gone").exists()
    assert _seminar_state(demo[0]) == before_seminar


def test_export_works_again_once_the_problem_is_gone(tmp_path, demo):
    """The failures above leave no state behind: the same exports then succeed."""
    for kind in ("docx", "json"):
        target = tmp_path / f"Roadmap.{kind}"
        _export(kind, demo, target)
        assert target.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Roadmap.docx", "Roadmap.json"]


def test_gui_export_failures_are_shown_as_sentences(qtbot, tmp_path, monkeypatch, demo, messages):
    """The GUI paths: the Word export's worker reports a sentence; Export as JSON shows one."""
    from PySide6.QtWidgets import QFileDialog

    from ui.export_dialog import ExportWorker
    from ui.main_window import MainWindow
    from ui.session import Session

    store, report = demo
    failures = []
    worker = ExportWorker(report, str(tmp_path / "gone" / "Roadmap.docx"), None)
    worker.failed.connect(failures.append)
    worker.run()  # the thread's body, run here
    assert len(failures) == 1 and "does not exist" in failures[0] and "Traceback" not in failures[0]

    window = MainWindow()
    qtbot.addWidget(window)
    window.session = Session(store, parent=window)  # as attached, without building every panel
    try:
        target = tmp_path / "Roadmap.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
        _fail(monkeypatch, "fsync", errno.ENOSPC)
        window.export_json()
        assert len(messages) == 1 and "disk is full" in messages[0][1]
        assert list(tmp_path.iterdir()) == []
    finally:
        window.session = None  # the module's store stays open for the other tests


def test_cli_export_failure_is_one_line(tmp_path, demo, capsys):
    from workshop_app.__main__ import main

    store, _report = demo
    assert main(["export", str(store.path), "--docx", str(tmp_path / "gone" / "x.docx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
