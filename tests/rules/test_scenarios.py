"""Every worked case in shared/spec/deadline-scenarios.md, as a test (numbered as there)."""

from __future__ import annotations

import pytest

from ehcp.rules import RecordedException, SettingClosure, Status
from ehcp.rules.schedule import Consequence

from .helpers import day, ev, keys, one, schedule


def test_1_standard_request_with_a_bank_holiday_20_week_date() -> None:
    deadlines = schedule(ev("request_received", "Mon 8 Jan 2024"), today="Mon 8 Jan 2024")
    assert one(deadlines, "A1").due == day("Mon 19 Feb 2024")
    assert one(deadlines, "A3").due == day("Mon 29 Apr 2024")
    a6 = one(deadlines, "A6")
    assert a6.due == day("Mon 27 May 2024")
    assert a6.operational_target == day("Fri 24 May 2024")
    assert [one(deadlines, k).day_one_date for k in ("A1", "A3", "A6")] == [
        day("Sun 18 Feb 2024"),
        day("Sun 28 Apr 2024"),
        day("Sun 26 May 2024"),
    ]


@pytest.mark.parametrize(
    ("issued", "status"),
    [("Mon 27 May 2024", Status.MET), ("Tue 28 May 2024", Status.MET_LATE)],
)
def test_1_issuing_on_the_bank_holiday_itself_is_in_time(issued: str, status: Status) -> None:
    deadlines = schedule(
        ev("request_received", "Mon 8 Jan 2024"),
        ev("decision_to_assess_notified", "Mon 12 Feb 2024"),
        ev("draft_plan_served", "Mon 1 Apr 2024"),
        ev("final_plan_issued", issued),
    )
    assert one(deadlines, "A6").status is status
    assert "A3" not in keys(deadlines)  # a plan was issued, so no notice not to issue is due


def test_3_leap_year_crossing_counts_days_not_months() -> None:
    deadlines = schedule(ev("request_received", "Thu 15 Feb 2024"))
    assert one(deadlines, "A1").due == day("Thu 28 Mar 2024")
    assert one(deadlines, "A3").due == day("Thu 6 Jun 2024")
    assert one(deadlines, "A6").due == day("Thu 4 Jul 2024")


def test_5_request_emailed_on_a_saturday_runs_from_actual_receipt() -> None:
    legal = schedule(ev("request_received", "Sat 2 Nov 2024"))
    assert one(legal, "A1").due == day("Sat 14 Dec 2024")
    assert one(legal, "A6").due == day("Sat 22 Mar 2025")
    assert one(legal, "A6").operational_target == day("Fri 21 Mar 2025")
    logged = schedule(ev("request_received", "Mon 4 Nov 2024"))
    assert one(logged, "A6").due == day("Mon 24 Mar 2025")


@pytest.mark.parametrize(
    ("issued", "status", "warning"),
    [
        (None, Status.NOT_YET_DUE, "logged date gives Mon 24 Mar 2025"),
        ("Mon 24 Mar 2025", Status.MET_LATE, "Disputed"),
        ("Tue 25 Mar 2025", Status.MET_LATE, "logged date gives Mon 24 Mar 2025"),
    ],
)
def test_5_the_councils_logged_date_is_stored_but_never_moves_the_clock(
    issued: str | None, status: Status, warning: str
) -> None:
    events = [ev("request_received", "Sat 2 Nov 2024"), ev("request_logged", "Mon 4 Nov 2024")]
    if issued:
        events += [
            ev("decision_to_assess_notified", "Fri 13 Dec 2024"),
            ev("draft_plan_served", "Mon 3 Mar 2025"),
            ev("final_plan_issued", issued),
        ]
    a6 = one(schedule(*events, today="Mon 3 Mar 2025" if not issued else issued), "A6")
    assert a6.due == day("Sat 22 Mar 2025")
    assert a6.status is status
    assert warning in a6.warnings[0]


