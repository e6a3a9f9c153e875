"""Reading the dates people type: 1998.07, 1998年7月1日, 1998/7/1, 1998-07-01, date cells."""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from core.i18n import translate
from core.text import clean

# Excel's day 0 is 1899-12-30 (it counts a 29 Feb 1900 that never was).
_EXCEL_EPOCH = date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*日?)?\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_ISO_TIME = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
# Serial numbers of real roster dates (1906–2100) stay below this; larger whole numbers are
# dates typed as digits into a number cell (19980701, 199807).
_SERIAL_END = 100000
_YEARS = range(1900, 2101)


class DateError(ValueError):
    pass


def parse_date(value: object) -> date | None:
    """A date from a cell, or None for an empty cell.

    Month-only forms (1998.07, 1998年7月) mean the first of the month: rosters often
    record 入党时间 to the month only. Numbers are Excel serials, except those that can only
    be a date typed into a number cell: 1998.07, 19980701, 199807.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value)
    text = clean(value)
    if not text:
        return None
    m = _ISO_TIME.match(text)
    if m:
        text = m.group(1)
    m = _YMD.match(text) or _COMPACT.match(text)
    if not m:
        raise DateError(translate("dates", "“{text}” is not a date; write it like 1998-07-01 or 1998年7月1日").format(text=text))
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        result = date(year, month, day)
    except ValueError:
        raise DateError(translate("dates", "“{text}” is not a date that exists").format(text=text)) from None
    if year < 1900:
        raise DateError(translate("dates", "“{text}” is not a date that exists").format(text=text))
    return result


def _from_number(value: int | float) -> date:
    """A number cell: an Excel serial, or a date typed into a cell Excel kept as a number."""
    if isinstance(value, float) and not math.isfinite(value):
        raise DateError(translate("dates", "“{text}” is not a date").format(text=value))
    whole = int(value)
    if whole in _YEARS:
        # 1998.07 typed into a number cell arrives as the float 1998.07 (serials 1900–2100
        # would be days of 1905). A bare year is not a date.
        decimals = repr(float(value)).partition(".")[2].rstrip("0")
        if decimals == "1":
            # 1998.10 became 1998.1: October and January look the same.
            raise DateError(translate("dates", "“{text}” could be January or October; format the column as text and write the month with two digits, like 1998.01 or 1998.10").format(text=value))
        if decimals and len(decimals) <= 2 and 1 <= int(decimals) <= 12:
            return date(whole, int(decimals), 1)
        raise DateError(translate("dates", "“{text}” is not a date; write it like 1998-07-01 or 1998年7月1日").format(text=value))
    if whole >= _SERIAL_END and value == whole:
        return parse_date(str(whole))
    if 1 <= value < _SERIAL_END:
        # A date cell that lost its format shows as the serial number.
        return _EXCEL_EPOCH + timedelta(days=whole)
    raise DateError(translate("dates", "“{text}” is not a date").format(text=value))


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
