"""Statuses on a given day, and how each exception ground is judged."""

from __future__ import annotations

import pytest

from ehcp.rules import RecordedException, SettingClosure, Status

from .helpers import day, ev, keys, one, schedule

REQUEST = ev("request_received", "Mon 8 Jan 2024")


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("Mon 8 Jan 2024", Status.NOT_YET_DUE),
        ("Mon 5 Feb 2024", Status.DUE_SOON),  # 14 days to go
        ("Sun 4 Feb 2024", Status.NOT_YET_DUE),  # 15 days to go
        ("Mon 19 Feb 2024", Status.DUE_SOON),
        ("Tue 20 Feb 2024", Status.OVERDUE),
    ],
)
def test_status_of_an_open_deadline_depends_on_today(today: str, status: Status) -> None:
    assert one(schedule(REQUEST, today=today), "A1").status is status


def test_an_event_after_today_has_not_happened_yet() -> None:
    deadlines = schedule(
        REQUEST, ev("decision_to_assess_notified", "Fri 16 Feb 2024"), today="Thu 15 Feb 2024"
    )
    assert one(deadlines, "A1").completed_on is None


def test_refusal_to_assess_removes_the_plan_deadlines() -> None:
    refused = schedule(REQUEST, ev("decision_to_assess_notified", "Fri 16 Feb 2024", "refuse"))
    assert one(refused, "A1").status is Status.MET
    assert not keys(refused) & {"A3", "A6", "A6.draft_latest"}


def test_decision_not_to_issue_removes_the_final_plan_deadline() -> None:
    deadlines = schedule(REQUEST, ev("decision_not_to_issue_notified", "Fri 26 Apr 2024"))
    assert one(deadlines, "A3").status is Status.MET
    assert "A6" not in keys(deadlines)


@pytest.mark.parametrize(
    ("issued", "today", "status"),
    [
        (None, "Mon 10 Mar 2025", Status.WINDOW_OPEN),
        (None, "Tue 18 Mar 2025", Status.WINDOW_CLOSED),
        ("Mon 17 Mar 2025", "Tue 18 Mar 2025", Status.TOO_EARLY),
        ("Tue 18 Mar 2025", "Tue 18 Mar 2025", Status.MET),
    ],
)
def test_the_familys_15_day_window_on_the_draft(
    issued: str | None, today: str, status: Status
) -> None:
    events = [ev("draft_plan_served", "Mon 3 Mar 2025")]
    if issued:
        events.append(ev("final_plan_issued", issued))
    a4 = one(schedule(*events, today=today), "A4")
    assert a4.status is status
    assert a4.is_breach is (status is Status.TOO_EARLY)


def test_a_decision_to_amend_without_proposed_amendments_is_not_complete() -> None:
    deadlines = schedule(
        ev("review_meeting_held", "Tue 10 Jun 2025"),
        ev("review_decision_notified", "Tue 1 Jul 2025", "amend"),
        today="Wed 9 Jul 2025",
    )
    r6 = one(deadlines, "R6")
    assert r6.status is Status.OVERDUE
    assert "without the proposed amendments" in r6.warnings[0]


def test_amendments_sent_after_the_decision_complete_it_on_that_later_day() -> None:
    deadlines = schedule(
        ev("review_meeting_held", "Tue 10 Jun 2025"),
        ev("review_decision_notified", "Tue 1 Jul 2025", "amend"),
        ev("amendment_notice_served", "Wed 9 Jul 2025"),
    )
    assert one(deadlines, "R6").status is Status.MET_LATE


def test_annual_reviews_chain_and_stop_when_the_plan_ceases() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 2 Sep 2024"),
        ev("review_meeting_held", "Mon 7 Jul 2025"),
        ev("review_decision_notified", "Mon 28 Jul 2025"),
    )
    assert one(deadlines, "R1").status is Status.MET
    assert one(deadlines, "R2").due == day("Mon 27 Jul 2026")
    ceased = schedule(
        ev("final_plan_issued", "Mon 2 Sep 2024"), ev("plan_ceased", "Mon 3 Mar 2025")
    )
    assert "R1" not in keys(ceased)


def test_advice_clocks_are_separate_for_each_contributor() -> None:
    deadlines = schedule(
        REQUEST,
        ev("advice_requested", "Mon 12 Feb 2024", "health"),
        ev("advice_requested", "Mon 12 Feb 2024", "educational_psychology"),
        ev("advice_received", "Fri 1 Mar 2024", "health"),
        today="Mon 1 Apr 2024",
    )
    statuses = sorted(d.status.value for d in deadlines if d.id == "A2")
    assert statuses == ["met", "overdue"]


def _a6_with(*exceptions: RecordedException, closures: tuple[SettingClosure, ...] = ()):
    deadlines = schedule(
        ev("request_received", "Mon 3 Jun 2024"),
        today="Tue 22 Oct 2024",
        exceptions=exceptions,
        closures=closures,
    )
    return one(deadlines, "A6")


