"""Where each expected member stands at a meeting's sign-in (read-only): 已签到 / 迟到 / 已签退 /
请假 / 未签到 / 缺勤, with the times and how they signed in."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.signin import State
from desktop.services.signin import BoardRow

COL_NUMBER, COL_NAME, COL_GROUP, COL_STATE, COL_IN, COL_OUT, COL_HOW, COL_REASON = range(8)
COLUMN_COUNT = 8
SORT_ROLE = Qt.UserRole + 1
MEMBER_ROLE = Qt.UserRole + 2

COLOURS = {
    State.SIGNED_IN: QColor("#e8f5e9"),
    State.LATE: QColor("#fff3e0"),
    State.SIGNED_OUT: QColor("#e3f2fd"),
    State.LEAVE: QColor("#fff8e1"),
    State.ABSENT: QColor("#ffebee"),
}
_ORDER = {s: n for n, s in enumerate(State)}


class BoardModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._headers = [self.tr("No."), self.tr("Name"), self.tr("Party group"), self.tr("State"), self.tr("Signed in"),
                         self.tr("Signed out"), self.tr("How"), self.tr("Leave reason")]
        self._how = {"kiosk": self.tr("Scanner"), "phone": self.tr("Phone"), "hand": self.tr("By the secretary")}

    def set_rows(self, rows: list[BoardRow]) -> None:
        if rows == self._rows:
            return  # the refresh timer: nothing changed, the selection and scroll stay
        if [r.member_id for r in rows] == [r.member_id for r in self._rows]:
            changed = [i for i, (a, b) in enumerate(zip(self._rows, rows)) if a != b]
            self._rows = list(rows)
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), COLUMN_COUNT - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BoardRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            return {
                COL_NUMBER: str(index.row() + 1),
                COL_NAME: r.name,
                COL_GROUP: r.group,
                COL_STATE: r.state.label,
                COL_IN: f"{r.signed_in_at:%H:%M}" if r.signed_in_at else "",
                COL_OUT: f"{r.signed_out_at:%H:%M}" if r.signed_out_at else "",
                COL_HOW: self._how.get(r.source, ""),
                COL_REASON: r.reason,
            }[col]
        if role == SORT_ROLE:
            return {COL_NUMBER: index.row(), COL_STATE: _ORDER[r.state],
                    COL_IN: r.signed_in_at.isoformat() if r.signed_in_at else "~",
                    COL_OUT: r.signed_out_at.isoformat() if r.signed_out_at else "~"}.get(col, self.data(index))
        if role == MEMBER_ROLE:
            return r.member_id
        if role == Qt.BackgroundRole and col == COL_STATE:
            return COLOURS.get(r.state)
        if role == Qt.TextAlignmentRole and col in (COL_NUMBER, COL_IN, COL_OUT):
            return int(Qt.AlignCenter)
        return None
