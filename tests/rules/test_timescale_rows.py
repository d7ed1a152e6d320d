"""One worked example for every timescale row the scenario file does not already cover.

Expected dates were worked out by hand (calendar arithmetic and the England bank holidays),
not taken from the engine.
"""

from __future__ import annotations

import pytest

from ehcp.rules import Status
from ehcp.rules.events import Event

from .helpers import day, ev, keys, one, schedule

# Phase transfers, moves and re-assessment requests are about a plan already made.
PLAN = ev("final_plan_issued", "Mon 6 Jan 2025")

ROWS = [
    ("A4", [ev("draft_plan_served", "Mon 3 Mar 2025")], "Tue 18 Mar 2025"),
    ("R2", [ev("review_decision_notified", "Fri 14 Mar 2025")], "Fri 13 Mar 2026"),
    ("R4", [ev("review_meeting_held", "Wed 12 Nov 2025")], "Wed 29 Oct 2025"),
    (
        "P1",
        [ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"), PLAN],
        "Sat 14 Feb 2026",
    ),
    (
        "P1.notice_latest",
        [ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"), PLAN],
        "Fri 30 Jan 2026",
    ),
    ("P3", [ev("phase_transfer", "Mon 5 Jan 2026", "post16_to_post16"), PLAN], "Tue 5 Aug 2025"),
    ("P3", [ev("phase_transfer", "Sat 31 Oct 2026", "post16_to_post16"), PLAN], "Sun 31 May 2026"),
    ("Q1", [ev("reassessment_request_received", "Mon 3 Mar 2025"), PLAN], "Tue 18 Mar 2025"),
    ("Q2", [ev("reassessment_advice_requested", "Wed 5 Mar 2025", "health")], "Wed 16 Apr 2025"),
    (
        "Q3",
        [ev("reassessment_decision_notified", "Tue 18 Mar 2025", "reassess")],
        "Tue 24 Jun 2025",
    ),
    ("M1", [ev("decision_notice_sent", "Mon 20 Oct 2025")], "Sat 20 Dec 2025"),
    (
        "M2",
        [ev("mediation_adviser_informed", "Tue 23 Dec 2025", "certificate_only")],
        "Tue 30 Dec 2025",
    ),
    ("M3", [ev("mediation_requested", "Thu 17 Apr 2025", "health")], "Thu 24 Apr 2025"),
    ("M5", [ev("mediation_unavailable_notified", "Fri 2 May 2025")], "Thu 8 May 2025"),
    (
        "M7.assess.notify",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "assess")],
        "Mon 17 Mar 2025",
    ),
    (
        "M7.assess.no_plan",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "assess")],
        "Mon 12 May 2025",
    ),
    ("M7.assess.final", [ev("mediation_agreement", "Mon 3 Mar 2025", "assess")], "Mon 9 Jun 2025"),
    (
        "M7.make_plan.draft",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "make_plan")],
        "Mon 7 Apr 2025",
    ),
    (
        "M7.make_plan.final",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "make_plan")],
        "Mon 19 May 2025",
    ),
    (
        "M7.amend_content",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "amend_content")],
        "Mon 7 Apr 2025",
    ),
    (
        "M7.amend_placement",
        [ev("mediation_agreement", "Mon 3 Mar 2025", "amend_placement")],
        "Mon 17 Mar 2025",
    ),
    ("M8", [ev("mediation_agreement", "Mon 3 Mar 2025", "non_appealable")], "Mon 17 Mar 2025"),
    ("M9", [ev("icb_mediation_agreement", "Mon 3 Mar 2025")], "Mon 10 Mar 2025"),
    (
        "O1",
        [ev("tribunal_order_made", "Wed 4 Jun 2025", "dismiss_cease_appeal")],
        "Wed 4 Jun 2025",
    ),
    ("O2.notify", [ev("tribunal_order_made", "Wed 4 Jun 2025", "assess")], "Wed 18 Jun 2025"),
    ("O2.no_plan", [ev("tribunal_order_made", "Wed 4 Jun 2025", "assess")], "Wed 13 Aug 2025"),
    ("O2.final", [ev("tribunal_order_made", "Wed 4 Jun 2025", "assess")], "Wed 10 Sep 2025"),
    ("O3.draft", [ev("tribunal_order_made", "Wed 4 Jun 2025", "make_plan")], "Wed 9 Jul 2025"),
    ("O3.final", [ev("tribunal_order_made", "Wed 4 Jun 2025", "make_plan")], "Wed 20 Aug 2025"),
    ("O4", [ev("tribunal_order_made", "Wed 4 Jun 2025", "amend_content")], "Wed 9 Jul 2025"),
    ("O5", [ev("tribunal_order_made", "Wed 4 Jun 2025", "amend_placement")], "Wed 18 Jun 2025"),
    (
        "O6",
        [ev("tribunal_order_made", "Wed 4 Jun 2025", "continue_to_maintain")],
        "Wed 4 Jun 2025",
    ),
    ("O7", [ev("tribunal_order_made", "Wed 4 Jun 2025", "reconsider")], "Wed 18 Jun 2025"),
    ("U5", [ev("unopposed_appeal_notified", "Mon 3 Mar 2025", "cease")], "Mon 7 Apr 2025"),
    ("PB1", [ev("direct_payment_started", "Sun 30 Nov 2025")], "Sat 28 Feb 2026"),
    ("PB1", [ev("direct_payment_started", "Wed 15 Jan 2025")], "Mon 14 Apr 2025"),
    (
        "T5",
        [ev("icb_aware_of_move", "Tue 1 Apr 2025"), ev("moved", "Tue 6 May 2025")],
        "Tue 6 May 2025",
    ),
    ("T7", [ev("new_icb_aware", "Mon 14 Apr 2025")], "Wed 7 May 2025"),
]