SUMMER = SettingClosure("Oak Primary", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024"))


@pytest.mark.parametrize(
    ("asked", "excused"),
    [("Mon 15 Jul 2024", False), ("Tue 16 Jul 2024", True), ("Thu 29 Aug 2024", False)],
)
def test_7_summer_closure_exception_needs_the_request_inside_the_window(
    asked: str, excused: bool
) -> None:
    deadlines = schedule(
        ev("request_received", "Mon 3 Jun 2024"),
        ev("advice_requested", asked, "school"),
        today="Tue 22 Oct 2024",
        closures=(SUMMER,),
        exceptions=(RecordedException("E1", day(asked), setting="Oak Primary"),),
    )
    a6 = one(deadlines, "A6")
    assert a6.due == day("Mon 21 Oct 2024")
    assert a6.status is (Status.EXCUSED if excused else Status.OVERDUE)
    assert a6.indicative_date == (day("Wed 4 Dec 2024") if excused else None)


def test_9_missed_appointment_excuses_the_health_body_but_not_the_council() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 3 Feb 2025"),
        ev("advice_requested", "Wed 5 Mar 2025", "health"),
        today="Thu 17 Apr 2025",
        exceptions=(RecordedException("REG8_MISSED_APPOINTMENT", day("Thu 20 Mar 2025")),),
    )
    advice = one(deadlines, "A2")
    assert advice.due == day("Wed 16 Apr 2025")
    assert advice.status is Status.EXCUSED
    assert advice.exception == "REG8_MISSED_APPOINTMENT"
    assert one(deadlines, "A6").exception is None


def test_11_school_consultation_is_guidance_only() -> None:
    deadlines = schedule(ev("school_consulted", "Mon 17 Mar 2025"), today="Wed 2 Apr 2025")
    a5 = one(deadlines, "A5")
    assert a5.due == day("Tue 1 Apr 2025")
    assert a5.basis == "guidance"
    assert a5.status is Status.BEHIND_TARGET  # "overdue (guidance)": never a breach
    assert a5.consequence is Consequence.GUIDANCE


def test_13_review_leading_to_amendment_follows_the_devon_12_weeks() -> None:
    deadlines = schedule(
        ev("review_meeting_held", "Tue 10 Jun 2025"),
        ev("review_decision_notified", "Tue 8 Jul 2025", "amend"),
        ev("amendment_notice_served", "Tue 8 Jul 2025"),
        today="Wed 3 Sep 2025",
    )
    assert one(deadlines, "R5").due == day("Tue 24 Jun 2025")
    r6 = one(deadlines, "R6")
    assert (r6.due, r6.status) == (day("Tue 8 Jul 2025"), Status.MET)
    r7 = one(deadlines, "R7")
    assert r7.due == day("Wed 23 Jul 2025")  # the window is Tue 8 Jul to Tue 22 Jul
    r8 = one(deadlines, "R8")
    assert (r8.due, r8.status) == (day("Tue 2 Sep 2025"), Status.OVERDUE)


@pytest.mark.parametrize(
    ("made", "review_by"),
    [("Thu 29 Feb 2024", "Fri 28 Feb 2025"), ("Wed 1 Mar 2023", "Thu 29 Feb 2024")],
)
def test_15_review_period_of_12_months_starting_with_the_plan(made: str, review_by: str) -> None:
    assert one(schedule(ev("final_plan_issued", made)), "R1").due == day(review_by)


def test_17_under_five_interim_review_is_guidance_beside_the_annual_review() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Tue 10 Sep 2024"), date_of_birth=day("Thu 1 Jul 2021")
    )
    r9 = one(deadlines, "R9")
    assert (r9.due, r9.basis) == (day("Mon 10 Mar 2025"), "guidance")
    assert one(deadlines, "R1").due == day("Tue 9 Sep 2025")


