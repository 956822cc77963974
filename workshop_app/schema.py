"""The seminar file's schema, as forward migrations indexed by ``PRAGMA user_version``.

Migration N brings a file from version N-1 to N. Never edit a released migration:
add a new one. ``tests/fixtures/v1.workshop`` is a committed version-1 file that the
tests migrate forward.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the foundation: seminar, participants, agenda, timer events, run state.
    """
    CREATE TABLE seminar (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        function TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE days (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        start TEXT NOT NULL DEFAULT '09:00',
        end TEXT NOT NULL DEFAULT '17:30',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE blocks (
        id INTEGER PRIMARY KEY,
        day_id INTEGER NOT NULL REFERENCES days(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'plenary',
        planned_minutes INTEGER NOT NULL DEFAULT 30,
        exercise TEXT NOT NULL DEFAULT '',
        instructions TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        flexible INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX blocks_day ON blocks(day_id, position);
    CREATE TABLE timer_events (
        id INTEGER PRIMARY KEY,
        block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at REAL NOT NULL,
        seconds REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX timer_events_block ON timer_events(block_id, id);
    CREATE TABLE run_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        current_block_id INTEGER REFERENCES blocks(id) ON DELETE SET NULL,
        screen TEXT NOT NULL DEFAULT 'live'
    );
    """,
    # 2: branding and settings stored with the seminar; sub-timers inside a block.
    """
    ALTER TABLE seminar ADD COLUMN logo_png BLOB;
    ALTER TABLE seminar ADD COLUMN confidentiality TEXT NOT NULL DEFAULT '';
    ALTER TABLE seminar ADD COLUMN warning_seconds INTEGER NOT NULL DEFAULT 120;
    CREATE TABLE block_steps (
        id INTEGER PRIMARY KEY,
        block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        minutes INTEGER NOT NULL
    );
    CREATE TABLE exercise_data (
        exercise TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (exercise, key)
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
