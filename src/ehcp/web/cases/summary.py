"""What the dashboard stores about a case: the clock's answer, boiled down.

Pure functions of the facts and `today`, so the service and the bulk loaders share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from ehcp.rules import (
    RULES_VERSION,
    CaseFacts,
    Deadline,
    EnglandCalendar,
    Status,
    compute_schedule,
)
from ehcp.rules.schedule import Consequence
from ehcp.web.cases.stages import stage_for

CALENDAR: Final = EnglandCalendar()
# Still to be done by the council's side. A family's own window (appeal, mediation adviser) is
# shown on the case but is not the council's to do.
OPEN: Final = frozenset(
    {
        Status.OVERDUE,
        Status.DUE_SOON,
        Status.NOT_YET_DUE,
        Status.BEHIND_TARGET,
        Status.NEEDS_FACTS,
    }
)
# The advice clocks: A2 (assessment) and Q2 (re-assessment), one per contributor asked.
ADVICE_LIMITS: Final = frozenset({"A2", "Q2"})


@dataclass(frozen=True)
class Summary:
    stage: str
    next_due: date | None
    next_key: str
    next_title: str
    open_breaches: int
    behind_target: int
    rules_version: str
    summarised_on: date


@dataclass(frozen=True)
class AdviceLine:
    contributor: str
    requested_on: date
    due: date
    received_on: date | None
    status: str
    party: str = ""


def schedule(facts: CaseFacts, today: date) -> tuple[Deadline, ...]:
    return compute_schedule(facts, today=today, calendar=CALENDAR)


def next_actions(deadlines: tuple[Deadline, ...]) -> list[Deadline]:
    """Deadlines still to be met, soonest first."""
    return [
        deadline
        for deadline in deadlines
        if deadline.status in OPEN and deadline.consequence is not Consequence.FAMILY
    ]


def summarise(
    facts: CaseFacts, today: date, deadlines: tuple[Deadline, ...] | None = None
) -> Summary:
    """The case's stored summary; pass `deadlines` when the schedule is already worked out."""
    deadlines = deadlines if deadlines is not None else schedule(facts, today)
    actions = next_actions(deadlines)
    first = actions[0] if actions else None
    return Summary(
        stage=stage_for(facts, today),
        next_due=first.due if first else None,
        next_key=first.key if first else "",
        next_title=first.title if first else "",
        open_breaches=sum(1 for d in actions if d.is_council_breach),
        behind_target=sum(1 for d in actions if d.is_behind_target),
        rules_version=RULES_VERSION,
        summarised_on=today,
    )


ADVICE_REQUESTS: Final = frozenset({"advice_requested", "reassessment_advice_requested"})


def with_parties(lines: list[AdviceLine], rows: Iterable[Any]) -> list[AdviceLine]:
    """The advice lines with who was asked, from the timeline rows that asked them."""
    parties = {(row.kind, row.date): row.party for row in rows if row.name in ADVICE_REQUESTS}
    return [
        replace(line, party=parties.get((line.contributor, line.requested_on), ""))
        for line in lines
    ]


def advice_lines(facts: CaseFacts, today: date) -> list[AdviceLine]:
    """Every advice request with its own clock, as the engine works it out."""
    return advice_from(schedule(facts, today))


def advice_from(deadlines: tuple[Deadline, ...]) -> list[AdviceLine]:
    """The advice requests in a schedule already worked out: each advice deadline (A2, Q2)
    names its contributor in `start_kind`. Contributor by contributor, soonest due first."""
    lines = [
        AdviceLine(d.start_kind or "", d.start_date, d.due, d.completed_on, d.status.value)
        for d in deadlines
        if d.id in ADVICE_LIMITS
    ]
    # A stable sort keeps the schedule's own (due-date) order within each contributor.
    return sorted(lines, key=lambda line: line.contributor)
