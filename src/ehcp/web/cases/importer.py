"""Bulk import of an existing caseload from CSV, all or nothing.

One row per timeline event. Columns (header row required, any order):

- `reference` (required): the council's case reference; rows with the same reference make
  one case. It must not already exist.
- `first_name`, `last_name`, `date_of_birth` (YYYY-MM-DD): required on a case's first row;
  later rows may leave them blank.
- `upn`, `postcode`, `caseworker_email`: optional, read from the case's first row.
- `event` (required): an event name from `ehcp.rules.EVENT_TYPES`, e.g. `request_received`.
- `event_date` (required, YYYY-MM-DD), `kind` and `party` (optional).

`check` lists every problem with its row number; `run` writes nothing unless there are none.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from ehcp.rules import CaseFacts, Event, find_problems
from ehcp.rules.validation import event_problems
from ehcp.web.audit.services import record as audit
from ehcp.web.cases.models import Case, CaseEvent
from ehcp.web.cases.services import refresh_summary
from ehcp.web.organisations.models import Organisation
from ehcp.web.people.models import Child

REQUIRED: Final = ("reference", "event", "event_date")
COLUMNS: Final = REQUIRED + (
    "first_name",
    "last_name",
    "date_of_birth",
    "upn",
    "postcode",
    "caseworker_email",
    "kind",
    "party",
)
MAX_ROWS: Final = 50_000


@dataclass
class PlannedCase:
    reference: str
    first_row: int
    details: dict[str, str]
    events: list[tuple[int, Event, str]] = field(default_factory=list)


@dataclass
class Plan:
    cases: dict[str, PlannedCase] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    rows: int = 0


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def read_rows(content: bytes) -> tuple[list[dict[str, str]], list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["The file must be a CSV file saved as UTF-8."]
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        return [], [f"The header row is missing: {', '.join(missing)}."]
    rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    if len(rows) > MAX_ROWS:
        return [], [f"The file has more than {MAX_ROWS} rows. Split it and try again."]
    return rows, []


def _row_event(number: int, row: dict[str, str], today: date) -> tuple[Event | None, list[str]]:
    when = _date(row.get("event_date", ""))
    if when is None:
        return None, [f"Row {number}: event_date must be a real date written as YYYY-MM-DD."]
    event = Event(when, row.get("event", ""), row.get("kind") or None)
    return event, [f"Row {number}: {problem}" for problem in event_problems(event, today)]


def _case_details_problems(planned: PlannedCase, emails: set[str]) -> list[str]:
    details, number = planned.details, planned.first_row
    problems = [
        f"Row {number}: {name} is needed on the first row of case {planned.reference}."
        for name in ("first_name", "last_name", "date_of_birth")
        if not details.get(name)
    ]
    if details.get("date_of_birth") and _date(details["date_of_birth"]) is None:
        problems.append(f"Row {number}: date_of_birth must be a real date written as YYYY-MM-DD.")
    email = details.get("caseworker_email", "").lower()
    if email and email not in emails:
        problems.append(f"Row {number}: no one in your team has the email {email}.")
    return problems


def _facts_problems(planned: PlannedCase, today: date) -> list[str]:
    born = _date(planned.details.get("date_of_birth", ""))
    facts = CaseFacts(events=tuple(e for _, e, _ in planned.events), date_of_birth=born)
    problems = find_problems(facts, today)
    if not facts.of("request_received"):
        problems.append("it has no request_received event.")
    return [f"Case {planned.reference} (from row {planned.first_row}): {p}" for p in problems]


def check(organisation: Organisation, content: bytes, today: date) -> Plan:
    """Read and check the whole file; write nothing."""
    rows, errors = read_rows(content)
    plan = Plan(errors=errors, rows=len(rows))
    for number, row in enumerate(rows, start=2):
        _plan_row(plan, number, row, today)
    existing = set(
        Case.objects.filter(organisation=organisation, reference__in=plan.cases).values_list(
            "reference", flat=True
        )
    )
    plan.errors += [f"Case {ref} already exists." for ref in sorted(existing)]
    emails = _team_emails(organisation)
    for planned in plan.cases.values():
        plan.errors += _case_details_problems(planned, emails) + _facts_problems(planned, today)
    return plan


def _plan_row(plan: Plan, number: int, row: dict[str, str], today: date) -> None:
    reference = row.get("reference", "")
    if not reference:
        plan.errors.append(f"Row {number}: reference is empty.")
        return
    planned = plan.cases.setdefault(reference, PlannedCase(reference, number, row))
    event, problems = _row_event(number, row, today)
    plan.errors += problems
    if event is not None and not problems:
        planned.events.append((number, event, row.get("party", "")))


def _team_emails(organisation: Organisation) -> set[str]:
    users = get_user_model().objects.filter(membership__organisation=organisation)
    return {email.lower() for email in users.values_list("email", flat=True)}


def run(organisation: Organisation, user: User, content: bytes, today: date) -> Plan:
    """Check the file, and only if it has no problems at all, import every case."""
    plan = check(organisation, content, today)
    if plan.errors:
        return plan
    with transaction.atomic():
        for planned in plan.cases.values():
            _create(organisation, user, planned, today)
        audit(user, "change", f"Imported {len(plan.cases)} cases from CSV")
    return plan


def _create(organisation: Organisation, user: User, planned: PlannedCase, today: date) -> None:
    details = planned.details
    email = details.get("caseworker_email", "").lower()
    team = get_user_model().objects.filter(membership__organisation=organisation)
    born = _date(details["date_of_birth"])
    assert born is not None  # `check` refused the file otherwise
    child = Child.objects.create(
        organisation=organisation,
        first_name=details["first_name"],
        last_name=details["last_name"],
        date_of_birth=born,
        upn=details.get("upn", ""),
        postcode=details.get("postcode", ""),
    )
    case = Case.objects.create(
        organisation=organisation,
        reference=planned.reference,
        child=child,
        caseworker=team.filter(email__iexact=email).first() if email else None,
        source=Case.Source.FAMILY if organisation.is_advocacy else Case.Source.COUNCIL,
    )
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            recorded_by=user,
            date=event.date,
            name=event.name,
            kind=event.kind or "",
            party=party,
            family_reported=organisation.is_advocacy,
        )
        for _, event, party in planned.events
    )
    refresh_summary(case, today)


def errors_by_row(errors: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for error in errors:
        grouped[error.split(":", 1)[0]].append(error)
    return grouped
