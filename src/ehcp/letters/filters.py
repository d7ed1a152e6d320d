"""What a letter template may do to a date: print it in words, or step from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Final

from ehcp.rules.dates import MONTHS, WEEKDAYS, add_days, months_after


def long_date(day: date | None) -> str:
    """`Monday 8 January 2024`: dates in words, as a letter prints them."""
    if day is None:
        return ""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_before(day: date) -> date:
    """The day before: the last day of a family's window whose limit row gives the first day
    the council may act (A4, R7)."""
    return add_days(day, -1)


FILTERS: Final[dict[str, Callable[..., Any]]] = {
    "long": long_date,
    "day_before": day_before,
    "days_after": add_days,
    "months_after": months_after,
}
