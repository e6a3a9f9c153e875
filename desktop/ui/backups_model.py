"""The backups as a table: when, how big, where (the backup folder or the second location)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.services.backups import ListedBackup

COL_WHEN, COL_SIZE, COL_WHERE = range(3)
SORT_ROLE = Qt.UserRole + 1


def size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n, 1) / 1024:.0f} KB"


def backups_table(model: "BackupsModel") -> QTableView:
    """The read-only table of backups, as the settings section and the restore wizard show it:
    whole rows selected, the time and size as wide as their text, the place taking the rest."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(COL_WHERE, QHeaderView.Stretch)
    return table


class BackupsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ListedBackup] = []

    def set_rows(self, rows: list[ListedBackup]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup(self, row: int) -> ListedBackup | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Made at"), self.tr("Size"), self.tr("Where"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == COL_WHEN:
                return b.taken_at.strftime("%Y-%m-%d %H:%M")
            if col == COL_SIZE:
                return size_text(b.size)
            return self.tr("Second location") if b.second else self.tr("Backup folder")
        if role == SORT_ROLE:
            return (b.taken_at.isoformat(), b.size, int(b.second))[col]
        if role == Qt.ToolTipRole:
            return str(b.path)
        if role == Qt.TextAlignmentRole and col == COL_SIZE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
