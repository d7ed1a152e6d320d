"""Turning a start date into a due date, for each way a time limit is reckoned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ehcp.rules import dates
from ehcp.rules.appeals import CERTIFICATE, next_decision_after
from ehcp.rules.calendar import (
    WorkingDayCalendar,
    next_working_day,
    working_days_after,
    working_days_before,
    working_days_beginning_with,
)
from ehcp.rules.events import CaseFacts, Event
from ehcp.rules.timescales import Reckoning, Timescale

CORONAVIRUS_WINDOW = (date(2020, 5, 1), date(2020, 9, 25))
MOVE_NOTICE_WORKING_DAYS = 15


DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt(day: date) -> str:
    """A date as a caseworker reads it, Mon 8 Jan 2024, whatever the process locale."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


Reckoner = Callable[[Timescale, Event, CaseFacts, WorkingDayCalendar], tuple[date, str]]


def _weeks(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    due = dates.add_days(dates.add_weeks(start.date, row.length), row.offset_days)
    offset = f" {row.offset_days:+d} days" if row.offset_days else ""
    return due, f"{fmt(start.date)} + {row.length} weeks ({7 * row.length} days){offset}"


def _days(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return dates.add_days(start.date, row.length), f"{fmt(start.date)} + {row.length} days"


def _window(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    last = dates.add_days(start.date, row.length - 1)
    return dates.add_days(start.date, row.length), (
        f"the {row.length} days run {fmt(start.date)} to {fmt(last)}; the council may act from"
    )


def _weeks_before(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return dates.add_weeks(start.date, -row.length), f"{fmt(start.date)} - {row.length} weeks"


def _months_after(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return dates.months_after(start.date, row.length), (
        f"{fmt(start.date)} + {row.length} months (corresponding date, or the month end)"
    )


def _months_period(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return dates.end_of_period_starting_with(start.date, row.length), (
        f"{row.length} months starting with {fmt(start.date)} end the day before the "
        "corresponding date (or on the month end where there is none)"
    )


def _months_before(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return dates.months_before(start.date, row.length), f"{fmt(start.date)} - {row.length} months"


def _fixed_date(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    assert row.fixed_month_day is not None
    month, day = row.fixed_month_day
    limit = date(start.date.year, month, day)
    window = f"; less {-row.offset_days} days for the family's window" if row.offset_days else ""
    return dates.add_days(limit, row.offset_days - 1), (
        f"before {fmt(limit)} in the year of the transfer ({fmt(start.date)}), so by the day "
        f"before; issuing on {fmt(limit)} itself is amber (the Code of Practice says 'by')"
        f"{window}"
    )


def _working_days_beginning(
    row: Timescale, start: Event, _: CaseFacts, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    due = working_days_beginning_with(calendar, start.date, row.length)
    return due, f"{row.length} working days beginning with {fmt(start.date)}"


def _working_days_after(
    row: Timescale, start: Event, _: CaseFacts, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    due = working_days_after(calendar, start.date, row.length)
    return due, f"{row.length} working days after {fmt(start.date)}"


def _immediate(row: Timescale, start: Event, *_: object) -> tuple[date, str]:
    return start.date, f"immediately, on {fmt(start.date)}"


def tribunal_appeal_due(
    notice: date, certificate: date | None, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    """HESC r.20(1)(c): the later of 2 months after the notice and 1 month after the mediation
    certificate; then r.12(3)(a) on the unadjusted date (August; 25 Dec-1 Jan), else r.12(2)."""
    raw = dates.months_after(notice, 2)
    text = f"2 months after the notice of {fmt(notice)} is {fmt(raw)}"
    if certificate is not None:
        from_certificate = dates.months_after(certificate, 1)
        text += f"; 1 month after the certificate of {fmt(certificate)} is {fmt(from_certificate)}"
        raw = max(raw, from_certificate)
    if raw.month == 8:
        due = next_working_day(calendar, date(raw.year, 8, 31))
        return due, f"{text}; {fmt(raw)} is in August, so the first working day after 31 August"
    if (raw.month, raw.day) >= (12, 25) or (raw.month, raw.day) == (1, 1):
        new_year = date(raw.year + 1 if raw.month == 12 else raw.year, 1, 1)
        due = next_working_day(calendar, new_year)
        return due, f"{text}; {fmt(raw)} is 25 Dec-1 Jan, so the first working day after 1 Jan"
    if not calendar.is_working_day(raw):
        due = next_working_day(calendar, raw)
        return due, f"{text}; {fmt(raw)} is not a working day, so the next working day (r.12(2))"
    return raw, text


def _appeal(
    row: Timescale, start: Event, facts: CaseFacts, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    until = next_decision_after(facts, start)
    certificates = [e.date for e in facts.of(CERTIFICATE) if start.date <= e.date < until]
    return tribunal_appeal_due(start.date, min(certificates, default=None), calendar)


def move_due(aware: date, move: date | None, calendar: WorkingDayCalendar) -> tuple[date, str]:
    """Reg 15(2)/16: on the move day if known 15 working days ahead, else within 15 working
    days beginning with the day of awareness."""
    if move is not None:
        notice_by = working_days_before(calendar, move, MOVE_NOTICE_WORKING_DAYS)
        if aware <= notice_by:
            return move, (
                f"aware on {fmt(aware)}, at least 15 working days before the move "
                f"({fmt(notice_by)} or earlier), so on the day of the move"
            )
    due = working_days_beginning_with(calendar, aware, MOVE_NOTICE_WORKING_DAYS)
    return due, f"15 working days beginning with {fmt(aware)}, when the move became known"


def _move(
    row: Timescale, start: Event, facts: CaseFacts, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    moves = [e.date for e in facts.of("moved")]
    after = [day for day in moves if day >= start.date]
    move = min(after) if after else max(moves, default=None)
    return move_due(start.date, move, calendar)


def _transfer_review(
    row: Timescale, start: Event, facts: CaseFacts, *_: object
) -> tuple[date, str]:
    from_transfer = dates.end_of_period_starting_with(start.date, 3)
    text = f"3 months starting with the transfer on {fmt(start.date)} end {fmt(from_transfer)}"
    before = [e.date for e in facts.of("review_decision_notified") if e.date < start.date]
    before = before or [e.date for e in facts.of("final_plan_issued") if e.date < start.date]
    if not before:
        return from_transfer, text
    last = max(before)
    from_review = dates.end_of_period_starting_with(last, 12)
    text += f"; 12 months starting with the last review or plan on {fmt(last)} end "
    return max(from_transfer, from_review), f"{text}{fmt(from_review)}; the later applies"


def _end_at_25(row: Timescale, start: Event, facts: CaseFacts, *_: object) -> tuple[date, str]:
    if facts.post16_route == "further_education":
        year = start.date.year + (1 if start.date.month >= 8 else 0)
        return date(year, 7, 31), (
            f"25th birthday {fmt(start.date)}; the academic year in which it falls ends 31 July"
        )
    assert facts.date_of_birth is not None
    day_before_26 = dates.add_days(dates.months_after(facts.date_of_birth, 26 * 12), -1)
    return day_before_26, "the day before the 26th birthday (or the end of the course first)"


RECKONERS: dict[Reckoning, Reckoner] = {
    Reckoning.WEEKS_AFTER: _weeks,
    Reckoning.DAYS_AFTER: _days,
    Reckoning.DAYS_BEGINNING_WITH: _window,
    Reckoning.WEEKS_BEFORE: _weeks_before,
    Reckoning.MONTHS_AFTER: _months_after,
    Reckoning.MONTHS_PERIOD: _months_period,
    Reckoning.MONTHS_BEFORE: _months_before,
    Reckoning.FIXED_DATE: _fixed_date,
    Reckoning.WORKING_DAYS_BEGINNING_WITH: _working_days_beginning,
    Reckoning.WORKING_DAYS_AFTER: _working_days_after,
    Reckoning.IMMEDIATE: _immediate,
    Reckoning.TRIBUNAL_APPEAL: _appeal,
    Reckoning.MOVE: _move,
    Reckoning.TRANSFER_REVIEW: _transfer_review,
    Reckoning.END_OF_PLAN_AT_25: _end_at_25,
}


def reckon(
    row: Timescale, start: Event, facts: CaseFacts, calendar: WorkingDayCalendar
) -> tuple[date, str]:
    """The due date for `row` started by `start`, and the arithmetic that gave it."""
    return RECKONERS[row.reckoning](row, start, facts, calendar)