@pytest.mark.parametrize(("key", "events", "due"), ROWS, ids=[f"{r[0]}-{r[2]}" for r in ROWS])
def test_row_due_date(key: str, events: list[Event], due: str) -> None:
    assert one(schedule(*events), key).due == day(due)


def test_interim_reviews_repeat_from_each_interim_review_for_under_fives() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Tue 10 Sep 2024"),
        ev("interim_review_held", "Wed 15 Jan 2025"),
        date_of_birth=day("Thu 1 Jul 2021"),
    )
    assert one(deadlines, "R9").status is Status.MET
    assert one(deadlines, "R9.next").due == day("Tue 15 Jul 2025")


def test_no_interim_review_for_a_child_over_five_or_of_unknown_age() -> None:
    older = schedule(
        ev("final_plan_issued", "Tue 10 Sep 2024"), date_of_birth=day("Fri 1 Jul 2016")
    )
    unknown = schedule(ev("final_plan_issued", "Tue 10 Sep 2024"))
    assert "R9" not in keys(older) | keys(unknown)


def test_unopposed_appeals_before_march_2015_had_4_weeks() -> None:
    old = schedule(ev("unopposed_appeal_notified", "Mon 12 Jan 2015", "content"))
    assert one(old, "U2").due == day("Mon 9 Feb 2015")
    new = schedule(ev("unopposed_appeal_notified", "Mon 23 Mar 2015", "content"))
    assert one(new, "U2").due == day("Mon 27 Apr 2015")


def test_recommendation_replies_only_for_decisions_from_3_april_2018() -> None:
    assert "REC" not in keys(schedule(ev("tribunal_recommendations_made", "Mon 2 Apr 2018")))
    assert "REC" in keys(schedule(ev("tribunal_recommendations_made", "Tue 3 Apr 2018")))


@pytest.mark.parametrize(
    ("sent", "due"),
    [("Sat 15 Jun 2024", "Mon 2 Sep 2024"), ("Wed 1 Nov 2023", "Tue 2 Jan 2024")],
)
def test_appeal_in_august_or_on_new_years_day_moves_past_it(sent: str, due: str) -> None:
    assert one(schedule(ev("decision_notice_sent", sent)), "AP1").due == day(due)


