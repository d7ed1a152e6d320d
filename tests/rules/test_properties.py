"""Properties of the date arithmetic that must hold for every date, not just the examples."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ehcp.rules import (
    EVENT_TYPES,
    TIMESCALES,
    CaseFacts,
    EnglandCalendar,
    Event,
    RecordedException,
    Status,
    compute_schedule,
    dates,
)
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


@given(DAYS, st.integers(min_value=2, max_value=30))
def test_beginning_with_counts_a_working_start_day_as_day_one(start: date, count: int) -> None:
    beginning = working_days_beginning_with(CALENDAR, start, count)
    if CALENDAR.is_working_day(start):
        assert beginning == working_days_after(CALENDAR, start, count - 1)
    else:
        assert beginning == working_days_after(CALENDAR, start, count)


@given(DAYS)
def test_one_working_day_beginning_with_a_working_day_is_that_day(start: date) -> None:
    beginning = working_days_beginning_with(CALENDAR, start, 1)
    assert (beginning == start) is CALENDAR.is_working_day(start)


WEEK_ROWS = [
    row
    for row in SIMPLE_ROWS
    if row.reckoning is Reckoning.WEEKS_AFTER and row.start_event in EVENT_TYPES
]


@given(st.sampled_from(WEEK_ROWS), DAYS)
def test_weeks_after_exclude_the_start_day_and_never_roll_forward(row, start: date) -> None:  # type: ignore[no-untyped-def]
    due = due_for(row, start)
    if due is not None:
        assert (due - start).days == 7 * row.length + row.offset_days


@given(DAYS)
def test_the_familys_15_days_begin_with_the_day_the_draft_is_served(served: date) -> None:
    facts = CaseFacts(events=(Event(served, "draft_plan_served"),))
    a4 = next(d for d in compute_schedule(facts, today=TODAY, calendar=CALENDAR) if d.id == "A4")
    # Days served .. served + 14 are the family's; the council may finalise from served + 15.
    assert (a4.due - served).days == 15


@given(DAYS, DAYS)
def test_a_familys_appeal_window_is_never_overdue_or_a_breach(decided: date, today: date) -> None:
    facts = CaseFacts(events=(Event(decided, "decision_to_assess_notified", "refuse"),))
    for deadline in compute_schedule(facts, today=max(today, decided), calendar=CALENDAR):
        if deadline.id in ("AP1", "M1"):
            assert deadline.status in (Status.WINDOW_OPEN, Status.WINDOW_CLOSED)
            assert not deadline.is_breach
            assert (deadline.status is Status.WINDOW_OPEN) is (max(today, decided) <= deadline.due)


@given(DAYS, st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=60))
def test_a_ground_arising_after_the_deadline_never_excuses_it(
    received: date, after: int, length: int
) -> None:
    a1_due = received + timedelta(weeks=6)
    start = a1_due + timedelta(days=after)
    ground = RecordedException("E3", start, start + timedelta(days=length))
    facts = CaseFacts(events=(Event(received, "request_received"),), exceptions=(ground,))
    deadlines = compute_schedule(facts, today=date(2033, 1, 1), calendar=CALENDAR)
    a1 = next(d for d in deadlines if d.id == "A1")
    assert a1.status is Status.OVERDUE


@given(DAYS, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_a_limit_met_before_the_plan_ceased_is_never_removed(
    issued: date, decided_after: int, ceased_after: int
) -> None:
    meeting = issued + timedelta(days=300)
    decided = meeting + timedelta(days=decided_after % 28)
    events = (
        Event(issued, "final_plan_issued"),
        Event(meeting, "review_meeting_held"),
        Event(decided, "review_decision_notified", "keep"),
        Event(decided + timedelta(days=ceased_after), "plan_ceased"),
    )
    r6 = [
        d
        for d in compute_schedule(
            CaseFacts(events=events), today=date(2033, 1, 1), calendar=CALENDAR
        )
        if d.id == "R6"
    ]
    assert [d.status for d in r6] == [Status.MET]
