"""More first-and-last-day cases, and the exact words of each warning and refusal."""

from __future__ import annotations

import pytest

from ehcp.rules import CaseFacts, FactsError, RecordedException, SettingClosure, Status
from ehcp.rules.serialise import facts_from_dict
from ehcp.rules.validation import find_problems

from .helpers import day, ev, keys, one, schedule

PLAN = ev("final_plan_issued", "Mon 6 Jan 2025")


def test_a_contact_on_the_next_decisions_day_does_not_hold_the_earlier_appeal() -> None:
    deadlines = schedule(
        PLAN,
        ev("review_decision_notified", "Mon 3 Mar 2025", "cease"),
        ev("mediation_adviser_informed", "Mon 3 Mar 2025", "wants_mediation"),
        today="Mon 10 Mar 2025",
    )
    first, second = sorted((d for d in deadlines if d.id == "AP1"), key=lambda d: d.start_date)
    assert first.status is Status.WINDOW_CLOSED
    assert second.status is Status.PENDING


def test_a_move_after_the_notice_is_the_one_counted_when_there_are_two() -> None:
    deadlines = schedule(
        PLAN,
        ev("moved", "Mon 3 Feb 2025"),
        ev("la_aware_of_move", "Thu 1 May 2025"),
        ev("moved", "Mon 2 Jun 2025"),
    )
    assert one(deadlines, "T1").due == day("Mon 2 Jun 2025")


def test_a_move_on_the_day_the_council_learns_of_it_counts_as_after() -> None:
    deadlines = schedule(
        PLAN,
        ev("moved", "Mon 3 Feb 2025"),
        ev("la_aware_of_move", "Mon 2 Jun 2025"),
        ev("moved", "Mon 2 Jun 2025"),
    )
    assert one(deadlines, "T1").due == day("Fri 20 Jun 2025")


def test_a_plan_issued_on_the_transfer_day_is_not_an_earlier_plan() -> None:
    t3 = one(
        schedule(
            ev("final_plan_issued", "Tue 10 Jun 2025"),
            ev("plan_transferred_in", "Tue 10 Jun 2025"),
        ),
        "T3",
    )
    assert t3.status is Status.NEEDS_FACTS
    assert t3.warnings[0].startswith("Record the date the plan was made or last reviewed: ")
    assert t3.warnings[0].endswith("so the date shown is only the earliest.")


def test_a_review_before_the_transfer_is_enough_to_date_the_review_limit() -> None:
    t3 = one(
        schedule(
            ev("review_decision_notified", "Mon 3 Mar 2025", "keep"),
            ev("plan_transferred_in", "Tue 10 Jun 2025"),
        ),
        "T3",
    )
    assert t3.status is not Status.NEEDS_FACTS
    assert t3.due == day("Mon 2 Mar 2026")


def test_the_end_of_a_plan_at_25_words_exactly() -> None:
    q6 = one(
        schedule(
            today="Mon 10 Mar 2025", date_of_birth=day("Sat 10 Mar 2001"), post16_route="other"
        ),
        "Q6",
    )
    assert ". the day before the 26th birthday (or the end of the course first) = " in (
        q6.explanation
    )


def test_a_file_without_a_post16_route_means_further_education() -> None:
    facts = facts_from_dict({"date_of_birth": "2001-03-10"})
    assert facts.post16_route == "further_education"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "A case file must hold one JSON object with an 'events' list."),
        (
            {"date_of_birth": "soon"},
            "The date of birth 'soon' is not a real date (use YYYY-MM-DD).",
        ),
    ],
)
def test_a_broken_case_file_is_described_exactly(data: object, problem: str) -> None:
    with pytest.raises(FactsError) as raised:
        facts_from_dict(data)
    assert raised.value.problems == [problem]
    assert str(raised.value) == problem


