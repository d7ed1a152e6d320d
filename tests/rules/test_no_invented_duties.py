"""No duty invented from missing facts, no dead limit left open, and breach, guidance and
target kept apart."""

from __future__ import annotations

import pytest

from ehcp.rules import CaseFacts, RecordedException, Status, find_problems
from ehcp.rules.schedule import Consequence

from .helpers import day, ev, keys, one, schedule

REQUEST = ev("request_received", "Mon 6 Jan 2025")
ASSESS = ev("decision_to_assess_notified", "Mon 10 Feb 2025", "assess")
PLAN = ev("final_plan_issued", "Mon 6 Jan 2025")
REFUSAL = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")


def test_a_move_alone_gives_the_council_transfer_but_no_icb_duty() -> None:
    deadlines = schedule(PLAN, ev("moved", "Mon 2 Jun 2025"))
    assert "T1" in keys(deadlines)
    assert "T5" not in keys(deadlines)


def test_the_icb_duty_starts_only_from_a_recorded_change_of_icb() -> None:
    deadlines = schedule(PLAN, ev("icb_aware_of_move", "Mon 2 Jun 2025"))
    assert one(deadlines, "T5").duty_holder == "ICB"


def test_a_move_with_no_plan_on_record_gives_no_transfer_duty() -> None:
    assert "T1" not in keys(schedule(REQUEST, ev("moved", "Mon 2 Jun 2025")))


def test_a_transfer_review_without_the_last_review_date_asks_for_it() -> None:
    t3 = one(schedule(ev("plan_transferred_in", "Tue 10 Jun 2025"), today="Mon 2 Mar 2026"), "T3")
    assert t3.status is Status.NEEDS_FACTS  # not "overdue": the later limb cannot be known
    assert "Record the date the plan was made or last reviewed" in t3.warnings[0]
    assert not t3.is_council_breach


def test_a_transfer_review_with_the_last_review_takes_the_later_limb() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 3 Mar 2025"),
        ev("plan_transferred_in", "Tue 10 Jun 2025"),
        today="Mon 2 Mar 2026",
    )
    t3 = one(deadlines, "T3")
    assert t3.due == day("Mon 2 Mar 2026")  # 12 months starting Mon 3 Mar 2025 beat 9 Sep
    assert t3.status is Status.DUE_SOON


def test_a_ceased_plan_ends_every_review_clock() -> None:
    ceased = ev("plan_ceased", "Mon 3 Nov 2025")
    transfer = ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary")
    deadlines = schedule(PLAN, ceased, transfer, today="Mon 1 Feb 2027")
    assert not keys(deadlines) & {"R1", "P1", "P1.notice_latest"}


def test_a_review_met_before_the_plan_ceased_stays_met() -> None:
    deadlines = schedule(
        PLAN,
        ev("review_meeting_held", "Mon 1 Dec 2025"),
        ev("review_decision_notified", "Mon 15 Dec 2025", "cease"),
        ev("plan_ceased", "Mon 2 Feb 2026"),
        today="Mon 1 Feb 2027",
    )
    assert one(deadlines, "R1").status is Status.MET
    assert "R2" not in keys(deadlines)


def test_a_phase_transfer_without_a_plan_gives_no_phase_transfer_duty() -> None:
    transfer = ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary")
    deadlines = schedule(REQUEST, transfer, today="Mon 2 Mar 2026")
    assert not keys(deadlines) & {"P1", "P1.notice_latest"}


@pytest.mark.parametrize(
    ("born", "interim"),
    [
        ("Thu 10 Dec 2020", True),  # still four on the due date, Tue 9 Dec 2025
        ("Wed 9 Dec 2020", False),  # five on the due date itself
        ("Mon 7 Dec 2020", False),
    ],
)
def test_interim_reviews_stop_at_the_fifth_birthday(born: str, interim: bool) -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 9 Jun 2025"), today="Mon 1 Dec 2025", date_of_birth=day(born)
    )
    assert ("R9" in keys(deadlines)) is interim


def test_a_final_plan_closes_the_draft_targets_and_the_advice_still_awaited() -> None:
    deadlines = schedule(
        REQUEST,
        ASSESS,
        ev("advice_requested", "Tue 11 Feb 2025", "health"),
        ev("final_plan_issued", "Mon 26 May 2025"),
        today="Mon 1 Dec 2025",
    )
    assert not keys(deadlines) & {"A2", "A6.draft_latest", "A6.draft_practical", "A3"}
    assert one(deadlines, "A6").status is Status.MET


def test_a_late_draft_stays_on_record_as_a_missed_target() -> None:
    deadlines = schedule(
        REQUEST,
        ASSESS,
        ev("draft_plan_served", "Mon 19 May 2025"),
        ev("final_plan_issued", "Mon 26 May 2025"),  # breaches the 15 days, a separate flag
        today="Mon 1 Dec 2025",
    )
    draft = one(deadlines, "A6.draft_latest")
    assert (draft.due, draft.status) == (day("Sun 11 May 2025"), Status.MET_LATE)
    assert draft.consequence is Consequence.TARGET
    assert not draft.is_breach


