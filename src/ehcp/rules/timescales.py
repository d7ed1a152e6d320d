"""Every computable statutory time limit of the EHC process, as rows of data.

Ids are those of the project's specification (`shared/spec/statutory-time-limits.md`). A row
says when the clock starts, how long it runs, how it is counted (rules C1-C8), which events
meet it, which events cancel it (`void_if`), which exceptions can disapply it, its legal
citation with a link to each provision cited, and the period it is in force. Where one id has
several steps (a draft then a final plan), each step is its own row. Every row is written out
in full, with keywords, so that it can be read against the law it cites; a citation still to
be checked against the legal text says what in `verify` (listed in docs/verify.md), never in
the citation itself, which people read.

Every change to a row cites its source (CONTRIBUTING.md).
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


@dataclass(frozen=True, kw_only=True)
class Timescale:
    id: str
    title: str
    start_event: str
    length: int
    unit: str
    counting: str
    reckoning: Reckoning
    citation: str
    # legislation.gov.uk (or, for the Code of Practice, GOV.UK) for the first provision cited,
    # then for each further one, in the order the citation names them.
    source_url: str
    further_sources: tuple[str, ...] = ()
    # What is still to be checked against the legal text, if anything (docs/verify.md).
    verify: str = ""
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

SCHOOL_PHASES: Final = (
    "early_years_to_school",
    "infant_to_junior",
    "primary_to_middle",
    "primary_to_secondary",
    "middle_to_secondary",
)


_NEW_REQUEST = (
    Timescale(
        id="A1",
        title="Decide whether to assess and tell the family",
        start_event="request_received",
        length=6,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_to_assess_notified",),
        citation="CFA 2014 s.36(3)-(5),(8); SEND Regs 2014 reg 4(1), reg 5(1)-(3)",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/36",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/4",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/5",
        ),
        exceptions=E_LIST,
        day_one_convention=True,
    ),
    Timescale(
        id="A2",
        title="Contributor sends advice for the assessment",
        start_event="advice_requested",
        length=6,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("advice_received",),
        void_if=ASSESSMENT_OVER,
        citation="SEND Regs 2014 reg 8(1); reg 6 (advice to be sought); CoP 9.52",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/8",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/6",
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        duty_holder="advice-giver",
        exceptions=REG_8,
        match_kind=True,
    ),
    Timescale(
        id="A3",
        title="Tell the family if no plan will be issued after assessment",
        start_event="request_received",
        length=16,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_not_to_issue_notified",),
        void_if=(REFUSED, DRAFTED, ISSUED),
        citation="CFA 2014 s.36(9); SEND Regs 2014 reg 10",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/36",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/10",),
        exceptions=E_LIST,
        day_one_convention=True,
    ),
    Timescale(
        id="A4",
        title="Family's 15 days to comment on the draft plan",
        start_event="draft_plan_served",
        length=15,
        unit="days",
        counting="C2",
        reckoning=Reckoning.DAYS_BEGINNING_WITH,
        completed_by=("final_plan_issued",),
        citation="CFA 2014 s.38(2),(4); SEND Regs 2014 reg 13(1)(a); CoP 9.77",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/38",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/13",
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        coronavirus_exception=False,
    ),
    Timescale(
        id="A5",
        title="Consulted school or college replies",
        start_event="school_consulted",
        length=15,
        unit="days",
        counting="C3",
        reckoning=Reckoning.DAYS_AFTER,
        completed_by=("school_consultation_answered",),
        void_if=(ISSUED,),
        citation="CFA 2014 s.39(2)-(3), s.40(3) (duty to consult); CoP 9.83 (15 days)",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/39",
        further_sources=(
            "https://www.legislation.gov.uk/ukpga/2014/6/section/40",
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        basis=Basis.GUIDANCE,
        duty_holder="school or college",
        coronavirus_exception=False,
    ),
    Timescale(
        id="A6",
        title="Issue the final EHC plan",
        start_event="request_received",
        length=20,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        void_if=(REFUSED, NOT_ISSUING),
        citation="SEND Regs 2014 reg 13(2); CFA 2014 ss.39-40; CoP 9.40",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/13",
        further_sources=(
            "https://www.legislation.gov.uk/ukpga/2014/6/section/39",
            "https://www.legislation.gov.uk/ukpga/2014/6/section/40",
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        exceptions=E_LIST,
        day_one_convention=True,
    ),
    Timescale(
        id="A6",
        step="draft_latest",
        title="Latest draft plan date that leaves the family's 15 days",
        start_event="request_received",
        length=20,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        offset_days=-15,
        completed_by=("draft_plan_served",),
        void_if=(REFUSED, ISSUED, NOT_ISSUING),
        citation="Derived from SEND Regs 2014 reg 13(1)(a) and reg 13(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/13",
        basis=Basis.DERIVED,
        coronavirus_exception=False,
    ),
    Timescale(
        id="A6",
        step="draft_practical",
        title="Practical draft plan date that also leaves 15 days to consult a school",
        start_event="request_received",
        length=20,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        offset_days=-30,
        completed_by=("draft_plan_served",),
        void_if=(REFUSED, ISSUED, NOT_ISSUING),
        citation="Derived from SEND Regs 2014 reg 13 and CoP 9.83",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/13",
        further_sources=(
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        basis=Basis.DERIVED,
        coronavirus_exception=False,
    ),
)

_REVIEWS = (
    Timescale(
        id="R1",
        title="Complete the first annual review",
        start_event="final_plan_issued",
        length=12,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_PERIOD,
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
        citation="CFA 2014 s.44(1)(a); SEND Regs 2014 regs 18-21",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/44",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/19",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",
        ),
    ),
    Timescale(
        id="R2",
        title="Complete the next annual review",
        start_event="review_decision_notified",
        length=12,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_PERIOD,
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
        citation="CFA 2014 s.44(1)(b); SEND Regs 2014 regs 18-21",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/44",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/19",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",
        ),
    ),
    Timescale(
        id="R3",
        title="Give notice of the review meeting",
        start_event="review_meeting_held",
        length=2,
        unit="weeks",
        counting="C4",
        reckoning=Reckoning.WEEKS_BEFORE,
        completed_by=("review_invitations_sent",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 20(2)-(3); reg 21(2)-(3)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",),
    ),
    Timescale(
        id="R4",
        title="Circulate advice before the review meeting",
        start_event="review_meeting_held",
        length=2,
        unit="weeks",
        counting="C4",
        reckoning=Reckoning.WEEKS_BEFORE,
        completed_by=("review_advice_circulated",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 20(4); reg 21(4)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",),
    ),
    Timescale(
        id="R5",
        title="Send the review report",
        start_event="review_meeting_held",
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("review_report_sent",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 20(7); reg 21(7)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",),
        duty_holder="school (council where no institution)",
    ),
    Timescale(
        id="R6",
        title="Decide after the review (with proposed amendments if amending)",
        start_event="review_meeting_held",
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
        citation=(
            "SEND Regs 2014 reg 20(10), reg 21 equivalent; CoP 9.176; R (L) v Devon CC [2022] "
            "EWHC 493 (Admin)"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/20",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/21",
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
            "https://caselaw.nationalarchives.gov.uk/ewhc/admin/2022/493",
        ),
    ),
    Timescale(
        id="R7",
        title="Family's 15 days to comment on proposed amendments",
        start_event="amendment_notice_served",
        length=15,
        unit="days",
        counting="C2",
        reckoning=Reckoning.DAYS_BEGINNING_WITH,
        completed_by=("amended_plan_issued",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 22(2)(a)-(d)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/22",
    ),
    Timescale(
        id="R8",
        title="Issue the amended plan (or say it will not be amended)",
        start_event="amendment_notice_served",
        length=8,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued", "amendment_withdrawn_notified"),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 22(3)-(4); CoP 9.194",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/22",
        further_sources=(
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
    ),
    Timescale(
        id="R9",
        title="Consider an interim review for a child under five",
        start_event="final_plan_issued",
        length=6,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_AFTER,
        completed_by=("interim_review_held",),
        void_if=(CEASED,),
        citation="CoP 9.178",
        source_url="https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        basis=Basis.GUIDANCE,
        coronavirus_exception=False,
        only_under_five=True,
    ),
    Timescale(
        id="R9",
        step="next",
        title="Consider the next interim review for a child under five",
        start_event="interim_review_held",
        length=6,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_AFTER,
        completed_by=("interim_review_held",),
        void_if=(CEASED,),
        citation="CoP 9.178",
        source_url="https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        basis=Basis.GUIDANCE,
        coronavirus_exception=False,
        only_under_five=True,
    ),
)

_PHASE_TRANSFERS = (
    Timescale(
        id="P1",
        title="Amended plan naming the new school, before 15 February",
        start_event="phase_transfer",
        start_kinds=SCHOOL_PHASES,
        length=0,
        unit="fixed date",
        counting="C6",
        reckoning=Reckoning.FIXED_DATE,
        fixed_month_day=(2, 15),
        completed_by=("amended_plan_issued",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 18(1)(b); CoP 9.179",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
        further_sources=(
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        requires_plan=True,
    ),
    Timescale(
        id="P2",
        title="Amended plan naming the post-16 institution, before 31 March",
        start_event="phase_transfer",
        start_kinds=("secondary_to_post16",),
        length=0,
        unit="fixed date",
        counting="C6",
        reckoning=Reckoning.FIXED_DATE,
        fixed_month_day=(3, 31),
        completed_by=("amended_plan_issued",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 18(1)(a); CoP 9.179",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
        further_sources=(
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        requires_plan=True,
    ),
    Timescale(
        id="P1",
        step="notice_latest",
        title="Latest amendment notice that leaves the family's 15 days",
        start_event="phase_transfer",
        start_kinds=SCHOOL_PHASES,
        length=0,
        unit="fixed date",
        counting="C6",
        reckoning=Reckoning.FIXED_DATE,
        offset_days=-15,
        fixed_month_day=(2, 15),
        completed_by=("amendment_notice_served",),
        void_if=(CEASED,),
        citation="Derived from SEND Regs 2014 reg 18(1)(b) and reg 22(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/22",),
        basis=Basis.DERIVED,
        coronavirus_exception=False,
        requires_plan=True,
    ),
    Timescale(
        id="P2",
        step="notice_latest",
        title="Latest amendment notice that leaves the family's 15 days",
        start_event="phase_transfer",
        start_kinds=("secondary_to_post16",),
        length=0,
        unit="fixed date",
        counting="C6",
        reckoning=Reckoning.FIXED_DATE,
        offset_days=-15,
        fixed_month_day=(3, 31),
        completed_by=("amendment_notice_served",),
        void_if=(CEASED,),
        citation="Derived from SEND Regs 2014 reg 18(1)(a) and reg 22(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/22",),
        basis=Basis.DERIVED,
        coronavirus_exception=False,
        requires_plan=True,
    ),
    Timescale(
        id="P3",
        title="Amended plan naming the new post-16 institution, 5 months ahead",
        start_event="phase_transfer",
        start_kinds=("post16_to_post16",),
        length=5,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_BEFORE,
        completed_by=("amended_plan_issued",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 18(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/18",
        requires_plan=True,
    ),
)

_REASSESSMENT = (
    Timescale(
        id="Q1",
        title="Tell the family whether the council will re-assess",
        start_event="reassessment_request_received",
        length=15,
        unit="days",
        counting="C3",
        reckoning=Reckoning.DAYS_AFTER,
        completed_by=("reassessment_decision_notified",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 25(1)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/25",
        requires_plan=True,
    ),
    Timescale(
        id="Q2",
        title="Contributor sends advice for the re-assessment",
        start_event="reassessment_advice_requested",
        length=6,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("reassessment_advice_received",),
        void_if=(AMENDED, ISSUED, CEASED),
        citation="SEND Regs 2014 reg 26 (applying regs 6-10, including reg 8)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/26",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/6",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/7",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/8",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/9",
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/10",
        ),
        duty_holder="advice-giver",
        exceptions=REG_8,
        match_kind=True,
    ),
    Timescale(
        id="Q3",
        title="Issue the amended or replacement plan after re-assessment",
        start_event="reassessment_decision_notified",
        start_kinds=("reassess",),
        length=14,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued", "final_plan_issued"),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 27(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/27",
        exceptions=E_LIST,
    ),
    Timescale(
        id="Q6",
        title="Latest date the plan may run after the 25th birthday",
        start_event="birthday_25",
        length=0,
        unit="academic year",
        counting="C6",
        reckoning=Reckoning.END_OF_PLAN_AT_25,
        completed_by=("plan_ceased",),
        citation="CFA 2014 s.46; SEND Regs 2014 reg 46",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/46",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/46",),
        coronavirus_exception=False,
    ),
)

_MOVES = (
    Timescale(
        id="T1",
        title="Old council transfers the plan to the new council",
        start_event="la_aware_of_move",
        length=15,
        unit="working days",
        counting="C7",
        reckoning=Reckoning.MOVE,
        completed_by=("plan_transferred_in",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 15(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/15",
        requires_plan=True,
        start_fallback="moved",
    ),
    Timescale(
        id="T2",
        title="New council tells the family about the transfer",
        start_event="plan_transferred_in",
        length=6,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("new_la_notice_sent",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 15(4)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/15",
    ),
    Timescale(
        id="T3",
        title="New council reviews the transferred plan",
        start_event="plan_transferred_in",
        length=12,
        unit="months",
        counting="C5",
        reckoning=Reckoning.TRANSFER_REVIEW,
        completed_by=("review_decision_notified",),
        void_if=(CEASED,),
        citation="SEND Regs 2014 reg 15(5)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/15",
    ),
    Timescale(
        id="T5",
        title="Old ICB tells the new ICB about a move",
        start_event="icb_aware_of_move",
        length=15,
        unit="working days",
        counting="C7",
        reckoning=Reckoning.MOVE,
        completed_by=("new_icb_notified",),
        citation="SEND Regs 2014 reg 16",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/16",
        verify="check the paragraphs",
        duty_holder="ICB",
    ),
    Timescale(
        id="T6",
        title="Old ICB tells the new ICB about another change",
        start_event="icb_aware_of_change",
        length=15,
        unit="working days",
        counting="C7",
        reckoning=Reckoning.WORKING_DAYS_BEGINNING_WITH,
        completed_by=("new_icb_notified",),
        citation="SEND Regs 2014 reg 16",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/16",
        duty_holder="ICB",
    ),
    Timescale(
        id="T7",
        title="New ICB asks the council to assess or review",
        start_event="new_icb_aware",
        length=15,
        unit="working days",
        counting="C7",
        reckoning=Reckoning.WORKING_DAYS_BEGINNING_WITH,
        completed_by=("icb_asked_la_to_act",),
        citation="SEND Regs 2014 reg 16",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/16",
        duty_holder="ICB",
    ),
)

# SI 2020/471 added a coronavirus ground (1 May-25 Sep 2020) to the periods for acting on an
# order or a concession too; the clock applies it only where such a reason is recorded.
# After an order, concession or agreement to assess, the council either issues a plan or says
# it will not: whichever it does ends the other limit (reg 44(2)(b)(ii), reg 45(3A)).
_MEDIATION = (
    Timescale(
        id="M1",
        title="Family contacts the mediation adviser",
        start_event=APPEALABLE_DECISION,
        length=2,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_AFTER,
        completed_by=(
            "mediation_adviser_informed",
            "mediation_requested",
            "mediation_certificate_issued",
        ),
        citation="SEND Regs 2014 reg 33; CFA 2014 s.55(3)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/33",
        further_sources=("https://www.legislation.gov.uk/ukpga/2014/6/section/55",),
        duty_holder="family",
        coronavirus_exception=False,
    ),
    Timescale(
        id="M2",
        title="Adviser issues a certificate (no mediation wanted)",
        start_event="mediation_adviser_informed",
        start_kinds=("certificate_only",),
        length=3,
        unit="working days",
        counting="C8",
        reckoning=Reckoning.WORKING_DAYS_AFTER,
        completed_by=("mediation_certificate_issued",),
        citation="CFA 2014 s.55(4); SEND Regs 2014 reg 34",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/55",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/34",),
        duty_holder="mediation adviser",
    ),
    Timescale(
        id="M3",
        title="Council tells the ICB about health issues in the mediation",
        start_event="mediation_requested",
        start_kinds=("health", "mixed"),
        length=3,
        unit="working days",
        counting="C8",
        reckoning=Reckoning.WORKING_DAYS_AFTER,
        completed_by=("icb_told_of_mediation",),
        citation="SEND Regs 2014 regs 35-36",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/35",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/36",),
        verify="check the paragraphs",
    ),
    Timescale(
        id="M4",
        title="Mediation takes place",
        start_event="mediation_requested",
        start_kinds=("education", "mixed"),
        length=30,
        unit="days",
        counting="C3",
        reckoning=Reckoning.DAYS_AFTER,
        completed_by=("mediation_held",),
        void_if=(("mediation_certificate_issued", None),),
        citation="SEND Regs 2014 reg 37 (education or mixed issues: the council arranges it)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/37",
        verify="check the paragraphs",
    ),
    Timescale(
        id="M4",
        step="health",
        title="Mediation about health care only takes place",
        start_event="icb_told_of_mediation",
        length=30,
        unit="days",
        counting="C3",
        reckoning=Reckoning.DAYS_AFTER,
        completed_by=("mediation_held",),
        void_if=(("mediation_certificate_issued", None),),
        citation=(
            "SEND Regs 2014 reg 36 (health issues only: the ICB arranges it within 30 days of "
            "being told by the council)"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/36",
        verify="check the paragraphs",
        duty_holder="ICB",
        preceded_by=("mediation_requested", ("health",)),
    ),
    Timescale(
        id="M5",
        title="Adviser issues a certificate when mediation cannot be arranged",
        start_event="mediation_unavailable_notified",
        length=3,
        unit="working days",
        counting="C8",
        reckoning=Reckoning.WORKING_DAYS_AFTER,
        completed_by=("mediation_certificate_issued",),
        citation="SEND Regs 2014 reg 38",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/38",
        verify="check the paragraph",
        duty_holder="mediation adviser",
    ),
    Timescale(
        id="M6",
        title="Mediator issues the certificate after mediation",
        start_event="mediation_held",
        length=3,
        unit="working days",
        counting="C8",
        reckoning=Reckoning.WORKING_DAYS_AFTER,
        completed_by=("mediation_certificate_issued",),
        citation="CFA 2014 s.55(5); SEND Regs 2014 reg 39",
        source_url="https://www.legislation.gov.uk/ukpga/2014/6/section/55",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/39",),
        duty_holder="mediator",
    ),
    Timescale(
        id="M7",
        step="assess.notify",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("assess",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_to_assess_notified",),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="assess.no_plan",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("assess",),
        length=10,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_not_to_issue_notified",),
        void_if=(ISSUED,),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="assess.final",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("assess",),
        length=14,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        void_if=(NOT_ISSUING,),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="make_plan.draft",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("make_plan",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("draft_plan_served",),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="make_plan.final",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("make_plan",),
        length=11,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="amend_content",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("amend_content",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M7",
        step="amend_placement",
        title="Act on a mediation agreement as if it were a Tribunal order",
        start_event="mediation_agreement",
        start_kinds=("amend_placement",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 42(2), applying reg 44",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        further_sources=("https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",),
    ),
    Timescale(
        id="M8",
        title="Act on a mediation agreement about non-appealable matters",
        start_event="mediation_agreement",
        start_kinds=("non_appealable",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("mediation_agreement_actioned",),
        citation="SEND Regs 2014 reg 42(3)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
    ),
    Timescale(
        id="M9",
        title="ICB tells the council about its mediation agreement",
        start_event="icb_mediation_agreement",
        length=1,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("la_told_of_agreement",),
        citation="SEND Regs 2014 reg 42(4)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/42",
        duty_holder="ICB",
    ),
)

_APPEAL = (
    Timescale(
        id="AP1",
        title="Latest date for the Tribunal to receive an appeal",
        start_event=APPEALABLE_DECISION,
        length=2,
        unit="months",
        counting="C5",
        reckoning=Reckoning.TRIBUNAL_APPEAL,
        completed_by=("appeal_lodged",),
        citation="HESC Rules 2008 r.20(1)(c), r.12(2)-(3)(a); CFA 2014 ss.51, 55",
        source_url="https://www.legislation.gov.uk/uksi/2008/2699/rule/20",
        further_sources=(
            "https://www.legislation.gov.uk/uksi/2008/2699/rule/12",
            "https://www.legislation.gov.uk/ukpga/2014/6/section/51",
            "https://www.legislation.gov.uk/ukpga/2014/6/section/55",
        ),
        duty_holder="family",
        coronavirus_exception=False,
    ),
)

_ORDERS = (
    Timescale(
        id="O1",
        title="Cease the plan after the appeal is dismissed",
        start_event="tribunal_order_made",
        start_kinds=("dismiss_cease_appeal",),
        length=0,
        unit="immediately",
        counting="-",
        reckoning=Reckoning.IMMEDIATE,
        completed_by=("plan_ceased",),
        citation="SEND Regs 2014 reg 44(2)(a)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        coronavirus_exception=False,
    ),
    Timescale(
        id="O2",
        step="notify",
        title="Carry out the ordered assessment",
        start_event="tribunal_order_made",
        start_kinds=("assess",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_to_assess_notified",),
        citation="SEND Regs 2014 reg 44(2)(b)(i)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O2",
        step="no_plan",
        title="Carry out the ordered assessment",
        start_event="tribunal_order_made",
        start_kinds=("assess",),
        length=10,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_not_to_issue_notified",),
        void_if=(ISSUED,),
        citation="SEND Regs 2014 reg 44(2)(b)(ii)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O2",
        step="final",
        title="Carry out the ordered assessment",
        start_event="tribunal_order_made",
        start_kinds=("assess",),
        length=14,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        void_if=(NOT_ISSUING,),
        citation="SEND Regs 2014 reg 44(2)(b)(ii)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O3",
        step="draft",
        title="Make the ordered plan",
        start_event="tribunal_order_made",
        start_kinds=("make_plan",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("draft_plan_served",),
        citation="SEND Regs 2014 reg 44(2)(c)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O3",
        step="final",
        title="Make the ordered plan",
        start_event="tribunal_order_made",
        start_kinds=("make_plan",),
        length=11,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        citation="SEND Regs 2014 reg 44(2)(c)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O4",
        title="Issue the plan amended as ordered",
        start_event="tribunal_order_made",
        start_kinds=("amend_content",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 44(2)(e)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        verify="check the lettering",
        exceptions=REG_44,
    ),
    Timescale(
        id="O5",
        title="Issue the plan with the school or college ordered",
        start_event="tribunal_order_made",
        start_kinds=("amend_placement",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 44(2)(f)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        exceptions=REG_44,
    ),
    Timescale(
        id="O6",
        title="Continue to maintain the plan",
        start_event="tribunal_order_made",
        start_kinds=("continue_to_maintain",),
        length=0,
        unit="immediately",
        counting="-",
        reckoning=Reckoning.IMMEDIATE,
        completed_by=("plan_maintained_confirmed",),
        citation="SEND Regs 2014 reg 44(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        coronavirus_exception=False,
    ),
    Timescale(
        id="O7",
        title="Reconsider the decision and tell the family",
        start_event="tribunal_order_made",
        start_kinds=("reconsider",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("reconsideration_notified",),
        citation="SEND Regs 2014 reg 44(2)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/44",
        verify="check the citation",
        exceptions=REG_44,
    ),
)

_UNOPPOSED = (
    Timescale(
        id="U1",
        step="notify",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("assess",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_to_assess_notified",),
        citation=(
            "SEND Regs 2014 reg 45(3), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U1",
        step="no_plan",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("assess",),
        length=10,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_not_to_issue_notified",),
        void_if=(ISSUED,),
        citation=(
            "SEND Regs 2014 reg 45(3A), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U1",
        step="final",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("assess",),
        length=14,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        void_if=(NOT_ISSUING,),
        citation=(
            "SEND Regs 2014 reg 45(3A), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U2",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("content",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation=(
            "SEND Regs 2014 reg 45(4), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U3",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("placement",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation=(
            "SEND Regs 2014 reg 45(5), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        verify="check the citation",
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U3",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("content_and_placement",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation=(
            "SEND Regs 2014 reg 45(5), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        verify="check the citation",
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U4",
        step="draft",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("refuse_to_issue",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("draft_plan_served",),
        citation=(
            "SEND Regs 2014 reg 45(6), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        verify="check the citation",
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U4",
        step="final",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("refuse_to_issue",),
        length=11,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("final_plan_issued",),
        citation=(
            "SEND Regs 2014 reg 45(6), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        verify="check the citation",
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U5",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("cease",),
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation=(
            "SEND Regs 2014 reg 45 (summary), as substituted by SEND (Amendment) Regs 2015 (SI "
            "2015/359) reg 8"
        ),
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        further_sources=("https://www.legislation.gov.uk/uksi/2015/359/regulation/8",),
        verify="check the citation",
        in_force_from=UNOPPOSED_CHANGE,
    ),
    Timescale(
        id="U1",
        step="notify",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("assess",),
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("decision_to_assess_notified",),
        citation="SEND Regs 2014 reg 45(3) as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
    Timescale(
        id="U2",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("content",),
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 45(4) as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
    Timescale(
        id="U3",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("placement",),
        length=2,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 45(5) as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
    Timescale(
        id="U3",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("content_and_placement",),
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 45(4) as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
    Timescale(
        id="U4",
        step="draft",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("refuse_to_issue",),
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("draft_plan_served",),
        citation="SEND Regs 2014 reg 45(6) as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
    Timescale(
        id="U5",
        title="Act on an appeal the council chose not to oppose",
        start_event="unopposed_appeal_notified",
        start_kinds=("cease",),
        length=4,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("amended_plan_issued",),
        citation="SEND Regs 2014 reg 45 as made (before SI 2015/359)",
        source_url="https://www.legislation.gov.uk/uksi/2014/1530/regulation/45",
        coronavirus_exception=False,
        in_force_to=date(2015, 3, 22),
    ),
)

_HEALTH_AND_BUDGETS = (
    Timescale(
        id="REC",
        title="Reply to the Tribunal's health or social care recommendations",
        start_event="tribunal_recommendations_made",
        length=5,
        unit="weeks",
        counting="C1",
        reckoning=Reckoning.WEEKS_AFTER,
        completed_by=("recommendation_response_sent",),
        citation="SEND (First-tier Tribunal Recommendations Power) Regs 2017 (SI 2017/1306) reg 6",
        source_url="https://www.legislation.gov.uk/uksi/2017/1306/regulation/6",
        duty_holder="ICB and council",
        in_force_from=RECOMMENDATIONS_START,
    ),
    Timescale(
        id="PB1",
        title="Review the direct payments in their first 3 months",
        start_event="direct_payment_started",
        length=3,
        unit="months",
        counting="C5",
        reckoning=Reckoning.MONTHS_PERIOD,
        completed_by=("direct_payment_reviewed",),
        citation="SEN (Personal Budgets) Regs 2014 (SI 2014/1652) reg 11",
        source_url="https://www.legislation.gov.uk/uksi/2014/1652/regulation/11",
        verify="check the wording",
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