def test_a_plan_ceased_on_the_day_of_the_reassessment_request_is_not_maintained() -> None:
    deadlines = schedule(
        PLAN,
        ev("plan_ceased", "Mon 2 Jun 2025"),
        ev("reassessment_request_received", "Mon 2 Jun 2025"),
    )
    assert "Q1" not in keys(deadlines)


def test_a_request_on_the_day_of_a_phase_transfer_means_no_plan_yet() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 1 Sep 2025"),
        ev("phase_transfer", "Mon 1 Sep 2025", "primary_to_secondary"),
        today="Tue 2 Sep 2025",
    )
    assert "P1" not in keys(deadlines)


def test_notice_of_the_review_meeting_given_on_the_day_itself_is_late_not_missing() -> None:
    deadlines = schedule(
        PLAN,
        ev("review_invitations_sent", "Tue 10 Jun 2025"),
        ev("review_meeting_held", "Tue 10 Jun 2025"),
        today="Wed 11 Jun 2025",
    )
    r3 = one(deadlines, "R3")
    assert (r3.due, r3.status) == (day("Tue 27 May 2025"), Status.MET_LATE)


@pytest.mark.parametrize(
    ("events", "key", "warning"),
    [
        (
            [
                PLAN,
                ev("review_meeting_held", "Tue 10 Jun 2025"),
                ev("review_decision_notified", "Tue 1 Jul 2025", "amend"),
            ],
            "R6",
            "Decision to amend sent without the proposed amendments (Devon).",
        ),
        (
            [
                PLAN,
                ev("review_invitations_sent", "Tue 27 May 2025"),
                ev("review_meeting_held", "Tue 10 Jun 2025"),
            ],
            "R3",
            "Exactly two weeks: a breach if 'clear days' are required.",
        ),
        (
            [
                PLAN,
                ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"),
                ev("amended_plan_issued", "Sun 15 Feb 2026"),
            ],
            "P1",
            "Amber: issued on the date itself; the regulation says 'before'.",
        ),
    ],
)
def test_warnings_are_worded_exactly(events: list[object], key: str, warning: str) -> None:
    deadline = one(schedule(*events, today="Mon 2 Mar 2026"), key)  # type: ignore[arg-type]
    assert deadline.warnings == (warning,)


def test_a_request_logged_on_the_day_of_receipt_gives_no_logged_date_warning() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 4 Nov 2024"), ev("request_logged", "Mon 4 Nov 2024")
    )
    assert one(deadlines, "A6").warnings == ()


def test_the_logged_date_is_shown_only_on_the_limits_councils_count_from_day_one() -> None:
    deadlines = schedule(
        ev("request_received", "Sat 2 Nov 2024"), ev("request_logged", "Mon 4 Nov 2024")
    )
    assert one(deadlines, "A6").warnings
    assert one(deadlines, "A6.draft_latest").warnings == ()


def test_only_limits_counted_from_day_one_get_a_day_one_date() -> None:
    deadlines = schedule(ev("advice_requested", "Wed 5 Mar 2025", "health"))
    assert one(deadlines, "A2").day_one_date is None


SUMMER = SettingClosure("Oak Primary", day("Tue 11 Jun 2024"), day("Tue 16 Jul 2024"))


def test_advice_asked_on_the_first_day_of_the_period_counts() -> None:
    a6 = one(
        schedule(
            ev("request_received", "Mon 3 Jun 2024"),
            closures=(SUMMER,),
            exceptions=(RecordedException("E1", day("Tue 4 Jun 2024"), setting="Oak Primary"),),
        ),
        "A6",
    )
    assert a6.status is Status.EXCUSED


def test_the_qualifying_closure_is_found_after_ones_that_do_not_qualify() -> None:
    elsewhere = SettingClosure("Elm Primary", day("Tue 11 Jun 2024"), day("Tue 16 Jul 2024"))
    half_term = SettingClosure("Oak Primary", day("Mon 27 May 2024"), day("Mon 3 Jun 2024"))
    a6 = one(
        schedule(
            ev("request_received", "Mon 3 Jun 2024"),
            closures=(elsewhere, half_term, SUMMER),
            exceptions=(RecordedException("E1", day("Tue 4 Jun 2024"), setting="Oak Primary"),),
        ),
        "A6",
    )
    assert a6.status is Status.EXCUSED


