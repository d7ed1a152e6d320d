"""The family's appeal and mediation clocks, as CFA 2014 ss.51 and 55, SEND Regs 2014 regs 33-39
and HESC Rules 2008 r.20(1)(c) with r.12 have them."""

from __future__ import annotations

import pytest

from ehcp.rules import Status
from ehcp.rules.schedule import Consequence

from .helpers import day, ev, keys, one, schedule

REQUEST = ev("request_received", "Mon 1 Sep 2025")
REFUSAL = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")


def test_a_refusal_to_assess_starts_the_appeal_and_mediation_clocks_itself() -> None:
    deadlines = schedule(REQUEST, REFUSAL, today="Mon 20 Oct 2025")
    ap1, m1 = one(deadlines, "AP1"), one(deadlines, "M1")
    # 2 months after Mon 6 Oct is Sat 6 Dec 2025, not a working day: r.12(2) gives Monday.
    assert ap1.due == day("Mon 8 Dec 2025")
    assert "not a working day" in ap1.explanation
    assert m1.due == day("Sat 6 Dec 2025")  # reg 33: the corresponding date, no roll-forward
    assert (ap1.status, m1.status) == (Status.WINDOW_OPEN, Status.WINDOW_OPEN)
    assert ap1.start_event == m1.start_event == "decision_to_assess_notified"


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("Mon 8 Dec 2025", Status.WINDOW_OPEN),  # last day the Tribunal may receive it
        ("Tue 9 Dec 2025", Status.WINDOW_CLOSED),
    ],
)
def test_the_appeal_window_closes_and_is_never_overdue(today: str, status: Status) -> None:
    ap1 = one(schedule(REQUEST, REFUSAL, today=today), "AP1")
    assert ap1.status is status
    assert ap1.consequence is Consequence.FAMILY
    assert not ap1.is_breach
    assert not ap1.is_council_breach


@pytest.mark.parametrize(
    ("lodged", "status"),
    [("Mon 8 Dec 2025", Status.MET), ("Tue 9 Dec 2025", Status.MET_LATE)],
)
def test_an_appeal_lodged_late_is_the_familys_problem_not_a_council_breach(
    lodged: str, status: Status
) -> None:
    deadlines = schedule(
        REQUEST,
        REFUSAL,
        ev("mediation_certificate_issued", "Mon 3 Nov 2025"),  # + 1 month is before Mon 8 Dec
        ev("appeal_lodged", lodged),
        today="Mon 5 Jan 2026",
    )
    ap1 = one(deadlines, "AP1")
    assert ap1.status is status
    assert not ap1.is_breach


def test_after_contacting_the_adviser_the_appeal_waits_for_the_certificate() -> None:
    deadlines = schedule(
        REQUEST,
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 20 Oct 2025", "wants_mediation"),
        today="Wed 10 Dec 2025",  # past the 2 months, but no certificate yet
    )
    ap1 = one(deadlines, "AP1")
    assert ap1.status is Status.PENDING
    assert "Not before 1 month after the mediation certificate" in ap1.warnings[0]
    assert "s.55(3)" in ap1.warnings[0]
    assert one(deadlines, "M1").status is Status.MET


def test_asking_for_mediation_also_puts_the_appeal_on_hold() -> None:
    deadlines = schedule(
        REQUEST,
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 20 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Tue 21 Oct 2025", "education"),
        today="Fri 12 Dec 2025",
    )
    assert one(deadlines, "AP1").status is Status.PENDING


def test_the_certificate_ends_the_wait_and_proves_the_adviser_was_contacted() -> None:
    deadlines = schedule(
        REQUEST,
        REFUSAL,
        ev("mediation_certificate_issued", "Thu 4 Dec 2025"),
        today="Fri 12 Dec 2025",
    )
    ap1 = one(deadlines, "AP1")
    # The later of Mon 8 Dec (notice) and Sun 4 Jan 2026 (certificate + 1 month): a Sunday.
    assert ap1.due == day("Mon 5 Jan 2026")
    assert ap1.status is Status.WINDOW_OPEN
    assert one(deadlines, "M1").completed_on == day("Thu 4 Dec 2025")


def test_a_pending_appeal_becomes_a_dated_window_once_the_certificate_is_issued() -> None:
    events = (
        REQUEST,
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 20 Oct 2025", "wants_mediation"),
    )
    before = one(schedule(*events, today="Wed 3 Dec 2025"), "AP1")
    after = one(
        schedule(
            *events, ev("mediation_certificate_issued", "Thu 4 Dec 2025"), today="Thu 4 Dec 2025"
        ),
        "AP1",
    )
    assert before.status is Status.PENDING
    assert (after.status, after.due) == (Status.WINDOW_OPEN, day("Mon 5 Jan 2026"))


APPEALABLE = [
    ("decision_to_assess_notified", "refuse"),
    ("decision_not_to_issue_notified", None),
    ("final_plan_issued", None),
    ("amended_plan_issued", None),
    ("reassessment_decision_notified", "refuse"),
    ("review_decision_notified", "keep"),
    ("review_decision_notified", "cease"),
    ("amendment_withdrawn_notified", None),
]


