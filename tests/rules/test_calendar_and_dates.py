"""The working-day calendar and month arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from ehcp.rules import dates
from ehcp.rules.calendar import (
    EnglandCalendar,
    working_day_on_or_after,
    working_day_on_or_before,
    working_days_before,
)

from .helpers import day

CALENDAR = EnglandCalendar()


@pytest.mark.parametrize(
    "holiday",
    [
        "Mon 19 Sep 2022",  # the State Funeral
        "Mon 8 May 2023",  # the Coronation
        "Fri 29 Mar 2024",  # Good Friday
        "Wed 25 Dec 2024",
        "Mon 28 Dec 2026",  # Boxing Day substitute
    ],
)
def test_bank_holidays_are_not_working_days(holiday: str) -> None:
    assert not CALENDAR.is_working_day(day(holiday))


def test_christmas_eve_and_new_years_eve_are_working_days() -> None:
    assert CALENDAR.is_working_day(day("Tue 24 Dec 2024"))
    assert CALENDAR.is_working_day(day("Tue 31 Dec 2024"))


def test_holidays_between_spans_several_years_and_skips_weekends() -> None:
    found = CALENDAR.holidays_between(day("Mon 1 Dec 2025"), day("Fri 30 Jan 2026"))
    assert found == [day("Thu 25 Dec 2025"), day("Fri 26 Dec 2025"), day("Thu 1 Jan 2026")]
    assert (
        len(CALENDAR.holidays_between(date(2020, 1, 1), date(2027, 12, 31))) == 67
    )  # the spec table


def test_a_council_can_add_its_own_closure_days() -> None:
    calendar = EnglandCalendar(extra_closures=(day("Wed 24 Dec 2025"),))
    assert not calendar.is_working_day(day("Wed 24 Dec 2025"))
    assert day("Wed 24 Dec 2025") in calendar.holidays_between(
        day("Mon 1 Dec 2025"), day("Wed 31 Dec 2025")
    )


def test_stepping_to_working_days() -> None:
    assert working_day_on_or_before(CALENDAR, day("Mon 27 May 2024")) == day("Fri 24 May 2024")
    assert working_day_on_or_after(CALENDAR, day("Sat 25 May 2024")) == day("Tue 28 May 2024")
    assert working_days_before(CALENDAR, day("Mon 2 Jun 2025"), 15) == day("Fri 9 May 2025")


def test_months_clamp_to_the_month_end() -> None:
    assert dates.months_after(day("Fri 31 Jan 2025"), 1) == day("Fri 28 Feb 2025")
    assert dates.months_before(day("Sat 31 Oct 2026"), 5) == day("Sun 31 May 2026")
    assert dates.end_of_period_starting_with(day("Fri 15 Mar 2024"), 12) == day("Fri 14 Mar 2025")


def test_overlap_of_date_ranges() -> None:
    assert (
        dates.overlap_days(
            (date(2024, 1, 1), date(2024, 1, 10)), (date(2024, 1, 5), date(2024, 2, 1))
        )
        == 6
    )
    assert (
        dates.overlap_days(
            (date(2024, 1, 1), date(2024, 1, 2)), (date(2024, 1, 5), date(2024, 2, 1))
        )
        == 0
    )


def test_dates_read_the_same_in_every_locale() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from ehcp.rules.reckon import fmt

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
    def check(when: date) -> None:
        assert day(fmt(when)) == when  # `day` parses English names and checks the weekday

    check()
