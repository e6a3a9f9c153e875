"""Which months are due (probationary members from the month of admission, none after leaving
the roll, none while membership is suspended), arrears flags, the 6-month window."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from core.dues_months import (ArrearsFlag, MemberSpan, WindowError, arrears_flag, check_window, due_months,
                              month_index, month_of, unpaid_streak)

Y = 2026
JAN, DEC = month_index(Y, 1), month_index(Y, 12)


def months(span: MemberSpan) -> list[int]:
    return [m for m, due in zip(range(1, 13), due_months(span, JAN, DEC)) if due]


def test_month_index_round_trips():
    assert month_of(month_index(2026, 1)) == (2026, 1)
    assert month_of(month_index(2026, 12)) == (2026, 12)
    assert month_index(2027, 1) - month_index(2026, 12) == 1


def test_probationary_member_pays_from_the_month_of_admission():
    assert months(MemberSpan(joined_on=date(2026, 3, 28))) == list(range(3, 13))
    assert months(MemberSpan(joined_on=date(2025, 3, 28))) == list(range(1, 13))
    assert months(MemberSpan(joined_on=date(2027, 1, 1))) == []
    assert months(MemberSpan(joined_on=None)) == list(range(1, 13))


def test_nothing_due_after_leaving_the_roll():
    for kind in ("transfer_out", "left_party", "deceased"):
        span = MemberSpan(date(2000, 1, 1), ((kind, date(2026, 6, 15)),), roll_status="transferred_out")
        assert months(span) == list(range(1, 7))  # the month of leaving is still due


def test_transferred_in_owes_from_the_next_month():
    span = MemberSpan(date(2000, 1, 1), (("transfer_in", date(2026, 4, 2)),))
    assert months(span) == list(range(5, 13))
    # Out and back in again.
    span = MemberSpan(date(2000, 1, 1), (("transfer_out", date(2026, 2, 10)), ("transfer_in", date(2026, 8, 1))))
    assert months(span) == [1, 2] + list(range(9, 13))


def test_suspended_membership_owes_nothing_while_suspended():
    span = MemberSpan(date(2000, 1, 1), (("suspended", date(2026, 3, 5)), ("restored", date(2026, 7, 20))))
    assert months(span) == [1, 2, 3, 7, 8, 9, 10, 11, 12]
    # Marked suspended with no dated event: nothing can be asked.
    assert months(MemberSpan(date(2000, 1, 1), party_standing="suspended")) == []
    # A former member without a dated leaving event.
    assert months(MemberSpan(date(2000, 1, 1), roll_status="deceased")) == []


def test_lost_contact_stays_due():
    assert months(MemberSpan(date(2000, 1, 1), (("lost_contact", date(2026, 2, 1)),))) == list(range(1, 13))


def test_unpaid_streak_and_flags():
    assert unpaid_streak([(100, 100), (100, 0), (100, 0), (100, 0)]) == 3
    assert unpaid_streak([(100, 0), (None, 0), (100, 0)]) == 1   # a month not due ends the run
    assert unpaid_streak([(100, 0), (0, 0), (100, 0)]) == 1      # nor is an exempt month unpaid
    assert unpaid_streak([(100, 50), (100, 0)]) == 1             # a shortfall is not arrears
    assert unpaid_streak([]) == 0
    assert [arrears_flag(n) for n in (0, 2, 3, 5, 6, 12)] == [
        ArrearsFlag.NONE, ArrearsFlag.NONE, ArrearsFlag.WARNING, ArrearsFlag.WARNING, ArrearsFlag.ALERT, ArrearsFlag.ALERT]


def test_six_month_window_for_back_and_prepayment():
    nov = month_index(2026, 11)
    check_window(range(nov - 6, nov + 7), nov)  # May 2026 … May 2027
    with pytest.raises(WindowError, match="2026年4月"):
        check_window([nov - 7], nov)
    with pytest.raises(WindowError, match="2027年6月"):
        check_window([nov + 7], nov)
    with pytest.raises(WindowError):
        check_window([], nov)
    with pytest.raises(WindowError):
        check_window([nov + 4], nov, max_ahead=3)  # quarterly prepayment at most


@given(st.lists(st.tuples(st.sampled_from(["transfer_in", "transfer_out", "suspended", "restored", "lost_contact"]),
                          st.dates(date(2024, 1, 1), date(2028, 12, 31))), max_size=6),
       st.dates(date(2020, 1, 1), date(2028, 12, 31)))
def test_nothing_is_ever_due_before_joining(events, joined):
    span = MemberSpan(joined, tuple(events))
    start = month_index(joined.year, joined.month)
    for m, due in zip(range(JAN, DEC + 1), due_months(span, JAN, DEC)):
        if m < start:
            assert not due
    # The same months whichever way the range is cut.
    whole = due_months(span, JAN, DEC)
    assert due_months(span, JAN, JAN + 5) + due_months(span, JAN + 6, DEC) == whole