@pytest.mark.parametrize(
    ("issued", "status", "amber"),
    [
        ("Mon 30 Mar 2026", Status.MET, False),
        ("Tue 31 Mar 2026", Status.MET_LATE, True),
        ("Wed 1 Apr 2026", Status.MET_LATE, False),
    ],
)
def test_19_secondary_to_college_before_31_march(issued: str, status: Status, amber: bool) -> None:
    deadlines = schedule(
        ev("phase_transfer", "Tue 1 Sep 2026", "secondary_to_post16"),
        ev("amended_plan_issued", issued),
    )
    p2 = one(deadlines, "P2")
    assert (p2.due, p2.status) == (day("Mon 30 Mar 2026"), status)
    assert any("Amber" in w for w in p2.warnings) is amber


def test_19_latest_amendment_notice_that_leaves_the_full_15_days() -> None:
    deadlines = schedule(
        ev("phase_transfer", "Tue 1 Sep 2026", "secondary_to_post16"),
        ev("amendment_notice_served", "Mon 16 Mar 2026"),
    )
    notice = one(deadlines, "P2.notice_latest")
    assert notice.due == day("Sun 15 Mar 2026")
    assert notice.operational_target == day("Fri 13 Mar 2026")
    assert notice.status is Status.MET_LATE
    assert notice.warnings == ()


def test_19_staying_in_the_same_school_sixth_form_is_not_a_phase_transfer() -> None:
    deadlines = schedule(ev("phase_transfer", "Tue 1 Sep 2026", "same_school_sixth_form"))
    assert not keys(deadlines) & {"P1", "P2", "P3"}


def test_21_year_9_review_notice_report_and_decision() -> None:
    deadlines = schedule(ev("review_meeting_held", "Wed 12 Nov 2025"))
    assert one(deadlines, "R3").due == day("Wed 29 Oct 2025")
    assert one(deadlines, "R5").due == day("Wed 26 Nov 2025")
    assert one(deadlines, "R6").due == day("Wed 10 Dec 2025")


def test_23_move_with_late_notice_and_a_bank_holiday_in_the_count() -> None:
    deadlines = schedule(
        ev("review_decision_notified", "Fri 15 Nov 2024"),
        ev("la_aware_of_move", "Tue 20 May 2025"),
        ev("moved", "Mon 2 Jun 2025"),
        ev("plan_transferred_in", "Tue 10 Jun 2025"),
    )
    t1 = one(deadlines, "T1")
    assert (t1.due, t1.status) == (day("Tue 10 Jun 2025"), Status.MET)
    assert one(deadlines, "T2").due == day("Tue 22 Jul 2025")
    assert one(deadlines, "T3").due == day("Fri 14 Nov 2025")


def test_25_change_of_icb_over_christmas() -> None:
    deadlines = schedule(ev("icb_aware_of_change", "Mon 22 Dec 2025"))
    assert one(deadlines, "T6").due == day("Wed 14 Jan 2026")


def test_27_mediation_certificate_and_the_appeal_deadline() -> None:
    deadlines = schedule(
        ev("decision_notice_sent", "Mon 20 Oct 2025"),
        ev("mediation_requested", "Mon 3 Nov 2025", "education"),
        ev("mediation_held", "Mon 1 Dec 2025"),
        ev("mediation_certificate_issued", "Thu 4 Dec 2025"),
    )
    m4 = one(deadlines, "M4")
    assert (m4.due, m4.status) == (day("Wed 3 Dec 2025"), Status.MET)
    m6 = one(deadlines, "M6")
    assert (m6.due, m6.status) == (day("Thu 4 Dec 2025"), Status.MET)
    assert one(deadlines, "AP1").due == day("Mon 5 Jan 2026")


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        ("Sun 31 Dec 2023", "Thu 29 Feb 2024"),
        ("Tue 31 Dec 2024", "Fri 28 Feb 2025"),
        ("Sat 30 Nov 2024", "Thu 30 Jan 2025"),
        ("Wed 31 Jul 2024", "Mon 30 Sep 2024"),
    ],
)
def test_29_appeal_month_ends(sent: str, due: str) -> None:
    assert one(schedule(ev("decision_notice_sent", sent)), "AP1").due == day(due)


