"""Properties of the date arithmetic that must hold for every date, not just the examples."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ehcp.rules import TIMESCALES, CaseFacts, EnglandCalendar, Event, compute_schedule, dates
from ehcp.rules.calendar import working_days_after, working_days_beginning_with
from ehcp.rules.reckon import move_due, tribunal_appeal_due
from ehcp.rules.timescales import Reckoning

CALENDAR = EnglandCalendar()
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
SIMPLE_ROWS = [
    row
    for row in TIMESCALES
    if row.reckoning
    not in (Reckoning.MOVE, Reckoning.TRANSFER_REVIEW, Reckoning.END_OF_PLAN_AT_25)
]
ROW = st.sampled_from(SIMPLE_ROWS)
TODAY = date(2031, 1, 1)


def due_for(row, start: date) -> date | None:  # type: ignore[no-untyped-def]
    kind = row.start_kinds[0] if row.start_kinds else None
    facts = CaseFacts(events=(Event(start, row.start_event, kind),))
    found = [
        d
        for d in compute_schedule(facts, today=TODAY, calendar=CALENDAR, timescales=(row,))
        if d.key == row.key
    ]
    return found[0].due if found else None


@given(ROW, DAYS, st.integers(min_value=1, max_value=400))
def test_a_later_start_never_gives_an_earlier_deadline(row, start: date, gap: int) -> None:  # type: ignore[no-untyped-def]
    first, second = due_for(row, start), due_for(row, start + timedelta(days=gap))
    if first is not None and second is not None:
        assert second >= first


@given(DAYS, st.integers(min_value=1, max_value=30))
def test_working_day_counts_land_on_working_days(start: date, count: int) -> None:
    after = working_days_after(CALENDAR, start, count)
    beginning = working_days_beginning_with(CALENDAR, start, count)
    assert CALENDAR.is_working_day(after)
    assert CALENDAR.is_working_day(beginning)
    assert start < after
    assert start <= beginning <= after


@given(DAYS, st.one_of(st.none(), DAYS))
def test_appeal_deadlines_are_working_days_outside_august_and_christmas(
    notice: date, certificate: date | None
) -> None:
    due, _ = tribunal_appeal_due(notice, certificate, CALENDAR)
    unadjusted = max(
        dates.months_after(notice, 2),
        dates.months_after(certificate, 1) if certificate else date.min,
    )
    assert CALENDAR.is_working_day(due)
    assert due >= unadjusted
    if due.month == 8:  # only a July weekend rolled on by r.12(2); see the worked example
        assert unadjusted.month == 7


@given(DAYS, st.one_of(st.none(), DAYS))
def test_moves_are_due_on_a_working_day_or_the_move_day(aware: date, move: date | None) -> None:
    due, _ = move_due(aware, move, CALENDAR)
    assert due == move or CALENDAR.is_working_day(due)


@given(DAYS, st.integers(min_value=1, max_value=36))
def test_month_arithmetic_clamps_to_the_month_end(start: date, months: int) -> None:
    target = dates.months_after(start, months)
    assert (target.year * 12 + target.month) - (start.year * 12 + start.month) == months
    assert target.day == min(start.day, dates.last_day_of_month(target.year, target.month))
    back = dates.months_before(target, months)
    assert back <= start


@given(DAYS, st.integers(min_value=1, max_value=24))
def test_a_period_starting_with_a_day_ends_before_the_next_corresponding_day(
    start: date, months: int
) -> None:
    end = dates.end_of_period_starting_with(start, months)
    assert start <= end < dates.add_days(dates.months_after(start, months), 1)


@settings(max_examples=50)
@given(DAYS)
def test_operational_targets_are_working_days_on_or_before_the_due_date(start: date) -> None:
    facts = CaseFacts(events=(Event(start, "request_received"),))
    for deadline in compute_schedule(facts, today=TODAY, calendar=CALENDAR):
        assert deadline.operational_target <= deadline.due
        assert CALENDAR.is_working_day(deadline.operational_target)
