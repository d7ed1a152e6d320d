"""Calendar arithmetic for statutory periods: days, weeks and calendar months.

Months follow the corresponding-date rule (Interpretation Act 1978 Sch. 1; Dodds v Walker
[1980]): N months after 31 December is the last day of February, not 3 March.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta
from typing import Final

MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def add_days(start: date, days: int) -> date:
    return start + timedelta(days=days)


def add_weeks(start: date, weeks: int) -> date:
    return start + timedelta(weeks=weeks)


def last_day_of_month(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def shift_months(start: date, months: int) -> tuple[date, bool]:
    """The date `months` calendar months away, and whether that date really corresponds.

    Where the target month is too short (31 Jan + 1 month), the month end is returned and the
    flag is False.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    month_end = last_day_of_month(year, month)
    if start.day <= month_end:
        return date(year, month, start.day), True
    return date(year, month, month_end), False


def months_after(start: date, months: int) -> date:
    """C5 "within N months after X": the corresponding date, or the month end if none."""
    return shift_months(start, months)[0]


def months_before(start: date, months: int) -> date:
    """C5 "at least N months before X": X minus N months, clamped to the month end."""
    return shift_months(start, -months)[0]


def end_of_period_starting_with(start: date, months: int) -> date:
    """C5 "a period of N months starting with X": inclusive, so it ends the day before the
    corresponding date; where there is no corresponding date, on the last day of that month."""
    target, corresponds = shift_months(start, months)
    return add_days(target, -1) if corresponds else target


def days_between(start: date, end: date) -> int:
    return (end - start).days


def overlap_days(first: tuple[date, date], second: tuple[date, date]) -> int:
    """Days shared by two inclusive date ranges (0 when they do not meet)."""
    begin = max(first[0], second[0])
    end = min(first[1], second[1])
    return max(0, days_between(begin, end) + 1)
