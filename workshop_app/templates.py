"""Agenda templates offered by the New-seminar wizard (titles in the seminar's language)."""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import add_block, add_day
from .domain import BlockStep
from .i18n import translate
from .store import Store


@dataclass(frozen=True)
class TemplateBlock:
    title: str
    kind: str
    minutes: int
    exercise: str = ""
    instructions: str = ""
    flexible: bool = True
    steps: tuple[tuple[str, int], ...] = ()


def _b(title, kind, minutes, exercise="", instructions="", flexible=True, steps=()):
    return TemplateBlock(title, kind, minutes, exercise, instructions, flexible, steps)


TWO_DAY = (
    (
        _b("Opening and objectives", "plenary", 30, "", "Why we are here, and what we leave with.", False),
        _b("CX self-diagnosis", "exercise", 45, "diagnosis",
           "Rate each characteristic from 1 to 5, honestly."),
        _b("Usage-trend decoding", "exercise", 90, "trends",
           "For each trend: relevance for our segments, horizon, place on the life cycle.",
           steps=(("Presentation of the trends", 20), ("Ratings", 50), ("Choosing the trends we keep", 20))),
        _b("Break", "break", 15, flexible=False),
        _b("Moments of truth of one key journey", "exercise", 60, "journey",
           "Where does the customer's emotional bank account go negative?"),
        _b("Lunch", "meal", 60, flexible=False),
        _b("Innovation-axes ideation", "exercise", 120, "ideation",
           "One idea per card. Quantity first, judgement later.",
           steps=(("Silent ideation", 8), ("Sharing", 40), ("Clustering into axes", 50), ("Ambitions", 22))),
        _b("Break", "break", 15, flexible=False),
        _b("Wrap-up of day 1", "plenary", 30),
    ),
    (
        _b("Recap of day 1", "plenary", 30),
        _b("Business cases for the strongest ideas", "exercise", 90, "ideation",
           "1 initiative = 1 business case: problem, segment, value, impact, effort, KPI, owner."),
        _b("Break", "break", 15, flexible=False),
        _b("Arbitration vote", "exercise", 90, "arbitration",
           "Each of you votes in secret at the laptop."),
        _b("Lunch", "meal", 60, flexible=False),
        _b("Governance choices", "exercise", 75, "governance",
           "Who steers, how often, with which KPIs and incentives?"),
        _b("Roadmap construction", "exercise", 90, "roadmap",
           "Place each Go initiative on the timeline, by axis and quarter."),
        _b("Closing", "plenary", 30, "", "Next steps and commitments.", False),
    ),
)

ONE_DAY = (
    (
        _b("Opening and objectives", "plenary", 20, flexible=False),
        _b("Usage-trend decoding", "exercise", 60, "trends"),
        _b("Innovation-axes ideation", "exercise", 90, "ideation",
           steps=(("Silent ideation", 8), ("Sharing and clustering", 60), ("Ambitions", 22))),
        _b("Lunch", "meal", 60, flexible=False),
        _b("Arbitration vote", "exercise", 60, "arbitration"),
        _b("Break", "break", 15, flexible=False),
        _b("Governance and roadmap", "exercise", 75, "roadmap"),
        _b("Closing", "plenary", 20, flexible=False),
    ),
)

TEMPLATES = {"two_day": TWO_DAY, "one_day": ONE_DAY, "empty": ()}


def template_names() -> dict[str, str]:
    """Template key -> English label (wrap in _() when shown)."""
    return {"two_day": "Two-day CX seminar", "one_day": "One-day condensed seminar",
            "empty": "Empty agenda"}


def apply_template(store: Store, key: str, dates: list[str], language: str,
                   start: str = "09:00", end: str = "17:30") -> None:
    """Create the days (one per date) and the template's blocks, in one action."""
    days = TEMPLATES[key]
    with store.action():
        for index, date in enumerate(dates):
            day_id = add_day(store, date, start, end)
            for block in days[index] if index < len(days) else ():
                add_block(
                    store, day_id, translate(block.title, language), block.kind, block.minutes,
                    block.exercise, translate(block.instructions, language) if block.instructions else "",
                    flexible=block.flexible,
                    steps=tuple(BlockStep(translate(t, language), m) for t, m in block.steps),
                )