def test_the_coronavirus_finding_is_explained_exactly() -> None:
    a1 = one(
        schedule(
            ev("request_received", "Fri 20 Mar 2020"),
            exceptions=(
                RecordedException("COVID", day("Fri 20 Mar 2020"), day("Fri 1 May 2020")),
            ),
        ),
        "A1",
    )
    assert (
        "Exception COVID applies: the deadline fell between 1 May and 25 Sep 2020. "
        "The limit falls away" in a1.explanation
    )


def problems(*events: object, **facts: object) -> list[str]:
    return find_problems(CaseFacts(events=events, **facts), day("Mon 1 Dec 2025"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("events", "problem"),
    [
        (
            [ev("appeal_lodged", "Mon 3 Mar 2025")],
            "appeal_lodged on Mon 3 Mar 2025 comes before any appealable decision was notified.",
        ),
        (
            [ev("moved", "Mon 3 Mar 2025", "primary")],
            "'primary' is not a kind of moved (kinds: none).",
        ),
        (
            [ev("phase_transfer", "Mon 3 Mar 2025", "primary")],
            "'primary' is not a kind of phase_transfer (kinds: early_years_to_school, "
            "infant_to_junior, primary_to_middle, primary_to_secondary, middle_to_secondary, "
            "secondary_to_post16, post16_to_post16, same_school_sixth_form).",
        ),
        (
            [ev("mediation_agreement", "Mon 3 Mar 2025")],
            "mediation_agreement on Mon 3 Mar 2025 needs a kind, because the kind decides which "
            "time limit applies (kinds: assess, make_plan, amend_content, amend_placement, "
            "non_appealable).",
        ),
        (
            [ev("final_plan_issued", "Tue 2 Dec 2025")],
            "final_plan_issued is dated Tue 2 Dec 2025, which is after today.",
        ),
    ],
)
def test_each_problem_is_one_exact_sentence(events: list[object], problem: str) -> None:
    assert problems(*events) == [problem]


def test_every_problem_is_reported_not_only_the_first() -> None:
    found = problems(
        ev("request_received", "Mon 3 Mar 2025"),
        ev("decision_to_assess_notified", "Mon 3 Feb 2025", "assess"),
        ev("draft_plan_served", "Mon 27 Jan 2025"),
    )
    assert len(found) == 3  # two before the request, and the draft before the decision


def test_bad_exceptions_are_each_named_exactly() -> None:
    found = problems(
        exceptions=(
            RecordedException("E9", day("Mon 3 Mar 2025")),
            RecordedException("E3", day("Mon 3 Mar 2025"), day("Mon 3 Feb 2025")),
        ),
    )
    assert found == [
        "'E9' is not a known exception (known: E1, E2, E3, E4, REG8_EXCEPTIONAL, REG8_ABSENCE, "
        "REG8_MISSED_APPOINTMENT, REG44_EXCEPTIONAL, REG44_ABSENCE, REG44_REPRESENTATIONS, "
        "COVID).",
        "Exception E3 ends before it starts.",
    ]


def test_an_unknown_event_suggests_one_name() -> None:
    assert problems(ev("final_plan_isued", "Mon 3 Mar 2025")) == [
        "'final_plan_isued' is not an event this system knows. Did you mean 'final_plan_issued'?"
    ]


def test_a_row_in_force_to_a_date_covers_that_last_day() -> None:
    deadlines = schedule(ev("unopposed_appeal_notified", "Sun 22 Mar 2015", "placement"))
    assert one(deadlines, "U3").due == day("Sun 5 Apr 2015")  # reg 45(5) as made: 2 weeks
