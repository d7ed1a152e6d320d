"""The one place the web app's timeline becomes `ehcp.rules` facts, and back.

The timeline rows are exactly the fact list: nothing is added, dropped or re-dated here
except events that a later row retracts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ehcp.rules import CaseFacts, Event, RecordedException, SettingClosure
from ehcp.web.cases.models import Case, CaseClosure, CaseEvent, CaseException


def to_event(row: CaseEvent) -> Event:
    return Event(row.date, row.name, row.kind or None)


def live_events(rows: Iterable[CaseEvent]) -> list[CaseEvent]:
    """The rows still in force: not retractions, and not retracted by a later row."""
    rows = list(rows)
    retracted = {row.retracts_id for row in rows if row.retracts_id is not None}
    return [row for row in rows if row.retracts_id is None and row.pk not in retracted]


def to_exception(row: CaseException) -> RecordedException:
    return RecordedException(
        code=row.code,
        start=row.start,
        end=row.end,
        setting=row.setting_name or None,
        applies_to=tuple(row.applies_to.split()),
        evidence=row.evidence,
    )


def to_closure(row: CaseClosure) -> SettingClosure:
    return SettingClosure(row.setting_name, row.first_closed_day, row.reopening_day)


def build_facts(
    date_of_birth: date | None,
    events: Iterable[CaseEvent],
    exceptions: Iterable[CaseException] = (),
    closures: Iterable[CaseClosure] = (),
) -> CaseFacts:
    return CaseFacts(
        events=tuple(to_event(row) for row in live_events(events)),
        exceptions=tuple(to_exception(row) for row in exceptions),
        closures=tuple(to_closure(row) for row in closures),
        date_of_birth=date_of_birth,
    )


def facts_for(case: Case) -> CaseFacts:
    """Everything the clock needs to know about `case`, read from its timeline."""
    return build_facts(
        case.child.date_of_birth,
        case.events.all(),
        case.exceptions.all(),
        case.closures.all(),
    )


def with_event(facts: CaseFacts, event: Event) -> CaseFacts:
    """`facts` as they would be once `event` is recorded (to check before writing)."""
    return CaseFacts(
        events=facts.events + (event,),
        exceptions=facts.exceptions,
        closures=facts.closures,
        date_of_birth=facts.date_of_birth,
    )
