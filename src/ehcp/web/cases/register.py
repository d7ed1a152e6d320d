"""The organisation's register of schools, colleges and early years settings, loaded from a
CSV file, all or nothing, in the case importer's style (`importer.py`).

Columns (header row required, any order): `name` and `phase` (required), `urn` and `ukprn`
(at least one), `type` (optional, for example Academy or Special school). A row whose URN or
UKPRN is already in the register updates that setting; any other row adds one. `check` lists
every problem with its row number and writes nothing; `load` writes only a file with none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from ehcp.csvcells import FORMULA_STARTS
from ehcp.web.audit.services import record as audit
from ehcp.web.cases.importer import read_csv
from ehcp.web.organisations.models import Organisation, Setting

REQUIRED: Final = ("name", "phase")
COLUMNS: Final = ("urn", "ukprn", "name", "type", "phase")
MAX_ROWS: Final = 20_000
URN: Final = re.compile(r"\d{6,7}")
UKPRN: Final = re.compile(r"1\d{7}")
TEXT: Final = {"name": ("name", 200), "type": ("type", 100)}
PHASES: Final = {
    **{value: value for value in Setting.Phase.values},
    **{str(label).lower(): value for value, label in Setting.Phase.choices},
}


@dataclass(frozen=True)
class RegisterRow:
    urn: str
    ukprn: str
    name: str
    kind: str
    phase: str


@dataclass
class RegisterPlan:
    rows: list[RegisterRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0


def read(content: bytes) -> tuple[list[dict[str, str]], list[str]]:
    return read_csv(content, REQUIRED, MAX_ROWS, any_of=("urn", "ukprn"))


def row_problems(row: dict[str, str]) -> list[str]:
    """Why one row cannot be loaded (none: it can)."""
    problems = []
    urn, ukprn = row.get("urn", ""), row.get("ukprn", "")
    if not urn and not ukprn:
        problems.append("give a URN or a UKPRN")
    if urn and not URN.fullmatch(urn):
        problems.append("URN must be 6 or 7 digits, like 100000")
    if ukprn and not UKPRN.fullmatch(ukprn):
        problems.append("UKPRN must be 8 digits starting with 1, like 10012345")
    if not row.get("name"):
        problems.append("name is empty")
    for column, (label, longest) in TEXT.items():
        value = row.get(column, "")
        if "\x00" in value:
            problems.append(f"{label} must not contain a null character")
        elif len(value) > longest:
            problems.append(f"{label} must be {longest} characters or fewer")
        elif value.startswith(FORMULA_STARTS):
            problems.append(f"{label} must not start with {value[0]!r} (a spreadsheet formula)")
    if row.get("phase", "").lower() not in PHASES:
        problems.append("phase must be one of: early years, school, college")
    return problems


def check(content: bytes) -> RegisterPlan:
    """Read and check the whole file; write nothing."""
    rows, errors = read(content)
    plan = RegisterPlan(errors=errors)
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        problems = row_problems(row)
        for label in ("URN", "UKPRN"):
            key = f"{label} {row.get(label.lower(), '')}"
            if key in seen:
                problems.append(f"{key} is also on row {seen[key]}")
            elif row.get(label.lower()):
                seen[key] = number
        plan.errors += [f"Row {number}: {problem}." for problem in problems]
        if not problems:
            plan.rows.append(
                RegisterRow(
                    urn=row.get("urn", ""),
                    ukprn=row.get("ukprn", ""),
                    name=row["name"],
                    kind=row.get("type", ""),
                    phase=PHASES[row["phase"].lower()],
                )
            )
    return plan


def load(organisation: Organisation, user: User | None, content: bytes) -> RegisterPlan:
    """Check the file and, only if it has no problems, add or update every setting in it."""
    plan = check(content)
    if plan.errors:
        return plan
    with transaction.atomic():
        for row in plan.rows:
            existing = _existing(organisation, row)
            values = {"name": row.name, "kind": row.kind, "phase": row.phase}
            if existing is None:
                Setting.objects.create(
                    organisation=organisation, urn=row.urn, ukprn=row.ukprn, **values
                )
                plan.added += 1
            else:
                for name, value in values.items():
                    setattr(existing, name, value)
                existing.urn, existing.ukprn = row.urn or existing.urn, row.ukprn or existing.ukprn
                existing.save()
                plan.updated += 1
        audit(user, "change", f"Loaded the settings register ({len(plan.rows)} settings)")
    return plan


def _existing(organisation: Organisation, row: RegisterRow) -> Setting | None:
    match = Q(pk__in=[])
    if row.urn:
        match |= Q(urn=row.urn)
    if row.ukprn:
        match |= Q(ukprn=row.ukprn)
    return Setting.objects.filter(match, organisation=organisation).first()


def register_of(organisation: Organisation) -> QuerySet[Setting]:
    return Setting.objects.filter(organisation=organisation).order_by("name", "pk")


def setting_label(setting: Setting) -> str:
    number = f"URN {setting.urn}" if setting.urn else f"UKPRN {setting.ukprn}"
    return f"{setting.name} ({number})" if setting.urn or setting.ukprn else setting.name


def setting_choices(organisation: Organisation, current: Setting | None = None) -> list[Any]:
    """(id, label) of each setting in the register, and the case's own if it is not there."""
    choices = [(s.pk, setting_label(s)) for s in register_of(organisation)]
    if current is not None and current.organisation_id != organisation.pk:
        choices.insert(0, (current.pk, setting_label(current)))
    return choices


def setting_in(organisation: Organisation, pk: int | None) -> Setting | None:
    """The setting with this id in the organisation's register (or shared), or None."""
    if pk is None:
        return None
    found = Setting.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True))
    return found.filter(pk=pk).first()
