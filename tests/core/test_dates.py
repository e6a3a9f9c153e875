"""Reading the dates secretaries type (1998.07, 1998年7月1日 …) and the cells spreadsheets hold."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from core.dates import DateError, add_years, age_on, parse_date

JULY_1 = date(1998, 7, 1)


@pytest.mark.parametrize("text", [
    "1998.07", "1998.7", "1998年7月1日", "1998年07月01日", "1998年7月", "1998/7/1", "1998/07/01",
    "1998-07-01", "1998-7-1", "1998.7.1", "19980701", "199807",
    "1998-07-01 00:00:00", "1998-07-01T00:00:00", "1998/7/1 0:00",
    "１９９８年７月１日", "１９９８．０７", "１９９８－０７－０１",
    " 1998 年 7 月 1 日 ",
])
def test_the_ways_people_write_1_july_1998(text):
    assert parse_date(text) == JULY_1


def test_month_only_means_the_first_of_the_month():
    # Rosters often give 入党时间 to the month only.
    assert parse_date("2005.11") == date(2005, 11, 1)
    assert parse_date("2005年11月") == date(2005, 11, 1)


def test_date_cells():
    assert parse_date(datetime(1998, 7, 1, 14, 30)) == JULY_1
    assert parse_date(JULY_1) == JULY_1


def test_excel_serial_numbers():
    # A date cell that lost its format shows as the day count from 1899-12-30.
    assert parse_date(35977) == JULY_1
    assert parse_date(35977.0) == JULY_1
    assert parse_date(35977.6) == JULY_1  # with a time of day


@pytest.mark.parametrize("number, expected", [
    (1998.07, date(1998, 7, 1)),   # typed 1998.07 into a cell Excel kept as a number
    (1998.11, date(1998, 11, 1)),
    (1998.12, date(1998, 12, 1)),
    (1998.9, date(1998, 9, 1)),    # 1998.09 as a number
    (19980701, date(1998, 7, 1)),  # typed 19980701 into a number cell
    (199807, date(1998, 7, 1)),
])
def test_dates_typed_into_number_cells_are_not_mistaken_for_serial_numbers(number, expected):
    assert parse_date(number) == expected


def test_a_number_that_may_be_january_or_october_is_refused():
    # 1998.10 typed into a number cell arrives as 1998.1: it cannot be told from 1998.1 (January).
    with pytest.raises(DateError):
        parse_date(1998.1)


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_empty_cells_are_no_date(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("value", [
    "1998.13", "1998-00-10", "1998年2月30日", "1999-02-29", "1998-04-31", "2月30日", "7月1日",
    "1998", "98.07", "不详", "hello", "1998-07-01-02", "1899-12-31",
    1998, 0, -5, 1998.13, float("nan"), float("inf"), True,
])
def test_what_is_not_a_date_is_refused(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_the_refusal_quotes_what_was_typed():
    with pytest.raises(DateError, match="1998年2月30日"):
        parse_date("1998年2月30日")


# -- every accepted style round-trips ------------------------------------------------

FULL_WIDTH = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)} | {"-": "－", ".": "．", "/": "／"})

DAY_STYLES = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year}-{d.month}-{d.day}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    lambda d: d.strftime("%Y%m%d"),
    lambda d: d.isoformat() + " 00:00:00",
    lambda d: d.isoformat().translate(FULL_WIDTH),
    lambda d: f"{d.year}年{d.month}月{d.day}日".translate(FULL_WIDTH),
    lambda d: datetime(d.year, d.month, d.day, 8, 15),
    lambda d: d,
]
MONTH_STYLES = [
    lambda d: f"{d.year}.{d.month:02d}",
    lambda d: f"{d.year}.{d.month}",
    lambda d: f"{d.year}年{d.month}月",
    lambda d: d.strftime("%Y%m"),
]
roster_dates = st.dates(date(1900, 1, 1), date(2100, 12, 31))


@given(roster_dates, st.sampled_from(range(len(DAY_STYLES))))
def test_any_date_written_in_any_style_reads_back(d, style):
    assert parse_date(DAY_STYLES[style](d)) == d


@given(roster_dates, st.sampled_from(range(len(MONTH_STYLES))))
def test_any_month_written_in_any_style_reads_back_as_its_first_day(d, style):
    assert parse_date(MONTH_STYLES[style](d)) == d.replace(day=1)


@given(st.dates(date(1906, 1, 1), date(2100, 12, 31)))
def test_any_serial_number_reads_back(d):
    # Serials 1900–2100 would be dates in 1905, which no roster holds: those numbers are years.
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == d
    assert parse_date(float(serial) + 0.25) == d


@given(st.integers(1900, 2100), st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12]))
def test_year_dot_month_numbers_read_as_that_month(year, month):
    # (October is the ambiguous one, refused above.)
    assert parse_date(float(f"{year}.{month:02d}")) == date(year, month, 1)


# -- arithmetic ------------------------------------------------------------------

def test_add_years_handles_29_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2023, 7, 1), 1) == date(2024, 7, 1)


def test_age_on_counts_whole_years():
    assert age_on(date(2000, 7, 1), date(2018, 6, 30)) == 17
    assert age_on(date(2000, 7, 1), date(2018, 7, 1)) == 18
