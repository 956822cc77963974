"""Agenda templates offered by the New-seminar wizard (titles in the seminar's language)."""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import add_block, add_day
from .domain import BlockStep
from .i18n import N_, translate
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
        _b(N_("Opening and objectives"), "plenary", 30, "", N_("Why we are here, and what we leave with."), False),
        _b(N_("CX self-diagnosis"), "exercise", 45, "diagnosis",
           N_("Rate each characteristic from 1 to 5, honestly.")),
        _b(N_("Usage-trend decoding"), "exercise", 90, "trends",
           N_("For each trend: relevance for our segments, horizon, place on the life cycle."),
           steps=((N_("Presentation of the trends"), 20), (N_("Ratings"), 50), (N_("Choosing the trends we keep"), 20))),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Moments of truth of one key journey"), "exercise", 60, "journey",
           N_("Where does the customer's emotional bank account go negative?")),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Innovation-axes ideation"), "exercise", 120, "ideation",
           N_("One idea per card. Quantity first, judgement later."),
           steps=((N_("Silent ideation"), 8), (N_("Sharing"), 40), (N_("Clustering into axes"), 50), (N_("Ambitions"), 22))),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Wrap-up of day 1"), "plenary", 30),
    ),
    (
        _b(N_("Recap of day 1"), "plenary", 30),
        _b(N_("Business cases for the strongest ideas"), "exercise", 90, "ideation",
           N_("1 initiative = 1 business case: problem, segment, value, impact, effort, KPI, owner.")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Arbitration vote"), "exercise", 90, "arbitration",
           N_("Each of you votes in secret at the laptop.")),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Governance choices"), "exercise", 75, "governance",
           N_("Who steers, how often, with which KPIs and incentives?")),
        _b(N_("Roadmap construction"), "exercise", 90, "roadmap",
           N_("Place each Go initiative on the timeline, by axis and quarter.")),
        _b(N_("Closing"), "plenary", 30, "", N_("Next steps and commitments."), False),
    ),
)

ONE_DAY = (
    (
        _b(N_("Opening and objectives"), "plenary", 20, flexible=False),
        _b(N_("Usage-trend decoding"), "exercise", 60, "trends"),
        _b(N_("Innovation-axes ideation"), "exercise", 90, "ideation",
           steps=((N_("Silent ideation"), 8), (N_("Sharing and clustering"), 60), (N_("Ambitions"), 22))),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Arbitration vote"), "exercise", 60, "arbitration"),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Governance and roadmap"), "exercise", 75, "roadmap"),
        _b(N_("Closing"), "plenary", 20, flexible=False),
    ),
)

THREE_DAY = (
    (  # understand: where we stand, what customers live
        _b(N_("Opening and objectives"), "plenary", 30, "", N_("Why we are here, and what we leave with."), False),
        _b(N_("CX self-diagnosis"), "exercise", 60, "diagnosis",
           N_("Rate each characteristic from 1 to 5, honestly.")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Usage-trend decoding"), "exercise", 120, "trends",
           N_("For each trend: relevance for our segments, horizon, place on the life cycle."),
           steps=((N_("Presentation of the trends"), 30), (N_("Ratings"), 60), (N_("Choosing the trends we keep"), 30))),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Moments of truth of one key journey"), "exercise", 90, "journey",
           N_("Where does the customer's emotional bank account go negative?")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Wrap-up of day 1"), "plenary", 30),
    ),
    (  # imagine: the axes, the ideas, the business cases
        _b(N_("Recap of day 1"), "plenary", 20),
        _b(N_("Innovation-axes ideation"), "exercise", 150, "ideation",
           N_("One idea per card. Quantity first, judgement later."),
           steps=((N_("Silent ideation"), 10), (N_("Sharing"), 50), (N_("Clustering into axes"), 60), (N_("Ambitions"), 30))),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Business cases for the strongest ideas"), "exercise", 120, "ideation",
           N_("1 initiative = 1 business case: problem, segment, value, impact, effort, KPI, owner.")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Wrap-up of day 2"), "plenary", 30),
    ),
    (  # decide: the vote, the governance, the roadmap
        _b(N_("Recap of day 2"), "plenary", 20),
        _b(N_("Arbitration vote"), "exercise", 120, "arbitration",
           N_("Each of you votes in secret at the laptop.")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Governance choices"), "exercise", 90, "governance",
           N_("Who steers, how often, with which KPIs and incentives?")),
        _b(N_("Lunch"), "meal", 60, flexible=False),
        _b(N_("Roadmap construction"), "exercise", 120, "roadmap",
           N_("Place each Go initiative on the timeline, by axis and quarter.")),
        _b(N_("Break"), "break", 15, flexible=False),
        _b(N_("Closing"), "plenary", 30, "", N_("Next steps and commitments."), False),
    ),
)

TEMPLATES = {"three_day": THREE_DAY, "two_day": TWO_DAY, "one_day": ONE_DAY, "empty": ()}


def template_names() -> dict[str, str]:
    """Template key -> English label (wrap in _() when shown)."""
    return {"two_day": N_("Two-day CX seminar"), "three_day": N_("Three-day CX seminar"),
            "one_day": N_("One-day condensed seminar"), "empty": N_("Empty agenda")}


def template_days(key: str) -> int:
    """How many days the template plans."""
    return len(TEMPLATES[key])


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
