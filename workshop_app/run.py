"""Running the seminar live: the current block, its timer events, drift and its absorption."""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import list_blocks, list_days, parse_hhmm, set_planned_minutes
from .clock import Clock
from .domain import AgendaBlock
from .i18n import _
from .store import Store
from .timer import TimerEvent, TimerState, compute

SCREEN_MODES = ("live", "black", "frozen")


def events_for(store: Store, block_id: int) -> list[TimerEvent]:
    return [TimerEvent(r["kind"], r["at"], r["seconds"]) for r in store.query(
        "SELECT kind, at, seconds FROM timer_events WHERE block_id = ? ORDER BY id", (block_id,))]


def all_events(store: Store) -> dict[int, list[TimerEvent]]:
    events: dict[int, list[TimerEvent]] = {}
    for r in store.query("SELECT block_id, kind, at, seconds FROM timer_events ORDER BY id"):
        events.setdefault(r["block_id"], []).append(TimerEvent(r["kind"], r["at"], r["seconds"]))
    return events


def timer_state(store: Store, block: AgendaBlock, clock: Clock) -> TimerState:
    return compute(block.planned_minutes, events_for(store, block.id), clock.now())


def current_block_id(store: Store) -> int | None:
    return store.scalar("SELECT current_block_id FROM run_state WHERE id = 1")


def screen_mode(store: Store) -> str:
    return store.scalar("SELECT screen FROM run_state WHERE id = 1") or "live"


def set_screen_mode(store: Store, mode: str) -> None:
    if mode not in SCREEN_MODES:
        raise ValueError(mode)
    with store.action() as db:
        db["run_state"].update(1, {"screen": mode})


def set_current(store: Store, block_id: int | None) -> None:
    with store.action() as db:
        db["run_state"].update(1, {"current_block_id": block_id})


def record(store: Store, block_id: int, kind: str, clock: Clock, seconds: float = 0.0) -> None:
    with store.action() as db:
        db["timer_events"].insert({"block_id": block_id, "kind": kind, "at": clock.now(),
                                   "seconds": seconds})


class Runner:
    """The facilitator's live commands over the store; each one is one transaction."""

    def __init__(self, store: Store, clock: Clock):
        self.store = store
        self.clock = clock

    def blocks(self) -> list[AgendaBlock]:
        return list_blocks(self.store)

    def current(self) -> AgendaBlock | None:
        block_id = current_block_id(self.store)
        blocks = self.blocks()
        for block in blocks:
            if block.id == block_id:
                return block
        return blocks[0] if blocks else None

    def state(self, block: AgendaBlock | None = None) -> TimerState | None:
        block = block or self.current()
        return timer_state(self.store, block, self.clock) if block else None

    def start_or_pause(self) -> None:
        """Space / F5: start a ready block, pause a running one, resume a paused one."""
        block = self.current()
        if block is None:
            return
        status = self.state(block).status
        with self.store.action():
            set_current(self.store, block.id)
            kind = {"ready": "started", "running": "paused", "paused": "resumed",
                    "finished": "resumed"}[status]
            record(self.store, block.id, kind, self.clock)

    def extend(self, minutes: int) -> None:
        block = self.current()
        if block is not None:
            record(self.store, block.id, "extended", self.clock, seconds=minutes * 60.0)

    def finish(self) -> None:
        block = self.current()
        if block is not None and self.state(block).status in ("running", "paused"):
            record(self.store, block.id, "finished", self.clock)

    def go(self, offset: int, start: bool = True) -> AgendaBlock | None:
        """Next (+1) / previous (-1): finish the current block, show the other, start it if new."""
        blocks = self.blocks()
        current = self.current()
        if current is None:
            return None
        index = next(i for i, b in enumerate(blocks) if b.id == current.id)
        target_index = index + offset
        if not 0 <= target_index < len(blocks):
            return current
        target = blocks[target_index]
        with self.store.action():
            if offset > 0 and self.state(current).status in ("running", "paused"):
                record(self.store, current.id, "finished", self.clock)
            set_current(self.store, target.id)
            if start and offset > 0 and self.state(target).status == "ready":
                record(self.store, target.id, "started", self.clock)
        return target

    def skip(self) -> AgendaBlock | None:
        """Leave the current block without running it and show the next one (not started)."""
        return self.go(+1, start=False)


# --- drift ---------------------------------------------------------------

@dataclass(frozen=True)
class BlockDrift:
    block: AgendaBlock
    planned_minutes: int
    actual_minutes: float | None  # None when not run yet


@dataclass(frozen=True)
class DayDrift:
    """Where a day stands against its plan, in minutes after midnight.

    ``behind_minutes`` is the slip of the room's current position: how much later than
    planned the block in progress (or the last one run) ends. ``overrun_minutes`` is how
    far the projected end passes the day's end time, which is what absorbing fixes.
    """

    day_id: int
    planned_end: float  # the end of the plan (day start + planned durations)
    day_end: float  # the day's own end time, the limit the facilitator set
    projected_end: float
    behind_minutes: float  # positive: behind schedule; negative: ahead
    blocks: tuple[BlockDrift, ...]

    @property
    def overrun_minutes(self) -> float:
        return self.projected_end - self.day_end


def _minutes_of_day(clock: Clock, ts: float) -> float:
    moment = clock.local(ts)
    return moment.hour * 60 + moment.minute + moment.second / 60