def test_a_decision_not_to_issue_closes_the_plan_and_draft_clocks() -> None:
    deadlines = schedule(
        REQUEST,
        ASSESS,
        ev("advice_requested", "Tue 11 Feb 2025", "school"),
        ev("decision_not_to_issue_notified", "Mon 28 Apr 2025"),
        today="Mon 1 Dec 2025",
    )
    assert not keys(deadlines) & {"A2", "A6", "A6.draft_latest", "A6.draft_practical"}
    assert one(deadlines, "A3").status is Status.MET


@pytest.mark.parametrize(
    ("key", "today", "status", "consequence"),
    [
        ("A6", "Tue 27 May 2025", Status.OVERDUE, Consequence.BREACH),
        ("A6", "Mon 26 May 2025", Status.DUE_SOON, Consequence.BREACH),
        ("A6.draft_latest", "Mon 12 May 2025", Status.BEHIND_TARGET, Consequence.TARGET),
        ("A6.draft_latest", "Sun 11 May 2025", Status.DUE_SOON, Consequence.TARGET),
    ],
)
def test_only_a_statutory_limit_goes_overdue(
    key: str, today: str, status: Status, consequence: Consequence
) -> None:
    deadline = one(schedule(REQUEST, ASSESS, today=today), key)
    assert (deadline.status, deadline.consequence) == (status, consequence)
    assert deadline.is_council_breach is (status is Status.OVERDUE)


def test_guidance_goes_behind_target_never_overdue() -> None:
    r9 = one(
        schedule(PLAN, today="Mon 7 Jul 2025", date_of_birth=day("Mon 6 Jan 2025")), "R9"
    )  # due Sun 6 Jul 2025
    assert (r9.status, r9.consequence) == (Status.BEHIND_TARGET, Consequence.GUIDANCE)
    assert not r9.is_breach


def test_late_advice_is_the_advice_givers_breach_not_the_councils() -> None:
    a2 = one(
        schedule(
            REQUEST,
            ASSESS,
            ev("advice_requested", "Tue 11 Feb 2025", "health"),
            today="Mon 31 Mar 2025",
        ),
        "A2",
    )
    assert a2.status is Status.OVERDUE
    assert a2.is_breach
    assert not a2.is_council_breach


@pytest.mark.parametrize(
    ("order_kind", "route", "ended"),
    [
        ("assess", ev("final_plan_issued", "Mon 2 Jun 2025"), "O2.no_plan"),
        ("assess", ev("decision_not_to_issue_notified", "Mon 5 May 2025"), "O2.final"),
    ],
)
def test_after_an_order_to_assess_the_route_taken_ends_the_other(
    order_kind: str, route: object, ended: str
) -> None:
    deadlines = schedule(
        ev("tribunal_order_made", "Mon 3 Mar 2025", order_kind), route, today="Mon 1 Dec 2025"
    )  # type: ignore[arg-type]
    assert ended not in keys(deadlines)
    assert one(deadlines, "O2.notify")


@pytest.mark.parametrize(
    ("start", "prefix"),
    [
        (ev("unopposed_appeal_notified", "Mon 3 Mar 2025", "assess"), "U1"),
        (ev("mediation_agreement", "Mon 3 Mar 2025", "assess"), "M7.assess"),
    ],
)
def test_a_concession_or_agreement_to_assess_ends_the_route_not_taken(
    start: object, prefix: str
) -> None:
    plan = ev("final_plan_issued", "Mon 2 Jun 2025")
    deadlines = schedule(start, plan, today="Mon 1 Dec 2025")  # type: ignore[arg-type]
    no_plan = "U1.no_plan" if prefix == "U1" else f"{prefix}.no_plan"
    final = "U1.final" if prefix == "U1" else f"{prefix}.final"
    assert no_plan not in keys(deadlines)
    assert one(deadlines, final).status is Status.MET


def problems(*events: object, **facts: object) -> list[str]:
    case = CaseFacts(events=events, **facts)  # type: ignore[arg-type]
    return find_problems(case, day("Mon 1 Dec 2025"))


@pytest.mark.parametrize(
    "name",
    [
        "decision_to_assess_notified",
        "review_decision_notified",
        "reassessment_decision_notified",
        "phase_transfer",
        "tribunal_order_made",
        "unopposed_appeal_notified",
        "mediation_agreement",
        "mediation_adviser_informed",
        "mediation_requested",
        "decision_notice_sent",
    ],
)
def test_an_event_whose_kind_changes_the_law_must_say_its_kind(name: str) -> None:
    found = problems(ev(name, "Mon 3 Mar 2025"))
    assert len(found) == 1
    assert f"{name} on Mon 3 Mar 2025 needs a kind" in found[0]
    assert "kinds:" in found[0]


