"""What the dashboard stores about a case: the clock's answer, boiled down.

Pure functions of the facts and `today`, so the service and the bulk loaders share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from ehcp.rules import (
    RULES_VERSION,
    CaseFacts,
    Deadline,
    EnglandCalendar,
    Status,
    compute_schedule,
)
from ehcp.web.cases.adapters import only_contributor
from ehcp.web.cases.stages import stage_for

CALENDAR: Final = EnglandCalendar()
OPEN: Final = frozenset({Status.OVERDUE, Status.DUE_SOON, Status.NOT_YET_DUE})
ADVICE_LIMITS: Final = {
    "A2": ("advice_requested", "advice_received"),
    "Q2": ("reassessment_advice_requested", "reassessment_advice_received"),
}


@dataclass(frozen=True)
class Summary:
    stage: str
    next_due: date | None
    next_key: str
    next_title: str
    open_breaches: int
    rules_version: str
    summarised_on: date


@dataclass(frozen=True)
class AdviceLine:
    contributor: str
    requested_on: date
    due: date
    received_on: date | None
    status: str


def schedule(facts: CaseFacts, today: date) -> tuple[Deadline, ...]:
    return compute_schedule(facts, today=today, calendar=CALENDAR)


def next_actions(deadlines: tuple[Deadline, ...]) -> list[Deadline]:
    """Deadlines still to be met, soonest first."""
    return [deadline for deadline in deadlines if deadline.status in OPEN]


def summarise(facts: CaseFacts, today: date) -> Summary:
    deadlines = schedule(facts, today)
    actions = next_actions(deadlines)
    first = actions[0] if actions else None
    return Summary(
        stage=stage_for(facts, today),
        next_due=first.due if first else None,
        next_key=first.key if first else "",
        next_title=first.title if first else "",
        open_breaches=sum(1 for d in actions if d.status is Status.OVERDUE),
        rules_version=RULES_VERSION,
        summarised_on=today,
    )


def contributors(facts: CaseFacts) -> list[str]:
    requested = {name for name, _ in ADVICE_LIMITS.values()}
    kinds = {CaseFacts.kind_of(e) or "" for e in facts.events if e.name in requested}
    return sorted(kinds)


def advice_lines(facts: CaseFacts, today: date) -> list[AdviceLine]:
    """Every advice request with its own clock, as the engine works it out."""
    return [
        AdviceLine(kind, d.start_date, d.due, d.completed_on, d.status.value)
        for kind in contributors(facts)
        for d in schedule(only_contributor(facts, kind), today)
        if d.id in ADVICE_LIMITS
    ]
