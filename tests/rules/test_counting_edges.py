"""Edges of the counting rules and of the words a person reads, one case for each way they
could be got wrong: England's own bank holidays, inclusive ends, the day of an event itself."""

from __future__ import annotations

import pytest

from ehcp.rules import EnglandCalendar, RecordedException, SettingClosure, Status
from ehcp.rules.reckon import move_due, tribunal_appeal_due

from .helpers import CALENDAR, day, ev, keys, one, schedule


@pytest.mark.parametrize(
    "holiday",
    ["Mon 21 Apr 2025", "Mon 25 Aug 2025"],  # Easter Monday and the summer bank holiday
)
def test_englands_own_bank_holidays_are_not_working_days(holiday: str) -> None:
    assert not CALENDAR.is_working_day(day(holiday))


def test_scotlands_own_bank_holiday_is_a_working_day_in_england() -> None:
    assert CALENDAR.is_working_day(day("Tue 2 Jan 2024"))


def test_holidays_between_includes_both_ends_and_extra_closures() -> None:
    calendar = EnglandCalendar(extra_closures=(day("Fri 24 Dec 2027"), day("Fri 31 Dec 2027")))
    found = calendar.holidays_between(day("Fri 24 Dec 2027"), day("Mon 3 Jan 2028"))
    assert found == [
        day("Fri 24 Dec 2027"),
        day("Mon 27 Dec 2027"),
        day("Tue 28 Dec 2027"),
        day("Fri 31 Dec 2027"),
        day("Mon 3 Jan 2028"),
    ]


def test_holidays_between_on_a_fresh_calendar_reads_every_year_in_the_span() -> None:
    found = EnglandCalendar().holidays_between(day("Sat 1 Jan 2028"), day("Mon 1 Jan 2029"))
    assert day("Fri 14 Apr 2028") in found  # Good Friday 2028
    assert found[-1] == day("Mon 1 Jan 2029")


@pytest.mark.parametrize(
    ("notice", "due"),
    [
        ("Thu 24 Oct 2024", "Tue 24 Dec 2024"),  # 24 Dec is an ordinary working day
        ("Fri 25 Oct 2024", "Thu 2 Jan 2025"),  # lands on 25 Dec itself
        ("Fri 1 Nov 2024", "Thu 2 Jan 2025"),  # lands on 1 Jan itself
        ("Sat 2 Nov 2024", "Thu 2 Jan 2025"),  # 2 Jan is outside the Christmas rule
        ("Sun 1 Dec 2024", "Mon 3 Feb 2025"),  # Sat 1 Feb: only r.12(2)
        ("Mon 25 Oct 2027", "Tue 4 Jan 2028"),  # Sat 25 Dec; Mon 3 Jan 2028 is a bank holiday
    ],
)
def test_the_tribunals_christmas_rule_starts_on_25_december_and_ends_on_1_january(
    notice: str, due: str
) -> None:
    assert tribunal_appeal_due(day(notice), None, CALENDAR)[0] == day(due)


def test_the_appeal_arithmetic_names_both_the_notice_and_the_certificate() -> None:
    _, text = tribunal_appeal_due(day("Mon 6 Oct 2025"), day("Thu 4 Dec 2025"), CALENDAR)
    assert text.startswith("2 months after the notice of Mon 6 Oct 2025 is Sat 6 Dec 2025; ")
    assert "1 month after the certificate of Thu 4 Dec 2025 is Sun 4 Jan 2026" in text


REFUSAL = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")


def test_a_certificate_issued_on_the_day_of_the_decision_counts_for_it() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 6 Oct 2025", "certificate_only"),
        ev("mediation_certificate_issued", "Mon 6 Oct 2025"),
        today="Tue 7 Oct 2025",
    )
    ap1 = one(deadlines, "AP1")
    assert ap1.status is Status.WINDOW_OPEN
    assert "certificate of Mon 6 Oct 2025" in ap1.explanation