def test_an_advice_request_without_a_contributor_is_still_accepted() -> None:
    assert problems(REQUEST, ASSESS, ev("advice_requested", "Tue 11 Feb 2025")) == []


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (
            [REFUSAL, ev("mediation_certificate_issued", "Mon 29 Sep 2025")],
            "mediation_certificate_issued on Mon 29 Sep 2025 comes before any appealable",
        ),
        (
            [REFUSAL, ev("appeal_lodged", "Fri 3 Oct 2025")],
            "appeal_lodged on Fri 3 Oct 2025 comes before any appealable decision",
        ),
        (
            [
                REFUSAL,
                ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
                ev("mediation_certificate_issued", "Fri 10 Oct 2025"),
            ],
            "certificate cannot be issued before the family contacted the adviser",
        ),
        (
            [
                REFUSAL,
                ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
                ev("mediation_requested", "Fri 10 Oct 2025", "education"),
            ],
            "mediation cannot be requested before the family contacted",
        ),
        (
            [
                PLAN,
                ev("review_meeting_held", "Mon 1 Dec 2025"),
                ev("amendment_notice_served", "Mon 24 Nov 2025"),
            ],
            "amendment notice cannot come before the review meeting",
        ),
        (
            [PLAN, ev("moved", "Mon 2 Jun 2025"), ev("plan_transferred_in", "Fri 30 May 2025")],
            "cannot be transferred in before the family moved",
        ),
        (
            [
                ev("direct_payment_started", "Mon 2 Jun 2025"),
                ev("direct_payment_reviewed", "Fri 30 May 2025"),
            ],
            "direct payments cannot be reviewed before they started",
        ),
    ],
)
def test_impossible_orders_are_refused(events: list[object], expected: str) -> None:
    assert any(expected.lower() in problem.lower() for problem in problems(*events))


def test_the_same_event_twice_is_refused() -> None:
    found = problems(REQUEST, ASSESS, ASSESS)
    assert "decision_to_assess_notified on Mon 10 Feb 2025 is already on the timeline." in found


def test_a_second_final_plan_for_one_assessment_is_refused() -> None:
    found = problems(
        REQUEST,
        ASSESS,
        ev("final_plan_issued", "Mon 26 May 2025"),
        ev("final_plan_issued", "Mon 2 Jun 2025"),
    )
    assert found == [
        "final_plan_issued on Mon 2 Jun 2025 would be a second one for the same assessment; "
        "record a new request or a re-assessment first."
    ]


@pytest.mark.parametrize(
    "restart",
    [
        ev("request_received", "Mon 1 Dec 2025"),
        ev("reassessment_decision_notified", "Mon 1 Dec 2025", "reassess"),
        ev("tribunal_order_made", "Mon 1 Dec 2025", "assess"),
    ],
)
def test_a_new_request_or_re_assessment_allows_another_plan(restart: object) -> None:
    found = find_problems(
        CaseFacts(
            events=(
                REQUEST,
                ASSESS,
                ev("final_plan_issued", "Mon 26 May 2025"),
                restart,  # type: ignore[arg-type]
                ev("final_plan_issued", "Mon 1 Jun 2026"),
            )
        ),
        day("Tue 2 Jun 2026"),
    )
    assert not [problem for problem in found if "second one" in problem]


def test_a_second_review_decision_is_not_a_duplicate() -> None:
    assert not [
        p
        for p in problems(
            PLAN,
            ev("review_meeting_held", "Mon 3 Mar 2025"),
            ev("review_decision_notified", "Mon 10 Mar 2025", "keep"),
            ev("review_meeting_held", "Mon 2 Jun 2025"),
            ev("review_decision_notified", "Mon 9 Jun 2025", "amend"),
        )
        if "second" in p or "already" in p
    ]


def test_an_exception_record_is_untouched_by_duplicate_checks() -> None:
    exception = RecordedException("E3", day("Mon 3 Mar 2025"), day("Fri 7 Mar 2025"))
    assert problems(REQUEST, exceptions=(exception, exception)) == []


def test_a_draft_plan_means_no_notice_of_no_plan_is_due() -> None:
    deadlines = schedule(
        REQUEST, ASSESS, ev("draft_plan_served", "Mon 14 Apr 2025"), today="Mon 1 Dec 2025"
    )
    assert "A3" not in keys(deadlines)  # due Mon 28 Apr 2025, but the council chose to issue
    assert one(deadlines, "A6").status is Status.OVERDUE


def test_a_case_recorded_from_its_phase_transfer_is_about_a_plan_made_before() -> None:
    transfer = ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary")
    assert one(schedule(transfer, today="Mon 2 Mar 2026"), "P1").due == day("Sat 14 Feb 2026")


def test_a_plan_ceased_the_same_day_as_its_last_review_is_not_maintained() -> None:
    deadlines = schedule(
        ev("review_decision_notified", "Mon 2 Mar 2026", "cease"),
        ev("plan_ceased", "Mon 2 Mar 2026"),
        ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"),
        today="Tue 3 Mar 2026",
    )
    assert not keys(deadlines) & {"P1", "P1.notice_latest"}


def test_a_new_plan_after_a_ceased_one_brings_the_duties_back() -> None:
    deadlines = schedule(
        ev("plan_ceased", "Mon 6 Jan 2025"),
        ev("final_plan_issued", "Mon 2 Jun 2025"),
        ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"),
        today="Tue 3 Mar 2026",
    )
    assert "P1" in keys(deadlines)
