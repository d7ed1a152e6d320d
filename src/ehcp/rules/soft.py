"""Duties with no number of days: recorded with their citation, never given a date.

The engine cannot compute these, but a case can carry evidence against them and a caseworker
can see them beside the dated limits. Ids come from the specification; J-ids are this
project's for the duties the specification lists without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class SoftObligation:
    id: str
    duty: str
    citation: str
    basis: str = "statute"


SOFT_OBLIGATIONS: Final[tuple[SoftObligation, ...]] = (
    SoftObligation(
        "M0",
        "Every appealable decision notice gives the mediation information",
        "SEND Regs 2014 reg 32",
    ),
    SoftObligation(
        "R10",
        "From Year 9, reviews consider preparing for adulthood",
        "SEND Regs 2014 reg 20(6); reg 21(6)",
    ),
    SoftObligation(
        "R11",
        "Review early when needs change, as soon as possible",
        "CFA 2014 s.44; SEND Code of Practice",
        "guidance",
    ),
    SoftObligation(
        "Q4",
        "Consult before ceasing a plan, and keep maintaining it until the "
        "appeal period ends or any appeal is decided",
        "CFA 2014 s.45; SEND Regs 2014 regs 29-31",
    ),
    SoftObligation(
        "Q5",
        "Review before ceasing a plan for a young person not in education or training",
        "SEND Regs 2014 regs 29(2), 30",
    ),
    SoftObligation(
        "T4",
        "After a transfer, secure the plan's provision and an interim "
        "placement where the named school is not practicable",
        "SEND Regs 2014 reg 15; CoP 9.157-9.161",
    ),
    SoftObligation(
        "PB2",
        "A personal budget may be requested while a draft plan is prepared "
        "or during a review or re-assessment",
        "SEN (Personal Budgets) Regs 2014 reg 4",
    ),
    SoftObligation(
        "PB3",
        "Give reasonable notice, with reasons, before reducing or stopping direct payments",
        "SEN (Personal Budgets) Regs 2014 regs 12-14",
    ),
    SoftObligation(
        "H2", "Arrange the health provision in section G from the plan's issue", "CFA 2014 s.42(3)"
    ),
    SoftObligation(
        "H6", "Tell the council about young children who may have SEN", "CFA 2014 s.23"
    ),
    SoftObligation(
        "J1",
        "Act as soon as practicable, even inside an outer time limit",
        "SEND Regs 2014 regs 4-5, 10, 13, 22, 27, 44(2)(b), 45(3A)",
    ),
    SoftObligation(
        "J2",
        "Once an exception applies, act as soon as practicable",
        "SEND Regs 2014 regs 5(4), 8(2), 10(4), 13(3), 27(3), 44(3)",
    ),
    SoftObligation(
        "J3",
        "Start the amendment process without delay after deciding to amend",
        "CoP 9.194",
        "guidance",
    ),
    SoftObligation(
        "J4",
        "Consult the family throughout the preparation of the draft plan, "
        "and tell them of their right to give views when a request arrives",
        "CFA 2014 ss.36(7), 38(1)",
    ),
    SoftObligation(
        "J5",
        "Secure the special educational provision in section F from issue",
        "CFA 2014 s.42(2)",
    ),
    SoftObligation(
        "J6",
        "Tell the family when an exception is relied on, and keep delay to a minimum",
        "CoP 9.43",
        "guidance",
    ),
)