@pytest.mark.parametrize(
    ("sent", "certificate", "due"),
    [
        ("Sat 1 Oct 2022", "Tue 29 Nov 2022", "Tue 3 Jan 2023"),
        ("Thu 30 Oct 2025", None, "Fri 2 Jan 2026"),
        ("Fri 30 Oct 2026", None, "Mon 4 Jan 2027"),
        ("Mon 23 Oct 2023", None, "Wed 27 Dec 2023"),
    ],
)
def test_31_the_tribunal_christmas_rule(sent: str, certificate: str | None, due: str) -> None:
    events = [ev("decision_notice_sent", sent)]
    if certificate:
        events.append(ev("mediation_certificate_issued", certificate))
    assert one(schedule(*events), "AP1").due == day(due)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("content", {"U2": "Mon 7 Apr 2025"}),
        ("placement", {"U3": "Mon 17 Mar 2025"}),
        ("content_and_placement", {"U3": "Mon 7 Apr 2025"}),
        ("refuse_to_issue", {"U4.draft": "Mon 7 Apr 2025", "U4.final": "Mon 19 May 2025"}),
        (
            "assess",
            {
                "U1.notify": "Mon 17 Mar 2025",
                "U1.no_plan": "Mon 12 May 2025",
                "U1.final": "Mon 9 Jun 2025",
            },
        ),
    ],
)
def test_33_unopposed_appeals(kind: str, expected: dict[str, str]) -> None:
    deadlines = schedule(ev("unopposed_appeal_notified", "Mon 3 Mar 2025", kind))
    assert {d.key: d.due for d in deadlines} == {k: day(v) for k, v in expected.items()}


def test_35_tribunal_recommendations_reply_within_5_weeks() -> None:
    deadlines = schedule(ev("tribunal_recommendations_made", "Wed 5 Mar 2025"))
    assert one(deadlines, "REC").due == day("Wed 9 Apr 2025")


def test_37_review_notice_around_a_bank_holiday() -> None:
    deadlines = schedule(
        ev("review_meeting_held", "Tue 2 Jun 2026"),
        ev("review_invitations_sent", "Tue 19 May 2026"),
        today="Tue 2 Jun 2026",
    )
    r3 = one(deadlines, "R3")
    assert (r3.due, r3.status) == (day("Tue 19 May 2026"), Status.MET)
    assert r3.warnings  # exactly 14 days: a breach on the strict "clear days" reading
    assert one(deadlines, "R5").due == day("Tue 16 Jun 2026")
    assert one(deadlines, "R6").due == day("Tue 30 Jun 2026")


COVID = (RecordedException("COVID", day("Mon 2 Mar 2020"), day("Fri 25 Sep 2020")),)


def test_39_covid_window_only_covers_deadlines_falling_inside_it() -> None:
    march = schedule(
        ev("request_received", "Mon 2 Mar 2020"), today="Sun 1 Nov 2020", exceptions=COVID
    )
    assert one(march, "A1").due == day("Mon 13 Apr 2020")
    assert one(march, "A1").status is Status.OVERDUE
    assert one(march, "A6").due == day("Mon 20 Jul 2020")
    assert one(march, "A6").status is Status.EXCUSED
    june = schedule(
        ev("request_received", "Mon 1 Jun 2020"), today="Sun 1 Nov 2020", exceptions=COVID
    )
    assert one(june, "A1").status is Status.EXCUSED
    assert one(june, "A6").due == day("Mon 19 Oct 2020")
    assert one(june, "A6").status is Status.OVERDUE


@pytest.mark.parametrize(
    ("route", "latest"),
    [("further_education", "Fri 31 Jul 2026"), ("apprenticeship", "Tue 9 Mar 2027")],
)
def test_41_end_of_plan_after_the_25th_birthday(route: str, latest: str) -> None:
    deadlines = schedule(
        today="Sun 1 Feb 2026", date_of_birth=day("Sat 10 Mar 2001"), post16_route=route
    )
    assert one(deadlines, "Q6").due == day(latest)
