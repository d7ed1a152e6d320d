"""What the engine returns: one `Deadline` per applicable limit, with its status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


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

    @property
    def is_breach(self) -> bool:
        return self in (Status.OVERDUE, Status.MET_LATE, Status.TOO_EARLY)


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

    @property
    def key(self) -> str:
        return f"{self.id}.{self.step}" if self.step else self.id


def classify(
    *,
    due: date,
    completed_on: date | None,
    today: date,
    excused: bool,
    is_window: bool,
    due_soon_days: int,
) -> Status:
    """The status of one limit on `today`."""
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
        return Status.OVERDUE
    if (due - today).days <= due_soon_days:
        return Status.DUE_SOON
    return Status.NOT_YET_DUE
