"""Planning ahead: the annual reviews falling due in the next months, and the children moving
phase next September with their 15 February or 31 March deadline. Every date is the clock's:
each candidate case's schedule is worked out afresh (kept for each version of the caseload
and day, like the dashboard's counts)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Final

from django.db.models import Exists, OuterRef, QuerySet

from ehcp.rules import Deadline, Status
from ehcp.rules.dates import months_after
from ehcp.web import caching
from ehcp.web.cases.models import Case, CaseEvent
from ehcp.web.organisations.models import Organisation
from ehcp.web.reminders.schedules import CaseSchedule, schedules

HORIZONS: Final = (1, 3, 6)  # months ahead the review page looks
REVIEW_LIMITS: Final = frozenset({"R1", "R2"})
TRANSFER_LIMITS: Final = frozenset({"P1", "P2", "P3"})
STILL_TO_DO: Final = frozenset({Status.OVERDUE, Status.DUE_SOON, Status.NOT_YET_DUE})
# Events that show a plan is maintained, so an annual review can fall due.
PLAN_EVENTS: Final = ("final_plan_issued", "plan_transferred_in")


@dataclass(frozen=True)
class Row:
    """A case on a planning page: who it is, who holds it, and the deadline that puts it
    there (with the latest amendment notice, for a phase transfer)."""

    reference: str
    child_name: str
    caseworker_id: int | None
    caseworker: str
    setting_id: int | None
    setting: str
    deadline: Deadline
    notice_by: Deadline | None = None


def _row(item: CaseSchedule, deadline: Deadline, notice_by: Deadline | None = None) -> Row:
    case = item.case
    worker = case.caseworker
    return Row(
        reference=case.reference,
        child_name=case.child.full_name,
        caseworker_id=case.caseworker_id,
        caseworker=(worker.get_full_name() or worker.username) if worker else "",
        setting_id=case.setting_id,
        setting=case.setting.name if case.setting else "",
        deadline=deadline,
        notice_by=notice_by,
    )


def _with_event(
    organisation: Organisation, names: tuple[str, ...], **dates: date
) -> QuerySet[Case]:
    events = CaseEvent.objects.filter(case=OuterRef("pk"), name__in=names, **dates)
    return (
        Case.objects.filter(organisation=organisation)
        .filter(Exists(events))
        .select_related("child", "setting", "caseworker")
        .order_by("reference")
    )


def reviews_due(organisation: Organisation, today: date, months: int) -> list[Row]:
    """Annual reviews still to complete and due within `months` (overdue ones included),
    soonest first."""
    horizon = months_after(today, months)
    rows = [
        _row(item, deadline)
        for item in schedules(_with_event(organisation, PLAN_EVENTS), today)
        for deadline in item.deadlines
        if deadline.id in REVIEW_LIMITS
        and deadline.status in STILL_TO_DO
        and deadline.due <= horizon
    ]
    return sorted(rows, key=lambda row: (row.deadline.due, row.reference))


def cached_reviews(organisation: Organisation, today: date, months: int) -> list[Row]:
    version = caching.caseload_version(organisation)
    name = f"planning:reviews:{months}"
    return caching.cached(
        organisation, version, today, name, lambda: reviews_due(organisation, today, months)
    )


def counts(rows: list[Row], by: str) -> list[tuple[str, int]]:
    """How many rows for each caseworker or setting (`by`), most first, then by name."""
    found = Counter(getattr(row, by) for row in rows)
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))


def next_september(today: date) -> date:
    """1 September of the coming school year: this year's until the end of August."""
    year = today.year if today.month < 9 else today.year + 1
    return date(year, 9, 1)


def transfer_cohort(organisation: Organisation, today: date) -> list[Row]:
    """Children with a phase transfer recorded for next September, each with the deadline
    for their amended plan (15 February, 31 March, or 5 months ahead) and the latest day for
    its amendment notice."""
    september = next_september(today)
    end = date(september.year, 9, 30)
    cases = _with_event(organisation, ("phase_transfer",), date__gte=september, date__lte=end)
    rows = []
    for item in schedules(cases, today):
        transfers = [
            d
            for d in item.deadlines
            if d.id in TRANSFER_LIMITS and september <= d.start_date <= end
        ]
        plans = [d for d in transfers if not d.step]
        notices = {d.id: d for d in transfers if d.step == "notice_latest"}
        rows += [_row(item, plan, notices.get(plan.id)) for plan in plans]
    return sorted(rows, key=lambda row: (row.deadline.due, row.reference))


def cached_cohort(organisation: Organisation, today: date) -> list[Row]:
    version = caching.caseload_version(organisation)
    return caching.cached(
        organisation,
        version,
        today,
        "planning:transfers",
        lambda: transfer_cohort(organisation, today),
    )
