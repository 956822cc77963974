"""One editor at a time (issue #17, finding 6).

The first app to open a seminar holds it with an OS lock on a file beside it
(``<name>.workshop.lock``, naming the holder); the lock dies with the process. A second
app opens the seminar read-only and says who holds it; a busy moment is waited for
briefly, then explained in a sentence.
"""

from __future__ import annotations

import getpass
import os
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from exercises.ideation import logic as ideation
from workshop_app import participants
from workshop_app.lock import lock_path, open_for_editing
from workshop_app.store import StoreError, create_store, open_store

from .killing import kill, spawn, wait_for


@pytest.fixture
def seminar(tmp_path):
    from workshop_app import agenda

    path = tmp_path / "held.workshop"
    store = create_store(path, "Held seminar", "Org", "en")
    participants.add_participant(store, "Ann")
    agenda.add_block(store, agenda.add_day(store, "2026-12-03"), "Opening")
    store.close()
    return path


def test_a_second_app_opens_read_only_and_names_the_holder(seminar):
    holder = spawn("hold", seminar)
    try:
        lines = wait_for(holder, "ready")
        pid = int(lines[-1].split()[1])
        store = open_for_editing(seminar)
        try:
            assert store.read_only
            held = store.held_by
            assert held is not None and held.pid == pid == holder.pid
            assert held.host == socket.gethostname() and held.name == getpass.getuser()
            assert held.name in held.describe() and held.host in held.describe()
            assert [p.name for p in participants.list_participants(store)] == ["Ann", "Added by the holder"]
            with pytest.raises(StoreError) as info:
                participants.add_participant(store, "Bob")
            assert "read-only" in str(info.value) and held.name in str(info.value)
        finally:
            store.close()
    finally:
        kill(holder)
    # the lock died with the holder: the next app edits, and says nobody else holds it
    store = open_for_editing(seminar)
    assert not store.read_only and store.held_by is None
    participants.add_participant(store, "Bob")
    store.close()
    assert not lock_path(seminar).exists()


def test_within_one_process_the_second_opening_is_read_only_until_the_first_closes(seminar):
    first = open_for_editing(seminar)
    second = open_for_editing(seminar)
    assert not first.read_only and second.read_only and second.held_by.pid == os.getpid()
    second.close()
    participants.add_participant(first, "Still the editor")  # closing the reader released nothing
    first.close()
    third = open_for_editing(seminar)
    assert not third.read_only
    third.close()


def test_a_stale_lock_file_left_by_a_crash_does_not_hold_the_file(seminar):
    lock_path(seminar).write_text('{"name": "ghost", "host": "elsewhere", "pid": 1}')
    store = open_for_editing(seminar)
    assert not store.read_only and store.held_by is None
    store.close()


def test_a_busy_file_is_waited_for_briefly_then_explained_in_a_sentence(seminar):
    store = open_store(seminar)
    store.busy_seconds = 0.3
    other = sqlite3.connect(seminar, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            participants.add_participant(store, "Bob")
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert 0.25 <= waited < 3, waited
    assert not isinstance(info.value, sqlite3.Error)
    assert "busy" in str(info.value) and "not saved" in str(info.value)
    participants.add_participant(store, "Bob")  # once free again, it works
    store.close()


def test_two_writers_reading_then_writing_never_see_a_raw_error(seminar):
    """Each action takes the write lock first, so a read-then-write never fails half-way."""
    stores = [open_store(seminar) for _ in range(2)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work(store, n):
        barrier.wait()
        try:
            for i in range(60):
                ideation.add_idea(store, f"Idea {n}-{i}")
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=work, args=(s, n)) for n, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert stores[0].scalar("SELECT count(*) FROM ideas") == 120
    for store in stores:
        store.close()


def test_the_gui_names_the_holder_and_opens_a_copy(qtbot, seminar, messages, monkeypatch):
    import ui.console
    from ui.main_window import MainWindow

    monkeypatch.setattr(ui.console, "exercise_tabs", lambda session: [])  # the file, not the stages
    holder = spawn("hold", seminar)
    try:
        wait_for(holder, "ready")
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_file(str(seminar)) is True
        assert window.session.read_only and window.windowTitle().endswith("(read-only)")
        banner = window.console.banner.text()
        assert getpass.getuser() in banner and socket.gethostname() in banner and str(holder.pid) in banner
        window.console.open_copy_button.click()
        assert messages == []
        copy = window.session.store.path
        assert copy != seminar and copy.parent == seminar.parent and "copy" in copy.name
        assert not window.session.read_only and window.console.banner is None
        participants.add_participant(window.session.store, "Works on the copy")
        assert [p.name for p in participants.list_participants(window.session.store)] == \
            ["Ann", "Added by the holder", "Works on the copy"]
        window.close_seminar()
    finally:
        kill(holder)
