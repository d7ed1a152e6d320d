"""Bulk import of an existing caseload from CSV, all or nothing.

One row per timeline event. Columns (header row required, any order):

- `reference` (required): the council's case reference; rows with the same reference make
  one case. It must not already exist.
- `first_name`, `last_name`, `date_of_birth` (YYYY-MM-DD): required on a case's first row;
  later rows may leave them blank.
- `upn`, `postcode`, `caseworker_email`: optional, read from the case's first row.
- `event` (required): an event name from `ehcp.rules.EVENT_TYPES`, e.g. `request_received`.
- `event_date` (required, YYYY-MM-DD), `kind` and `party` (optional).

Every field meets the same rules as the forms' (`validation`, and the services' checks of a
new case). `check` lists every problem with its row number; `run` is `check` and then, only
if it found none, the writing: the dry run is the truth.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Final

from django.contrib.auth.models import User
from django.db import transaction

from ehcp.rules import Event
from ehcp.rules.validation import event_problems
from ehcp.web.audit.services import record as audit
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import names, services, validation
from ehcp.web.cases.models import Case
from ehcp.web.jobs.progress import Report, unwatched
from ehcp.web.organisations.models import Organisation

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


# The columns that describe the child (and the case), read from a case's first row; a later
# row may leave them blank, or repeat them exactly.
DETAILS: Final = (
    "first_name",
    "last_name",
    "date_of_birth",
    "upn",
    "postcode",
    "caseworker_email",
)
ROW_TEXT: Final = ("first_name", "last_name", "postcode", "caseworker_email", "kind", "party")


def _date(text: str) -> date | None:
    return validation.iso_date("Date", text)[0]


def read_rows(content: bytes) -> tuple[list[dict[str, str]], list[str]]:
    return read_csv(content, REQUIRED, MAX_ROWS)


def read_csv(
    content: bytes, required: tuple[str, ...], max_rows: int, any_of: tuple[str, ...] = ()
) -> tuple[list[dict[str, str]], list[str]]:
    """A UTF-8 CSV file's rows, trimmed, or why it cannot be read. The header must hold every
    `required` column and, when `any_of` is given, at least one of those."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["The file must be a CSV file saved as UTF-8."]
    # newline="" lets the csv module see every line ending: CRLF, LF, and CR alone.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[dict[str, str]] = []
    try:
        header = reader.fieldnames or []
        missing = [name for name in required if name not in header]
        if any_of and not set(any_of) & set(header):
            missing.append(" or ".join(any_of))
        if missing:
            return [], [f"The header row is missing: {', '.join(missing)}."]
        for row in reader:
            rows.append({k: (v or "").strip() for k, v in row.items() if k})
    except csv.Error:
        return [], [
            f"Row {len(rows) + 2}: the file could not be read as CSV there. Check the row's "
            f"quotes, and that no field is longer than {csv.field_size_limit():,} characters."
        ]
    if len(rows) > max_rows:
        return [], [f"The file has more than {max_rows:,} rows. Split it and try again."]
    return rows, []


def _field_problems(row: dict[str, str]) -> list[str]:
    """The form's field rules, applied to one row."""
    problems = [validation.text_problem(name, row.get(name, "")) for name in ROW_TEXT]
    problems.append(validation.upn_problem(row.get("upn", "")))
    if row.get("date_of_birth"):
        problems.append(validation.iso_date("date_of_birth", row["date_of_birth"])[1])
    return [problem for problem in problems if problem]


def _row_event(number: int, row: dict[str, str], today: date) -> tuple[Event | None, list[str]]:
    when, problem = validation.iso_date("event_date", row.get("event_date", ""))
    if when is None:
        return None, [f"Row {number}: {problem}."]
    event = Event(when, row.get("event", ""), row.get("kind") or None)
    return event, [f"Row {number}: {problem}" for problem in event_problems(event, today)]


def _case_details_problems(planned: PlannedCase, emails: set[str]) -> list[str]:
    details, number = planned.details, planned.first_row
    problems = [
        f"Row {number}: {name} is needed on the first row of case {planned.reference}."
        for name in ("first_name", "last_name", "date_of_birth")
        if not details.get(name)
    ]
    email = details.get("caseworker_email", "").lower()
    if email and email not in emails:
        problems.append(f"Row {number}: no one in your team has the email {email}.")
    return problems


