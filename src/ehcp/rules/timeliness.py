"""DfE's 20-week timeliness for one case, as the published statistics measure it.

A plan counts as within 20 weeks when it is issued no more than 140 days after the request
(rule C1). Councils that count the request day as Day 1 use 139; both are given. A plan with an
exception at any phase (the decision, the notice of no plan, the final plan) drops out of the
"excluding exceptions" measure altogether, but only an exception that applies: one whose ground
arose inside that limit's own period (so a closure after the deadline does not count).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from ehcp.rules import dates
from ehcp.rules.events import CaseFacts
from ehcp.rules.exceptions import assess_exceptions
from ehcp.rules.timescales import TIMESCALES, Reckoning, Timescale

TWENTY_WEEKS_DAYS: Final = 140
NEW_PLAN_LIMITS: Final = frozenset({"A1", "A3", "A6"})


@dataclass(frozen=True)
class Timeliness:
    days_to_issue: int
    within_20_weeks: bool
    within_20_weeks_day_one_convention: bool
    exception_recorded: bool

    @property
    def weeks_to_issue(self) -> float:
        return self.days_to_issue / 7

    @property
    def within_20_weeks_excluding_exceptions(self) -> bool | None:
        """None when an exception takes the plan out of this measure."""
        return None if self.exception_recorded else self.within_20_weeks


def dfe_timeliness(facts: CaseFacts) -> Timeliness | None:
    """None until both a request and a final plan are on record."""
    requests, plans = facts.of("request_received"), facts.of("final_plan_issued")
    if not requests or not plans:
        return None
    days = (plans[0].date - requests[0].date).days
    return Timeliness(
        days_to_issue=days,
        within_20_weeks=days <= TWENTY_WEEKS_DAYS,
        within_20_weeks_day_one_convention=days <= TWENTY_WEEKS_DAYS - 1,
        exception_recorded=any(
            finding.applies
            for row in NEW_PLAN_ROWS
            for finding in assess_exceptions(
                row, requests[0].date, _due(row, requests[0].date), facts
            )
        ),
    )


NEW_PLAN_ROWS: Final[tuple[Timescale, ...]] = tuple(
    row for row in TIMESCALES if row.id in NEW_PLAN_LIMITS and not row.step
)


def _due(row: Timescale, received: date) -> date:
    assert row.reckoning is Reckoning.WEEKS_AFTER
    return dates.add_weeks(received, row.length)