def test_contacting_the_adviser_on_the_day_of_the_decision_puts_the_appeal_on_hold() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 6 Oct 2025", "wants_mediation"),
        today="Tue 7 Oct 2025",
    )
    assert one(deadlines, "AP1").status is Status.PENDING


def test_a_contact_or_certificate_on_the_next_decisions_day_belongs_to_that_one() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 6 Jan 2025"),
        ev("review_decision_notified", "Mon 3 Mar 2025", "cease"),
        ev("mediation_adviser_informed", "Mon 3 Mar 2025", "wants_mediation"),
        ev("mediation_certificate_issued", "Mon 3 Mar 2025"),
        today="Mon 10 Mar 2025",
    )
    first, second = sorted((d for d in deadlines if d.id == "AP1"), key=lambda d: d.start_date)
    assert first.status is Status.WINDOW_CLOSED  # nothing was done about the plan itself
    assert "certificate" not in first.explanation
    assert "certificate of Mon 3 Mar 2025" in second.explanation


@pytest.mark.parametrize(
    ("aware", "due", "words"),
    [
        ("Fri 9 May 2025", "Mon 2 Jun 2025", "so on the day of the move"),  # exactly 15 WD
        ("Mon 12 May 2025", "Mon 2 Jun 2025", "15 working days beginning with Mon 12 May"),
        ("Tue 13 May 2025", "Tue 3 Jun 2025", "15 working days beginning with Tue 13 May"),
    ],
)
def test_a_move_known_15_working_days_ahead_is_transferred_on_the_day(
    aware: str, due: str, words: str
) -> None:
    result, text = move_due(day(aware), day("Mon 2 Jun 2025"), CALENDAR)
    assert result == day(due)
    assert words in text


def test_awareness_on_the_move_day_itself_counts_from_that_day() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 6 Jan 2025"),
        ev("moved", "Mon 2 Jun 2025"),
        ev("la_aware_of_move", "Mon 2 Jun 2025"),
    )
    t1 = one(deadlines, "T1")
    assert t1.due == day("Fri 20 Jun 2025")
    assert "15 working days beginning with Mon 2 Jun 2025" in t1.explanation


def test_a_review_on_the_transfer_day_is_not_an_earlier_review() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 6 Jan 2025"),
        ev("review_decision_notified", "Tue 10 Jun 2025", "keep"),
        ev("plan_transferred_in", "Tue 10 Jun 2025"),
    )
    t3 = one(deadlines, "T3")
    assert t3.due == day("Mon 5 Jan 2026")  # 12 months from the plan, not from that review
    assert (
        t3.explanation.count("12 months starting with the last review or plan on Mon 6 Jan") == 1
    )
    assert "3 months starting with the transfer on Tue 10 Jun 2025 end Tue 9 Sep 2025" in (
        t3.explanation
    )


def test_a_plan_issued_on_the_day_of_the_move_notice_is_a_plan_to_transfer() -> None:
    deadlines = schedule(
        ev("request_received", "Mon 6 Jan 2025"),
        ev("final_plan_issued", "Mon 26 May 2025"),
        ev("la_aware_of_move", "Mon 26 May 2025"),
    )
    assert "T1" in keys(deadlines)


def test_a_plan_ceased_on_the_day_of_the_phase_transfer_is_not_maintained() -> None:
    deadlines = schedule(
        ev("final_plan_issued", "Mon 6 Jan 2025"),
        ev("plan_ceased", "Mon 1 Sep 2025"),
        ev("phase_transfer", "Mon 1 Sep 2025", "primary_to_secondary"),
        today="Tue 2 Sep 2025",
    )
    assert "P1" not in keys(deadlines)


def test_health_mediation_asked_for_on_the_day_the_icb_is_told() -> None:
    deadlines = schedule(
        REFUSAL,
        ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
        ev("mediation_requested", "Mon 3 Nov 2025", "health"),
        ev("icb_told_of_mediation", "Mon 3 Nov 2025"),
    )
    assert one(deadlines, "M4.health").due == day("Wed 3 Dec 2025")


