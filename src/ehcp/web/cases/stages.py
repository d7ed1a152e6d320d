"""Which stage of the journey a case is at, read from its latest stage-setting event.

This names where a case is; it decides no date. Deadlines come only from `ehcp.rules`.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ehcp.rules import CaseFacts, Event

REQUEST: Final = "Deciding whether to assess"
STAGES: Final = (
    REQUEST,
    "Assessing",
    "Refused to assess",
    "Not issuing a plan",
    "Draft plan",
    "Plan in place",
    "Annual review",
    "Amending the plan",
    "Re-assessment",
    "Mediation",
    "Tribunal",
    "Moved away",
    "Plan ceased",
)

_BY_EVENT: Final[dict[tuple[str, str | None], str]] = {
    ("request_received", None): REQUEST,
    ("decision_to_assess_notified", "assess"): "Assessing",
    ("decision_to_assess_notified", "refuse"): "Refused to assess",
    ("decision_not_to_issue_notified", None): "Not issuing a plan",
    ("draft_plan_served", None): "Draft plan",
    ("final_plan_issued", None): "Plan in place",
    ("review_meeting_held", None): "Annual review",
    ("review_decision_notified", "keep"): "Plan in place",
    ("review_decision_notified", "amend"): "Amending the plan",
    ("review_decision_notified", "cease"): "Plan ceased",
    ("amendment_notice_served", None): "Amending the plan",
    ("amended_plan_issued", None): "Plan in place",
    ("reassessment_request_received", None): "Re-assessment",
    ("mediation_requested", None): "Mediation",
    ("appeal_lodged", None): "Tribunal",
    ("plan_ceased", None): "Plan ceased",
    ("moved", None): "Moved away",
    ("plan_transferred_in", None): "Plan in place",
}


def _stage_of(event: Event) -> str | None:
    return _BY_EVENT.get((event.name, CaseFacts.kind_of(event))) or _BY_EVENT.get(
        (event.name, None)
    )


def stage_for(facts: CaseFacts, today: date) -> str:
    """The stage set by the latest event on or before `today` that sets one."""
    stages = [
        stage for event in facts.of_all() if event.date <= today and (stage := _stage_of(event))
    ]
    return stages[-1] if stages else REQUEST
