"""Planning ahead: the annual reviews falling due in the next months, and the children moving
phase next September with their 15 February or 31 March deadline. Every date is the clock's:
each candidate case's schedule is worked out afresh (kept for each version of the caseload
and day, like the dashboard's counts)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from ehcp.rules import Deadline, Status
from ehcp.rules.dates import months_after, months_before
from ehcp.web import caching
from ehcp.web.cases.models import Case, CaseEvent
from ehcp.web.organisations.models import Organisation
from ehcp.web.reminders.schedules import CaseSchedule, schedules

HORIZONS: Final = (1, 3, 6)  # months ahead the review page looks
REVIEW_LIMITS: Final = frozenset({"R1", "R2"})
TRANSFER_LIMITS: Final = frozenset({"P1", "P2", "P3"})
STILL_TO_DO: Final = frozenset({Status.OVERDUE, Status.DUE_SOON, Status.NOT_YET_DUE})
# What starts an annual review's 12 months: the plan, then each review's decision. The open
# review, if any, runs from the latest of them (the next one meets it).
REVIEW_STARTS: Final = ("final_plan_issued", "review_decision_notified")
# Slack in the database's rough cut: the clock decides exactly which reviews fall due.
MARGIN: Final = timedelta(days=7)


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


def _live(names: tuple[str, ...]) -> QuerySet[CaseEvent]:
    """Timeline rows of these names for the case, neither retracted nor retractions."""
    return CaseEvent.objects.filter(
        case=OuterRef("pk"), name__in=names, retracts__isnull=True, retraction__isnull=True
    )


def _cases(organisation: Organisation) -> QuerySet[Case]:
    return (
        Case.objects.filter(organisation=organisation)
        .select_related("child", "setting", "caseworker")
        .order_by("reference")
    )


def review_candidates(organisation: Organisation, horizon: date) -> QuerySet[Case]:
    """The cases whose latest plan or review decision is old enough for a review to fall due
    by `horizon` (12 months after it, give or take the margin): the only schedules the page
    needs worked out."""
    latest = _live(REVIEW_STARTS).order_by("-date").values("date")[:1]
    cutoff = months_before(horizon, 12) + MARGIN
    return (
        _cases(organisation)
        .annotate(review_start=Subquery(latest))
        .filter(review_start__lte=cutoff)
    )


def reviews_due(organisation: Organisation, today: date, months: int) -> list[Row]:
    """Annual reviews still to complete and due within `months` (overdue ones included),
    soonest first."""
    horizon = months_after(today, months)
    rows = [
        _row(item, deadline)
        for item in schedules(review_candidates(organisation, horizon), today, REVIEW_LIMITS)
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
    # Retracted moves too: the clock, which ignores them, gives them no deadline.
    moves = CaseEvent.objects.filter(
        case=OuterRef("pk"), name="phase_transfer", date__gte=september, date__lte=end
    )
    cases = _cases(organisation).filter(Exists(moves))
    rows = []
    for item in schedules(cases, today, TRANSFER_LIMITS):
        transfers = [
            d
            for d in item.deadlines
            if d.id in TRANSFER_LIMITS and september <= d.start_date <= end
        ]
        plans = [d for d in transfers if not d.step]
        notices = {d.id: d for d in transfers if d.step == "notice_latest"}
        rows += [_row(item, plan, notices.get(plan.id)) for plan in plans]
    return sorted(rows, key=lambda row: (row.deadline.due, row.reference))


# The usual moves each September, by the age reached on 31 August just before it: 4 (into
# reception), 11 (primary to secondary) and 16 (secondary to post-16).
MOVING_AGES: Final = {4: "Starting school", 11: "Primary to secondary", 16: "Secondary to post-16"}


@dataclass(frozen=True)
class Unrecorded:
    """A child with a plan whose age says they move next September, with no move recorded."""

    reference: str
    child_name: str
    caseworker: str
    move: str


def born_for_move(september: date, age: int) -> tuple[date, date]:
    """The first and last dates of birth of children who are `age` on the 31 August just
    before `september`."""
    return date(september.year - age - 1, 9, 1), date(september.year - age, 8, 31)


def unrecorded_movers(
    organisation: Organisation, today: date, recorded: set[str]
) -> list[Unrecorded]:
    """Children whose plan is maintained (the clock still runs a review for it) and whose
    age says they move phase next September, but with no such move on their timeline."""
    september = next_september(today)
    found = []
    for age, move in MOVING_AGES.items():
        first, last = born_for_move(september, age)
        cases = (
            _cases(organisation)
            .filter(child__date_of_birth__gte=first, child__date_of_birth__lte=last)
            .filter(Exists(_live(REVIEW_STARTS)))
            .exclude(reference__in=recorded)
        )
        for item in schedules(cases, today, REVIEW_LIMITS):
            if any(d.status in STILL_TO_DO for d in item.deadlines):
                row = _row(item, item.deadlines[0])
                found.append(Unrecorded(row.reference, row.child_name, row.caseworker, move))
    return sorted(found, key=lambda row: (row.move, row.reference))


def cohort_and_unrecorded(
    organisation: Organisation, today: date
) -> tuple[list[Row], list[Unrecorded]]:
    rows = transfer_cohort(organisation, today)
    return rows, unrecorded_movers(organisation, today, {row.reference for row in rows})


def cached_cohort(organisation: Organisation, today: date) -> tuple[list[Row], list[Unrecorded]]:
    version = caching.caseload_version(organisation)
    return caching.cached(
        organisation,
        version,
        today,
        "planning:transfers",
        lambda: cohort_and_unrecorded(organisation, today),
    )