def _new_case(planned: PlannedCase, team: dict[str, User]) -> services.NewCase | None:
    """The case the rows describe, or None when its first row lacks the child's details."""
    details = planned.details
    born = _date(details.get("date_of_birth", ""))
    if born is None or not details.get("first_name") or not details.get("last_name"):
        return None
    return services.NewCase(
        reference=planned.reference,
        first_name=details["first_name"],
        last_name=details["last_name"],
        date_of_birth=born,
        upn=details.get("upn", ""),
        postcode=details.get("postcode", ""),
        caseworker=team.get(details.get("caseworker_email", "").lower()),
        events=tuple(
            services.NewEvent(event.date, event.name, event.kind or "", party)
            for _, event, party in planned.events
        ),
    )


def _facts_problems(planned: PlannedCase, team: dict[str, User], today: date) -> list[str]:
    """What the services would refuse about the case: the same checks as a new request's."""
    new = _new_case(planned, team)
    problems = services.case_problems(new, today) if new is not None else []
    return [f"Case {planned.reference} (from row {planned.first_row}): {p}" for p in problems]


def check(
    organisation: Organisation, content: bytes, today: date, progress: Report = unwatched
) -> Plan:
    """Read and check the whole file; write nothing."""
    rows, errors = read_rows(content)
    plan = Plan(errors=errors, rows=len(rows))
    for number, row in enumerate(rows, start=2):
        _plan_row(plan, number, row, today)
        if (number - 1) % 1000 == 0:
            progress("Read", number - 1, plan.rows, "rows")
    existing = set(
        Case.objects.filter(organisation=organisation, reference__in=plan.cases).values_list(
            "reference", flat=True
        )
    )
    plan.errors += [f"Case {ref} already exists." for ref in sorted(existing)]
    team = _team(organisation)
    checked = 0
    for planned in plan.cases.values():
        plan.errors += _case_details_problems(planned, set(team))
        plan.errors += _facts_problems(planned, team, today)
        checked += len(planned.events)
        progress("Checked", checked, plan.rows, "rows")
    progress("Checked", plan.rows, plan.rows, "rows")
    return plan


def _plan_row(plan: Plan, number: int, row: dict[str, str], today: date) -> None:
    reference = row.get("reference", "")
    if not reference:
        plan.errors.append(f"Row {number}: reference is empty.")
        return
    problem = validation.reference_problem(reference)
    if problem:
        plan.errors.append(f"Row {number}: {problem}.")
        return
    planned = plan.cases.setdefault(reference, PlannedCase(reference, number, row))
    event, problems = _row_event(number, row, today)
    problems += [f"Row {number}: {problem}." for problem in _field_problems(row)]
    problems += _conflicts(planned, number, row)
    plan.errors += problems
    if event is not None and not problems:
        planned.events.append((number, event, row.get("party", "")))


def _conflicts(planned: PlannedCase, number: int, row: dict[str, str]) -> list[str]:
    """A later row of a case may leave the child's details blank, or repeat them exactly."""
    if number == planned.first_row:
        return []
    return [
        f"Row {number}: {name} differs from row {planned.first_row} of case "
        f"{planned.reference}. Leave it blank, or make the two the same."
        for name in DETAILS
        if row.get(name) and row[name] != planned.details.get(name, "")
    ]


def _team(organisation: Organisation) -> dict[str, User]:
    """The organisation's members by email address (in lower case)."""
    users = User.objects.filter(membership__organisation=organisation)
    return {user.email.lower(): user for user in users}


def run(
    organisation: Organisation,
    user: User,
    content: bytes,
    today: date,
    progress: Report = unwatched,
) -> Plan:
    """Check the file, and only if it has no problems at all, import every case (each one
    created as a new request is, by `services.create_case`)."""
    plan = check(organisation, content, today, progress)
    if plan.errors:
        return plan
    team = _team(organisation)
    news = [_new_case(planned, team) for planned in plan.cases.values()]
    # The new names are added for search first, and committed: inside the import's long
    # transaction they would make anyone opening a request with one of them wait for it.
    # If the import fails, the nightly refresh removes those no case has.
    keys = (
        names.name_key(part) for new in news if new for part in (new.first_name, new.last_name)
    )
    names.keep_names(organisation, keys)
    with transaction.atomic():
        for number, new in enumerate(news, start=1):
            assert new is not None  # `check` found no problems
            services.create_case(
                organisation, user, new, today, action="Imported from CSV", notify=False
            )
            progress("Imported", number, len(plan.cases), "cases")
        # The dashboard's cached counts are out of date once, not once a case.
        transaction.on_commit(partial(caseload_changed, organisation.pk))
        audit(user, "change", f"Imported {len(plan.cases)} cases from CSV")
    return plan


def errors_by_row(errors: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for error in errors:
        grouped[error.split(":", 1)[0]].append(error)
    return grouped