@pytest.mark.parametrize(("name", "kind"), APPEALABLE)
def test_every_appealable_decision_starts_its_own_clocks(name: str, kind: str | None) -> None:
    deadlines = schedule(ev(name, "Thu 3 Apr 2025", kind), today="Fri 4 Apr 2025")
    ap1, m1 = one(deadlines, "AP1"), one(deadlines, "M1")
    assert (ap1.start_event, m1.start_event) == (name, name)
    assert (ap1.due, m1.due) == (day("Tue 3 Jun 2025"), day("Tue 3 Jun 2025"))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("decision_to_assess_notified", "assess"),
        ("reassessment_decision_notified", "reassess"),
        ("review_decision_notified", "amend"),
        ("draft_plan_served", None),
    ],
)
def test_decisions_that_are_not_appealable_start_no_appeal(name: str, kind: str | None) -> None:
    assert not keys(schedule(ev(name, "Tue 3 Jun 2025", kind))) & {"AP1", "M1"}


@pytest.mark.parametrize("sent", ["Mon 6 Oct 2025", "Fri 10 Oct 2025"])
def test_a_recorded_notice_of_the_same_decision_gives_one_appeal_dated_by_the_notice(
    sent: str,
) -> None:
    deadlines = schedule(
        REQUEST, REFUSAL, ev("decision_notice_sent", sent, "refuse_to_assess"), today=sent
    )
    appeals = [d for d in deadlines if d.id == "AP1"]
    assert len(appeals) == 1
    assert [d.id for d in deadlines].count("M1") == 1
    assert appeals[0].start_date == day(sent)


def test_a_notice_of_a_different_decision_is_a_second_appeal() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 2 Jun 2025"),
        ev("decision_notice_sent", "Mon 2 Jun 2025", "cease"),
    )
    assert [d.id for d in deadlines].count("AP1") == 2


def test_a_notice_recorded_with_no_decision_event_stands_on_its_own() -> None:
    deadlines = schedule(ev("decision_notice_sent", "Mon 2 Jun 2025", "refuse_to_amend"))
    assert one(deadlines, "AP1").start_event == "decision_notice_sent"


def test_a_certificate_belongs_to_the_latest_decision_before_it() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 6 Jan 2025"),
        ev("mediation_adviser_informed", "Mon 3 Feb 2025", "certificate_only"),
        ev("review_decision_notified", "Mon 3 Mar 2025", "cease"),
        today="Mon 2 Jun 2025",
    )
    first, second = sorted((d for d in deadlines if d.id == "AP1"), key=lambda d: d.start_date)
    assert first.status is Status.PENDING  # contacted about the plan, no certificate yet
    assert second.status is Status.WINDOW_CLOSED  # nothing done about the cease decision


def test_health_only_mediation_runs_from_when_the_council_told_the_icb() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Mon 3 Nov 2025", "health"),
        ev("icb_told_of_mediation", "Wed 5 Nov 2025"),
        today="Thu 6 Nov 2025",
    )
    health = one(deadlines, "M4.health")
    assert health.due == day("Fri 5 Dec 2025")  # 30 days after Wed 5 Nov (C3)
    assert health.duty_holder == "ICB"
    assert "M4" not in keys(deadlines)  # the council's 30 days do not apply
    assert one(deadlines, "M3").status is Status.MET


@pytest.mark.parametrize("kind", ["education", "mixed"])
def test_education_or_mixed_mediation_runs_from_the_familys_request(kind: str) -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Mon 3 Nov 2025", kind),
        ev("icb_told_of_mediation", "Wed 5 Nov 2025"),
    )
    assert one(deadlines, "M4").due == day("Wed 3 Dec 2025")
    assert "M4.health" not in keys(deadlines)


def test_health_mediation_before_the_icb_is_told_shows_the_councils_3_days_only() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Mon 3 Nov 2025", "health"),
        today="Mon 10 Nov 2025",
    )
    assert not keys(deadlines) & {"M4", "M4.health"}
    assert one(deadlines, "M3").status is Status.OVERDUE  # 3 working days: Thu 6 Nov 2025


def test_a_certificate_before_mediation_takes_place_ends_the_30_days() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Mon 3 Nov 2025", "education"),
        ev("mediation_certificate_issued", "Mon 10 Nov 2025"),
        today="Mon 8 Dec 2025",
    )
    assert "M4" not in keys(deadlines)


@pytest.mark.parametrize(
    ("kind", "notified", "due"),
    [
        # Before 23 March 2015, reg 45 as made: 2 weeks for section I alone (reg 45(5)), and
        # 4 weeks for content (reg 45(4)).
        ("placement", "Mon 2 Mar 2015", "Mon 16 Mar 2015"),
        ("content_and_placement", "Mon 2 Mar 2015", "Mon 30 Mar 2015"),
        ("placement", "Mon 23 Mar 2015", "Mon 6 Apr 2015"),  # reg 45(5) as substituted
        ("content_and_placement", "Mon 23 Mar 2015", "Mon 27 Apr 2015"),
    ],
)
def test_a_conceded_section_i_appeal(kind: str, notified: str, due: str) -> None:
    deadlines = schedule(ev("unopposed_appeal_notified", notified, kind))
    assert one(deadlines, "U3").due == day(due)