@pytest.mark.parametrize(
    ("key", "events", "words"),
    [
        (
            "A6",
            [ev("request_received", "Mon 8 Jan 2024")],
            "Mon 8 Jan 2024 + 20 weeks (140 days) = Mon 27 May 2024",
        ),
        (
            "A6.draft_latest",
            [ev("request_received", "Mon 8 Jan 2024")],
            "Mon 8 Jan 2024 + 20 weeks (140 days) -15 days = Sun 12 May 2024",
        ),
        (
            "A4",
            [ev("draft_plan_served", "Mon 3 Mar 2025")],
            "the 15 days run Mon 3 Mar 2025 to Mon 17 Mar 2025; the council may act from "
            "= Tue 18 Mar 2025",
        ),
        (
            "R1",
            [ev("final_plan_issued", "Fri 15 Mar 2024")],
            "12 months starting with Fri 15 Mar 2024 end the day before the corresponding date "
            "(or on the month end where there is none) = Fri 14 Mar 2025",
        ),
        (
            "P1",
            [
                ev("final_plan_issued", "Mon 6 Jan 2025"),
                ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"),
            ],
            "before Sun 15 Feb 2026 in the year of the transfer (Tue 1 Sep 2026), so by the day "
            "before; issuing on Sun 15 Feb 2026 itself is amber (the Code of Practice says 'by') "
            "= Sat 14 Feb 2026",
        ),
        (
            "P1.notice_latest",
            [
                ev("final_plan_issued", "Mon 6 Jan 2025"),
                ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary"),
            ],
            "'by'); less 15 days for the family's window = Fri 30 Jan 2026",
        ),
    ],
)
def test_the_arithmetic_a_person_reads(key: str, events: list[object], words: str) -> None:
    deadline = one(schedule(*events, today="Mon 6 Jan 2025"), key)  # type: ignore[arg-type]
    assert words in deadline.explanation


@pytest.mark.parametrize(
    ("route", "words"),
    [
        (
            "further_education",
            "25th birthday Tue 10 Mar 2026; the academic year in which it falls ends 31 July",
        ),
        ("other", "the day before the 26th birthday (or the end of the course first)"),
    ],
)
def test_the_end_of_a_plan_at_25_says_how_it_was_worked_out(route: str, words: str) -> None:
    q6 = one(
        schedule(
            today="Mon 10 Mar 2025", date_of_birth=day("Sat 10 Mar 2001"), post16_route=route
        ),
        "Q6",
    )
    assert q6.start_event == "birthday_25"
    assert words in q6.explanation


