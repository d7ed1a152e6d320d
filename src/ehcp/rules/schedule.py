"""What the engine returns: one `Deadline` per applicable limit, with its status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final


class Status(Enum):
    NOT_YET_DUE = "not yet due"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met late"
    EXCUSED = "excused"
    WINDOW_OPEN = "window open"
    WINDOW_CLOSED = "window closed"
    TOO_EARLY = "too early"
    BEHIND_TARGET = "behind target"
    PENDING = "pending"
    NEEDS_FACTS = "needs facts"


class Consequence(Enum):
    """What missing a limit means: only a breach of statute is ever called overdue."""

    BREACH = "breach of statute"
    GUIDANCE = "missed guidance expectation"
    TARGET = "missed planning target"
    FAMILY = "the family's own time limit, not a duty on anyone"


# Whose breaches the council answers for: its own, and the ICB's in the same process.
COUNCIL_SIDE: Final = frozenset(
    {"council", "ICB", "ICB and council", "school (council where no institution)"}
)


@dataclass(frozen=True)
class Deadline:
    id: str
    step: str
    title: str
    basis: str
    duty_holder: str
    start_event: str
    start_date: date
    due: date
    operational_target: date
    status: Status
    citation: str
    explanation: str
    start_kind: str | None = None
    completed_on: date | None = None
    day_one_date: date | None = None
    exception: str | None = None
    indicative_date: date | None = None
    warnings: tuple[str, ...] = ()
    consequence: Consequence = Consequence.BREACH

    @property
    def key(self) -> str:
        return f"{self.id}.{self.step}" if self.step else self.id

    @property
    def is_breach(self) -> bool:
        """A breach of statute, open or past (late, or acted on before the family's window)."""
        late = self.status in (Status.OVERDUE, Status.MET_LATE, Status.TOO_EARLY)
        return late and self.consequence is Consequence.BREACH

    @property
    def is_council_breach(self) -> bool:
        """Open now and a breach of statute by the council or the ICB: what "overdue" counts."""
        return self.status is Status.OVERDUE and self.duty_holder in COUNCIL_SIDE

    @property
    def is_behind_target(self) -> bool:
        return self.status is Status.BEHIND_TARGET


def classify(
    *,
    due: date,
    completed_on: date | None,
    today: date,
    excused: bool,
    is_window: bool,
    due_soon_days: int,
    consequence: Consequence,
    pending: bool,
) -> Status:
    """The status of one limit on `today`."""
    if consequence is Consequence.FAMILY:
        return _family_status(due, completed_on, today, pending)
    if is_window:
        if completed_on is not None:
            return Status.TOO_EARLY if completed_on < due else Status.MET
        return Status.WINDOW_OPEN if today < due else Status.WINDOW_CLOSED
    if completed_on is not None and completed_on <= due:
        return Status.MET
    if excused:
        return Status.EXCUSED
    if completed_on is not None:
        return Status.MET_LATE
    if today > due:
        return Status.OVERDUE if consequence is Consequence.BREACH else Status.BEHIND_TARGET
    if (due - today).days <= due_soon_days:
        return Status.DUE_SOON
    return Status.NOT_YET_DUE


def _family_status(due: date, completed_on: date | None, today: date, pending: bool) -> Status:
    """A family's own time limit (contacting the mediation adviser, appealing) is a window
    that closes, never a duty that goes overdue."""
    if completed_on is not None:
        return Status.MET if completed_on <= due else Status.MET_LATE
    if pending:
        return Status.PENDING
    return Status.WINDOW_OPEN if today <= due else Status.WINDOW_CLOSED
