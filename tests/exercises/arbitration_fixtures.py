"""Fixtures and helpers shared by the arbitration logic and ballot tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.demo import build_demo
from workshop_app.participants import add_participant
from workshop_app.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _people(store, n: int) -> list[int]:
    return [add_participant(store, f"Person {i}") for i in range(n)]


def _initiatives(store, n: int) -> list[int]:
    with store.action() as db:
        return [db["initiatives"].insert({"title": f"Initiative {i}", "effort": ("S", "M", "L", "XL")[i % 4],
                                          "position": i}).last_pk
                for i in range(n)]


@pytest.fixture
def seminar(store):
    return store, _people(store, 12), _initiatives(store, 4)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    build_demo(path, "fr").close()
    return path


@pytest.fixture
def demo(demo_path, tmp_path):
    copy = tmp_path / "demo.workshop"
    source = open_store(demo_path, read_only=True)
    source.backup_to(copy)
    source.close()
    store = open_store(copy)
    yield store
    store.close()


def _other_connections(store, n: int = 2):
    """More connections to the same file (the header is written to the file by a checkpoint)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [open_store(store.path) for _ in range(n)]


def _grades(options, values):
    return {o: v for o, v in zip(options, values)}
