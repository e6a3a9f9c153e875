"""Attendance at one meeting, editable: the expected members with 出席 / 请假 (with a reason) /
缺席, held in memory until the meeting is saved; ``entries()`` gives what changed."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from core.meetings import AttendanceStatus
from desktop.services.meetings import AttendanceEntry, AttendanceRow, PersonRow

COL_NAME, COL_GROUP, COL_STATUS, COL_REASON = range(4)
COLUMN_COUNT = 4
STATUS_ROLE = Qt.UserRole + 1   # the AttendanceStatus value, "" for nothing recorded

COLOURS = {
    AttendanceStatus.PRESENT: QColor("#e8f5e9"),
    AttendanceStatus.LEAVE: QColor("#fff8e1"),
    AttendanceStatus.ABSENT: QColor("#ffebee"),
}
NOT_EXPECTED = QColor(128, 128, 128)


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self._original: dict[int, tuple[AttendanceStatus | None, str]] = {}
        self._values: dict[int, tuple[AttendanceStatus | None, str]] = {}
        self._headers = [self.tr("Name"), self.tr("Party group"), self.tr("Attendance"), self.tr("Reason")]
        self._not_set = self.tr("(not recorded)")

    # -- data in and out -------------------------------------------------------------------
    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._original = {r.member_id: (r.status, r.reason) for r in rows}
        self._values = dict(self._original)
        self.endResetModel()

    def set_expected(self, people: list[PersonRow]) -> None:
        """A new meeting (or a changed date or audience): the people due to attend, keeping
        anything already entered for those still expected."""
        kept = self._values
        rows = [AttendanceRow(p.member_id, p.name, p.group, *kept.get(p.member_id, (None, "")), True) for p in people]
        # Anyone recorded before (in the database) who is no longer expected stays visible.
        expected = {p.member_id for p in people}
        rows += [AttendanceRow(r.member_id, r.name, r.group, *kept.get(r.member_id, (None, "")), False)
                 for r in self._rows if r.member_id not in expected and self._original.get(r.member_id, (None, ""))[0]]
        self.beginResetModel()
        self._rows = rows
        self._values = {r.member_id: (r.status, r.reason) for r in rows}
        self.endResetModel()

    def entries(self) -> list[AttendanceEntry]:
        """What differs from what was loaded."""
        out = []
        for r in self._rows:
            value = self._values[r.member_id]
            if value != self._original.get(r.member_id, (None, "")):
                out.append(AttendanceEntry(r.member_id, value[0], value[1]))
        return out

    def status_of(self, member_id: int) -> AttendanceStatus | None:
        return self._values.get(member_id, (None, ""))[0]

    def mark_rest(self, status: AttendanceStatus) -> int:
        """Everyone expected with nothing recorded gets ``status``; returns how many."""
        n = 0
        for i, r in enumerate(self._rows):
            if r.expected and self._values[r.member_id][0] is None:
                self._values[r.member_id] = (status, "")
                n += 1
        if n:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
        return n

    def set_status(self, row: int, status: AttendanceStatus | None, reason: str | None = None) -> None:
        r = self._rows[row]
        old_status, old_reason = self._values[r.member_id]
        keep_reason = status in (AttendanceStatus.LEAVE, AttendanceStatus.ABSENT)
        new_reason = (old_reason if reason is None else reason) if keep_reason else ""
        self._values[r.member_id] = (status, new_reason)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def counts(self) -> tuple[int, int, int, int]:
        """(expected, present, on leave, absent)."""
        values = [self._values[r.member_id][0] for r in self._rows]
        return (sum(1 for r in self._rows if r.expected), values.count(AttendanceStatus.PRESENT),
                values.count(AttendanceStatus.LEAVE), values.count(AttendanceStatus.ABSENT))

    def member_at(self, row: int) -> int:
        return self._rows[row].member_id

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == COL_STATUS:
            flags |= Qt.ItemIsEditable
        elif index.column() == COL_REASON and self._values[self._rows[index.row()].member_id][0] in (
                AttendanceStatus.LEAVE, AttendanceStatus.ABSENT):
            flags |= Qt.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        status, reason = self._values[r.member_id]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == COL_NAME:
                return r.name
            if col == COL_GROUP:
                return r.group
            if col == COL_STATUS:
                if role == Qt.EditRole:
                    return status.value if status else ""
                return status.label if status else self._not_set
            if col == COL_REASON:
                return reason
        if role == STATUS_ROLE:
            return status.value if status else ""
        if role == Qt.BackgroundRole and status is not None and col == COL_STATUS:
            return COLOURS[status]
        if role == Qt.ForegroundRole and not r.expected:
            return NOT_EXPECTED
        if role == Qt.ToolTipRole and not r.expected:
            return self.tr("Not due to attend on the meeting's date (not on the roll then, or not in this meeting's audience)")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if not index.isValid() or role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        if index.column() == COL_STATUS:
            try:
                status = AttendanceStatus(value) if value else None
            except ValueError:
                return False
            self.set_status(index.row(), status)
            return True
        if index.column() == COL_REASON:
            r = self._rows[index.row()]
            status, _ = self._values[r.member_id]
            self._values[r.member_id] = (status, str(value).strip()[:200])
            self.dataChanged.emit(index, index)
            return True
        return False


class StatusDelegate(QStyledItemDelegate):
    """A combo box of the three states (and "not recorded") in the attendance column."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("(not recorded)"), "")
        for s in AttendanceStatus:
            combo.addItem(s.label, s.value)
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole) or ""), 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.EditRole)
