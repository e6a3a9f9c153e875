"""The meetings list: a QAbstractTableModel over a Python list of MeetingRow, filtered and
sorted in Python (no proxy model over Python rows; see roster_model.py for the measurements)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.meetings import MeetingType
from desktop.services.meetings import MeetingRow

(COL_START, COL_TYPE, COL_TITLE, COL_WHO, COL_PLACE, COL_HOST, COL_ATTENDANCE, COL_FILES) = range(8)
COLUMN_COUNT = 8

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
MEETING_ID_ROLE = Qt.UserRole + 3

PLANNED_COLOUR = QColor(25, 118, 210)  # a meeting still to come reads as a plan, not a record

_DISPLAY, _TOOLTIP, _FOREGROUND = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.ForegroundRole)
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable


@dataclass(frozen=True)
class MeetingFilter:
    kind: MeetingType | None = None
    year: int | None = None
    query: str = ""


class MeetingsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[MeetingRow] = []
        self._shown: list[MeetingRow] = []
        self._filter = MeetingFilter()
        self._sort_column = -1
        self._sort_order = Qt.AscendingOrder
        self._headers = [self.tr("Date and time"), self.tr("Type"), self.tr("Topic"), self.tr("Who attends"),
                         self.tr("Place"), self.tr("Host"), self.tr("Attendance"), self.tr("Files")]
        self._sort_keys: dict[int, Callable[[MeetingRow], Any]] = {
            COL_START: lambda r: r.start,
            COL_TYPE: lambda r: list(MeetingType).index(r.type),
            COL_TITLE: lambda r: r.title,
            COL_WHO: lambda r: self._who(r),
            COL_PLACE: lambda r: r.place,
            COL_HOST: lambda r: r.host,
            COL_ATTENDANCE: lambda r: (r.present, -r.absent),
            COL_FILES: lambda r: r.attachments,
        }

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: list[MeetingRow]) -> None:
        self._all = list(rows)
        self._refresh()

    def set_filter(self, flt: MeetingFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        f = self._filter
        q = f.query.strip().lower()
        rows = [r for r in self._all
                if (f.kind is None or r.type is f.kind)
                and (f.year is None or r.start.year == f.year)
                and (not q or q in r.title.lower() or q in r.place.lower() or q in r.host.lower() or q in r.talk.lower()
                     or q in r.group.lower())]
        if self._sort_column in self._sort_keys:
            rows.sort(key=self._sort_keys[self._sort_column], reverse=self._sort_order == Qt.DescendingOrder)
        self.beginResetModel()
        self._shown = rows
        self.endResetModel()

    # -- looking up ----------------------------------------------------------------------
    def row_at(self, row: int) -> MeetingRow:
        return self._shown[row]

    def row_of_meeting(self, meeting_id: int) -> int:
        return next((i for i, r in enumerate(self._shown) if r.id == meeting_id), -1)

    def years(self) -> list[int]:
        return sorted({r.start.year for r in self._all}, reverse=True)

    def total(self) -> int:
        return len(self._all)

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        row = self._shown[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == _TOOLTIP:
            if not row.held:
                return self.tr("Not yet held: it ends {end}").format(end=row.end.strftime("%Y-%m-%d %H:%M"))
            return self._display(row, col) or None
        if role == _FOREGROUND:
            return PLANNED_COLOUR if not row.held else None
        if role == SORT_ROLE:
            value = self._sort_keys[col](row)
            return value.isoformat() if isinstance(value, datetime) else (value if isinstance(value, (str, int)) else str(value))
        if role == ROW_ROLE:
            return row
        if role == MEETING_ID_ROLE:
            return row.id
        return None

    def _who(self, row: MeetingRow) -> str:
        if row.type is MeetingType.TALK:
            return row.talk
        if row.group:
            return row.group
        return row.audience.label

    def _display(self, row: MeetingRow, col: int) -> str:
        if col == COL_START:
            return f"{row.start:%Y-%m-%d %H:%M}"
        if col == COL_TYPE:
            return row.type.label
        if col == COL_TITLE:
            return row.title
        if col == COL_WHO:
            return self._who(row)
        if col == COL_PLACE:
            return row.place
        if col == COL_HOST:
            return row.host
        if col == COL_ATTENDANCE:
            if not (row.present or row.leave or row.absent):
                return ""
            return self.tr("{present} present, {leave} on leave, {absent} absent").format(
                present=row.present, leave=row.leave, absent=row.absent)
        if col == COL_FILES:
            return str(row.attachments) if row.attachments else ""
        return ""
