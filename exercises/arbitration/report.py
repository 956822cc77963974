"""The arbitration chapter of the roadmap, and anonymous vote statistics for the appendix."""

from __future__ import annotations

from fractions import Fraction
from functools import partial

from workshop_app import horizons
from workshop_app.i18n import format_decimal, tr_in
from workshop_app.report import BulletList, Chart, Heading, Paragraph, Section, SummaryPart, Table
from workshop_app.store import Store

from .booth import list_voids, progress
from .decisions import decision_label, decision_log, horizon_label, list_decisions
from .rounds import list_rounds, method_label, visibility_label
from .tally import RoundResult, round_result, value_effort

KEY = "arbitration"


def _percent(value) -> str:
    return f"{round(100 * float(value))} %"


def _chart(kind: str, result: RoundResult, language: str, caption: str) -> Chart:
    """A chart of the round's result, drawn from data read now: it may be drawn after the store
    closed, or in another process (its factory is a module function with plain arguments)."""
    from . import figures

    return Chart(figure=partial(figures.result_figure, kind, result, language), caption=caption, width_cm=16.0)


def _value_effort_blocks(store: Store, result: RoundResult, language: str) -> list:
    """The matrix, and the table naming its bubbles when there are too many to name beside it."""
    from . import charts, figures

    tr = tr_in(language)
    points = figures.value_effort_points(store, result)
    blocks: list = [Heading(tr("Value and effort"), 1), Chart(
        figure=partial(figures.value_effort_figure, points, language), width_cm=16.0, caption=tr(
            "Value for customers against effort, one numbered bubble per initiative, coloured by "
            "decision; a bigger bubble had more support in the vote."))]
    if not charts.value_effort_key_fits(len(points)):
        rows = tuple((str(n), label, format_decimal(value, language), format_decimal(effort, language),
                      decision_label(decision, language) if decision else tr("Not decided"))
                     for n, (label, value, effort, _weight, decision) in enumerate(points, start=1))
        blocks.append(Table(columns=("#", tr("Initiative"), tr("Value"), tr("Effort"), tr("Decision")),
                            rows=rows, caption=tr("The initiatives of the matrix, by their number"),
                            widths=(0.6, 9, 1.4, 1.4, 2)))
    return blocks


def _method_blocks(results: list[RoundResult], language: str) -> list:
    tr = tr_in(language)
    blocks: list = [Heading(tr("How the room voted"), 1)]
    rows = tuple((str(i), r.round.question, method_label(r.round.method, language),
                  visibility_label(r.round.visibility, language), str(r.tally.voters))
                 for i, r in enumerate(results, start=1))
    blocks.append(Table(columns=("#", tr("Question"), tr("Method"), tr("Kind of vote"), tr("Voters")),
                        rows=rows, caption=tr("The voting rounds of the arbitration."),
                        widths=(0.6, 7, 3, 3, 1.4)))
    scoring = next((r for r in results if r.round.method == "scoring"), None)
    if scoring is not None:
        criteria = scoring.round.config["criteria"]
        total = sum(Fraction(c["weight"]) for c in criteria) or 1
        crit_rows = tuple((c["name"], _percent(Fraction(c["weight"]) / total),
                           tr("Cost: a high score counts against") if c["reversed"] else tr("Benefit"))
                          for c in criteria)
        blocks.append(Table(columns=(tr("Criterion"), tr("Weight"), tr("Counts as")), rows=crit_rows,
                            caption=tr("Scoring criteria and their weights (scores from 1 to 5)."),
                            widths=(7, 2, 5)))
    majority = next((r for r in results if r.round.method == "majority"), None)
    if majority is not None:
        blocks.append(Paragraph(tr("Majority judgment: each participant gave every initiative a grade "
                                   "({grades}); an initiative's result is the grade a majority supports "
                                   "(its median grade), ties broken by the grades nearest the median.")
                                .format(grades=", ".join(majority.round.config["grades"]))))
    return blocks


def _round_blocks(store: Store, number: int, result: RoundResult, language: str) -> list:
    tr = tr_in(language)
    rnd = result.round
    blocks: list = [Heading(tr("Round {n}: {question}").format(n=number, question=rnd.question), 2)]
    if rnd.method == "majority" and result.tally.voters:
        # The merit profile is the ranking of majority judgment, best first, with each grade's
        # share: a bar chart of the same order beside it would only repeat it.
        blocks.append(_chart("merit", result, language, tr(
            "Ranking — {method}, {n} voters. Merit profile: the share of each grade per initiative, "
            "best first; the dashed line marks the median.").format(
                method=method_label(rnd.method, language), n=result.tally.voters)))
    else:
        blocks.append(_chart("ranking", result, language, tr("Ranking — {method}, {n} voters.").format(
            method=method_label(rnd.method, language), n=result.tally.voters)))
    if result.flagged:
        blocks.append(Paragraph(tr("The room disagreed on these initiatives (discuss before deciding):")))
        blocks.append(BulletList(tuple(result.labels[o] for o in result.flagged)))
    sens = result.sensitivity
    if sens is not None:
        held = [result.labels[o] for o in sens.stable]
        text = (tr("Moving any criterion's weight by ±20 % changes who comes first.") if sens.top_changes
                else tr("Moving any criterion's weight by ±20 % does not change who comes first."))
        if held:
            text += " " + tr("These initiatives keep their place: {names}.").format(names=", ".join(held))
        blocks.append(Paragraph(text))
    return blocks


