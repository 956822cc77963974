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
    # 3: stage 1 and the warm-up: usage trends, their ratings, the self-diagnosis, segments.
    """
    CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE trends (
        id INTEGER PRIMARY KEY,
        library_key TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        example TEXT NOT NULL DEFAULT '',
        lifecycle_hint TEXT NOT NULL DEFAULT '',
        hidden INTEGER NOT NULL DEFAULT 0,
        retained INTEGER NOT NULL DEFAULT 0,
        implication TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE trend_ratings (
        id INTEGER PRIMARY KEY,
        trend_id INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
        participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
        relevance INTEGER CHECK (relevance BETWEEN 1 AND 5),
        horizon TEXT CHECK (horizon IN ('now', '1-2y', '3y+')),
        lifecycle TEXT CHECK (lifecycle IN ('innovation', 'basic', 'missing'))
    );
    CREATE UNIQUE INDEX trend_ratings_one ON trend_ratings(trend_id, ifnull(participant_id, 0));
    CREATE TABLE diagnosis_ratings (
        id INTEGER PRIMARY KEY,
        characteristic TEXT NOT NULL,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        UNIQUE (characteristic, participant_id)
    );
    """,
    # 4: stage 2: ideation rounds, axes, ideas, one journey's steps, initiatives with a business case.
    """
    CREATE TABLE axes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        colour TEXT NOT NULL DEFAULT '#2A9D8F',
        ambition TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE idea_rounds (
        id INTEGER PRIMARY KEY,
        prompt TEXT NOT NULL,
        trend_id INTEGER REFERENCES trends(id) ON DELETE SET NULL,
        characteristic TEXT NOT NULL DEFAULT '',
        hidden INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE journey_steps (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        moment_of_truth INTEGER NOT NULL DEFAULT 0,
        emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -3 AND 3)
    );
    CREATE TABLE ideas (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        author_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
        round_id INTEGER REFERENCES idea_rounds(id) ON DELETE SET NULL,
        axis_id INTEGER REFERENCES axes(id) ON DELETE SET NULL,
        journey_step_id INTEGER REFERENCES journey_steps(id) ON DELETE SET NULL,
        position INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0,
        merged_into INTEGER REFERENCES ideas(id) ON DELETE SET NULL
    );
    CREATE INDEX ideas_axis ON ideas(axis_id, position);
    CREATE TABLE initiatives (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        axis_id INTEGER REFERENCES axes(id) ON DELETE SET NULL,
        problem TEXT NOT NULL DEFAULT '',
        segments TEXT NOT NULL DEFAULT '[]',
        customer_value TEXT NOT NULL DEFAULT '',
        org_impact TEXT NOT NULL DEFAULT '',
        tech_impact TEXT NOT NULL DEFAULT '',
        effort TEXT NOT NULL DEFAULT '',
        cost_range TEXT NOT NULL DEFAULT '',
        kpi TEXT NOT NULL DEFAULT '',
        kpi_target TEXT NOT NULL DEFAULT '',
        owner_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
        sponsor_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
        trend_ids TEXT NOT NULL DEFAULT '[]',
        idea_ids TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 5: stage 3: voting rounds, secret ballots kept apart from who voted, decisions.
    """
    CREATE TABLE vote_rounds (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        method TEXT NOT NULL,
        visibility TEXT NOT NULL DEFAULT 'secret' CHECK (visibility IN ('secret', 'open', 'paper')),
        config TEXT NOT NULL DEFAULT '{}',
        options TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'revealed')),
        purpose TEXT NOT NULL DEFAULT 'arbitration',
        parent_round_id INTEGER REFERENCES vote_rounds(id) ON DELETE SET NULL,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE vote_marks (
        round_id INTEGER NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        PRIMARY KEY (round_id, participant_id)
    ) WITHOUT ROWID;
    CREATE TABLE ballots (
        token INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        voter_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
        seal TEXT,
        content TEXT NOT NULL
    );
    CREATE INDEX ballots_round ON ballots(round_id);
    CREATE TABLE ballot_voids (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL,
        at REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE decisions (
        initiative_id INTEGER PRIMARY KEY REFERENCES initiatives(id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('go', 'later', 'nogo')),
        reason TEXT NOT NULL DEFAULT '',
        horizon TEXT NOT NULL DEFAULT '',
        round_id INTEGER REFERENCES vote_rounds(id) ON DELETE SET NULL,
        evidence TEXT NOT NULL DEFAULT '',
        decided_at REAL NOT NULL
    );
    CREATE TABLE decision_log (
        id INTEGER PRIMARY KEY,
        initiative_id INTEGER NOT NULL,
        decision TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        round_id INTEGER,
        evidence TEXT NOT NULL DEFAULT '',
        at REAL NOT NULL
    );
    """,
    # 6: stage 4 and the roadmap: governance choices, KPIs, placement on the timeline.
    """
    CREATE TABLE governance_choices (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        question TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'single',
        options TEXT NOT NULL DEFAULT '[]',
        chosen TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        settled_by TEXT NOT NULL DEFAULT '',
        round_id INTEGER REFERENCES vote_rounds(id) ON DELETE SET NULL,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE kpis (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        baseline TEXT NOT NULL DEFAULT '',
        target TEXT NOT NULL DEFAULT '',
        horizon TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE roadmap_items (
        initiative_id INTEGER PRIMARY KEY REFERENCES initiatives(id) ON DELETE CASCADE,
        start_quarter INTEGER NOT NULL DEFAULT 0,
        duration_quarters INTEGER NOT NULL DEFAULT 1 CHECK (duration_quarters >= 1)
    );
    CREATE TABLE milestones (
        id INTEGER PRIMARY KEY,
        initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        quarter INTEGER NOT NULL,
        label TEXT NOT NULL
    );
    CREATE TABLE dependencies (
        initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        depends_on INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, depends_on)
    );
    """,
    # the file's own state, not the seminar's (neither exported nor imported): a random
    # identity that tells its journal from another file's, and whether a secret round was
    # closed (or a ballot voided) without the file being rewritten yet (Store.seal)
    """
    CREATE TABLE file_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        uid TEXT NOT NULL,
        seal_pending INTEGER NOT NULL DEFAULT 0 CHECK (seal_pending IN (0, 1))
    );
    INSERT INTO file_state (id, uid) VALUES (1, lower(hex(randomblob(16))))
    """,
    # the room's phones: one personal join code per participant, bound to one phone
    # (only a hash of the phone's random token is kept; releasing a code clears it).
    """
    CREATE TABLE join_codes (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        code TEXT NOT NULL UNIQUE,
        token_hash TEXT,
        bound_at REAL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def statements(number: int) -> list[str]:
    """Migration ``number``'s statements, one by one, as SQLite itself ends them.

    A semicolon inside a quoted value or a trigger's body does not end a statement
    (splitting on ";" would cut it); ``sqlite3.complete_statement`` decides.
    """
    import sqlite3

    out: list[str] = []
    pending = ""
    for line in MIGRATIONS[number - 1].splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                out.append(pending.strip())
            pending = ""
    if pending.strip():  # a last statement without its semicolon
        if not sqlite3.complete_statement(pending + ";"):
            raise ValueError(f"migration {number} ends inside a statement: {pending.strip()[:60]!r}")
        out.append(pending.strip())
    return out


def apply(conn, first: int, last: int) -> None:
    """Run migrations ``first``..``last`` statement by statement (the caller holds the transaction)."""
    for number in range(first, last + 1):
        for statement in statements(number):
            conn.execute(statement)
