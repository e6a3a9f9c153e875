"""Which months a member owes dues for, arrears, and the back-/prepayment window (DOMAIN §1).

Months are counted as one number, ``year * 12 + month - 1`` (``month_index``), so that spans
across New Year need no special case.

Decisions where the national text is silent (documented here and in the report):

- 第八条: a probationary member pays from the month the branch meeting admitted them, i.e.
  ``joined_on``'s month. Nothing is due before a member's joining month.
- A member who leaves the roll (转出 / 出党 / 去世) owes the month of the event and none after:
  the branch that transfers a member out collects up to that month (the introduction letter
  says how far dues are paid). Symmetrically, a member transferred *in* owes from the month
  after the transfer: the month of the transfer belongs to the branch they came from.
- 停止党籍: a member whose membership is suspended does not take part in organisational life
  or pay dues while it lasts. The month of the suspension is still due; the month it is
  restored is due again. A member marked suspended with no dated event owes nothing.
- 失联 (lost contact) changes nothing: the months stay due and the arrears grow, which is
  exactly what the six-month flag is for.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from core.i18n import translate
from core.members import EventKind, PartyStanding, RollStatus

# 党章: six consecutive months without paying dues (without proper reason) → regarded as
# having left the Party. The app flags; it never removes anyone (DOMAIN §1).
ARREARS_WARNING_MONTHS = 3
ARREARS_ALERT_MONTHS = 6
# 第十二条: back-payment (补交) and prepayment (预交) "generally ≤ 6 months"; a setting may
# make it stricter, never looser.
MAX_WINDOW_MONTHS = 6

_LEAVING = {EventKind.TRANSFER_OUT.value, EventKind.LEFT_PARTY.value, EventKind.DECEASED.value}
ROLL_EVENT_KINDS = frozenset(_LEAVING | {EventKind.TRANSFER_IN.value, EventKind.SUSPENDED.value,
                                         EventKind.RESTORED.value})


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def month_label(index: int) -> str:
    year, month = month_of(index)
    return translate("dues", "{year}-{month:02d}").format(year=year, month=month)


class ArrearsFlag(StrEnum):
    NONE = ""
    WARNING = "warning"  # ≥ 3 consecutive months unpaid
    ALERT = "alert"      # ≥ 6: the 自行脱党 condition of 党章 — for the branch meeting to judge

    @property
    def label(self) -> str:
        return {
            "": "",
            "warning": translate("dues", "Unpaid 3 months or more"),
            "alert": translate("dues", "Unpaid 6 months or more: regarded as having left the Party unless there is proper reason; for the branch meeting to decide"),
        }[self.value]


def arrears_flag(streak: int) -> ArrearsFlag:
    if streak >= ARREARS_ALERT_MONTHS:
        return ArrearsFlag.ALERT
    if streak >= ARREARS_WARNING_MONTHS:
        return ArrearsFlag.WARNING
    return ArrearsFlag.NONE


@dataclass(frozen=True)
class MemberSpan:
    """What decides a member's due months: the joining date and the dated roll events."""
    joined_on: date | None
    events: tuple[tuple[str, date], ...] = ()   # (EventKind value, date), any order
    roll_status: str = RollStatus.ACTIVE.value
    party_standing: str = PartyStanding.NORMAL.value


def due_months(span: MemberSpan, first: int, last: int) -> list[bool]:
    """For each month index from ``first`` to ``last`` inclusive: is a payment due?"""
    if not span.events and span.roll_status == RollStatus.ACTIVE.value and span.party_standing == PartyStanding.NORMAL.value:
        # Most members: on the roll all along, due from the month of joining.
        if span.joined_on is None:
            return [True] * (last - first + 1)
        start = span.joined_on.year * 12 + span.joined_on.month - 1
        return [month >= start for month in range(first, last + 1)]
    events = sorted(((month_index(on.year, on.month), kind) for kind, on in span.events if kind in ROLL_EVENT_KINDS),
                    key=lambda e: e[0])
    roll = [(m, k) for m, k in events if k in _LEAVING or k == EventKind.TRANSFER_IN.value]
    standing = [(m, k) for m, k in events if k in (EventKind.SUSPENDED.value, EventKind.RESTORED.value)]
    # A former member with no dated leaving event: nothing can be said to be due.
    if span.roll_status != RollStatus.ACTIVE.value and not any(k in _LEAVING for _, k in roll):
        return [False] * (last - first + 1)
    if span.party_standing == PartyStanding.SUSPENDED.value and not standing:
        return [False] * (last - first + 1)
    # (month from which the state holds, on the roll?) — leaving and arriving take effect the
    # month after the event; restoring membership takes effect in its own month.
    roll_changes = [(m + 1, k == EventKind.TRANSFER_IN.value) for m, k in roll]
    on_roll = not (roll and roll[0][1] == EventKind.TRANSFER_IN.value)
    standing_changes = [(m + 1, True) if k == EventKind.SUSPENDED.value else (m, False) for m, k in standing]
    suspended = False
    start = month_index(span.joined_on.year, span.joined_on.month) if span.joined_on else None
    out: list[bool] = []
    ri = si = 0
    for month in range(first, last + 1):
        while ri < len(roll_changes) and roll_changes[ri][0] <= month:
            on_roll = roll_changes[ri][1]
            ri += 1
        while si < len(standing_changes) and standing_changes[si][0] <= month:
            suspended = standing_changes[si][1]
            si += 1
        out.append(on_roll and not suspended and (start is None or month >= start))
    return out


def unpaid_streak(months: Sequence[tuple[int | None, int]]) -> int:
    """Consecutive unpaid months at the end of ``months`` (oldest first, each (due, paid) in
    fen; due None: not due). A month with anything paid counts as paid (a shortfall after a
    base rise is paid with the next payment, not arrears); a month not due ends the run."""
    streak = 0
    for due, paid in reversed(months):
        if due is None or due == 0 or paid > 0:
            break
        streak += 1
    return streak


class WindowError(ValueError):
    pass


def check_window(months: Iterable[int], paid_in: int, max_back: int = MAX_WINDOW_MONTHS,
                 max_ahead: int = MAX_WINDOW_MONTHS) -> None:
    """第十二条: a payment made in month ``paid_in`` may cover at most ``max_back`` months before
    it (补交) and ``max_ahead`` months after it (预交)."""
    months = sorted(months)
    if not months:
        raise WindowError(translate("dues", "Choose at least one month to pay for"))
    if months[0] < paid_in - max_back:
        raise WindowError(translate("dues", "Back-payment covers at most {n} months before the month of payment: {month} is too early. Older arrears are for the branch to settle with the member.").format(
            n=max_back, month=month_label(months[0])))
    if months[-1] > paid_in + max_ahead:
        raise WindowError(translate("dues", "Prepayment covers at most {n} months after the month of payment: {month} is too far ahead").format(
            n=max_ahead, month=month_label(months[-1])))
