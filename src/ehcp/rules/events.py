"""The facts a case is made of: dated events, recorded exceptions and setting closures.

The engine takes these and nothing else. The vocabulary below is the one every caller (the
CLI, the web app's case timeline, importers) uses; `docs/events.md` documents it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final


@dataclass(frozen=True)
class EventType:
    name: str
    description: str
    kinds: tuple[str, ...] = ()
    default_kind: str | None = None
    may_be_future: bool = False

    @property
    def kind_required(self) -> bool:
        """The kind decides which limit applies, so it must be given (no silent default)."""
        return bool(self.kinds) and self.default_kind is None


CONTRIBUTORS: Final = ("educational_psychology", "health", "social_care", "school", "other")
PHASE_TRANSFERS: Final = (
    "early_years_to_school",
    "infant_to_junior",
    "primary_to_middle",
    "primary_to_secondary",
    "middle_to_secondary",
    "secondary_to_post16",
    "post16_to_post16",
    "same_school_sixth_form",
)
APPEALABLE_DECISIONS: Final = (
    "refuse_to_assess",
    "refuse_to_issue",
    "plan_content",
    "refuse_to_reassess",
    "refuse_to_amend",
    "cease",
)
TRIBUNAL_ORDERS: Final = (
    "dismiss_cease_appeal",
    "assess",
    "make_plan",
    "amend_content",
    "amend_placement",
    "continue_to_maintain",
    "reconsider",
)
UNOPPOSED_APPEALS: Final = (
    "assess",
    "content",
    "placement",
    "content_and_placement",
    "refuse_to_issue",
    "cease",
)
MEDIATION_AGREEMENTS: Final = (
    "assess",
    "make_plan",
    "amend_content",
    "amend_placement",
    "non_appealable",
)


def _event(name: str, description: str, *kinds: str, **options: object) -> EventType:
    return EventType(name, description, tuple(kinds), **options)  # type: ignore[arg-type]


EVENT_TYPES: Final[dict[str, EventType]] = {
    event.name: event
    for event in (
        # New request, assessment and plan
        _event(
            "request_received",
            "The council receives a request for an EHC needs assessment"
            " (or becomes responsible for the child or young person).",
        ),
        _event(
            "request_logged",
            "The council logged the request, where that is later than its actual receipt.",
        ),
        _event(
            "decision_to_assess_notified",
            "The council tells the family whether it will assess.",
            "assess",
            "refuse",
        ),
        _event(
            "advice_requested",
            "The council asks a contributor for advice for the assessment.",
            *CONTRIBUTORS,
            default_kind="other",
        ),
        _event(
            "advice_received",
            "A contributor's advice for the assessment arrives.",
            *CONTRIBUTORS,
            default_kind="other",
        ),
        _event(
            "decision_not_to_issue_notified",
            "After assessing, the council tells the family it will not issue a plan.",
        ),
        _event(
            "draft_plan_served", "The draft plan (or draft amended plan) is served on the family."
        ),
        _event(
            "draft_comments_sent",
            "The family sends its comments on a draft plan or draft amended plan (CFA 2014"
            " s.38(2)(b); SEND Regs 2014 regs 13(1)(a) and 22(2)(c)). For letters: no time"
            " limit depends on it.",
        ),
        _event("school_consulted", "The council consults a school or college about naming it."),
        _event("school_consultation_answered", "The consulted school or college replies."),
        _event("final_plan_issued", "The final EHC plan is issued."),
        # Reviews and amendments
        _event("review_meeting_held", "The annual review meeting takes place."),
        _event("review_invitations_sent", "Notice of the review meeting goes to the invitees."),
        _event("review_advice_circulated", "Advice for the review is circulated to invitees."),
        _event("review_report_sent", "The written review report goes to the invitees."),
        _event(
            "review_decision_notified",
            "The council notifies its decision after a review.",
            "keep",
            "amend",
            "cease",
        ),
        _event(
            "amendment_notice_served",
            "The council sends the proposed amendments with the amendment notice.",
        ),
        _event("amended_plan_issued", "The final amended plan is issued."),
        _event(
            "amendment_withdrawn_notified",
            "The council tells the family it will not amend after all.",
        ),
        _event("interim_review_held", "An interim review (under-fives) takes place."),
        _event(
            "phase_transfer",
            "A transfer between phases is due on this date.",
            *PHASE_TRANSFERS,
            may_be_future=True,
        ),
        # Re-assessment and the end of a plan
        _event("reassessment_request_received", "The council receives a request to re-assess."),
        _event(
            "reassessment_decision_notified",
            "The council tells the family whether it will re-assess.",
            "reassess",
            "refuse",
        ),
        _event(
            "reassessment_advice_requested",
            "The council asks for advice for a re-assessment.",
            *CONTRIBUTORS,
            default_kind="other",
        ),
        _event(
            "reassessment_advice_received",
            "Advice for the re-assessment arrives.",
            *CONTRIBUTORS,
            default_kind="other",
        ),
        _event("plan_ceased", "The council stops maintaining the plan."),
        # Moves between councils and health bodies
        _event("la_aware_of_move", "The old council learns that the family is moving."),
        _event("moved", "The family moves to another council's area.", may_be_future=True),
        _event("plan_transferred_in", "The plan is transferred to the new council."),
        _event("new_la_notice_sent", "The new council tells the family about the transfer."),
        _event("icb_aware_of_move", "The old ICB learns of a move that changes the ICB."),
        _event("icb_aware_of_change", "The old ICB learns of any other change of ICB."),
        _event("new_icb_notified", "The old ICB tells the new ICB."),
        _event("new_icb_aware", "The new ICB learns that it is now responsible."),
        _event("icb_asked_la_to_act", "The new ICB asks the council to assess or review."),
        # Disagreement resolution
        _event(
            "decision_notice_sent",
            "The council sends an appealable decision notice.",
            *APPEALABLE_DECISIONS,
        ),
        _event(
            "mediation_adviser_informed",
            "The family contacts the mediation adviser.",
            "wants_mediation",
            "certificate_only",
        ),
        _event(
            "mediation_requested",
            "The council is told the family wants mediation.",
            "education",
            "health",
            "mixed",
        ),
        _event("icb_told_of_mediation", "The council tells the ICB about a health mediation."),
        _event(
            "mediation_unavailable_notified",
            "The council tells the adviser it cannot arrange mediation within 30 days.",
        ),
        _event("mediation_held", "The mediation takes place (or ends)."),
        _event(
            "mediation_certificate_issued",
            "The mediation adviser or mediator issues a certificate.",
        ),
        _event(
            "mediation_agreement",
            "A written mediation agreement is made.",
            *MEDIATION_AGREEMENTS,
        ),
        _event(
            "mediation_agreement_actioned",
            "The council or ICB does what a mediation agreement requires.",
        ),
        _event(
            "icb_mediation_agreement", "An ICB makes a mediation agreement without the council."
        ),
        _event("la_told_of_agreement", "The ICB tells the council about its agreement."),
        _event("appeal_lodged", "The Tribunal receives the appeal."),
        _event(
            "tribunal_order_made",
            "The SEND Tribunal makes an order.",
            *TRIBUNAL_ORDERS,
        ),
        _event(
            "reconsideration_notified", "The council tells the family its reconsidered decision."
        ),
        _event("plan_maintained_confirmed", "The council confirms it continues the plan."),
        _event(
            "unopposed_appeal_notified",
            "The council tells the Tribunal it will not oppose an appeal.",
            *UNOPPOSED_APPEALS,
        ),
        _event(
            "tribunal_recommendations_made",
            "The Tribunal makes health or social care recommendations.",
        ),
        _event(
            "recommendation_response_sent", "The ICB or council replies to the recommendations."
        ),
        # Personal budgets
        _event("direct_payment_started", "Direct payments start."),
        _event("direct_payment_reviewed", "The council reviews the direct payments."),
    )
}


@dataclass(frozen=True)
class Event:
    """Something that happened to a case, on a date. `kind` narrows it (e.g. which contributor)."""

    date: date
    name: str
    kind: str | None = None


@dataclass(frozen=True)
class SettingClosure:
    """A school, college or early years setting closed from `first_closed_day` until it
    reopens on `reopening_day` (exceptions E1 and E2)."""

    setting: str
    first_closed_day: date
    reopening_day: date

    @property
    def length_days(self) -> int:
        return (self.reopening_day - self.first_closed_day).days


@dataclass(frozen=True)
class RecordedException:
    """A ground the council (or advice-giver) relies on to disapply a time limit.

    `start`/`end` are the first and last days of the circumstance, both included (an
    absence, exceptional personal circumstances, a missed appointment on `start`). For
    E1/E2, `start` is the date advice was asked of the setting named in `setting`.
    `applies_to` limits it to some spec ids; empty means every limit the ground can excuse.
    """

    code: str
    start: date
    end: date | None = None
    setting: str | None = None
    applies_to: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True)
class CaseFacts:
    events: tuple[Event, ...] = ()
    exceptions: tuple[RecordedException, ...] = ()
    closures: tuple[SettingClosure, ...] = ()
    date_of_birth: date | None = None
    post16_route: str = "further_education"
    _sorted: tuple[Event, ...] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, tuple[Event, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        in_order = tuple(sorted(self.events, key=lambda e: e.date))
        by_name: dict[str, list[Event]] = {}
        for event in in_order:
            by_name.setdefault(event.name, []).append(event)
        object.__setattr__(self, "_sorted", in_order)
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in by_name.items()})

    def of(self, name: str, kinds: tuple[str, ...] = ()) -> tuple[Event, ...]:
        """Events called `name` in date order, narrowed to `kinds` when given."""
        named = self._by_name.get(name, ())
        if not kinds:
            return named
        return tuple(event for event in named if self.kind_of(event) in kinds)

    def of_all(self) -> tuple[Event, ...]:
        return self._sorted

    @staticmethod
    def kind_of(event: Event) -> str | None:
        event_type = EVENT_TYPES.get(event.name)
        return event.kind or (event_type.default_kind if event_type else None)
