"""Qt item models of the arbitration console: rounds, participation, paper totals, results, decisions."""

from __future__ import annotations


from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.kit import theme
from workshop_app.i18n import _, current_language
from workshop_app.participants import list_participants

from . import sources
from .booth import paper_totals, progress, voter_ids
from .decisions import decision_label, decision_log, horizon_label, list_decisions
from .rounds import list_rounds, method_label, option_labels, round_status_text, visibility_label
from .tally import RoundResult, score_text



def log_time(timestamp: float) -> str:
    """A decision's time in the interface's language: "4 Dec 15:16", "4 déc. 15:16".

    The month is a word, so the day and month never read the wrong way round.
    """
    from PySide6.QtCore import QDateTime, QLocale

    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return QLocale(current_language()).toString(moment, "d MMM HH:mm")

class _Table(QAbstractTableModel):
    """A read-only table over a list of rows (tuples of display strings)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> list[str]:
        return []

    def display(self, row, column: int) -> str:
        return str(row[column])

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.DisplayRole:
            return self.display(self._rows[index.row()], index.column())
        if role == Qt.ForegroundRole:
            return self.colour(self._rows[index.row()], index.column())
        return None

    def colour(self, row, column: int):
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers()[section]
        return None


class RoundsModel(_Table):
    """Every arbitration round: number, question, method, kind, status, votes."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.refresh()

    def headers(self):
        return ["#", _("Question"), _("Method"), _("Kind"), _("Status"), _("Votes")]

    def refresh(self) -> None:
        rows = []
        for number, rnd in enumerate(list_rounds(self.store), start=1):
            if rnd.visibility == "paper":
                votes = str(paper_totals(self.store, rnd.id)[1])
            else:
                done, eligible = progress(self.store, rnd.id)
                votes = f"{done} / {eligible}"
            # every cell's text once per refresh: a view asks data() many times per paint
            rows.append((rnd, (str(number), rnd.question, method_label(rnd.method),
                               visibility_label(rnd.visibility, short=True), round_status_text(self.store, rnd),
                               votes)))
        self.set_rows(rows)

    def display(self, row, column):
        return row[1][column]

    def round_id(self, row: int) -> int:
        return self._rows[row][0].id


class ParticipationModel(QAbstractListModel):
    """Who has voted in a round (a public fact; what they voted is not here)."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._rows: list[tuple[str, bool]] = []

    def show_round(self, round_id: int | None) -> None:
        self.beginResetModel()
        done = voter_ids(self.store, round_id) if round_id is not None else set()
        people = list_participants(self.store) if round_id is not None else []
        self._rows = sorted(((p.name, p.id in done) for p in people), key=lambda r: r[1])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        name, voted = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return f"✓ {name}" if voted else f"… {name}"
        if role == Qt.ForegroundRole:
            return QBrush(QColor(theme.MUTED if voted else theme.INK))
        return None


class PaperTotalsModel(_Table):
    """Dots counted per option on the wall; the facilitator types them in the Dots column."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store

    def headers(self):
        return [_("Initiative"), _("Dots")]

    def show_round(self, rnd) -> None:
        totals = paper_totals(self.store, rnd.id)[0] if rnd is not None else {}
        labels = option_labels(self.store, rnd) if rnd is not None else {}
        self.set_rows([[o, labels[o], totals.get(o, 0)] for o in (rnd.options if rnd else ())])

    def display(self, row, column):
        return row[1] if column == 0 else str(row[2])

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role == Qt.EditRole and index.column() == 1:
            return self._rows[index.row()][2]
        return super().data(index, role)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags | Qt.ItemIsEditable if index.column() == 1 else flags

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or index.column() != 1:
            return False
        try:
            number = int(value)
        except (TypeError, ValueError):
            return False
        if number < 0:
            return False
        self._rows[index.row()][2] = number
        self.dataChanged.emit(index, index)
        return True

    def totals(self) -> dict:
        return {row[0]: row[2] for row in self._rows}


class ResultsModel(_Table):
    """A closed round's ranking for the facilitator: rank, initiative, result, dissent."""

    def headers(self):
        return ["#", _("Initiative"), _("Result"), _("Room")]

    def show_result(self, result: RoundResult | None) -> None:
        if result is None:
            self.set_rows([])
            return
        flagged = set(result.flagged)
        held = set(result.sensitivity.stable) if result.sensitivity else None
        rows = []
        for entry in result.tally.ranking:
            notes = []
            if entry.option in flagged:
                notes.append(_("⚑ discuss before deciding"))
            if held is not None:
                notes.append(_("holds its place under ±20 % weights") if entry.option in held
                             else _("moves when weights change"))
            rows.append((entry.rank, result.labels[entry.option], score_text(result, entry.option),
                         "; ".join(notes), entry.option in flagged))
        self.set_rows(rows)

    def colour(self, row, column):
        return QBrush(QColor(theme.DANGER)) if column == 3 and row[4] else None


class DecisionsModel(_Table):
    """Every initiative with its current decision (blank when undecided)."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.refresh()

    def headers(self):
        return [_("Initiative"), _("Decision"), _("Horizon"), _("Reason"), _("Evidence")]

    def refresh(self) -> None:
        decided = {d.initiative_id: d for d in list_decisions(self.store)}
        self.set_rows([(c, decided.get(c.id)) for c in sources.list_candidates(self.store)])

    def display(self, row, column):
        candidate, decision = row
        if column == 0:
            return candidate.title
        if decision is None:
            return ""
        return (candidate.title, decision_label(decision.decision), horizon_label(decision.horizon),
                decision.reason, decision.evidence)[column]

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role == Qt.ToolTipRole:
            return sources.business_case_text(self.store, self._rows[index.row()][0].id)
        return super().data(index, role)

    def colour(self, row, column):
        decision = row[1]
        if column == 1 and decision is not None:
            return QBrush(QColor({"go": theme.ACCENT_2, "later": theme.WARNING, "nogo": theme.DANGER}
                                 [decision.decision]))
        return None

    def initiative_id(self, row: int) -> int:
        return self._rows[row][0].id

    def decision(self, row: int):
        return self._rows[row][1]


class DecisionLogModel(_Table):
    """Every decision taken, latest first."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.refresh()

    def headers(self):
        return [_("When"), _("Initiative"), _("Decision"), _("Reason")]

    def refresh(self) -> None:
        self.set_rows(list(reversed(decision_log(self.store))))

    def display(self, row, column):
        if column == 0:
            return log_time(row["at"]) if row["at"] else ""
        return (None, row["title"], decision_label(row["decision"]), row["reason"])[column]


class OptionsModel(_Table):
    """Initiatives to put to the vote, checkable; not-ready ones are marked."""

    def __init__(self, candidates: list, checked: set, parent=None):
        super().__init__(parent)
        self.checked = set(checked)
        self.set_rows(candidates)

    def headers(self):
        return [_("Initiative"), _("Business case")]

    def display(self, row, column):
        return row.title if column == 0 else (_("ready") if row.ready else _("incomplete"))

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role == Qt.CheckStateRole and index.column() == 0:
            return Qt.Checked if self._rows[index.row()].id in self.checked else Qt.Unchecked
        return super().data(index, role)

    def colour(self, row, column):
        return QBrush(QColor(theme.DANGER)) if column == 1 and not row.ready else None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags | Qt.ItemIsUserCheckable if index.column() == 0 else flags

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        ident = self._rows[index.row()].id
        if Qt.CheckState(value) == Qt.Checked:
            self.checked.add(ident)
        else:
            self.checked.discard(ident)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True

    def selected(self) -> list[int]:
        return [c.id for c in self._rows if c.id in self.checked]
