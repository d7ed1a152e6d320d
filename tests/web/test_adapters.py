from datetime import date

from ehcp.rules import Event
from ehcp.web.cases import adapters, services
from ehcp.web.cases.models import CaseEvent

from .conftest import TODAY


def test_timeline_rows_are_exactly_the_facts(case, caseworker):
    services.record_event(
        case, caseworker, services.NewEvent(date(2026, 6, 10), "advice_requested", "health"), TODAY
    )
    facts = adapters.facts_for(case)
    assert facts.events == (
        Event(date(2026, 6, 1), "request_received"),
        Event(date(2026, 6, 10), "advice_requested", "health"),
    )
    assert facts.date_of_birth == date(2015, 5, 1)


def test_retracted_events_leave_the_facts_but_stay_on_record(case, caseworker):
    new = services.NewEvent(date(2026, 6, 10), "advice_requested", "health")
    row = services.record_event(case, caseworker, new, TODAY)
    services.retract_event(case, caseworker, row, TODAY)
    assert [e.name for e in adapters.facts_for(case).events] == ["request_received"]
    assert CaseEvent.objects.filter(case=case).count() == 3
