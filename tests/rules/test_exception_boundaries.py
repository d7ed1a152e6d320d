"""The first and last day of every exception ground, and the rule that a ground counts for a
limit only if it arises inside that limit's own period (SEND Regs 2014 regs 5(4), 8(2),
10(4), 13(3), 44(3); SI 2020/471)."""

from __future__ import annotations

import pytest

from ehcp.rules import CaseFacts, RecordedException, SettingClosure, Status
from ehcp.rules.timeliness import dfe_timeliness

from .helpers import day, ev, one, schedule

SUMMER = SettingClosure("Oak Primary", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024"))
JUNE_REQUEST = ev("request_received", "Mon 3 Jun 2024")  # A6 due Mon 21 Oct 2024


def closure_exception(asked: str) -> RecordedException:
    return RecordedException("E1", day(asked), setting="Oak Primary")


@pytest.mark.parametrize(
    ("asked", "excused"),
    [
        ("Mon 15 Jul 2024", False),  # the day before the window opens
        ("Tue 16 Jul 2024", True),  # a week before the first closed day
        ("Wed 28 Aug 2024", True),  # a week before the day it reopens
        ("Thu 29 Aug 2024", False),
    ],
)
def test_the_closure_window_runs_from_a_week_before_closing_to_a_week_before_reopening(
    asked: str, excused: bool
) -> None:
    deadlines = schedule(
        JUNE_REQUEST,
        today="Tue 22 Oct 2024",
        closures=(SUMMER,),
        exceptions=(closure_exception(asked),),
    )
    assert (one(deadlines, "A6").status is Status.EXCUSED) is excused


@pytest.mark.parametrize(
    ("reopening", "excused"),
    [("Mon 29 Jul 2024", True), ("Sun 28 Jul 2024", False)],  # 28 days closed, and 27
)
def test_only_a_closure_of_four_weeks_or_more_counts(reopening: str, excused: bool) -> None:
    closure = SettingClosure("Oak Primary", day("Mon 1 Jul 2024"), day(reopening))
    deadlines = schedule(
        JUNE_REQUEST,
        today="Tue 22 Oct 2024",
        closures=(closure,),
        exceptions=(closure_exception("Mon 24 Jun 2024"),),  # a week before it closed
    )
    assert (one(deadlines, "A6").status is Status.EXCUSED) is excused


@pytest.mark.parametrize(
    ("asked", "excused"),
    [("Tue 16 Jul 2024", True), ("Wed 17 Jul 2024", False)],
)
def test_advice_asked_after_the_deadline_cannot_excuse_it(asked: str, excused: bool) -> None:
    request = ev("request_received", "Tue 27 Feb 2024")  # A6 due Tue 16 Jul 2024
    deadlines = schedule(
        request,
        ev("final_plan_issued", "Mon 5 Aug 2024"),
        today="Mon 5 Aug 2024",
        closures=(SUMMER,),
        exceptions=(closure_exception(asked),),
    )
    a6 = one(deadlines, "A6")
    assert a6.status is (Status.EXCUSED if excused else Status.MET_LATE)
    facts = CaseFacts(
        events=(request, ev("final_plan_issued", "Mon 5 Aug 2024")),
        closures=(SUMMER,),
        exceptions=(closure_exception(asked),),
    )
    timeliness = dfe_timeliness(facts)
    assert timeliness is not None
    # Only an exception that applies takes the plan out of DfE's "excluding" measure.
    assert timeliness.exception_recorded is excused


REQUEST = ev("request_received", "Mon 8 Jan 2024")  # A1 runs Tue 9 Jan to Mon 19 Feb 2024


@pytest.mark.parametrize(
    ("start", "end", "excused"),
    [
        ("Tue 9 Jan 2024", "Mon 5 Feb 2024", True),  # 28 days away, all in the period
        ("Tue 9 Jan 2024", "Sun 4 Feb 2024", False),  # 27 days
        ("Mon 1 Jan 2024", "Mon 5 Feb 2024", True),  # 28 of its days inside the period
        ("Mon 1 Jan 2024", "Sun 4 Feb 2024", False),  # 27 of them
        ("Tue 23 Jan 2024", "Mon 19 Feb 2024", True),  # ends on the due date
        ("Wed 24 Jan 2024", "Tue 20 Feb 2024", False),  # one day falls after it
    ],
)
def test_an_absence_of_four_weeks_must_fall_inside_the_period(
    start: str, end: str, excused: bool
) -> None:
    recorded = RecordedException("E4", day(start), day(end))
    a1 = one(schedule(REQUEST, today="Tue 20 Feb 2024", exceptions=(recorded,)), "A1")
    assert (a1.status is Status.EXCUSED) is excused


@pytest.mark.parametrize(
    ("start", "end", "excused"),
    [
        ("Mon 1 Jan 2024", "Mon 8 Jan 2024", False),  # over on the request day itself
        ("Mon 1 Jan 2024", "Tue 9 Jan 2024", True),  # reaches the first day of the period
        ("Mon 19 Feb 2024", "Fri 23 Feb 2024", True),  # arises on the last day
        ("Tue 20 Feb 2024", "Fri 23 Feb 2024", False),  # arises after the deadline passed
    ],
)
def test_exceptional_circumstances_count_on_the_first_and_last_day_of_the_period(
    start: str, end: str, excused: bool
) -> None:
    recorded = RecordedException("E3", day(start), day(end))
    a1 = one(schedule(REQUEST, today="Mon 26 Feb 2024", exceptions=(recorded,)), "A1")
    assert (a1.status is Status.EXCUSED) is excused


@pytest.mark.parametrize(
    ("missed", "excused"),
    [
        ("Wed 5 Mar 2025", False),  # the day advice was asked: not in the 6 weeks
        ("Thu 6 Mar 2025", True),
        ("Wed 16 Apr 2025", True),  # the last day of the 6 weeks
        ("Thu 17 Apr 2025", False),
    ],
)
def test_a_missed_appointment_counts_only_inside_the_six_weeks(missed: str, excused: bool) -> None:
    recorded = RecordedException("REG8_MISSED_APPOINTMENT", day(missed))
    deadlines = schedule(
        ev("advice_requested", "Wed 5 Mar 2025", "health"),
        today="Fri 18 Apr 2025",
        exceptions=(recorded,),
    )
    assert (one(deadlines, "A2").status is Status.EXCUSED) is excused


@pytest.mark.parametrize(
    ("received", "excused"),
    [
        ("Thu 19 Mar 2020", False),  # A1 due Thu 30 Apr 2020, the day before the window
        ("Fri 20 Mar 2020", True),  # due Fri 1 May 2020, its first day
        ("Fri 14 Aug 2020", True),  # due Fri 25 Sep 2020, its last day
        ("Sat 15 Aug 2020", False),  # due Sat 26 Sep 2020: the usual limit was back
    ],
)
def test_the_coronavirus_exception_covers_deadlines_from_1_may_to_25_september_2020(
    received: str, excused: bool
) -> None:
    recorded = RecordedException("COVID", day(received), day("Fri 25 Sep 2020"))
    a1 = one(
        schedule(ev("request_received", received), today="Thu 1 Oct 2020", exceptions=(recorded,)),
        "A1",
    )
    assert (a1.status is Status.EXCUSED) is excused


def test_a_coronavirus_reason_recorded_after_the_period_does_not_count() -> None:
    recorded = RecordedException("COVID", day("Mon 4 May 2020"))
    a1 = one(
        schedule(
            ev("request_received", "Fri 20 Mar 2020"),  # A1 due Fri 1 May 2020
            today="Thu 1 Oct 2020",
            exceptions=(recorded,),
        ),
        "A1",
    )
    assert a1.status is Status.OVERDUE


@pytest.mark.parametrize(
    ("received", "excluded"),
    [
        ("Fri 13 Dec 2019", True),  # A6 due Fri 1 May 2020
        ("Sat 9 May 2020", True),  # A6 due Sat 26 Sep, but A1 and A3 fell inside the window
        ("Sat 15 Aug 2020", False),  # A1, A3 and A6 all due from Sat 26 Sep 2020
    ],
)
def test_the_coronavirus_exception_in_dfes_measure(received: str, excluded: bool) -> None:
    facts = CaseFacts(
        events=(ev("request_received", received), ev("final_plan_issued", "Mon 4 Jan 2021")),
        exceptions=(RecordedException("COVID", day(received), day("Fri 25 Sep 2020")),),
    )
    timeliness = dfe_timeliness(facts)
    assert timeliness is not None
    assert timeliness.exception_recorded is excluded


@pytest.mark.parametrize(
    ("ordered", "excused"),
    [
        ("Mon 23 Mar 2020", False),  # O4 (5 weeks) due Mon 27 Apr 2020
        ("Mon 30 Mar 2020", True),  # due Mon 4 May 2020
        ("Fri 21 Aug 2020", True),  # due Fri 25 Sep 2020
        ("Mon 24 Aug 2020", False),  # due Mon 28 Sep 2020
    ],
)
def test_the_coronavirus_exception_reached_the_periods_after_a_tribunal_order(
    ordered: str, excused: bool
) -> None:
    recorded = RecordedException("COVID", day(ordered), day("Fri 25 Sep 2020"))
    deadlines = schedule(
        ev("tribunal_order_made", ordered, "amend_content"),
        today="Thu 1 Oct 2020",
        exceptions=(recorded,),
    )
    assert (one(deadlines, "O4").status is Status.EXCUSED) is excused


def test_a_closure_that_excuses_gives_a_clearly_indicative_date() -> None:
    deadlines = schedule(
        JUNE_REQUEST,
        today="Tue 22 Oct 2024",
        closures=(SUMMER,),
        exceptions=(closure_exception("Tue 16 Jul 2024"),),
    )
    a6 = one(deadlines, "A6")
    # The closure window (Tue 16 Jul to Wed 28 Aug 2024) is 44 days, all inside A6's period.
    assert a6.indicative_date == day("Wed 4 Dec 2024")
    assert "The limit falls away" in a6.explanation