def _rehearsal_offset(clock: Clock, day, blocks, events, now: float) -> float:
    """Minutes to shift the plan when the day is run on another date than planned.

    On its own date a day is measured against the clock (lunch is at 12:45). Run on
    another date (a rehearsal, the demo, a postponed seminar) the plan is anchored on
    the moment its first block actually started, so drift stays meaningful.
    """
    planned = float(parse_hhmm(day.start))
    for block in blocks:
        state = compute(block.planned_minutes, events.get(block.id, []), now)
        if state.started_at is not None:
            if clock.local(state.started_at).date().isoformat() == day.date:
                return 0.0
            return _minutes_of_day(clock, state.started_at) - planned
        planned += block.planned_minutes
    return 0.0


def day_drift(store: Store, clock: Clock, day_id: int) -> DayDrift:
    """Planned against actual for each block of a day, the slip and the projected end."""
    day = next(d for d in list_days(store) if d.id == day_id)
    blocks = list_blocks(store, day_id)
    events = all_events(store)
    now = clock.now()
    offset = _rehearsal_offset(clock, day, blocks, events, now)
    planned_cursor = parse_hhmm(day.start) + offset
    cursor = planned_cursor
    behind = 0.0
    started_any = False
    rows = []
    for block in blocks:
        planned_cursor += block.planned_minutes
        state = compute(block.planned_minutes, events.get(block.id, []), now)
        actual = None
        if state.status == "finished":
            actual = state.elapsed / 60
            cursor = _minutes_of_day(clock, state.finished_at)
            behind, started_any = cursor - planned_cursor, True
        elif state.status in ("running", "paused"):
            actual = state.elapsed / 60
            cursor = _minutes_of_day(clock, now) + max(state.remaining, 0) / 60
            behind, started_any = cursor - planned_cursor, True
        else:
            cursor += block.planned_minutes
        rows.append(BlockDrift(block, block.planned_minutes, actual))
    planned_end = planned_cursor
    projected = cursor if started_any else float(planned_end)
    return DayDrift(day_id, planned_end, parse_hhmm(day.end) + offset, projected, behind, tuple(rows))


@dataclass(frozen=True)
class AbsorbProposal:
    """Shorten later flexible blocks in proportion, and/or move the last ones to the next day."""

    day_id: int
    behind_minutes: int  # minutes past the day's end, before the proposal
    new_minutes: dict[int, int]  # block id -> shortened duration
    move_to_next_day: tuple[int, ...]  # block ids, in order
    unabsorbed_minutes: int

    def describe(self) -> str:
        parts = []
        if self.new_minutes:
            parts.append(_("shorten {n} flexible blocks").format(n=len(self.new_minutes)))
        if self.move_to_next_day:
            parts.append(_("move {n} blocks to the next day").format(n=len(self.move_to_next_day)))
        return ", ".join(parts)


MIN_SHARE = 0.5  # a flexible block keeps at least half its planned time


def propose_absorb(store: Store, clock: Clock, day_id: int) -> AbsorbProposal | None:
    """A proposal to bring the projected end back to the day's end, or None when it fits."""
    drift = day_drift(store, clock, day_id)
    behind = int(round(drift.overrun_minutes))
    if behind <= 0:
        return None
    future = [row.block for row in drift.blocks if row.actual_minutes is None]
    flexible = [b for b in future if b.flexible and b.kind not in ("meal",)]
    room = sum(b.planned_minutes - max(1, int(b.planned_minutes * MIN_SHARE)) for b in flexible)
    take = min(behind, room)
    new_minutes: dict[int, int] = {}
    if take > 0:
        total = sum(b.planned_minutes for b in flexible)
        removed = 0
        for index, block in enumerate(flexible):
            floor = max(1, int(block.planned_minutes * MIN_SHARE))
            if index == len(flexible) - 1:
                cut = take - removed
            else:
                cut = round(take * block.planned_minutes / total)
            cut = max(0, min(cut, block.planned_minutes - floor))
            removed += cut
            if cut:
                new_minutes[block.id] = block.planned_minutes - cut
        # rounding may leave a few minutes: take them from blocks that still have room
        for block in flexible:
            if removed >= take:
                break
            floor = max(1, int(block.planned_minutes * MIN_SHARE))
            current = new_minutes.get(block.id, block.planned_minutes)
            extra = min(take - removed, current - floor)
            if extra > 0:
                new_minutes[block.id] = current - extra
                removed += extra
        take = removed
    left = behind - take
    moves: list[int] = []
    day_ids = [d.id for d in list_days(store)]
    has_next_day = day_ids.index(day_id) < len(day_ids) - 1
    if left > 0 and has_next_day:
        for block in reversed(future):
            if left <= 0:
                break
            moves.insert(0, block.id)
            left -= new_minutes.pop(block.id, block.planned_minutes)
    return AbsorbProposal(day_id, behind, new_minutes, tuple(moves), max(0, left))


def apply_absorb(store: Store, proposal: AbsorbProposal) -> None:
    """Accept a proposal: one transaction."""
    from .agenda import move_block

    days = list_days(store)
    index = next(i for i, d in enumerate(days) if d.id == proposal.day_id)
    with store.action():
        if proposal.new_minutes:
            set_planned_minutes(store, proposal.new_minutes)
        if proposal.move_to_next_day and index + 1 < len(days):
            for offset, block_id in enumerate(proposal.move_to_next_day):
                move_block(store, block_id, days[index + 1].id, offset)
