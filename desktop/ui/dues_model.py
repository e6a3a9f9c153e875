"""The dues tables: the year ledger (one row per member, one column per month), payments and
remittances — QAbstractTableModels over Python lists, filtered and sorted in Python like the
roster (a QSortFilterProxyModel took 15 s to sort 100,000 rows; see roster_model.py)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from core.dues import RATE_CATEGORIES, DuesCategory, DuesRuleError, parse_base
from core.dues_months import ArrearsFlag, month_index
from core.members import RollStatus
from core.search import matches, normalise_query
from desktop.services.dues import KIND_VOLUNTARY, PaymentRow, RemittanceRow, fen_text, method_label, problem_text
from desktop.services.dues_ledger import Ledger, LedgerRow

(COL_NAME, COL_GROUP, COL_CATEGORY, COL_BASE, COL_STANDARD, COL_MONTHLY, COL_ARREARS) = range(7)
COL_FIRST_MONTH = 7                      # January; December is COL_FIRST_MONTH + 11
COL_DUE_TOTAL, COL_PAID_TOTAL = 19, 20
COLUMN_COUNT = 21

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
MEMBER_ID_ROLE = Qt.UserRole + 3
STATE_ROLE = Qt.UserRole + 4             # a month cell's state (below)

# A month cell's state.
NOT_OWED, PAID, PARTIAL, UNPAID, OPEN, EXEMPT, UNKNOWN, BEFORE_RECORDS = range(8)

PAID_BG, UNPAID_BG, PARTIAL_BG = QColor("#e8f5e9"), QColor("#ffebee"), QColor("#fff3e0")
UNPAID_FG, MUTED_FG = QColor("#b71c1c"), QColor(150, 150, 150)
ALERT_BG, WARNING_BG = QColor("#ef9a9a"), QColor("#ffe0b2")

_DISPLAY, _TOOLTIP, _EDIT = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.EditRole)
_BG, _FG, _ALIGN = int(Qt.BackgroundRole), int(Qt.ForegroundRole), int(Qt.TextAlignmentRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _EDIT, _BG, _FG, _ALIGN, int(SORT_ROLE), int(ROW_ROLE),
                    int(MEMBER_ID_ROLE), int(STATE_ROLE)})
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
_CENTRE = int(Qt.AlignCenter)


@dataclass(frozen=True)
class LedgerFilter:
    query: str = ""
    group: str | None = None     # None: every group
    arrears_only: bool = False
    show_former: bool = True     # members who left during the year still owe their months


class LedgerModel(QAbstractTableModel):
    """``baseEdited(member_id, fen)`` when a base is typed into the table (the page records
    it as the year's base)."""

    baseEdited = Signal(int, int)
    editRefused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self._all: list[LedgerRow] = []
        self._shown: list[LedgerRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}
        self._filter = LedgerFilter()
        self._sort_column = -1
        self._sort_order = Qt.AscendingOrder
        self._since = None
        self._ref = 12
        self._year = 0
        # The arrears before the months: on a 1366-pixel screen it stays in view.
        self._headers = ([self.tr("Name"), self.tr("Party group"), self.tr("Category"), self.tr("Monthly base"),
                          self.tr("Rate"), self.tr("Monthly dues"), self.tr("Arrears")]
                         # The locale's short month names: 1月 … 12月, or Jan … Dec.
                         + [QLocale().standaloneMonthName(n, QLocale.ShortFormat) for n in range(1, 13)]
                         + [self.tr("Due"), self.tr("Paid")])
        self._words = {"unpaid": self.tr("Owed"), "exempt": self.tr("Exempt"), "not_owed": "—", "unknown": "?",
                       "months": self.tr("{n} mo.")}
        self._sort_keys: dict[int, Callable[[LedgerRow], Any]] = {
            COL_NAME: lambda r: max(r.name_key.split("|")[:2], key=len) if r.name_key else r.name,
            COL_GROUP: lambda r: r.group,
            COL_CATEGORY: lambda r: r.category,
            COL_BASE: lambda r: r.base_fen,
            COL_STANDARD: lambda r: r.rate,
            COL_MONTHLY: lambda r: r.monthly_fen,
            COL_DUE_TOTAL: lambda r: r.due_total,
            COL_PAID_TOTAL: lambda r: r.paid_total,
            COL_ARREARS: lambda r: (r.streak, r.unpaid_months),
        }
        for m in range(12):
            self._sort_keys[COL_FIRST_MONTH + m] = (lambda i: lambda r: (self._state(r, i), r.paid[i]))(m)

    # -- data in -------------------------------------------------------------------------
    def set_ledger(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._all = list(ledger.rows)
        self._since = ledger.records_since
        self._ref = ledger.reference_month
        self._year = ledger.year
        self._texts = {}
        self._refresh()

    def replace_rows(self, rows: list[LedgerRow]) -> None:
        """Fresh rows for some members (after a payment): the rest stays as it was."""
        by_id = {r.member_id: r for r in rows}
        self._all = [by_id.pop(r.member_id, r) for r in self._all] + list(by_id.values())
        for mid in [r.member_id for r in rows]:
            self._texts.pop(mid, None)
        self._refresh()

    def set_filter(self, flt: LedgerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        f = self._filter
        q = normalise_query(f.query)
        active = RollStatus.ACTIVE.value
        rows = [r for r in self._all
                if (f.show_former or r.roll_status == active)
                and (f.group is None or r.group == f.group)
                and (not f.arrears_only or r.flag or r.unpaid_months or r.shortfall)
                and (not q or matches(q, r.name, r.name_key, ""))]
        if self._sort_column in self._sort_keys:
            key = self._sort_keys[self._sort_column]
            present = [r for r in rows if key(r) not in (None, "")]
            empty = [r for r in rows if key(r) in (None, "")]
            present.sort(key=key, reverse=self._sort_order == Qt.DescendingOrder)
            rows = present + empty
        self.beginResetModel()
        self._shown = rows
        self.endResetModel()

    # -- reading -------------------------------------------------------------------------
    def row_at(self, row: int) -> LedgerRow:
        return self._shown[row]

    def row_of_member(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self._shown) if r.member_id == member_id), -1)

    def member(self, member_id: int) -> LedgerRow | None:
        return next((r for r in self._all if r.member_id == member_id), None)

    def all_rows(self) -> list[LedgerRow]:
        return self._all

    def groups(self) -> list[str]:
        return list(dict.fromkeys(r.group for r in self._all if r.group))

    def _state(self, r: LedgerRow, i: int) -> int:
        paid, due = r.paid[i], r.due[i]
        if not r.owed[i]:
            return PAID if paid > 0 else NOT_OWED
        if due is None:
            return PAID if paid > 0 else UNKNOWN
        if due == 0:
            return EXEMPT
        if paid >= due:
            return PAID
        if paid > 0:
            return PARTIAL
        if i + 1 > self._ref:
            return OPEN
        if self._since is None or month_index(self._year, i + 1) < self._since:
            return BEFORE_RECORDS
        return UNPAID

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Qt.DisplayRole:
                return self._headers[section]
            if role == Qt.ToolTipRole and section == COL_BASE:
                return self.tr("Double-click to type this year's base (月工资收入, after tax)")
        return None

    def editable(self, r: LedgerRow) -> bool:
        """The base is typed into the table as the year's base; a member whose base changed
        during the year is changed through “Set base…”, which shows the dated history."""
        return bool(r.category) and DuesCategory(r.category) in RATE_CATEGORIES and not r.base_changes

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == COL_BASE and 0 <= index.row() < len(self._shown) and self.editable(self._shown[index.row()]):
            flags |= Qt.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role not in _ROLES:
            return None
        i = index.row()
        if not (0 <= i < len(self._shown)) or not index.isValid():
            return None
        r = self._shown[i]
        col = index.column()
        month = col - COL_FIRST_MONTH if COL_FIRST_MONTH <= col < COL_FIRST_MONTH + 12 else -1
        if role == _DISPLAY:
            texts = self._texts.get(r.member_id)
            if texts is None:
                texts = self._texts[r.member_id] = tuple(self._display(r, c) for c in range(COLUMN_COUNT))
            return texts[col]
        if role == _EDIT:
            return fen_text(r.base_fen) if col == COL_BASE else None
        if role == _ALIGN:
            return _RIGHT if col in (COL_BASE, COL_MONTHLY, COL_DUE_TOTAL, COL_PAID_TOTAL) else (_CENTRE if month >= 0 or col in (COL_STANDARD, COL_ARREARS) else None)
        if role == _BG:
            if month >= 0:
                state = self._state(r, month)
                return {PAID: PAID_BG, UNPAID: UNPAID_BG, PARTIAL: PARTIAL_BG}.get(state)
            if col == COL_ARREARS:
                return {ArrearsFlag.ALERT.value: ALERT_BG, ArrearsFlag.WARNING.value: WARNING_BG}.get(r.flag)
            return None
        if role == _FG:
            if month >= 0:
                state = self._state(r, month)
                return UNPAID_FG if state == UNPAID else (MUTED_FG if state in (NOT_OWED, EXEMPT, BEFORE_RECORDS) else None)
            return MUTED_FG if r.roll_status != RollStatus.ACTIVE.value else None
        if role == _TOOLTIP:
            return self._tooltip(r, col, month)
        if role == SORT_ROLE:
            value = self._sort_keys[col](r) if col in self._sort_keys else self._display(r, col)
            return str(value)
        if role == STATE_ROLE:
            return self._state(r, month) if month >= 0 else None
        if role == ROW_ROLE:
            return r
        if role == MEMBER_ID_ROLE:
            return r.member_id
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role != Qt.EditRole or index.column() != COL_BASE or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        r = self._shown[index.row()]
        try:
            base = parse_base(str(value))
        except DuesRuleError as err:
            self.editRefused.emit(str(err))
            return False
        fen = int(base * 100)
        if fen != r.base_fen:
            self.baseEdited.emit(r.member_id, fen)  # the page records it and gives fresh rows
        return True

    def _display(self, r: LedgerRow, col: int) -> str:
        if col == COL_NAME:
            return r.name
        if col == COL_GROUP:
            return r.group
        if col == COL_CATEGORY:
            return DuesCategory(r.category).label if r.category else ""
        if col == COL_BASE:
            return fen_text(r.base_fen) if r.category and DuesCategory(r.category) in RATE_CATEGORIES else ""
        if col == COL_STANDARD:
            return self.standard(r)
        if col == COL_MONTHLY:
            return fen_text(r.monthly_fen) if r.monthly_fen is not None else self._words["unknown"]
        if COL_FIRST_MONTH <= col < COL_FIRST_MONTH + 12:
            i = col - COL_FIRST_MONTH
            state = self._state(r, i)
            if state in (PAID, PARTIAL):
                return fen_text(r.paid[i])
            return {UNPAID: self._words["unpaid"], NOT_OWED: self._words["not_owed"], EXEMPT: self._words["exempt"],
                    UNKNOWN: self._words["unknown"]}.get(state, "")
        if col == COL_DUE_TOTAL:
            return fen_text(r.due_total)
        if col == COL_PAID_TOTAL:
            return fen_text(r.paid_total)
        if col == COL_ARREARS:
            return self._words["months"].format(n=r.streak) if r.streak else ""
        return ""

    def arrears_text(self, months: int) -> str:
        return self._words["months"].format(n=months)

    def standard(self, r: LedgerRow) -> str:
        """执行标准: the rate, or how a fixed or approved amount comes about."""
        if r.rate is not None:
            return f"{(r.rate * 100).normalize():f}%"
        if not r.category:
            return ""
        category = DuesCategory(r.category)
        if category is DuesCategory.EXEMPT:
            return self.tr("Exempt")
        if category is DuesCategory.REDUCED:
            return self.tr("Approved")
        return self.tr("Fixed")

    def _tooltip(self, r: LedgerRow, col: int, month: int) -> str | None:
        if month >= 0:
            state = self._state(r, month)
            due = r.due[month]
            text = self.tr("{name}, month {month}: due {due}, paid {paid}").format(
                name=r.name, month=month + 1, due=fen_text(due) if due is not None else "?", paid=fen_text(r.paid[month]))
            extra = {
                NOT_OWED: self.tr("Nothing due: not yet a member of this branch, no longer on its roll, or membership suspended"),
                PARTIAL: self.tr("Paid before the base rose: {amount} still due with the next payment").format(
                    amount=fen_text((due or 0) - r.paid[month])),
                UNKNOWN: problem_text(r.problem),
                BEFORE_RECORDS: self.tr("Before the dues records in this program begin"),
                EXEMPT: self.tr("Exempt (approved)"),
            }.get(state)
            return text + ("\n" + extra if extra else "")
        if col == COL_ARREARS and r.flag:
            return ArrearsFlag(r.flag).label
        if col in (COL_NAME, COL_MONTHLY) and r.problem:
            return problem_text(r.problem)
        if col == COL_BASE:
            if r.from_roster:
                return self.tr("From the roster; not yet fixed for this year")
            if r.base_changes:
                return self.tr("The base changed during the year: use “Set base…” to see and change it")
        if col == COL_STANDARD and r.approved_by:
            return self.tr("Approved by {body} on {date}").format(body=r.approved_by, date=r.approved_on.isoformat() if r.approved_on else "")
        text = self._display(r, col)
        return text or None


class _ListModel(QAbstractTableModel):
    """A read-only table over a list of rows and a function giving each cell's text."""

    right_columns: frozenset[int] = frozenset()

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = headers
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
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self._headers)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            text = self.text(row, index.column())
            return text if role == Qt.DisplayRole else (text or None)
        if role == Qt.ForegroundRole:
            return self.foreground(row)
        if role == Qt.TextAlignmentRole and index.column() in self.right_columns:
            return _RIGHT
        if role == ROW_ROLE:
            return row
        return None

    def text(self, row, column: int) -> str:
        raise NotImplementedError

    def foreground(self, row) -> QColor | None:
        return None