SUMMER = SettingClosure("Oak Primary", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024"))


@pytest.mark.parametrize(
    ("recorded", "closures", "words"),
    [
        (
            RecordedException("E1", day("Tue 16 Jul 2024"), setting="Oak Primary"),
            (SUMMER,),
            "Exception E1 applies: advice asked Tue 16 Jul 2024, inside the closure window "
            "Tue 16 Jul 2024 to Wed 28 Aug 2024.",
        ),
        (
            RecordedException("E1", day("Mon 15 Jul 2024"), setting="Oak Primary"),
            (SUMMER,),
            "Exception E1 does not apply: advice asked Mon 15 Jul 2024 is not inside the window "
            "of a closure of 4 weeks or more at Oak Primary.",
        ),
        (
            RecordedException("E1", day("Mon 15 Jul 2024")),
            (),
            "is not inside the window of a closure of 4 weeks or more at the setting.",
        ),
        (
            RecordedException("E1", day("Mon 3 Jun 2024"), setting="Oak Primary"),
            (SUMMER,),
            "Exception E1 does not apply: advice asked Mon 3 Jun 2024 is outside this limit's "
            "period Tue 4 Jun 2024 to Mon 21 Oct 2024.",
        ),
        (
            RecordedException("E3", day("Mon 1 Jul 2024"), day("Fri 5 Jul 2024")),
            (),
            "Exception E3 applies: 5 days of the period affected.",
        ),
        (
            RecordedException("E3", day("Mon 2 Dec 2024"), day("Fri 6 Dec 2024")),
            (),
            "Exception E3 does not apply: the circumstances fall outside the period.",
        ),
        (
            RecordedException("E4", day("Mon 1 Jul 2024"), day("Fri 5 Jul 2024")),
            (),
            "Exception E4 does not apply: 5 days away within the period; at least 28 "
            "continuous days are needed.",
        ),
        (
            RecordedException("E4", day("Mon 1 Jul 2024"), day("Sun 28 Jul 2024")),
            (),
            "Exception E4 applies: 28 days away within the period.",
        ),
        (
            RecordedException("COVID", day("Mon 1 Jul 2024")),
            (),
            "Exception COVID does not apply: the deadline fell outside 1 May-25 Sep 2020, so "
            "the normal limit applies.",
        ),
        (
            RecordedException("COVID", day("Mon 2 Dec 2024")),
            (),
            "Exception COVID does not apply: the coronavirus reason recorded falls outside the "
            "period.",
        ),
    ],
)
def test_each_exception_finding_is_explained(
    recorded: RecordedException, closures: tuple[SettingClosure, ...], words: str
) -> None:
    a6 = one(
        schedule(
            ev("request_received", "Mon 3 Jun 2024"),
            today="Tue 22 Oct 2024",
            closures=closures,
            exceptions=(recorded,),
        ),
        "A6",
    )
    assert words in a6.explanation


def test_excused_limits_say_the_duty_is_now_as_soon_as_practicable() -> None:
    a6 = one(
        schedule(
            ev("request_received", "Mon 3 Jun 2024"),
            exceptions=(RecordedException("E3", day("Mon 1 Jul 2024"), day("Fri 5 Jul 2024")),),
        ),
        "A6",
    )
    assert a6.explanation.endswith(
        "Exception E3 applies: 5 days of the period affected. The limit falls away; the duty "
        "is now 'as soon as practicable'."
    )


@pytest.mark.parametrize(
    ("recorded", "words"),
    [
        (
            RecordedException("REG8_MISSED_APPOINTMENT", day("Thu 6 Mar 2025")),
            "Exception REG8_MISSED_APPOINTMENT applies: on Thu 6 Mar 2025, within the period.",
        ),
        (
            RecordedException("REG8_MISSED_APPOINTMENT", day("Thu 17 Apr 2025")),
            "Exception REG8_MISSED_APPOINTMENT does not apply: Thu 17 Apr 2025 is outside the "
            "period.",
        ),
    ],
)
def test_a_missed_appointment_finding_is_explained(
    recorded: RecordedException, words: str
) -> None:
    a2 = one(
        schedule(ev("advice_requested", "Wed 5 Mar 2025", "health"), exceptions=(recorded,)),
        "A2",
    )
    assert words in a2.explanation


@pytest.mark.parametrize(
    ("wanted", "words"),
    [
        (
            "Thu 5 Jun 2025",
            "Exception REG44_REPRESENTATIONS applies: representations wanted from Thu 5 Jun 2025.",
        ),
        (
            "Wed 4 Jun 2025",
            "Exception REG44_REPRESENTATIONS does not apply: Wed 4 Jun 2025 is before the order.",
        ),
        (
            "Thu 10 Jul 2025",
            "Exception REG44_REPRESENTATIONS does not apply: Thu 10 Jul 2025 is "
            "after the period ended.",
        ),
    ],
)
def test_a_wish_to_make_representations_is_explained(wanted: str, words: str) -> None:
    o4 = one(
        schedule(
            ev("tribunal_order_made", "Wed 4 Jun 2025", "amend_content"),
            exceptions=(RecordedException("REG44_REPRESENTATIONS", day(wanted)),),
        ),
        "O4",
    )
    assert words in o4.explanation
