"""Tables of the import preview: the rows that will be imported, and the rows that will not."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core import idnumber
from core.members import field_label
from desktop.ui.widgets import WARNING_COLOUR

if TYPE_CHECKING:
    from desktop.services.importer import PlannedRow, RowProblem

SORT_ROLE = Qt.UserRole + 1

PLAN_COL_ROW, PLAN_COL_NAME, PLAN_COL_ID, PLAN_COL_ACTION, PLAN_COL_WARNINGS = range(5)
PROBLEM_COL_ROW, PROBLEM_COL_REASON = range(2)


def field_text(name: str | None) -> str | None:
    """A member field in the user's words; None for what is not a member field (序号)."""
    if not name:
        return None
    try:
        return field_label(name)
    except KeyError:
        return None


class _ListModel(QAbstractTableModel):
    """A read-only table over a Python list; subclasses give headers and cell values."""

    def __init__(self, rows: list, parent=None):
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self._text(item, index.column())
        if role == SORT_ROLE:
            return item.row if index.column() == 0 else self._text(item, index.column())
        if role == Qt.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return self._extra(item, index.column(), role)

    def _extra(self, item, column: int, role: int) -> Any:
        return None


class PlanRowsModel(_ListModel):
    """PlannedRow: spreadsheet row, name, masked ID, 新增/更新, warnings."""

    def __init__(self, rows: list["PlannedRow"], parent=None):
        super().__init__(rows, parent)
        self._headers = [self.tr("Row"), self.tr("Name"), self.tr("ID number"), self.tr("Action"), self.tr("Warnings")]
        self._actions = {"create": self.tr("New"), "update": self.tr("Update")}
        self._separator = self.tr("; ")

    def _text(self, item: "PlannedRow", column: int) -> str:
        if column == PLAN_COL_ROW:
            return str(item.row)
        if column == PLAN_COL_NAME:
            return item.record.name
        if column == PLAN_COL_ID:
            return idnumber.mask(item.record.id_number)
        if column == PLAN_COL_ACTION:
            return self._actions.get(item.action, item.action)
        if column == PLAN_COL_WARNINGS:
            return self._separator.join(item.warnings)
        return ""

    def _extra(self, item: "PlannedRow", column: int, role: int) -> Any:
        if role == Qt.ForegroundRole and column == PLAN_COL_WARNINGS and item.warnings:
            return QColor(WARNING_COLOUR)
        return None


class ProblemsModel(_ListModel):
    """RowProblem: spreadsheet row and the reason (which names the column concerned)."""

    def __init__(self, rows: list["RowProblem"], parent=None):
        super().__init__(rows, parent)
        self._headers = [self.tr("Row"), self.tr("Reason")]

    def _text(self, item: "RowProblem", column: int) -> str:
        if column == PROBLEM_COL_ROW:
            return str(item.row)
        if column == PROBLEM_COL_REASON:
            return item.message
        return ""