class PaymentsModel(_ListModel):
    right_columns = frozenset({3})

    def __init__(self, parent=None):
        super().__init__([self.tr("Date"), self.tr("Name"), self.tr("Months"), self.tr("Amount"), self.tr("Method"),
                          self.tr("Receipt no."), self.tr("Paid by"), self.tr("Note")], parent)

    def text(self, p: PaymentRow, column: int) -> str:
        if column == 0:
            return p.paid_on.isoformat()
        if column == 1:
            return p.name
        if column == 2:
            return self.tr("Voluntary extra") if p.kind == KIND_VOLUNTARY and not p.months else p.months_text
        if column == 3:
            return fen_text(p.amount_fen)
        if column == 4:
            return method_label(p.method)
        if column == 5:
            return p.receipt_no
        if column == 6:
            return p.paid_by
        if p.reverses_id:
            return self.tr("Reversal of entry {id}: {reason}").format(id=p.reverses_id, reason=p.note)
        if p.reversed_by:
            return self.tr("Reversed (entry {id})").format(id=p.reversed_by) + (self.tr("; ") + p.note if p.note else "")
        if p.kind == KIND_VOLUNTARY and p.amount_fen >= 100000:
            return self.tr("Voluntary, 1000 yuan or more: goes entirely to the Central Committee") + (self.tr("; ") + p.note if p.note else "")
        return p.note

    def foreground(self, p: PaymentRow) -> QColor | None:
        return MUTED_FG if p.reverses_id or p.reversed_by else None