def test_a_july_weekend_rolled_into_august_keeps_the_literal_date() -> None:
    # r.12(3)(a) is applied to the unadjusted date (Sat 31 Jul 2021), so only r.12(2) moves
    # it; as with the Christmas edge case, the family is given the earlier, literal date.
    deadline = one(schedule(ev("decision_notice_sent", "Mon 31 May 2021")), "AP1")
    assert deadline.due == day("Mon 2 Aug 2021")
    assert "not a working day" in deadline.explanation


def test_appeal_uses_only_a_certificate_issued_for_that_decision() -> None:
    deadlines = schedule(
        ev("decision_notice_sent", "Mon 6 Jan 2025"),
        ev("decision_notice_sent", "Mon 3 Mar 2025"),
        ev("mediation_certificate_issued", "Mon 10 Feb 2025"),
        ev("mediation_certificate_issued", "Tue 15 Apr 2025"),
    )
    first, second = sorted((d for d in deadlines if d.id == "AP1"), key=lambda d: d.start_date)
    assert first.due == day("Mon 10 Mar 2025")  # certificate + 1 month beats Thu 6 Mar
    assert second.due == day("Thu 15 May 2025")  # beats Sat 3 May (-> Tue 6 May)


def test_early_notice_of_a_move_means_transfer_on_the_day() -> None:
    deadlines = schedule(
        PLAN, ev("la_aware_of_move", "Thu 1 May 2025"), ev("moved", "Mon 2 Jun 2025")
    )
    assert one(deadlines, "T1").due == day("Mon 2 Jun 2025")


def test_a_move_with_no_earlier_notice_counts_from_the_move() -> None:
    deadlines = schedule(PLAN, ev("moved", "Mon 2 Jun 2025"))
    assert one(deadlines, "T1").due == day("Fri 20 Jun 2025")


def test_awareness_after_the_move_uses_the_awareness_date() -> None:
    deadlines = schedule(
        PLAN, ev("moved", "Mon 2 Jun 2025"), ev("la_aware_of_move", "Mon 9 Jun 2025")
    )
    assert one(deadlines, "T1").due == day("Fri 27 Jun 2025")


def test_awareness_with_no_move_date_yet_counts_15_working_days() -> None:
    assert one(schedule(PLAN, ev("la_aware_of_move", "Tue 20 May 2025")), "T1").due == day(
        "Tue 10 Jun 2025"
    )


def test_transfer_review_without_an_earlier_review_uses_the_plan_date() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Fri 1 Nov 2024"), ev("plan_transferred_in", "Tue 10 Jun 2025")
    )
    assert one(deadlines, "T3").due == day("Fri 31 Oct 2025")


def test_transfer_review_with_no_history_is_three_months_from_transfer() -> None:
    deadlines = schedule(ev("plan_transferred_in", "Tue 10 Jun 2025"))
    assert one(deadlines, "T3").due == day("Tue 9 Sep 2025")


def test_the_plan_at_25_is_shown_only_from_the_24th_birthday() -> None:
    assert "Q6" not in keys(schedule(today="Sun 9 Mar 2025", date_of_birth=day("Sat 10 Mar 2001")))
    assert "Q6" in keys(schedule(today="Mon 10 Mar 2025", date_of_birth=day("Sat 10 Mar 2001")))


def test_a_25th_birthday_in_august_runs_to_the_next_july() -> None:
    deadlines = schedule(today="Sun 1 Feb 2026", date_of_birth=day("Sat 11 Aug 2001"))
    assert one(deadlines, "Q6").due == day("Sat 31 Jul 2027")


def test_every_row_links_each_provision_it_cites_and_keeps_review_notes_out_of_it() -> None:
    from ehcp.rules import TIMESCALES
    from ehcp.rules.reference import source_name

    for row in TIMESCALES:
        sources = (row.source_url, *row.further_sources)
        assert all(url.startswith("https://") for url in sources), row.key
        assert all(source_name(url) for url in sources), row.key
        assert "verify" not in row.citation.lower(), row.key
    assert source_name("https://www.legislation.gov.uk/uksi/2014/1530/regulation/13") == (
        "SEND Regs reg 13"
    )
