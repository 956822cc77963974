"""Optional warm-up: the moments of truth of one key journey and its emotional bank account."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from workshop_app.exercise import Exercise
from workshop_app.i18n import translate

if TYPE_CHECKING:  # the package stays light: the console lists it at start-up
    from workshop_app.report import Section
    from workshop_app.store import Store


def _pick(value, language: str):
    return value[language] if isinstance(value, dict) and language in value else value


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{-value}")


class JourneyExercise(Exercise):
    key = "journey"
    order = 30
    views_module = "exercises.journey.views"

    def title(self, language: str) -> str:
        return translate("Moments of truth", language)

    def fill_demo(self, store: Store, demo: dict[str, Any], language: str) -> None:
        journey = demo.get("journey")
        if not journey:
            return
        from . import logic

        with store.action():
            logic.set_title(store, _pick(journey["title"], language))
            for step in journey["steps"]:
                logic.add_step(store, _pick(step["title"], language), moment_of_truth=bool(step["moment_of_truth"]),
                               emotion=int(step["emotion"]))

    def report_section(self, store: Store, language: str) -> Section | None:
        from workshop_app.report import BulletList, Chart, Paragraph, Section, Table

        from . import logic
        from .charts import journey_curve

        steps = logic.list_steps(store)
        if not steps:
            return None
        tr = lambda text: translate(text, language)  # noqa: E731
        title = logic.get_title(store)
        section = Section(self.key, tr("Moments of truth of a key journey"))
        if title:
            section.blocks.append(Paragraph(tr("Journey studied: {title}.").format(title=title)))
        section.blocks.append(Paragraph(tr(
            "For each step the room rated the emotion it leaves the customer with, from −3 (a debit) "
            "to +3 (a credit). The running balance is the customer's emotional bank account.")))
        titles = [s.title for s in steps]
        emotions = [s.emotion for s in steps]
        moments = [s.moment_of_truth for s in steps]
        section.blocks.append(Chart(
            figure=partial(journey_curve, titles, emotions, moments, language),
            caption=tr("The journey's emotional bank account (stars: moments of truth)")))
        per_step = logic.ideas_per_step(store)
        rows = tuple((str(n + 1), e.step.title, tr("Yes") if e.step.moment_of_truth else "",
                      signed(e.step.emotion), signed(e.balance), str(per_step.get(e.step.id, 0) or ""))
                     for n, e in enumerate(logic.account(steps)))
        section.blocks.append(Table(
            columns=(tr("#"), tr("Step"), tr("Moment of truth"), tr("Credit / debit"), tr("Balance"), tr("Ideas")),
            rows=rows, caption=tr("Steps of the journey"), widths=(0.5, 5, 1.6, 1.4, 1.2, 1)))
        overdrawn = logic.negative_steps(steps)
        if overdrawn:
            section.blocks.append(Paragraph(tr("The account is overdrawn after these steps:")))
            section.blocks.append(BulletList(tuple(
                f"{e.step.title} ({tr('balance')} {signed(e.balance)})" for e in overdrawn)))
        else:
            section.blocks.append(Paragraph(tr("The balance never goes negative along this journey.")))
        return section

    def export_data(self, store: Store) -> dict[str, Any]:
        from . import logic

        return {"title": logic.get_title(store),
                "steps": [{"id": s.id, "title": s.title, "position": s.position,
                           "moment_of_truth": s.moment_of_truth, "emotion": s.emotion}
                          for s in logic.list_steps(store)]}


EXERCISE = JourneyExercise()
