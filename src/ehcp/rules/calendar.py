"""Working days in England, and counting in working days (rules C7 and C8).

A working day is any day except a Saturday, a Sunday, Christmas Day, Good Friday or a bank
holiday in England and Wales (Banking and Financial Dealings Act 1971). The bank holidays come
from the `holidays` package; callers may pass any object with the same two methods instead.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

import holidays

ONE_DAY = timedelta(days=1)


class WorkingDayCalendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...

    def holidays_between(self, first: date, last: date) -> list[date]:
        """Non-weekend days in [first, last] that are not working days."""
        ...


class EnglandCalendar:
    """Weekends plus the England and Wales bank holidays, Christmas Day and Good Friday."""

    def __init__(self, extra_closures: tuple[date, ...] = ()) -> None:
        self._holidays = holidays.country_holidays("GB", subdiv="ENG")
        self._extra = frozenset(extra_closures)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays and day not in self._extra

    def holidays_between(self, first: date, last: date) -> list[date]:
        for year in range(first.year, last.year + 1):
            self._holidays.get(date(year, 1, 1))  # loads the year before the scan below
        found = {day for day in self._holidays if first <= day <= last} | {
            day for day in self._extra if first <= day <= last
        }
        return sorted(day for day in found if day.weekday() < 5)


def next_working_day(calendar: WorkingDayCalendar, day: date) -> date:
    """The first working day strictly after `day`."""
    day += ONE_DAY
    while not calendar.is_working_day(day):
        day += ONE_DAY
    return day


def working_day_on_or_after(calendar: WorkingDayCalendar, day: date) -> date:
    return day if calendar.is_working_day(day) else next_working_day(calendar, day)


def working_day_on_or_before(calendar: WorkingDayCalendar, day: date) -> date:
    while not calendar.is_working_day(day):
        day -= ONE_DAY
    return day


def working_days_after(calendar: WorkingDayCalendar, start: date, count: int) -> date:
    """C8: the event day is excluded; the deadline is the Nth working day after it."""
    day = start
    for _ in range(count):
        day = next_working_day(calendar, day)
    return day


def working_days_beginning_with(calendar: WorkingDayCalendar, start: date, count: int) -> date:
    """C7: the start day is day 1 if it is a working day; the deadline is the Nth working day."""
    return working_days_after(calendar, start - ONE_DAY, count)


def working_days_before(calendar: WorkingDayCalendar, end: date, count: int) -> date:
    """The Nth working day before `end` (end excluded)."""
    day = end
    for _ in range(count):
        day -= ONE_DAY
        while not calendar.is_working_day(day):
            day -= ONE_DAY
    return day
