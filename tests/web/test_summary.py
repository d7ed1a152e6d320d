from datetime import date

from ehcp.rules import CaseFacts, Event, Status
from ehcp.web.cases.summary import AdviceLine, advice_from, advice_lines, schedule

TODAY = date(2026, 11, 20)


def facts(*events: Event) -> CaseFacts:
    return CaseFacts(events=(Event(date(2026, 1, 5), "request_received"), *events))


def test_one_clock_per_advice_request_named_by_its_contributor():
    lines = advice_lines(
        facts(
            Event(date(2026, 3, 2), "decision_to_assess_notified", "assess"),
            Event(date(2026, 3, 9), "advice_requested", "school"),
            Event(date(2026, 3, 3), "advice_requested", "health"),
            Event(date(2026, 3, 20), "advice_received", "school"),
            Event(date(2026, 3, 4), "advice_requested"),
        ),
        TODAY,
    )
    assert [(line.contributor, line.requested_on) for line in lines] == [
        ("health", date(2026, 3, 3)),
        ("other", date(2026, 3, 4)),
        ("school", date(2026, 3, 9)),
    ]
    by = {line.contributor: line for line in lines}
    # The school's advice meets the school's clock only.
    assert by["school"].received_on == date(2026, 3, 20)
    assert by["school"].status == Status.MET.value
    assert by["health"].received_on is None
    assert by["health"].status == Status.OVERDUE.value


def test_reassessment_advice_and_repeat_requests_keep_due_order():
    lines = advice_lines(
        facts(
            Event(date(2026, 2, 2), "advice_requested", "health"),
            Event(date(2026, 6, 1), "reassessment_advice_requested", "health"),
            Event(date(2026, 5, 1), "advice_requested", "educational_psychology"),
        ),
        TODAY,
    )
    assert [(line.contributor, line.requested_on) for line in lines] == [
        ("educational_psychology", date(2026, 5, 1)),
        ("health", date(2026, 2, 2)),
        ("health", date(2026, 6, 1)),
    ]
    assert all(isinstance(line, AdviceLine) for line in lines)


def test_advice_from_reads_a_schedule_already_worked_out():
    case = facts(Event(date(2026, 3, 3), "advice_requested", "social_care"))
    deadlines = schedule(case, TODAY)
    assert advice_from(deadlines) == advice_lines(case, TODAY)
    assert advice_from(()) == []