def test_exceptional_circumstances_excuse_and_give_an_indicative_date() -> None:
    a6 = _a6_with(RecordedException("E3", day("Mon 1 Jul 2024"), day("Wed 10 Jul 2024")))
    assert (a6.status, a6.exception) == (Status.EXCUSED, "E3")
    assert a6.indicative_date == day("Thu 31 Oct 2024")
    assert "as soon as practicable" in a6.explanation


def test_circumstances_outside_the_period_do_not_excuse() -> None:
    a6 = _a6_with(RecordedException("E3", day("Mon 4 Nov 2024"), day("Tue 5 Nov 2024")))
    assert a6.status is Status.OVERDUE
    assert "E3 does not apply" in a6.explanation


@pytest.mark.parametrize(
    ("back", "excused"), [("Sun 28 Jul 2024", True), ("Sat 27 Jul 2024", False)]
)
def test_absence_from_the_area_must_last_4_weeks(back: str, excused: bool) -> None:
    a6 = _a6_with(RecordedException("E4", day("Mon 1 Jul 2024"), day(back)))
    assert (a6.status is Status.EXCUSED) is excused


def test_early_years_closure_works_like_a_school_closure() -> None:
    nursery = SettingClosure("Acorn Nursery", day("Mon 29 Jul 2024"), day("Mon 2 Sep 2024"))
    a6 = _a6_with(
        RecordedException("E2", day("Mon 22 Jul 2024"), setting="Acorn Nursery"),
        closures=(nursery,),
    )
    assert a6.status is Status.EXCUSED


def test_a_closure_of_under_4_weeks_never_qualifies() -> None:
    half_term = SettingClosure("Oak Primary", day("Mon 28 Oct 2024"), day("Mon 4 Nov 2024"))
    a6 = _a6_with(
        RecordedException("E1", day("Mon 21 Oct 2024"), setting="Oak Primary"),
        closures=(half_term,),
    )
    assert a6.status is Status.OVERDUE


def test_a_closure_at_another_setting_does_not_count() -> None:
    summer = SettingClosure("Elm Academy", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024"))
    a6 = _a6_with(
        RecordedException("E1", day("Tue 16 Jul 2024"), setting="Oak Primary"),
        closures=(summer,),
    )
    assert a6.status is Status.OVERDUE


def test_an_exception_limited_to_one_milestone_leaves_the_others() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 3 Jun 2024"),
        today="Tue 22 Oct 2024",
        exceptions=(
            RecordedException(
                "E3", day("Mon 1 Jul 2024"), day("Mon 8 Jul 2024"), applies_to=("A6",)
            ),
        ),
    )
    assert one(deadlines, "A6").status is Status.EXCUSED
    assert one(deadlines, "A1").status is Status.OVERDUE


def test_a_late_plan_with_an_exception_is_excused_not_late() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 3 Jun 2024"),
        ev("decision_to_assess_notified", "Mon 8 Jul 2024"),
        ev("draft_plan_served", "Mon 7 Oct 2024"),
        ev("final_plan_issued", "Mon 28 Oct 2024"),
        exceptions=(RecordedException("E3", day("Mon 1 Jul 2024"), day("Wed 10 Jul 2024")),),
    )
    assert one(deadlines, "A6").status is Status.EXCUSED


@pytest.mark.parametrize(
    ("code", "start", "end", "excused"),
    [
        ("REG44_ABSENCE", "Mon 9 Jun 2025", "Sun 22 Jun 2025", True),  # 14 days away
        ("REG44_ABSENCE", "Mon 9 Jun 2025", "Sat 21 Jun 2025", False),
        ("REG44_REPRESENTATIONS", "Thu 5 Jun 2025", None, True),  # first day of the period
        ("REG44_REPRESENTATIONS", "Wed 9 Jul 2025", None, True),  # last day (due date)
        ("REG44_REPRESENTATIONS", "Thu 10 Jul 2025", None, False),  # after the deadline passed
        ("REG44_REPRESENTATIONS", "Wed 4 Jun 2025", None, False),  # the order day itself
        ("REG44_REPRESENTATIONS", "Mon 2 Jun 2025", None, False),  # before the order
        ("REG44_EXCEPTIONAL", "Mon 30 Jun 2025", "Mon 30 Jun 2025", True),
        ("REG8_MISSED_APPOINTMENT", "Mon 30 Jun 2025", None, False),  # not a reg 44 ground
    ],
)
def test_reg_44_grounds_for_tribunal_orders(
    code: str, start: str, end: str | None, excused: bool
) -> None:
    recorded = RecordedException(code, day(start), day(end) if end else None)
    deadlines = schedule(
        ev("tribunal_order_made", "Wed 4 Jun 2025", "amend_content"),
        today="Mon 1 Sep 2025",
        exceptions=(recorded,),
    )
    assert (one(deadlines, "O4").status is Status.EXCUSED) is excused


def test_a_missed_appointment_outside_the_advice_period_does_not_excuse() -> None:
    deadlines = schedule(
        ev("advice_requested", "Wed 5 Mar 2025", "health"),
        today="Thu 17 Apr 2025",
        exceptions=(RecordedException("REG8_MISSED_APPOINTMENT", day("Mon 3 Mar 2025")),),
    )
    assert one(deadlines, "A2").status is Status.OVERDUE
