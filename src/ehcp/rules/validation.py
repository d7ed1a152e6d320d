"""Checks on a case's facts before the engine runs: each problem is one plain sentence."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Final

from ehcp.rules.appeals import appealable_decisions
from ehcp.rules.events import EVENT_TYPES, CaseFacts, Event
from ehcp.rules.exceptions import EXCEPTION_GROUNDS
from ehcp.rules.reckon import fmt


class FactsError(ValueError):
    """The facts describe something that cannot have happened."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


# (later event, earlier event, why): the later one cannot come first.
SEQUENCE_RULES: Final = (
    (
        "draft_plan_served",
        "decision_to_assess_notified",
        "a draft plan cannot be served before the decision to assess",
    ),
    (
        "final_plan_issued",
        "draft_plan_served",
        "a final plan cannot be issued before the draft plan was served",
    ),
    (
        "draft_comments_sent",
        "draft_plan_served",
        "comments on the draft plan cannot be sent before the draft plan was served",
    ),
    ("advice_received", "advice_requested", "advice cannot arrive before it was asked for"),
    (
        "amended_plan_issued",
        "amendment_notice_served",
        "an amended plan cannot be issued before the amendment notice",
    ),
    (
        "review_decision_notified",
        "review_meeting_held",
        "a review decision cannot come before the review meeting",
    ),
    (
        "mediation_held",
        "mediation_requested",
        "mediation cannot be held before the council was told it was wanted",
    ),
    (
        "reassessment_decision_notified",
        "reassessment_request_received",
        "a re-assessment decision cannot come before the request",
    ),
    (
        "mediation_certificate_issued",
        "mediation_adviser_informed",
        "a mediation certificate cannot be issued before the family contacted the adviser",
    ),
    (
        "mediation_requested",
        "mediation_adviser_informed",
        "mediation cannot be requested before the family contacted the mediation adviser",
    ),
    (
        "amendment_notice_served",
        "review_meeting_held",
        "an amendment notice cannot come before the review meeting",
    ),
    (
        "plan_transferred_in",
        "moved",
        "a plan cannot be transferred in before the family moved",
    ),
    (
        "direct_payment_reviewed",
        "direct_payment_started",
        "direct payments cannot be reviewed before they started",
    ),
)
# Events that answer an appealable decision: none can come before the first decision.
AFTER_A_DECISION: Final = (
    "mediation_adviser_informed",
    "mediation_certificate_issued",
    "appeal_lodged",
)
# Events that happen once per assessment: a new request or a re-assessment starts another.
ONCE_PER_ASSESSMENT: Final = (
    "decision_to_assess_notified",
    "decision_not_to_issue_notified",
    "final_plan_issued",
)
NEW_ASSESSMENT: Final = (
    "request_received",
    "reassessment_decision_notified",
    "tribunal_order_made",
    "unopposed_appeal_notified",
    "mediation_agreement",
)


def describe_unknown_event(name: str) -> str:
    close = difflib.get_close_matches(name, EVENT_TYPES, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return f"'{name}' is not an event this system knows.{hint}"


def event_problems(event: Event, today: date) -> list[str]:
    event_type = EVENT_TYPES.get(event.name)
    if event_type is None:
        return [describe_unknown_event(event.name)]
    problems = []
    if event.kind is not None and event.kind not in event_type.kinds:
        allowed = ", ".join(event_type.kinds) or "none"
        problems.append(f"'{event.kind}' is not a kind of {event.name} (kinds: {allowed}).")
    if event.kind is None and event_type.kind_required:
        problems.append(
            f"{event.name} on {fmt(event.date)} needs a kind, because the kind decides which "
            f"time limit applies (kinds: {', '.join(event_type.kinds)})."
        )
    if event.date > today and not event_type.may_be_future:
        problems.append(f"{event.name} is dated {fmt(event.date)}, which is after today.")
    return problems


def _sequence_problems(facts: CaseFacts) -> list[str]:
    problems = []
    received = facts.of("request_received")
    if received:
        first = received[0].date
        problems += [
            f"{event.name} on {fmt(event.date)} is before the request was received on "
            f"{fmt(first)}."
            for event in facts.of_all()
            if event.date < first
        ]
    for later, earlier, why in SEQUENCE_RULES:
        later_events, earlier_events = facts.of(later), facts.of(earlier)
        if later_events and earlier_events and later_events[0].date < earlier_events[0].date:
            problems.append(f"{why.capitalize()} ({fmt(later_events[0].date)}).")
    return problems + _before_any_decision(facts)


def _before_any_decision(facts: CaseFacts) -> list[str]:
    decisions = appealable_decisions(facts)
    first = decisions[0].date if decisions else None
    return [
        f"{event.name} on {fmt(event.date)} comes before any appealable decision was notified."
        for name in AFTER_A_DECISION
        for event in facts.of(name)[:1]
        if first is None or event.date < first
    ]


def _duplicate_problems(facts: CaseFacts) -> list[str]:
    """The same event twice, or a second plan (or decision) for one assessment."""
    problems = []
    seen: set[Event] = set()
    for event in facts.of_all():
        if event in seen:
            problems.append(f"{event.name} on {fmt(event.date)} is already on the timeline.")
        seen.add(event)
    starts = sorted(e.date for name in NEW_ASSESSMENT for e in facts.of(name))
    for name in ONCE_PER_ASSESSMENT:
        previous: date | None = None
        for event in facts.of(name):
            if previous is not None and not any(previous < day <= event.date for day in starts):
                problems.append(
                    f"{event.name} on {fmt(event.date)} would be a second one for the same "
                    "assessment; record a new request or a re-assessment first."
                )
            previous = event.date
    return problems


def _exception_problems(facts: CaseFacts) -> list[str]:
    problems = []
    for recorded in facts.exceptions:
        if recorded.code not in EXCEPTION_GROUNDS:
            known = ", ".join(EXCEPTION_GROUNDS)
            problems.append(f"'{recorded.code}' is not a known exception (known: {known}).")
        if recorded.end is not None and recorded.end < recorded.start:
            problems.append(f"Exception {recorded.code} ends before it starts.")
    for closure in facts.closures:
        if closure.reopening_day <= closure.first_closed_day:
            problems.append(f"The closure of {closure.setting} reopens before it closes.")
    return problems


def find_problems(facts: CaseFacts, today: date) -> list[str]:
    problems = [problem for event in facts.of_all() for problem in event_problems(event, today)]
    if problems:
        return problems
    return _sequence_problems(facts) + _duplicate_problems(facts) + _exception_problems(facts)


def validate_facts(facts: CaseFacts, today: date) -> None:
    """Raise `FactsError` listing every problem, or return quietly."""
    problems = find_problems(facts, today)
    if problems:
        raise FactsError(problems)
