from datetime import date

import pytest

from ehcp.rules import RULES_VERSION, Status
from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases import adapters, services
from ehcp.web.cases.models import AdviceClock, Case, CaseEvent
from ehcp.web.cases.summary import next_actions, schedule

from .conftest import TODAY, open_case


def event(day, name, kind=""):
    return services.NewEvent(day, name, kind)


def test_opening_a_request_starts_the_timeline_and_stores_the_clocks_answer(council, caseworker):
    case = open_case(council, caseworker, received=date(2026, 6, 1))
    assert case.reference == "901-2026-00001"
    assert list(case.events.values_list("name", flat=True)) == ["request_received"]
    first = next_actions(schedule(adapters.facts_for(case), TODAY))[0]
    case.refresh_from_db()
    assert (case.next_due, case.next_key) == (first.due, first.key)
    assert case.rules_version == RULES_VERSION
    assert case.stage == "Deciding whether to assess"
    assert AuditEntry.objects.filter(case_reference=case.reference, action="change").exists()


def test_recording_an_event_appends_it_and_moves_the_summary(case, caseworker):
    before = case.next_due
    services.record_event(
        case, caseworker, event(date(2026, 7, 6), "decision_to_assess_notified", "assess"), TODAY
    )
    case.refresh_from_db()
    assert case.stage == "Assessing"
    assert case.next_due != before
    assert case.events.count() == 2


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (event(date(2026, 7, 1), "final_plan_issued"), "before the draft plan was served"),
        (event(date(2026, 5, 1), "advice_requested", "health"), "before the request was received"),
        (event(date(2027, 1, 1), "draft_plan_served"), "after today"),
        (event(date(2026, 7, 1), "advice_requested", "dentist"), "is not a kind of"),
    ],
)
def test_impossible_events_are_refused_and_nothing_is_written(case, caseworker, new, message):
    if new.name == "final_plan_issued":
        services.record_event(
            case,
            caseworker,
            event(date(2026, 7, 6), "decision_to_assess_notified", "assess"),
            TODAY,
        )
        services.record_event(
            case, caseworker, event(date(2026, 9, 1), "draft_plan_served"), TODAY
        )
    count = case.events.count()
    with pytest.raises(services.CaseworkError) as caught:
        services.record_event(case, caseworker, new, TODAY)
    assert message in " ".join(caught.value.problems)
    assert case.events.count() == count


def test_each_advice_request_has_its_own_clock(case, caseworker):
    for kind, asked in (("health", date(2026, 7, 10)), ("school", date(2026, 7, 20))):
        services.record_event(case, caseworker, event(asked, "advice_requested", kind), TODAY)
    services.record_event(
        case, caseworker, event(date(2026, 8, 1), "advice_received", "school"), TODAY
    )
    clocks = {c.contributor: c for c in AdviceClock.objects.filter(case=case)}
    assert clocks["health"].requested_on == date(2026, 7, 10)
    assert clocks["health"].status == Status.OVERDUE.value
    assert clocks["school"].received_on == date(2026, 8, 1)
    assert clocks["school"].status == Status.MET.value


def test_a_request_cannot_predate_the_birth(council, caseworker):
    new = services.NewRequest("A", "B", date(2020, 1, 1), date(2019, 1, 1))
    with pytest.raises(
        services.CaseworkError,
        match="Date of birth must be before the date the request was received",
    ):
        services.open_request(council, caseworker, new, TODAY)
    assert not Case.objects.exists()


def test_an_exception_can_excuse_a_limit(case, caseworker):

    services.record_event(
        case, caseworker, event(date(2026, 7, 1), "advice_requested", "health"), TODAY
    )
    recorded = services.NewException(
        "REG8_EXCEPTIONAL",
        date(2026, 7, 5),
        end=date(2026, 8, 30),
        applies_to="A2",
        evidence="Hospital stay",
    )
    services.record_exception(case, caseworker, recorded, TODAY)
    clock = AdviceClock.objects.get(case=case)
    assert clock.status == Status.EXCUSED.value


def test_advocacy_cases_mark_dates_as_family_reported(advocacy):
    from .conftest import make_member

    adviser = make_member(advocacy, "caseworker")
    case = open_case(advocacy, adviser)
    assert case.source == Case.Source.FAMILY
    assert CaseEvent.objects.get(case=case).family_reported


def test_the_daily_refresh_reworks_stale_summaries(case, settings):
    from django.core.management import call_command

    Case.objects.filter(pk=case.pk).update(rules_version="old", next_due=None)
    call_command("ehcp_refresh", verbosity=0)
    case.refresh_from_db()
    assert case.rules_version == RULES_VERSION
    assert case.next_due is not None