def _decision_blocks(store: Store, language: str) -> list:
    tr = tr_in(language)
    decisions = list_decisions(store)
    if not decisions:
        return []
    blocks: list = [Heading(tr("Decisions"), 1)]
    order = {"go": 0, "later": 1, "nogo": 2}
    stated = {g.initiative_id: g for g in horizons.go_horizons(store)}

    def horizon_cell(d) -> str:
        go = stated.get(d.initiative_id)
        if go is None:
            return horizon_label(d.horizon, language)
        text = horizons.horizon_label(go.stated, language) or tr(horizons.UNDECIDED)
        return f"{text} ⚠" if go.conflict else text

    rows = tuple((d.title, decision_label(d.decision, language), horizon_cell(d), d.reason, d.evidence)
                 for d in sorted(decisions, key=lambda d: order.get(d.decision, 3)))
    blocks.append(Table(columns=(tr("Initiative"), tr("Decision"), tr("Horizon"), tr("Reason"), tr("Evidence")),
                        rows=rows, caption=tr("Decision log: every initiative arbitrated, with its reason "
                                              "and the vote behind it."),
                        widths=(3.6, 1.4, 2.6, 4.8, 4.2)))
    if any(g.conflict for g in stated.values()):
        blocks.append(Paragraph(tr("⚠ marks a Go whose bar on the roadmap starts outside its decided "
                                   "horizon: the decision was kept, the conflict is to settle (see the roadmap)."), emphasis=True))
    log = decision_log(store)
    if len(log) > len(decisions):
        history = tuple((e["title"], decision_label(e["decision"], language), e["reason"]) for e in log)
        blocks.append(Table(columns=(tr("Initiative"), tr("Decision"), tr("Reason")), rows=history,
                            caption=tr("History of the decisions, in the order they were taken."),
                            widths=(5, 2, 8)))
    return blocks


def report_section(store: Store, language: str) -> Section | None:
    """None when no round was counted and nothing was decided."""
    tr = tr_in(language)
    rounds = [r for r in list_rounds(store) if not r.is_open]
    results = [round_result(store, r.id) for r in rounds]
    decisions = list_decisions(store)
    if not results and not decisions:
        return None
    title = tr("Arbitration")
    blocks: list = []  # the renderer puts the section's title as its chapter heading
    go = sum(1 for d in decisions if d.decision == "go")
    blocks.append(Paragraph(tr("Innovating in every direction is the surest way to dilute effort. Each "
                               "initiative was therefore arbitrated on the strategic segments it serves, "
                               "the value it creates for customers and its impact on our organisation "
                               "and systems. {n} initiatives were decided, {go} of them Go.")
                            .format(n=len(decisions), go=go)))
    if results:
        blocks += _method_blocks(results, language)
        blocks.append(Heading(tr("Results"), 1))
        for number, result in enumerate(results, start=1):
            blocks += _round_blocks(store, number, result, language)
        matrix = next((r for r in reversed(results) if r.round.method == "scoring" and value_effort(store, r)),
                      next((r for r in reversed(results) if value_effort(store, r)), None))
        if matrix is not None:
            blocks += _value_effort_blocks(store, matrix, language)
    blocks += _decision_blocks(store, language)
    return Section(key=KEY, title=title, blocks=blocks, in_short=True)


def vote_statistics(store: Store, language: str) -> list:
    """Anonymous statistics of every round (all stages): counts only, never who voted what."""
    tr = tr_in(language)
    rounds = [r for r in list_rounds(store, None)]
    if not rounds:
        return []
    rows = []
    for number, rnd in enumerate(rounds, start=1):
        stage = tr("Arbitration") if rnd.purpose == "arbitration" else tr("Governance")
        if rnd.visibility == "paper":
            result_voters = round_result(store, rnd.id).tally.voters if not rnd.is_open else 0
            voted, eligible, rate = str(result_voters), "–", "–"
        else:
            done, people = progress(store, rnd.id)
            voted, eligible = str(done), str(people)
            rate = _percent(Fraction(done, people)) if people else "–"
        rows.append((str(number), stage, rnd.question, method_label(rnd.method, language),
                     visibility_label(rnd.visibility, language), voted, eligible, rate,
                     str(len(list_voids(store, rnd.id)))))
    explanation = Paragraph(tr("Secret ballots were cast one at a time on the facilitator's laptop. The seminar file "
                               "records who has voted and, separately, the ballots, with nothing linking the two; "
                               "this table therefore shows counts only."))
    table = Table(columns=("#", tr("Stage"), tr("Question"), tr("Method"), tr("Kind of vote"), tr("Ballots"),
                           tr("Eligible"), tr("Participation"), tr("Voided")),
                  rows=tuple(rows), caption=tr("Participation in each voting round."),
                  widths=(0.5, 1.7, 4.2, 2.1, 2.1, 1.5, 1.5, 2.1, 1.4))
    # The heading stays with its table (a paragraph between them could be left alone at a page's foot).
    return [Heading(tr("Vote statistics"), 1), table, explanation]


def summary_lines(store: Store, language: str) -> list[SummaryPart]:
    """The Go initiatives grouped by the horizon the whole document states for them."""
    tr = tr_in(language)
    groups: dict[str, list[str]] = {}
    for go in horizons.go_horizons(store):
        groups.setdefault(go.stated, []).append(go.title)
    if not groups:
        return []
    colon = "\u00a0: " if language == "fr" else ": "
    lines = tuple(f"{horizons.horizon_label(key, language) or tr(horizons.UNDECIDED)}{colon}{' · '.join(groups[key])}"
                  for key in (*horizons.HORIZONS, "") if groups.get(key))
    return [SummaryPart(tr("Go initiatives by horizon"), lines, rank=20)]


def appendix_blocks(store: Store, language: str) -> list:
    return vote_statistics(store, language)
