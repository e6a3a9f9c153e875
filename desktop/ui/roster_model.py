"""The roster table: a QAbstractTableModel over a Python list of RosterRow.

No QSortFilterProxyModel: through a proxy, 100,000 Python rows took 0.6 s to filter and
15 s to sort (measured); filtering and sorting the list in Python and resetting the model
takes a fraction of that. The view calls ``sort`` on a header click.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.dues import DuesCategory
from core.members import Gender, MemberCategory, PartyStanding, RollStatus
from core.search import matches, normalise_query
from desktop.services.members import RosterRow

(COL_NAME, COL_GENDER, COL_CATEGORY, COL_GROUP, COL_ID, COL_BIRTH, COL_JOINED, COL_FULL,
 COL_EDUCATION, COL_POST, COL_DUES, COL_STATUS) = range(12)
COLUMN_COUNT = 12

# data(index, SORT_ROLE) is the value the column sorts by; ROW_ROLE gives the RosterRow.
SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
MEMBER_ID_ROLE = Qt.UserRole + 3

FORMER_COLOUR = QColor(128, 128, 128)

# Status filter values (besides a RollStatus value).
STATUS_ALL = ""
STATUS_SUSPENDED = "suspended"
STATUS_LOST = "lost_contact"
STATUS_MOBILE = "mobile"

_ACTIVE = RollStatus.ACTIVE.value
_DISPLAY, _TOOLTIP, _FOREGROUND = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.ForegroundRole)
_CELL_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, int(SORT_ROLE), int(ROW_ROLE), int(MEMBER_ID_ROLE)})


def _date_text(d: date | None) -> str:
    return d.isoformat() if d else ""


def _pinyin_sort_key(row: RosterRow) -> str:
    # name_key is "zw|zhangwei|…": initials, then the full spelling of the first reading.
    parts = row.name_key.split("|")
    return max(parts[:2], key=len) if parts and parts[0] else row.name


@dataclass(frozen=True)
class RosterFilter:
    query: str = ""          # as typed; normalised when applied
    category: str = ""       # MemberCategory value, "" for all
    group: str | None = None  # None for all; "" for members in no group
    status: str = STATUS_ALL
    show_former: bool = False


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[RosterRow] = []
        self._shown: list[RosterRow] = []
        self._in_scope = 0
        # The twelve cell texts of a row, made when the row is first painted: a repaint asks
        # for every visible cell in several roles, and a reset repaints everything.
        self._texts: dict[int, tuple[str, ...]] = {}
        self._filter = RosterFilter()
        self._sort_column = -1
        self._sort_order = Qt.AscendingOrder
        self._headers = [
            self.tr("Name"), self.tr("Gender"), self.tr("Category"), self.tr("Party group"),
            self.tr("ID number"), self.tr("Date of birth"), self.tr("Joined the Party"),
            self.tr("Became full member"), self.tr("Education"), self.tr("Post"),
            self.tr("Dues category"), self.tr("Status"),
        ]
        self._flag_words = (self.tr("Suspended"), self.tr("Lost contact"), self.tr("Mobile"))
        self._separator = self.tr(", ")
        self._status_format = self.tr("{status} ({flags})")
        self._sort_keys: dict[int, Callable[[RosterRow], Any]] = {
            COL_NAME: _pinyin_sort_key,
            COL_GENDER: lambda r: r.gender,
            COL_CATEGORY: lambda r: r.category,
            COL_GROUP: lambda r: r.group,
            COL_ID: lambda r: r.id_masked,
            COL_BIRTH: lambda r: r.birth_date,
            COL_JOINED: lambda r: r.joined_on,
            COL_FULL: lambda r: r.full_member_on,
            COL_EDUCATION: lambda r: r.education,
            COL_POST: lambda r: r.post,
            COL_DUES: lambda r: self._dues_text(r),
            # Members on the roll first, then by how unusual their standing is.
            COL_STATUS: lambda r: (r.roll_status != _ACTIVE, r.roll_status,
                                   r.party_standing != PartyStanding.NORMAL.value, r.lost_contact, r.mobile),
        }

    # -- data in -------------------------------------------------------------------
    def set_rows(self, rows: list[RosterRow]) -> None:
        self._all = list(rows)
        self._texts = {}
        self._refresh()

    def set_filter(self, flt: RosterFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self._refresh()

    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        # One pass over the list, everything inlined: at 10,000 members this loop is most of
        # a keystroke's budget (bench/bench_filter.py).
        f = self._filter
        q = normalise_query(f.query)
        status, category, group, show_former = f.status, f.category, f.group, f.show_former
        suspended = PartyStanding.SUSPENDED.value
        rows = []
        in_scope = 0
        for r in self._all:
            active = r.roll_status == _ACTIVE
            # On the roll, or a former member with former members shown (or asked for).
            if not (active or show_former or status == r.roll_status):
                continue
            in_scope += 1
            if category and r.category != category:
                continue
            if group is not None and r.group != group:
                continue
            if status:
                if status == STATUS_SUSPENDED:
                    if not active or r.party_standing != suspended:
                        continue
                elif status == STATUS_LOST:
                    if not active or not r.lost_contact:
                        continue
                elif status == STATUS_MOBILE:
                    if not active or not r.mobile:
                        continue
                elif r.roll_status != status:
                    continue
            if q and not matches(q, r.name, r.name_key, r.id_number):
                continue
            rows.append(r)
        if self._sort_column in self._sort_keys:
            key = self._sort_keys[self._sort_column]
            # Empty values (no date, no group) go last whichever way the column sorts.
            present = [r for r in rows if key(r) not in (None, "")]
            empty = [r for r in rows if key(r) in (None, "")]
            present.sort(key=key, reverse=self._sort_order == Qt.DescendingOrder)
            rows = present + empty
        self.beginResetModel()
        self._shown = rows
        self._in_scope = in_scope
        self.endResetModel()

    # -- counts --------------------------------------------------------------------
    def total_in_scope(self) -> int:
        """Members the count label calls 共: those on the roll (and former, when shown)."""
        return self._in_scope

    def row_at(self, row: int) -> RosterRow:
        return self._shown[row]

    def row_of_member(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self._shown) if r.id == member_id), -1)

    def groups(self) -> list[str]:
        # The service lists members in group order, so first appearance is the group's place.
        return list(dict.fromkeys(r.group for r in self._all if r.group))

    # -- Qt interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell; most are answered "nothing" before any work.
        if role not in _ROLES:
            return None
        r = index.row()
        if not (0 <= r < len(self._shown)) or not index.isValid():
            return None
        row = self._shown[r]
        col = index.column()
        if role == _DISPLAY or role == _TOOLTIP:
            texts = self._texts.get(row.id)
            if texts is None:
                texts = self._texts[row.id] = tuple(self._display(row, c) for c in range(COLUMN_COUNT))
            # Columns are sized for the usual text; the tooltip shows what is elided.
            return texts[col] if role == _DISPLAY else (texts[col] or None)
        if role == _FOREGROUND:
            return FORMER_COLOUR if row.roll_status != _ACTIVE else None
        if role == SORT_ROLE:
            value = self._sort_keys[col](row)
            return value.isoformat() if isinstance(value, date) else (value if isinstance(value, str) else str(value))
        if role == ROW_ROLE:
            return row
        if role == MEMBER_ID_ROLE:
            return row.id
        return None

    def _dues_text(self, row: RosterRow) -> str:
        return DuesCategory(row.dues_category).label if row.dues_category else ""

    def status_text(self, row: RosterRow) -> str:
        status = RollStatus(row.roll_status).label
        if row.roll_status != _ACTIVE:
            return status
        flags = [word for word, on in zip(self._flag_words, (
            row.party_standing == PartyStanding.SUSPENDED.value, row.lost_contact, row.mobile)) if on]
        return self._status_format.format(status=status, flags=self._separator.join(flags)) if flags else status

    def _display(self, row: RosterRow, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_GENDER:
            return Gender(row.gender).label if row.gender else ""
        if col == COL_CATEGORY:
            return MemberCategory(row.category).label if row.category else ""
        if col == COL_GROUP:
            return row.group
        if col == COL_ID:
            return row.id_masked  # never the full number on screen
        if col == COL_BIRTH:
            return _date_text(row.birth_date)
        if col == COL_JOINED:
            return _date_text(row.joined_on)
        if col == COL_FULL:
            return _date_text(row.full_member_on)
        if col == COL_EDUCATION:
            return row.education
        if col == COL_POST:
            return row.post
        if col == COL_DUES:
            return self._dues_text(row)
        if col == COL_STATUS:
            return self.status_text(row)
        return ""
