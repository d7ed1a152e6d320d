"""Every computable statutory time limit of the EHC process, as rows of data.

Ids are those of the project's specification (`shared/spec/statutory-time-limits.md`). A row
says when the clock starts, how long it runs, how it is counted (rules C1-C8), which events
meet it, which exceptions can disapply it, its legal citation and the period it is in force.
Where one id has several steps (a draft then a final plan), each step is its own row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from ehcp.rules.schedule import Consequence


class Reckoning(Enum):
    WEEKS_AFTER = "weeks after the start, the start day excluded (C1)"
    DAYS_AFTER = "calendar days after the start, the start day excluded (C3)"
    DAYS_BEGINNING_WITH = "at least N days beginning with the start day (C2)"
    WEEKS_BEFORE = "at least N weeks before the start (C4)"
    MONTHS_AFTER = "the corresponding date N months later (C5)"
    MONTHS_PERIOD = "a period of N months starting with the start day (C5)"
    MONTHS_BEFORE = "at least N months before the start (C5)"
    FIXED_DATE = "before a fixed date in the calendar year of the start (C6)"
    WORKING_DAYS_BEGINNING_WITH = "working days beginning with the start day (C7)"
    WORKING_DAYS_AFTER = "working days after the start, the start day excluded (C8)"
    IMMEDIATE = "immediately, on the start day"
    TRIBUNAL_APPEAL = "the later of 2 months and 1 month from a certificate, then HESC r.12"
    MOVE = "on the move day, or 15 working days beginning with awareness (C7)"
    TRANSFER_REVIEW = "the later of two periods starting with the last review and transfer (C5)"
    END_OF_PLAN_AT_25 = "the end of the academic year in which the young person turns 25"

    @property
    def looks_back(self) -> bool:
        """Deadlines that fall before their start event, so meeting them is looked for earlier."""
        return self in (Reckoning.WEEKS_BEFORE, Reckoning.MONTHS_BEFORE, Reckoning.FIXED_DATE)

    @property
    def is_window(self) -> bool:
        """A minimum period the family has; acting before it ends is the breach."""
        return self is Reckoning.DAYS_BEGINNING_WITH


class Basis(Enum):
    STATUTE = "statute"
    GUIDANCE = "guidance"
    DERIVED = "derived"


# The start of AP1 and M1: every appealable decision's own notice (see `appeals.py`).
APPEALABLE_DECISION: Final = "appealable_decision"

E_LIST: Final = ("E1", "E2", "E3", "E4")
REG_8: Final = ("REG8_EXCEPTIONAL", "REG8_ABSENCE", "REG8_MISSED_APPOINTMENT")
REG_44: Final = ("REG44_EXCEPTIONAL", "REG44_ABSENCE", "REG44_REPRESENTATIONS")
SEND_REGS_START: Final = date(2014, 9, 1)
UNOPPOSED_CHANGE: Final = date(2015, 3, 23)
RECOMMENDATIONS_START: Final = date(2018, 4, 3)


@dataclass(frozen=True)
class Timescale:
    id: str
    title: str
    start_event: str
    length: int
    unit: str
    counting: str
    reckoning: Reckoning
    citation: str
    completed_by: tuple[str, ...] = ()
    step: str = ""
    basis: Basis = Basis.STATUTE
    exceptions: tuple[str, ...] = ()
    coronavirus_exception: bool = True
    in_force_from: date = SEND_REGS_START
    in_force_to: date | None = None
    start_kinds: tuple[str, ...] = ()
    match_kind: bool = False
    void_if: tuple[tuple[str, str | None], ...] = ()
    offset_days: int = 0
    fixed_month_day: tuple[int, int] | None = None
    only_under_five: bool = False
    day_one_convention: bool = False
    duty_holder: str = "council"
    requires_plan: bool = False
    start_fallback: str | None = None
    preceded_by: tuple[str, tuple[str, ...]] | None = None

    @property
    def key(self) -> str:
        return f"{self.id}.{self.step}" if self.step else self.id

    @property
    def consequence(self) -> Consequence:
        if self.duty_holder == "family":
            return Consequence.FAMILY
        return {
            Basis.STATUTE: Consequence.BREACH,
            Basis.GUIDANCE: Consequence.GUIDANCE,
            Basis.DERIVED: Consequence.TARGET,
        }[self.basis]

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)


REFUSED: Final = ("decision_to_assess_notified", "refuse")
NOT_ISSUING: Final = ("decision_not_to_issue_notified", None)
ISSUED: Final = ("final_plan_issued", None)
DRAFTED: Final = ("draft_plan_served", None)  # the council has decided to issue a plan
AMENDED: Final = ("amended_plan_issued", None)
CEASED: Final = ("plan_ceased", None)
# The assessment is over once the plan is issued or the family is told there will be none.
ASSESSMENT_OVER: Final = (ISSUED, NOT_ISSUING)


def _row(
    id_: str,
    title: str,
    start: str,
    length: int,
    unit: str,
    counting: str,
    reckoning: Reckoning,
    citation: str,
    **options: object,
) -> Timescale:
    return Timescale(id_, title, start, length, unit, counting, reckoning, citation, **options)  # type: ignore[arg-type]


W, D, M = Reckoning.WEEKS_AFTER, Reckoning.DAYS_AFTER, Reckoning.MONTHS_AFTER
WD7, WD8 = Reckoning.WORKING_DAYS_BEGINNING_WITH, Reckoning.WORKING_DAYS_AFTER

_NEW_REQUEST = (
    _row(
        "A1",
        "Decide whether to assess and tell the family",
        "request_received",
        6,
        "weeks",
        "C1",
        W,
        "CFA 2014 s.36(3)-(5),(8); SEND Regs 2014 reg 4(1), reg 5(1)-(3)",
        completed_by=("decision_to_assess_notified",),
        exceptions=E_LIST,
        day_one_convention=True,
    ),
    _row(
        "A2",
        "Contributor sends advice for the assessment",
        "advice_requested",
        6,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 8(1); reg 6 (advice to be sought); CoP 9.52",
        completed_by=("advice_received",),
        match_kind=True,
        exceptions=REG_8,
        duty_holder="advice-giver",
        void_if=ASSESSMENT_OVER,
    ),
    _row(
        "A3",
        "Tell the family if no plan will be issued after assessment",
        "request_received",
        16,
        "weeks",
        "C1",
        W,
        "CFA 2014 s.36(9); SEND Regs 2014 reg 10",
        completed_by=("decision_not_to_issue_notified",),
        exceptions=E_LIST,
        void_if=(REFUSED, DRAFTED, ISSUED),
        day_one_convention=True,
    ),
    _row(
        "A4",
        "Family's 15 days to comment on the draft plan",
        "draft_plan_served",
        15,
        "days",
        "C2",
        Reckoning.DAYS_BEGINNING_WITH,
        "CFA 2014 s.38(2),(4); SEND Regs 2014 reg 13(1)(a); CoP 9.77",
        completed_by=("final_plan_issued",),
        coronavirus_exception=False,
    ),
    _row(
        "A5",
        "Consulted school or college replies",
        "school_consulted",
        15,
        "days",
        "C3",
        D,
        "CFA 2014 s.39(2)-(3), s.40(3) (duty to consult); CoP 9.83 (15 days)",
        completed_by=("school_consultation_answered",),
        basis=Basis.GUIDANCE,
        coronavirus_exception=False,
        duty_holder="school or college",
        void_if=(ISSUED,),
    ),
    _row(
        "A6",
        "Issue the final EHC plan",
        "request_received",
        20,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 13(2); CFA 2014 ss.39-40; CoP 9.40",
        completed_by=("final_plan_issued",),
        exceptions=E_LIST,
        void_if=(REFUSED, NOT_ISSUING),
        day_one_convention=True,
    ),
    _row(
        "A6",
        "Latest draft plan date that leaves the family's 15 days",
        "request_received",
        20,
        "weeks",
        "C1",
        W,
        "Derived from SEND Regs 2014 reg 13(1)(a) and reg 13(2)",
        step="draft_latest",
        completed_by=("draft_plan_served",),
        basis=Basis.DERIVED,
        offset_days=-15,
        coronavirus_exception=False,
        void_if=(REFUSED, *ASSESSMENT_OVER),
    ),
    _row(
        "A6",
        "Practical draft plan date that also leaves 15 days to consult a school",
        "request_received",
        20,
        "weeks",
        "C1",
        W,
        "Derived from SEND Regs 2014 reg 13 and CoP 9.83",
        step="draft_practical",
        completed_by=("draft_plan_served",),
        basis=Basis.DERIVED,
        offset_days=-30,
        coronavirus_exception=False,
        void_if=(REFUSED, *ASSESSMENT_OVER),
    ),
)

_REVIEWS = (
    _row(
        "R1",
        "Complete the first annual review",
        "final_plan_issued",
        12,
        "months",
        "C5",
        Reckoning.MONTHS_PERIOD,
        "CFA 2014 s.44(1)(a); SEND Regs 2014 regs 18-21",
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
    ),
    _row(
        "R2",
        "Complete the next annual review",
        "review_decision_notified",
        12,
        "months",
        "C5",
        Reckoning.MONTHS_PERIOD,
        "CFA 2014 s.44(1)(b); SEND Regs 2014 regs 18-21",
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
    ),
    _row(
        "R3",
        "Give notice of the review meeting",
        "review_meeting_held",
        2,
        "weeks",
        "C4",
        Reckoning.WEEKS_BEFORE,
        "SEND Regs 2014 reg 20(2)-(3); reg 21(2)-(3)",
        completed_by=("review_invitations_sent",),
        void_if=(CEASED,),
    ),
    _row(
        "R4",
        "Circulate advice before the review meeting",
        "review_meeting_held",
        2,
        "weeks",
        "C4",
        Reckoning.WEEKS_BEFORE,
        "SEND Regs 2014 reg 20(4); reg 21(4)",
        completed_by=("review_advice_circulated",),
        void_if=(CEASED,),
    ),
    _row(
        "R5",
        "Send the review report",
        "review_meeting_held",
        2,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 20(7); reg 21(7)",
        completed_by=("review_report_sent",),
        void_if=(CEASED,),
        duty_holder="school (council where no institution)",
    ),
    _row(
        "R6",
        "Decide after the review (with proposed amendments if amending)",
        "review_meeting_held",
        4,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 20(10), reg 21 equivalent; CoP 9.176; "
        "R (L) v Devon CC [2022] EWHC 493 (Admin)",
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
    ),
    _row(
        "R7",
        "Family's 15 days to comment on proposed amendments",
        "amendment_notice_served",
        15,
        "days",
        "C2",
        Reckoning.DAYS_BEGINNING_WITH,
        "SEND Regs 2014 reg 22(2)(a)-(d)",
        completed_by=("amended_plan_issued",),
        void_if=(CEASED,),
    ),
    _row(
        "R8",
        "Issue the amended plan (or say it will not be amended)",
        "amendment_notice_served",
        8,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 22(3)-(4); CoP 9.194",
        completed_by=("amended_plan_issued", "amendment_withdrawn_notified"),
        void_if=(CEASED,),
    ),
    _row(
        "R9",
        "Consider an interim review for a child under five",
        "final_plan_issued",
        6,
        "months",
        "C5",
        M,
        "CoP 9.178",
        completed_by=("interim_review_held",),
        basis=Basis.GUIDANCE,
        coronavirus_exception=False,
        only_under_five=True,
        void_if=(CEASED,),
    ),
    _row(
        "R9",
        "Consider the next interim review for a child under five",
        "interim_review_held",
        6,
        "months",
        "C5",
        M,
        "CoP 9.178",
        step="next",
        completed_by=("interim_review_held",),
        basis=Basis.GUIDANCE,
        coronavirus_exception=False,
        only_under_five=True,
        void_if=(CEASED,),
    ),
)

_SCHOOL_PHASES = (
    "early_years_to_school",
    "infant_to_junior",
    "primary_to_middle",
    "primary_to_secondary",
    "middle_to_secondary",
)
_PHASE_TRANSFERS = (
    _row(
        "P1",
        "Amended plan naming the new school, before 15 February",
        "phase_transfer",
        0,
        "fixed date",
        "C6",
        Reckoning.FIXED_DATE,
        "SEND Regs 2014 reg 18(1)(b); CoP 9.179",
        completed_by=("amended_plan_issued",),
        start_kinds=_SCHOOL_PHASES,
        fixed_month_day=(2, 15),
        requires_plan=True,
        void_if=(CEASED,),
    ),
    _row(
        "P2",
        "Amended plan naming the post-16 institution, before 31 March",
        "phase_transfer",
        0,
        "fixed date",
        "C6",
        Reckoning.FIXED_DATE,
        "SEND Regs 2014 reg 18(1)(a); CoP 9.179",
        completed_by=("amended_plan_issued",),
        start_kinds=("secondary_to_post16",),
        fixed_month_day=(3, 31),
        requires_plan=True,
        void_if=(CEASED,),
    ),
    *(
        _row(
            id_,
            "Latest amendment notice that leaves the family's 15 days",
            "phase_transfer",
            0,
            "fixed date",
            "C6",
            Reckoning.FIXED_DATE,
            f"Derived from SEND Regs 2014 {para} and reg 22(2)",
            step="notice_latest",
            completed_by=("amendment_notice_served",),
            basis=Basis.DERIVED,
            offset_days=-15,
            start_kinds=kinds,
            fixed_month_day=month_day,
            coronavirus_exception=False,
            requires_plan=True,
            void_if=(CEASED,),
        )
        for id_, para, kinds, month_day in (
            ("P1", "reg 18(1)(b)", _SCHOOL_PHASES, (2, 15)),
            ("P2", "reg 18(1)(a)", ("secondary_to_post16",), (3, 31)),
        )
    ),
    _row(
        "P3",
        "Amended plan naming the new post-16 institution, 5 months ahead",
        "phase_transfer",
        5,
        "months",
        "C5",
        Reckoning.MONTHS_BEFORE,
        "SEND Regs 2014 reg 18(2)",
        completed_by=("amended_plan_issued",),
        start_kinds=("post16_to_post16",),
        requires_plan=True,
        void_if=(CEASED,),
    ),
)

_REASSESSMENT = (
    _row(
        "Q1",
        "Tell the family whether the council will re-assess",
        "reassessment_request_received",
        15,
        "days",
        "C3",
        D,
        "SEND Regs 2014 reg 25(1)",
        completed_by=("reassessment_decision_notified",),
        requires_plan=True,
        void_if=(CEASED,),
    ),
    _row(
        "Q2",
        "Contributor sends advice for the re-assessment",
        "reassessment_advice_requested",
        6,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 26 (applying regs 6-10, including reg 8)",
        completed_by=("reassessment_advice_received",),
        match_kind=True,
        exceptions=REG_8,
        duty_holder="advice-giver",
        void_if=(AMENDED, ISSUED, CEASED),
    ),
    _row(
        "Q3",
        "Issue the amended or replacement plan after re-assessment",
        "reassessment_decision_notified",
        14,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 27(2)",
        completed_by=("amended_plan_issued", "final_plan_issued"),
        exceptions=E_LIST,
        start_kinds=("reassess",),
        void_if=(CEASED,),
    ),
    _row(
        "Q6",
        "Latest date the plan may run after the 25th birthday",
        "birthday_25",
        0,
        "academic year",
        "C6",
        Reckoning.END_OF_PLAN_AT_25,
        "CFA 2014 s.46; SEND Regs 2014 reg 46",
        completed_by=("plan_ceased",),
        coronavirus_exception=False,
    ),
)

_MOVES = (
    _row(
        "T1",
        "Old council transfers the plan to the new council",
        "la_aware_of_move",
        15,
        "working days",
        "C7",
        Reckoning.MOVE,
        "SEND Regs 2014 reg 15(2)",
        completed_by=("plan_transferred_in",),
        start_fallback="moved",
        requires_plan=True,
        void_if=(CEASED,),
    ),
    _row(
        "T2",
        "New council tells the family about the transfer",
        "plan_transferred_in",
        6,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 15(4)",
        completed_by=("new_la_notice_sent",),
        void_if=(CEASED,),
    ),
    _row(
        "T3",
        "New council reviews the transferred plan",
        "plan_transferred_in",
        12,
        "months",
        "C5",
        Reckoning.TRANSFER_REVIEW,
        "SEND Regs 2014 reg 15(5)",
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
    ),
    _row(
        "T5",
        "Old ICB tells the new ICB about a move",
        "icb_aware_of_move",
        15,
        "working days",
        "C7",
        Reckoning.MOVE,
        "SEND Regs 2014 reg 16 [verify paragraphs]",
        completed_by=("new_icb_notified",),
        duty_holder="ICB",
    ),
    _row(
        "T6",
        "Old ICB tells the new ICB about another change",
        "icb_aware_of_change",
        15,
        "working days",
        "C7",
        WD7,
        "SEND Regs 2014 reg 16",
        completed_by=("new_icb_notified",),
        duty_holder="ICB",
    ),
    _row(
        "T7",
        "New ICB asks the council to assess or review",
        "new_icb_aware",
        15,
        "working days",
        "C7",
        WD7,
        "SEND Regs 2014 reg 16",
        completed_by=("icb_asked_la_to_act",),
        duty_holder="ICB",
    ),
)

_MEDIATION_STEPS = (
    ("assess", "notify", 2),
    ("assess", "no_plan", 10),
    ("assess", "final", 14),
    ("make_plan", "draft", 5),
    ("make_plan", "final", 11),
    ("amend_content", "", 5),
    ("amend_placement", "", 2),
)
_STEP_EVENTS = {
    "notify": ("decision_to_assess_notified",),
    "no_plan": ("decision_not_to_issue_notified",),
    "draft": ("draft_plan_served",),
    "final": ("final_plan_issued",),
    "": ("amended_plan_issued",),
}

# After an order, concession or agreement to assess, the council either issues a plan or says
# it will not: whichever it does ends the other limit (reg 44(2)(b)(ii), reg 45(3A)).
_ALTERNATIVE_ROUTES: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "no_plan": (ISSUED,),
    "final": (NOT_ISSUING,),
}


def _alternatives(kind: str, step: str) -> tuple[tuple[str, str | None], ...]:
    return _ALTERNATIVE_ROUTES.get(step, ()) if kind == "assess" else ()


# SI 2020/471 added a coronavirus ground (1 May-25 Sep 2020) to the periods for acting on an
# order or a concession too; the clock applies it only where such a reason is recorded.
_MEDIATION = (
    _row(
        "M1",
        "Family contacts the mediation adviser",
        APPEALABLE_DECISION,
        2,
        "months",
        "C5",
        M,
        "SEND Regs 2014 reg 33; CFA 2014 s.55(3)",
        completed_by=(
            "mediation_adviser_informed",
            "mediation_requested",
            "mediation_certificate_issued",
        ),
        duty_holder="family",
        coronavirus_exception=False,
    ),
    _row(
        "M2",
        "Adviser issues a certificate (no mediation wanted)",
        "mediation_adviser_informed",
        3,
        "working days",
        "C8",
        WD8,
        "CFA 2014 s.55(4); SEND Regs 2014 reg 34",
        completed_by=("mediation_certificate_issued",),
        start_kinds=("certificate_only",),
        duty_holder="mediation adviser",
    ),
    _row(
        "M3",
        "Council tells the ICB about health issues in the mediation",
        "mediation_requested",
        3,
        "working days",
        "C8",
        WD8,
        "SEND Regs 2014 regs 35-36 [verify paragraphs]",
        completed_by=("icb_told_of_mediation",),
        start_kinds=("health", "mixed"),
    ),
    _row(
        "M4",
        "Mediation takes place",
        "mediation_requested",
        30,
        "days",
        "C3",
        D,
        "SEND Regs 2014 reg 37 (education or mixed issues: the council arranges it) "
        "[verify paragraphs]",
        completed_by=("mediation_held",),
        start_kinds=("education", "mixed"),
        void_if=(("mediation_certificate_issued", None),),
    ),
    _row(
        "M4",
        "Mediation about health care only takes place",
        "icb_told_of_mediation",
        30,
        "days",
        "C3",
        D,
        "SEND Regs 2014 reg 36 (health issues only: the ICB arranges it within 30 days of "
        "being told by the council) [verify paragraphs]",
        step="health",
        completed_by=("mediation_held",),
        void_if=(("mediation_certificate_issued", None),),
        preceded_by=("mediation_requested", ("health",)),
        duty_holder="ICB",
    ),
    _row(
        "M5",
        "Adviser issues a certificate when mediation cannot be arranged",
        "mediation_unavailable_notified",
        3,
        "working days",
        "C8",
        WD8,
        "SEND Regs 2014 reg 38 [verify paragraph]",
        completed_by=("mediation_certificate_issued",),
        duty_holder="mediation adviser",
    ),
    _row(
        "M6",
        "Mediator issues the certificate after mediation",
        "mediation_held",
        3,
        "working days",
        "C8",
        WD8,
        "CFA 2014 s.55(5); SEND Regs 2014 reg 39",
        completed_by=("mediation_certificate_issued",),
        duty_holder="mediator",
    ),
    *(
        _row(
            "M7",
            "Act on a mediation agreement as if it were a Tribunal order",
            "mediation_agreement",
            weeks,
            "weeks",
            "C1",
            W,
            "SEND Regs 2014 reg 42(2), applying reg 44",
            step=f"{kind}.{step}".rstrip("."),
            completed_by=_STEP_EVENTS[step],
            start_kinds=(kind,),
            void_if=_alternatives(kind, step),
        )
        for kind, step, weeks in _MEDIATION_STEPS
    ),
    _row(
        "M8",
        "Act on a mediation agreement about non-appealable matters",
        "mediation_agreement",
        2,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 42(3)",
        completed_by=("mediation_agreement_actioned",),
        start_kinds=("non_appealable",),
    ),
    _row(
        "M9",
        "ICB tells the council about its mediation agreement",
        "icb_mediation_agreement",
        1,
        "weeks",
        "C1",
        W,
        "SEND Regs 2014 reg 42(4)",
        completed_by=("la_told_of_agreement",),
        duty_holder="ICB",
    ),
)

_APPEAL = (
    _row(
        "AP1",
        "Latest date for the Tribunal to receive an appeal",
        APPEALABLE_DECISION,
        2,
        "months",
        "C5",
        Reckoning.TRIBUNAL_APPEAL,
        "HESC Rules 2008 r.20(1)(c), r.12(2)-(3)(a); CFA 2014 ss.51, 55",
        completed_by=("appeal_lodged",),
        duty_holder="family",
        coronavirus_exception=False,
    ),
)

_TRIBUNAL_STEPS = (
    ("O1", "dismiss_cease_appeal", "", 0, ("plan_ceased",), "reg 44(2)(a)"),
    ("O2", "assess", "notify", 2, _STEP_EVENTS["notify"], "reg 44(2)(b)(i)"),
    ("O2", "assess", "no_plan", 10, _STEP_EVENTS["no_plan"], "reg 44(2)(b)(ii)"),
    ("O2", "assess", "final", 14, _STEP_EVENTS["final"], "reg 44(2)(b)(ii)"),
    ("O3", "make_plan", "draft", 5, _STEP_EVENTS["draft"], "reg 44(2)(c)"),
    ("O3", "make_plan", "final", 11, _STEP_EVENTS["final"], "reg 44(2)(c)"),
    ("O4", "amend_content", "", 5, _STEP_EVENTS[""], "reg 44(2)(e) [verify lettering]"),
    ("O5", "amend_placement", "", 2, _STEP_EVENTS[""], "reg 44(2)(f)"),
    ("O6", "continue_to_maintain", "", 0, ("plan_maintained_confirmed",), "reg 44(2)"),
    ("O7", "reconsider", "", 2, ("reconsideration_notified",), "reg 44(2) [verify]"),
)
_TRIBUNAL_TITLES = {
    "O1": "Cease the plan after the appeal is dismissed",
    "O2": "Carry out the ordered assessment",
    "O3": "Make the ordered plan",
    "O4": "Issue the plan amended as ordered",
    "O5": "Issue the plan with the school or college ordered",
    "O6": "Continue to maintain the plan",
    "O7": "Reconsider the decision and tell the family",
}
_ORDERS = tuple(
    _row(
        id_,
        _TRIBUNAL_TITLES[id_],
        "tribunal_order_made",
        weeks,
        "weeks" if weeks else "immediately",
        "C1" if weeks else "-",
        W if weeks else Reckoning.IMMEDIATE,
        f"SEND Regs 2014 {para}",
        step=step,
        completed_by=events,
        start_kinds=(kind,),
        exceptions=REG_44 if weeks else (),
        coronavirus_exception=bool(weeks),
        void_if=_alternatives(kind, step),
    )
    for id_, kind, step, weeks, events, para in _TRIBUNAL_STEPS
)

_UNOPPOSED_STEPS = (
    ("U1", "assess", "notify", 2, "reg 45(3)"),
    ("U1", "assess", "no_plan", 10, "reg 45(3A)"),
    ("U1", "assess", "final", 14, "reg 45(3A)"),
    ("U2", "content", "", 5, "reg 45(4)"),
    ("U3", "placement", "", 2, "reg 45(5) [verify]"),
    ("U3", "content_and_placement", "", 5, "reg 45(5) [verify]"),
    ("U4", "refuse_to_issue", "draft", 5, "reg 45(6) [verify]"),
    ("U4", "refuse_to_issue", "final", 11, "reg 45(6) [verify]"),
    ("U5", "cease", "", 5, "reg 45 (summary) [verify]"),
)
_UNOPPOSED_TITLE = "Act on an appeal the council chose not to oppose"
_UNOPPOSED = tuple(
    _row(
        id_,
        _UNOPPOSED_TITLE,
        "unopposed_appeal_notified",
        weeks,
        "weeks",
        "C1",
        W,
        f"SEND Regs 2014 {para}, as substituted by SEND (Amendment) Regs 2015 (SI 2015/359) reg 8",
        step=step,
        completed_by=_STEP_EVENTS[step],
        start_kinds=(kind,),
        in_force_from=UNOPPOSED_CHANGE,
        void_if=_alternatives(kind, step),
    )
    for id_, kind, step, weeks, para in _UNOPPOSED_STEPS
) + tuple(
    _row(
        id_,
        _UNOPPOSED_TITLE,
        "unopposed_appeal_notified",
        weeks,
        "weeks",
        "C1",
        W,
        f"SEND Regs 2014 {para} as made (before SI 2015/359)",
        step=step,
        completed_by=_STEP_EVENTS[step],
        start_kinds=(kind,),
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    )
    for id_, kind, step, weeks, para in (
        ("U1", "assess", "notify", 4, "reg 45(3)"),
        ("U2", "content", "", 4, "reg 45(4)"),
        ("U3", "placement", "", 2, "reg 45(5)"),
        ("U3", "content_and_placement", "", 4, "reg 45(4)"),
        ("U4", "refuse_to_issue", "draft", 4, "reg 45(6)"),
        ("U5", "cease", "", 4, "reg 45"),
    )
)

_HEALTH_AND_BUDGETS = (
    _row(
        "REC",
        "Reply to the Tribunal's health or social care recommendations",
        "tribunal_recommendations_made",
        5,
        "weeks",
        "C1",
        W,
        "SEND (First-tier Tribunal Recommendations Power) Regs 2017 (SI 2017/1306) reg 6",
        completed_by=("recommendation_response_sent",),
        duty_holder="ICB and council",
        in_force_from=RECOMMENDATIONS_START,
    ),
    _row(
        "PB1",
        "Review the direct payments in their first 3 months",
        "direct_payment_started",
        3,
        "months",
        "C5",
        Reckoning.MONTHS_PERIOD,
        "SEN (Personal Budgets) Regs 2014 (SI 2014/1652) reg 11 [verify wording]",
        completed_by=("direct_payment_reviewed",),
    ),
)

TIMESCALES: Final[tuple[Timescale, ...]] = (
    *_NEW_REQUEST,
    *_REVIEWS,
    *_PHASE_TRANSFERS,
    *_REASSESSMENT,
    *_MOVES,
    *_MEDIATION,
    *_APPEAL,
    *_ORDERS,
    *_UNOPPOSED,
    *_HEALTH_AND_BUDGETS,
)
