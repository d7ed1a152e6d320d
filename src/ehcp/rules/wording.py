"""How a deadline's status reads to a person: plain words, with the date that matters."""

from __future__ import annotations

from ehcp.rules.reckon import fmt
from ehcp.rules.schedule import Consequence, Deadline, Status


def status_phrase(deadline: Deadline) -> str:
    """`window open, closes Mon 8 Dec 2025`, `met on Mon 6 Oct 2025`, `overdue` …"""
    status, due = deadline.status, deadline.due
    if status is Status.WINDOW_OPEN and deadline.consequence is Consequence.FAMILY:
        return f"window open, closes {fmt(due)}"
    if status is Status.WINDOW_CLOSED and deadline.consequence is Consequence.FAMILY:
        return f"window closed on {fmt(due)}"
    if status is Status.WINDOW_OPEN:
        return f"family's window open, the council may act from {fmt(due)}"
    if status is Status.PENDING:
        return "pending: not before 1 month after the mediation certificate"
    if deadline.completed_on is not None and status in (Status.MET, Status.MET_LATE):
        return f"{status.value} on {fmt(deadline.completed_on)}"
    if status is Status.TOO_EARLY and deadline.completed_on is not None:
        return f"acted too early, on {fmt(deadline.completed_on)}"
    return str(status.value)


def what_missing_it_means(deadline: Deadline) -> str:
    """One sentence: whether missing the limit breaks the law, and whose duty it is."""
    if deadline.consequence is Consequence.BREACH:
        return f"Missing it is a breach of statute by the {deadline.duty_holder}."
    if deadline.consequence is Consequence.FAMILY:
        return "This is the family's own time limit, not a duty on anyone."
    return f"Missing it is a {deadline.consequence.value}, not a breach of the law."
