"""Which recorded events are appealable decisions, and where an appeal stands.

Every decision listed in CFA 2014 s.51(2) is notified with the family's right of appeal and
the mediation information already in the notice (SEND Regs 2014 regs 5(3), 10(2), 14, 20,
22(4), 25(2), 31 and 32), so the notice of the decision itself starts the family's 2 months
(reg 33; HESC Rules 2008 r.20(1)(c)). A separately recorded `decision_notice_sent` of the
same kind is the same decision, dated by its notice.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ehcp.rules.events import CaseFacts, Event

# (event, kind) -> the kind of `decision_notice_sent` it is (CFA 2014 s.51(2)).
APPEALABLE_EVENTS: Final[dict[tuple[str, str | None], str]] = {
    ("decision_to_assess_notified", "refuse"): "refuse_to_assess",  # s.51(2)(a)
    ("decision_not_to_issue_notified", None): "refuse_to_issue",  # s.51(2)(b)
    ("final_plan_issued", None): "plan_content",  # s.51(2)(c)
    ("amended_plan_issued", None): "plan_content",  # s.51(2)(c)
    ("reassessment_decision_notified", "refuse"): "refuse_to_reassess",  # s.51(2)(d)
    ("review_decision_notified", "keep"): "refuse_to_amend",  # s.51(2)(e)
    ("amendment_withdrawn_notified", None): "refuse_to_amend",  # s.51(2)(e)
    ("review_decision_notified", "cease"): "cease",  # s.51(2)(f)
}
NOTICE: Final = "decision_notice_sent"
ADVISER_CONTACT: Final = ("mediation_adviser_informed", "mediation_requested")
CERTIFICATE: Final = "mediation_certificate_issued"


def decision_kind(event: Event, facts: CaseFacts) -> str | None:
    """The s.51(2) kind of decision `event` notifies, or None if it is not appealable (a
    recorded `decision_notice_sent` names its kind itself)."""
    return APPEALABLE_EVENTS.get((event.name, facts.kind_of(event)))


def appealable_decisions(facts: CaseFacts) -> tuple[Event, ...]:
    """One event per appealable decision, in date order. A recorded notice replaces the latest
    decision of its kind on or before it; otherwise it stands as a decision of its own."""
    decisions = [
        event
        for event in facts.of_all()
        if event.name != NOTICE and decision_kind(event, facts) is not None
    ]
    for notice in facts.of(NOTICE):
        same = [
            event
            for event in decisions
            if event.name != NOTICE
            and event.date <= notice.date
            and decision_kind(event, facts) == facts.kind_of(notice)
        ]
        if same:
            decisions.remove(same[-1])
        decisions.append(notice)
    return tuple(sorted(decisions, key=lambda event: event.date))


def next_decision_after(facts: CaseFacts, start: Event) -> date:
    """The date of the next appealable decision after `start` (a certificate or an appeal
    after it belongs to that one), or date.max."""
    later = [event.date for event in appealable_decisions(facts) if event.date > start.date]
    return min(later, default=date.max)


def awaiting_certificate(facts: CaseFacts, start: Event, today: date) -> bool:
    """The family has contacted the mediation adviser (or asked for mediation) about this
    decision and no certificate has been issued yet: no appeal can be made (s.55(3))."""
    until = next_decision_after(facts, start)

    def recorded(names: tuple[str, ...]) -> bool:
        return any(
            start.date <= event.date < until and event.date <= today
            for name in names
            for event in facts.of(name)
        )

    return recorded(ADVISER_CONTACT) and not recorded((CERTIFICATE,))