class RemittancesModel(_ListModel):
    right_columns = frozenset({1})

    def __init__(self, parent=None):
        super().__init__([self.tr("Date"), self.tr("Amount"), self.tr("Handed to"), self.tr("Receipt no."), self.tr("Note")], parent)

    def text(self, r: RemittanceRow, column: int) -> str:
        if column == 0:
            return r.remitted_on.isoformat()
        if column == 1:
            return fen_text(r.amount_fen)
        if column == 2:
            return r.recipient
        if column == 3:
            return r.receipt_no
        if r.reverses_id:
            return self.tr("Reversal of entry {id}: {reason}").format(id=r.reverses_id, reason=r.note)
        if r.reversed_by:
            return self.tr("Reversed (entry {id})").format(id=r.reversed_by)
        return r.note

    def foreground(self, r: RemittanceRow) -> QColor | None:
        return MUTED_FG if r.reverses_id or r.reversed_by else None


class RowsModel(_ListModel):
    """Rows of a preview (the payroll import): each row a tuple of texts; ``right`` names the
    columns of amounts."""

    def __init__(self, headers: list[str], parent=None, right: frozenset[int] = frozenset()):
        super().__init__(headers, parent)
        self.right_columns = right

    def text(self, row: tuple, column: int) -> str:
        value = row[column]
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return "" if value is None else str(value)
