"""DfE's 20-week timeliness for one case, as the published statistics measure it.

A plan counts as within 20 weeks when it is issued no more than 140 days after the request
(rule C1). Councils that count the request day as Day 1 use 139; both are given. A plan with an
exception recorded at any phase drops out of the "excluding exceptions" measure altogether.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ehcp.rules.events import CaseFacts
from ehcp.rules.timescales import E_LIST

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
            recorded.code in (*E_LIST, "COVID")
            and (not recorded.applies_to or NEW_PLAN_LIMITS & set(recorded.applies_to))
            for recorded in facts.exceptions
        ),
    )
