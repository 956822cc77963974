"""Files that are not (or no longer) good seminars: a clear sentence everywhere, bytes untouched.

The core's refusals (``open_store``/``check_file`` raise a ``StoreError`` naming the file
and leave it unchanged) are proved in tests/core/test_store.py with the same makers;
here the same files go through the command line and the GUI, plus read-only files,
read-only media and names SQLite URIs would misread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_store import (_empty, _flipped, _newer, _sqlite_of_another_app, _text, _tiny_header,
                                   _truncated)
from workshop_app import participants
from workshop_app.schema import SCHEMA_VERSION
from workshop_app.store import StoreError, check_file, create_store, open_store

from .conftest import digest, folder_state

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_V1 = ROOT / "tests" / "fixtures" / "v1.workshop"

def _incomplete(path):
    """The app stopped in the instant between the schema and the seminar's first record."""
    from workshop_app.store import APPLICATION_ID, _connect, migrate

    conn = _connect(path, read_only=False)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(conn)
    conn.close()


BAD = {
    "text": (_text, "is not a seminar file"),
    "empty": (_empty, "is not a seminar file"),
    "other-app": (_sqlite_of_another_app, "another application"),
    "newer": (_newer, "newer version"),
    "truncated": (_truncated, "damaged"),
    "flipped": (_flipped, "damaged"),
    "tiny-header": (_tiny_header, "damaged"),
    "incomplete": (_incomplete, "not completely created"),
}


def _make(tmp_path: Path, kind: str) -> Path:
    folder = tmp_path / kind
    folder.mkdir()
    path = folder / "bad.workshop"
    BAD[kind][0](path)
    return path


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text, text


def _cli(*args) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "", "LANG": "C.UTF-8", "LANGUAGE": "en"}
    env.pop("DISPLAY", None)
    return subprocess.Popen([sys.executable, "-m", "workshop_app", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("command", ["check", "export"])
def test_cli_gives_one_line_and_exit_1_for_each_bad_file(tmp_path, command):
    kinds = sorted(BAD) if command == "check" else ["text", "newer", "flipped"]  # export: the same door
    cases = {kind: _make(tmp_path, kind) for kind in kinds}
    cases["missing"] = tmp_path / "nowhere.workshop"
    (tmp_path / "folder.workshop").mkdir()
    cases["folder"] = tmp_path / "folder.workshop"
    before = {kind: folder_state(path.parent) for kind, path in cases.items()}
    procs = {}
    for kind, path in cases.items():  # all at once: each is a fresh interpreter
        args = [path] if command == "check" else [path, "--json", path.parent / "out.json"]
        procs[kind] = _cli(command, *args)
    for kind, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (kind, out, err)
        assert out == "", (kind, out)
        assert err.count("\n") == 1 and err.startswith("workshop-app: "), (kind, err)
        assert cases[kind].name in err, (kind, err)
        _no_traceback(err)
        if kind in BAD:
            assert BAD[kind][1] in err, (kind, err)
        assert folder_state(cases[kind].parent) == before[kind], kind  # nothing written, nothing left


@pytest.mark.parametrize("kind", sorted(BAD))
def test_gui_shows_a_sentence_and_stays_on_the_start_screen(qtbot, tmp_path, messages, kind):
    from ui.main_window import MainWindow

    path = _make(tmp_path, kind)
    before = folder_state(path.parent)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(path)) is False
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Cannot open this file"
    assert "bad.workshop" in text and BAD[kind][1] in text
    _no_traceback(text)
    assert window.session is None and window.stack.currentWidget() is window.start_screen
    assert folder_state(path.parent) == before  # no snapshot folder, no journal, same bytes


def test_gui_forgets_a_recent_file_that_no_longer_exists(qtbot, tmp_path, messages):
    from ui import settings
    from ui.main_window import MainWindow

    gone = tmp_path / "gone.workshop"
    settings.add_recent(str(gone))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(gone)) is False
    assert "does not exist" in messages[0][1]
    assert str(gone) not in settings.recent_files()


# --- read-only files ---------------------------------------------------------------------

def _deny_writes(monkeypatch):
    """Tests run as root, which writes anywhere: make os.access say what a user would see."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if mode & os.W_OK else real(p, mode))


def test_read_only_file_opens_read_only_through_the_gui(qtbot, tmp_path, messages, monkeypatch):
    import ui.console
    from ui.main_window import MainWindow

    # the console without the exercises' tabs: this test is about the file, not the stages
    monkeypatch.setattr(ui.console, "exercise_tabs", lambda session: [])

    from workshop_app import agenda

    path = tmp_path / "ro.workshop"
    store = create_store(path, "Read-only seminar")
    participants.add_participant(store, "Ann")
    agenda.add_block(store, agenda.add_day(store, "2026-12-03"), "Opening")
    store.close()
    path.chmod(0o444)
    _deny_writes(monkeypatch)
    before = digest(path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(path)) is True
    assert messages == []
    assert window.session.read_only and window.windowTitle().endswith("(read-only)")
    with pytest.raises(StoreError, match="read-only"):
        participants.add_participant(window.session.store, "Bob")
    window.close_seminar()
    assert digest(path) == before
    assert not folder_for_snapshots(path).exists()


def folder_for_snapshots(path: Path) -> Path:
    from workshop_app.snapshots import folder_for

    return folder_for(path)


def test_read_only_old_file_is_refused_with_advice_and_left_as_it_is(qtbot, tmp_path, messages, monkeypatch):
    from ui.main_window import MainWindow

    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURE_V1, path)
    path.chmod(0o444)
    _deny_writes(monkeypatch)
    before = folder_state(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(str(path)) is False
    assert "read-only and made by an older version" in messages[0][1]
    assert folder_state(tmp_path) == before
    assert check_file(path) == 1  # and the command line still reads it


@pytest.fixture
def read_only_media(tmp_path):
    """A real read-only file system (a tmpfs mounted read-only); skipped where mounting is not allowed."""
    mount = tmp_path / "media"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a read-only file system needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("this system does not allow mounting a file system")
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)]).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)])


def test_seminar_on_read_only_media_opens_read_only(tmp_path, read_only_media):
    source = tmp_path / "usb.workshop"
    store = create_store(source, "On a USB stick")
    participants.add_participant(store, "Ann")
    store.close()
    shutil.copy(source, read_only_media / "usb.workshop")
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_media)], check=True)
    path = read_only_media / "usb.workshop"
    assert check_file(path) == SCHEMA_VERSION
    store = open_store(path)
    assert store.read_only
    assert [p.name for p in participants.list_participants(store)] == ["Ann"]
    store.close()
    assert digest(path) == digest(source)


@pytest.mark.parametrize("name", ["Séminaire #2.workshop", "Quoi ?.workshop", "100% CX.workshop",
                                  "a%20b.workshop", "Client #1/plan.workshop"])
def test_file_names_with_uri_characters_open(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    store = create_store(path, "Named oddly")
    participants.add_participant(store, "Ann")
    store.close()
    assert check_file(path) == SCHEMA_VERSION
    for read_only in (False, True):
        store = open_store(path, read_only=read_only)
        assert [p.name for p in participants.list_participants(store)] == ["Ann"]
        store.close()
