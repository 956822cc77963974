"""The multi-day agenda: days, their blocks, and the planned schedule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

from .domain import BLOCK_KINDS, AgendaBlock, BlockStep, Day, ValidationError, clean_text
from .i18n import _
from .store import Store

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
MAX_BLOCK_MINUTES = 12 * 60


def parse_hhmm(value: str) -> int:
    """'09:30' -> 570 minutes after midnight, or a clear refusal."""
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValidationError(_("{value} is not a time (use HH:MM, e.g. 09:00).").format(value=value))
    return int(match.group(1)) * 60 + int(match.group(2))


def format_hhmm(minutes: float) -> str:
    minutes = int(round(minutes))
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


def _check_day(date: str, start: str, end: str) -> dict:
    try:
        _date.fromisoformat(date)
    except (TypeError, ValueError):
        raise ValidationError(_("{value} is not a date (use YYYY-MM-DD).").format(value=date)) from None
    if parse_hhmm(end) <= parse_hhmm(start):
        raise ValidationError(_("A day must end after it starts."))
    return {"date": date, "start": start.strip(), "end": end.strip()}


def _check_block(title: str, kind: str, planned_minutes: int, instructions: str, notes: str,
                 exercise: str) -> dict:
    if kind not in BLOCK_KINDS:
        raise ValidationError(_("Unknown kind of block: {kind}.").format(kind=kind))
    if not isinstance(planned_minutes, int) or isinstance(planned_minutes, bool) \
            or not 1 <= planned_minutes <= MAX_BLOCK_MINUTES:
        raise ValidationError(_("A block lasts between 1 and {max} minutes.").format(max=MAX_BLOCK_MINUTES))
    return {
        "title": clean_text(title, _("Title"), required=True),
        "kind": kind,
        "planned_minutes": planned_minutes,
        "instructions": clean_text(instructions, _("Instructions"), long=True),
        "notes": clean_text(notes, _("Notes"), long=True),
        "exercise": exercise or "",
    }


# --- days -----------------------------------------------------------------

def list_days(store: Store) -> list[Day]:
    return [Day(**r) for r in store.query(
        "SELECT id, date, start, end, position FROM days ORDER BY position, id")]


def add_day(store: Store, date: str, start: str = "09:00", end: str = "17:30") -> int:
    record = _check_day(date, start, end)
    with store.action() as db:
        record["position"] = (store.scalar("SELECT max(position) FROM days") or 0) + 1
        return db["days"].insert(record).last_pk


def update_day(store: Store, day_id: int, date: str, start: str, end: str) -> None:
    record = _check_day(date, start, end)
    with store.action() as db:
        db["days"].update(day_id, record)


def remove_day(store: Store, day_id: int) -> None:
    with store.action() as db:
        db.execute("DELETE FROM days WHERE id = ?", [day_id])


# --- blocks ---------------------------------------------------------------

def _block(row: dict, steps: dict[int, list[BlockStep]]) -> AgendaBlock:
    row = dict(row)
    row["flexible"] = bool(row["flexible"])
    return AgendaBlock(**row, steps=tuple(steps.get(row["id"], ())))


def list_blocks(store: Store, day_id: int | None = None) -> list[AgendaBlock]:
    """Blocks in running order (day by day), or those of one day."""
    steps: dict[int, list[BlockStep]] = {}
    for s in store.query("SELECT block_id, title, minutes FROM block_steps ORDER BY block_id, position, id"):
        steps.setdefault(s["block_id"], []).append(BlockStep(s["title"], s["minutes"]))
    sql = ("SELECT b.id, b.day_id, b.position, b.title, b.kind, b.planned_minutes, b.exercise,"
           " b.instructions, b.notes, b.flexible FROM blocks b JOIN days d ON d.id = b.day_id")
    params: tuple = ()
    if day_id is not None:
        sql += " WHERE b.day_id = ?"
        params = (day_id,)
    sql += " ORDER BY d.position, d.id, b.position, b.id"
    return [_block(r, steps) for r in store.query(sql, params)]


def get_block(store: Store, block_id: int) -> AgendaBlock:
    for block in list_blocks(store):
        if block.id == block_id:
            return block
    raise ValidationError(_("This block no longer exists."))


def add_block(store: Store, day_id: int, title: str, kind: str = "plenary", planned_minutes: int = 30,
              exercise: str = "", instructions: str = "", notes: str = "", flexible: bool = True,
              position: int | None = None, steps: tuple[BlockStep, ...] = (),
              block_id: int | None = None) -> int:
    record = _check_block(title, kind, planned_minutes, instructions, notes, exercise)
    record.update(day_id=day_id, flexible=int(bool(flexible)))
    if block_id is not None:
        record["id"] = block_id
    with store.action() as db:
        count = store.scalar("SELECT count(*) FROM blocks WHERE day_id = ?", (day_id,))
        position = count if position is None else max(0, min(position, count))
        db.execute("UPDATE blocks SET position = position + 1 WHERE day_id = ? AND position >= ?",
                   [day_id, position])
        record["position"] = position
        new_id = db["blocks"].insert(record).last_pk
        _write_steps(db, new_id, steps)
        return new_id


def _write_steps(db, block_id: int, steps) -> None:
    db.execute("DELETE FROM block_steps WHERE block_id = ?", [block_id])
    for index, step in enumerate(steps):
        title = clean_text(step.title, _("Step"), required=True)
        if not isinstance(step.minutes, int) or isinstance(step.minutes, bool) \
                or not 1 <= step.minutes <= MAX_BLOCK_MINUTES:
            raise ValidationError(_("A step lasts between 1 and {max} minutes.").format(max=MAX_BLOCK_MINUTES))
        db["block_steps"].insert({"block_id": block_id, "position": index, "title": title,
                                  "minutes": int(step.minutes)})


def update_block(store: Store, block_id: int, title: str, kind: str, planned_minutes: int,
                 exercise: str = "", instructions: str = "", notes: str = "", flexible: bool = True,
                 steps: tuple[BlockStep, ...] | None = None) -> None:
    record = _check_block(title, kind, planned_minutes, instructions, notes, exercise)
    record["flexible"] = int(bool(flexible))
    with store.action() as db:
        db["blocks"].update(block_id, record)
        if steps is not None:
            _write_steps(db, block_id, steps)


def set_planned_minutes(store: Store, changes: dict[int, int]) -> None:
    with store.action() as db:
        for block_id, minutes in changes.items():
            if not 1 <= minutes <= MAX_BLOCK_MINUTES:
                raise ValidationError(_("A block lasts between 1 and {max} minutes.").format(max=MAX_BLOCK_MINUTES))
            db["blocks"].update(block_id, {"planned_minutes": minutes})


def _renumber(db, day_id: int) -> None:
    ids = [r[0] for r in db.execute(
        "SELECT id FROM blocks WHERE day_id = ? ORDER BY position, id", [day_id]).fetchall()]
    for index, block_id in enumerate(ids):
        db.execute("UPDATE blocks SET position = ? WHERE id = ?", [index, block_id])


def move_block(store: Store, block_id: int, day_id: int, position: int) -> None:
    """Move a block to ``position`` (0-based) in ``day_id`` (the same day or another)."""
    with store.action() as db:
        old_day = store.scalar("SELECT day_id FROM blocks WHERE id = ?", (block_id,))
        if old_day is None:
            raise ValidationError(_("This block no longer exists."))
        ids = [r[0] for r in db.execute(
            "SELECT id FROM blocks WHERE day_id = ? AND id != ? ORDER BY position, id",
            [day_id, block_id]).fetchall()]
        position = max(0, min(position, len(ids)))
        ids.insert(position, block_id)
        db.execute("UPDATE blocks SET day_id = ? WHERE id = ?", [day_id, block_id])
        for index, bid in enumerate(ids):
            db.execute("UPDATE blocks SET position = ? WHERE id = ?", [index, bid])
        if old_day != day_id:
            _renumber(db, old_day)


def duplicate_block(store: Store, block_id: int) -> int:
    block = get_block(store, block_id)
    return add_block(store, block.day_id, block.title, block.kind, block.planned_minutes,
                     block.exercise, block.instructions, block.notes, block.flexible,
                     position=block.position + 1, steps=block.steps)


def remove_block(store: Store, block_id: int) -> None:
    with store.action() as db:
        day_id = store.scalar("SELECT day_id FROM blocks WHERE id = ?", (block_id,))
        db.execute("DELETE FROM blocks WHERE id = ?", [block_id])
        if day_id is not None:
            _renumber(db, day_id)


# --- planned schedule -----------------------------------------------------

@dataclass(frozen=True)
class ScheduledBlock:
    block: AgendaBlock
    start: int  # minutes after midnight
    end: int


@dataclass(frozen=True)
class DaySchedule:
    day: Day
    blocks: tuple[ScheduledBlock, ...]

    @property
    def planned_end(self) -> int:
        return self.blocks[-1].end if self.blocks else parse_hhmm(self.day.start)

    @property
    def overflow_minutes(self) -> int:
        """Minutes past the day's end (0 when the day fits)."""
        return max(0, self.planned_end - parse_hhmm(self.day.end))


def schedule(store: Store) -> list[DaySchedule]:
    """Start times computed from each day's start and the blocks' durations."""
    blocks = list_blocks(store)
    result = []
    for day in list_days(store):
        cursor = parse_hhmm(day.start)
        items = []
        for block in (b for b in blocks if b.day_id == day.id):
            items.append(ScheduledBlock(block, cursor, cursor + block.planned_minutes))
            cursor += block.planned_minutes
        result.append(DaySchedule(day, tuple(items)))
    return result
