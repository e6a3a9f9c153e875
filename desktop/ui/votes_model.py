"""Table models of the votes page: the polls, the roll of one poll (who votes, who is present,
who received a ballot), and a poll's count. Plain rows in (desktop.services.votes), no ORM."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.votes import AppraisalResult, DecisionResult, ElectionResult, Exclusion, Mark, NoVote, Rating
from desktop.services.votes import EXCLUDED, NO_VOTE, PollRow, VoterRow, state_label

SORT_ROLE = Qt.UserRole + 1
ID_ROLE = Qt.UserRole + 2
_DISPLAY, _TOOLTIP, _FOREGROUND, _CHECK = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.ForegroundRole), int(Qt.CheckStateRole)
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
GREY = QColor(117, 117, 117)
GREEN = QColor(46, 125, 50)
RED = QColor(198, 40, 40)


class _Rows(QAbstractTableModel):
    """A read-only table of Python rows (sorting: the view's header, keys per column)."""
    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self.headers)):
            return None
        return self.value(self._rows[index.row()], index.column(), role)

    def value(self, row, column: int, role: int) -> Any:  # pragma: no cover — every model has its own
        raise NotImplementedError


# -- the polls ------------------------------------------------------------------------------------

(COL_CREATED, COL_KIND, COL_TITLE, COL_STATE, COL_OUTCOME) = range(5)


class PollsModel(_Rows):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Set up"), self.tr("Kind"), self.tr("Title"), self.tr("State"), self.tr("Result")]

    def row_of(self, poll_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == poll_id), -1)

    def value(self, r: PollRow, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return r.id
        if role == _DISPLAY:
            if column == COL_CREATED:
                return f"{r.created_at:%Y-%m-%d}"
            if column == COL_KIND:
                return r.kind.label
            if column == COL_TITLE:
                return r.title if r.round == 1 else self.tr("{title} (round {n})").format(title=r.title, n=r.round)
            if column == COL_STATE:
                return state_label(r.state)
            if column == COL_OUTCOME:
                return r.outcome
        if role == SORT_ROLE:
            return (r.created_at, r.kind.value, r.title, r.state, r.outcome)[column]
        if role == _TOOLTIP and column in (COL_TITLE, COL_OUTCOME):
            return "\n".join(x for x in (r.title, r.meeting_title, r.outcome) if x)
        if role == _FOREGROUND and column == COL_STATE:
            return GREEN if r.state == "open" else GREY if r.state == "closed" else None
        return None


# -- the roll of one poll ----------------------------------------------------------------------------

(COL_NAME, COL_GROUP, COL_VOTE, COL_PRESENT, COL_RECEIVED) = range(5)


def reason_label(status: str, reason: str) -> str:
    if status == NO_VOTE and reason:
        return NoVote(reason).label
    if status == EXCLUDED and reason:
        return Exclusion(reason).label
    return ""


class VotersModel(_Rows):
    """The poll's roll. The present column is checkable while the poll is not closed; the page
    writes the change (``presentToggled``) through the service."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Name"), self.tr("Party group"), self.tr("Vote"), self.tr("Present"), self.tr("Ballot")]
        self.editable = False
        self.on_present = None  # callable(member_id, bool)

    def row_of(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.member_id == member_id), -1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        row = self._rows[index.row()]
        if index.column() == COL_PRESENT and self.editable and row.status == "voter" and not row.received:
            return _FLAGS | Qt.ItemIsUserCheckable
        return _FLAGS

    def value(self, r: VoterRow, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return r.member_id
        if role == _DISPLAY:
            if column == COL_NAME:
                return r.name
            if column == COL_GROUP:
                return r.group
            if column == COL_VOTE:
                if r.status == "voter":
                    return self.tr("Votes")
                label = reason_label(r.status, r.reason)
                return self.tr("Not counted: {reason}").format(reason=label) if r.status == EXCLUDED else label
            if column == COL_PRESENT:
                return self.tr("Present") if r.present else ""
            if column == COL_RECEIVED:
                return self.tr("Received") if r.received else ""
        if role == _CHECK and column == COL_PRESENT and r.status == "voter":
            return Qt.Checked if r.present else Qt.Unchecked
        if role == _TOOLTIP and column == COL_VOTE and r.note:
            return r.note
        if role == _FOREGROUND and column == COL_VOTE and r.status != "voter":
            return GREY
        if role == SORT_ROLE:
            return (r.name, r.group, r.status, r.present, r.received)[column]
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role != _CHECK or index.column() != COL_PRESENT or not (self.flags(index) & Qt.ItemIsUserCheckable):
            return False
        row = self._rows[index.row()]
        present = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
        if self.on_present is not None:
            self.on_present(row.member_id, present)
        return True


# -- the count -----------------------------------------------------------------------------------------

class ResultModel(_Rows):
    """A poll's count: one row per name. Columns follow the kind of poll."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.headers = [self.tr("Name")]

    def set_result(self, result) -> None:
        self.beginResetModel()
        self.result = result
        if isinstance(result, AppraisalResult):
            self.headers = [self.tr("Name")] + [r.label for r in Rating] + [self.tr("Not rated"), self.tr("Note")]
            self._rows = list(result.rows)
        elif isinstance(result, ElectionResult):
            self.headers = [self.tr("Name"), Mark.FOR.label(), Mark.AGAINST.label(), Mark.ABSTAIN.label(), self.tr("Result")]
            self._rows = list(result.candidates)
        elif isinstance(result, DecisionResult):
            from core.votes import PollKind
            k = PollKind.DECISION
            self.headers = [self.tr("Subject"), Mark.FOR.label(k), Mark.AGAINST.label(k), Mark.ABSTAIN.label(k), self.tr("Result")]
            self._rows = [result]
        else:
            self.headers = [self.tr("Name")]
            self._rows = []
        self.endResetModel()

    def value(self, row, column: int, role: int) -> Any:
        r = self.result
        if isinstance(r, AppraisalResult):
            values = [row.member] + [row.counts[x] for x in Rating] + [row.unrated,
                                                                        self.tr("Excellent by a majority, beyond one third") if row.beyond_third
                                                                        else self.tr("Excellent by a majority") if row.majority_excellent else ""]
            colour = RED if row.beyond_third and column == len(values) - 1 else None
        elif isinstance(r, ElectionResult):
            state = (self.tr("Elected") if row.elected else self.tr("Tied: re-vote") if row.tied
                     else self.tr("Not elected") if r.decided else "")
            name = row.name + (self.tr(" (written in)") if row.written_in else "")
            values = [name, row.votes_for, "—" if row.written_in else row.votes_against, "—" if row.written_in else row.abstain, state]
            colour = GREEN if row.elected and column == 4 else RED if row.tied and column == 4 else None
        else:
            values = [row.subject, row.votes_for, row.votes_against, row.abstain,
                      self.tr("Passed") if row.passed else self.tr("Not passed")]
            colour = GREEN if row.passed and column == 4 else None
        if role == _DISPLAY:
            value = values[column]
            return str(value) if isinstance(value, int) else value
        if role == SORT_ROLE:
            return values[column]
        if role == _FOREGROUND:
            return colour
        if role == int(Qt.TextAlignmentRole) and column > 0:
            return int(Qt.AlignCenter)
        return None
