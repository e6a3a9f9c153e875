"""The audit log's lines as a read-only table, newest first (the order they are read in)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.audit import AuditLine

(COL_NUMBER, COL_AT, COL_ACTION, COL_SUBJECT, COL_DETAIL) = range(5)
COLUMN_COUNT = 5

SORT_ROLE = Qt.UserRole + 1

_DISPLAY, _TOOLTIP, _ALIGN = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.TextAlignmentRole)
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AuditLine] = []
        self._headers = [self.tr("No."), self.tr("Time"), self.tr("What"), self.tr("Concerning"), self.tr("Details")]

    def set_rows(self, rows: list[AuditLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def line(self, row: int) -> AuditLine:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == _DISPLAY and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlags:
        return _FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        line, col = self._rows[index.row()], index.column()
        if role in (_DISPLAY, _TOOLTIP):
            if col == COL_NUMBER:
                return str(line.number)
            if col == COL_AT:
                return line.at.strftime("%Y-%m-%d %H:%M:%S")
            if col == COL_ACTION:
                return line.label
            if col == COL_SUBJECT:
                return line.subject_text
            if col == COL_DETAIL:
                return line.detail_text
        if role == SORT_ROLE:
            return line.number
        if role == _ALIGN and col == COL_NUMBER:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
