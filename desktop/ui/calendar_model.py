"""The compliance calendar as a table: one row per meeting type (per 党小组 for 党小组会), twelve
month columns; a quarter's cell spans three months and a year's all twelve (the view sets the
spans from ``span_at``)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from core.meetings import ComplianceRow, PeriodKind, PeriodStatus, State, Unit
from desktop.services.compliance import CalendarYear

MONTHS = 12
STATUS_ROLE = Qt.UserRole + 1   # the PeriodStatus of the cell (None off a period's first month)
ROW_ROLE = Qt.UserRole + 2      # the ComplianceRow

# Colours a secretary reads at a glance: green held, red overdue, orange due soon.
COLOURS: dict[State, QColor] = {
    State.SATISFIED: QColor("#c8e6c9"),
    State.OVERDUE: QColor("#ef9a9a"),
    State.DUE_SOON: QColor("#ffcc80"),
    State.OPEN: QColor("#fff9c4"),
    State.UPCOMING: QColor("#fafafa"),
    State.NOT_TRACKED: QColor("#e0e0e0"),
    State.NOT_REQUIRED: QColor("#eeeeee"),
}
TEXT_COLOURS: dict[State, QColor] = {
    State.OVERDUE: QColor("#8e0000"),
    State.NOT_TRACKED: QColor("#757575"),
    State.NOT_REQUIRED: QColor("#757575"),
    State.UPCOMING: QColor("#757575"),
}
_WIDTH = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}


class CalendarModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._year: CalendarYear | None = None
        self._rows: list[ComplianceRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_year(self, year: CalendarYear) -> None:
        self.beginResetModel()
        self._year = year
        self._rows = list(year.rows)
        self.endResetModel()

    @property
    def year(self) -> CalendarYear | None:
        return self._year

    def row_at(self, row: int) -> ComplianceRow:
        return self._rows[row]

    def status_at(self, row: int, column: int) -> PeriodStatus | None:
        """The period whose cell covers ``column`` (a quarter covers three months)."""
        r = self._rows[row]
        width = _WIDTH[r.requirement.period]
        index = column // width
        return r.periods[index] if index < len(r.periods) else None

    def span_at(self, row: int) -> int:
        return _WIDTH[self._rows[row].requirement.period]

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else MONTHS

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal:
            if role == Qt.DisplayRole and 0 <= section < MONTHS:
                return self.tr("{month}").format(month=section + 1)
            return None
        if not (0 <= section < len(self._rows)):
            return None
        r = self._rows[section]
        if role == Qt.DisplayRole:
            name = r.type.label if not r.unit_label else f"{r.type.label} · {r.unit_label}"
            return f"{name}\n{self._requirement_text(r)}"
        if role == Qt.ToolTipRole:
            return self._requirement_text(r)
        return None

    def _requirement_text(self, r: ComplianceRow) -> str:
        if r.unit is Unit.PAIR:
            return self.tr("each pair {requirement}").format(requirement=r.requirement.label)
        if r.unit is Unit.GROUP:
            return self.tr("each group {requirement}").format(requirement=r.requirement.label)
        return r.requirement.label

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        st = self.status_at(index.row(), index.column())
        if role == ROW_ROLE:
            return self._rows[index.row()]
        if st is None:
            return None
        if role == STATUS_ROLE:
            return st
        if role == Qt.DisplayRole:
            return self._cell_text(st)
        if role == Qt.BackgroundRole:
            return COLOURS[st.state]
        if role == Qt.ForegroundRole:
            return TEXT_COLOURS.get(st.state)
        if role == Qt.FontRole and st.state is State.OVERDUE:
            return self._bold
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.ToolTipRole:
            return self._tooltip(self._rows[index.row()], st)
        return None

    def _cell_text(self, st: PeriodStatus) -> str:
        if st.state in (State.NOT_TRACKED, State.NOT_REQUIRED) or (st.state is State.UPCOMING and not st.planned):
            return "—" if st.state is not State.UPCOMING else ""
        text = f"{st.held}/{st.required}"
        if st.planned:
            text = self.tr("{text} (+{planned} planned)").format(text=text, planned=st.planned)
        return text

    def _tooltip(self, row: ComplianceRow, st: PeriodStatus) -> str:
        lines = [self.tr("{period}: {state}").format(period=st.period.label, state=st.state.label)]
        if st.state is not State.NOT_REQUIRED:
            if row.unit is Unit.PAIR:
                lines.append(self.tr("{held} of {required} pairs have talked").format(held=st.held, required=st.required))
            else:
                lines.append(self.tr("Held {held} of {required} required").format(held=st.held, required=st.required))
        if st.planned:
            lines.append(self.tr("{n} recorded but not yet held").format(n=st.planned))
        if st.days_left is not None:
            lines.append(self.tr("{days} days left in this period").format(days=st.days_left))
        if st.state is State.NOT_TRACKED and self._year is not None:
            lines.append(self.tr("Records here begin on {day}").format(day=self._year.since.isoformat()))
        return "\n".join(lines)
