"""Write to the audit log."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import connection
from django.http import Http404
from django.utils import timezone

from ehcp.web.audit.models import AuditChange, AuditEntry

# (field label, before, after) for each field a correction changed.
Change = tuple[str, str, str]


REFERENCE_LENGTH = AuditEntry._meta.get_field("case_reference").max_length or 30


class Unreachable(Http404):
    """A case or document the member asked for that is not theirs to see: one that is
    `elsewhere` (another organisation's case, another case's document), or none at all.
    `accounts.permissions.requires` logs the attempt, with the reference tried, before Django
    answers "Page not found", the same for both, so the answer says nothing about other
    organisations' records."""

    def __init__(self, thing: str, reference: str, elsewhere: str = "") -> None:
        super().__init__(f"No {thing} here")
        self.thing = thing
        self.reference = reference
        self.elsewhere = elsewhere

    @property
    def action(self) -> str:
        return AuditEntry.Action.DENIED if self.elsewhere else AuditEntry.Action.NOT_FOUND

    def describe(self, path: str) -> str:
        found = f"held by {self.elsewhere}" if self.elsewhere else "that does not exist"
        return f"Asked for a {self.thing} {found} at {path}"


def record(user: User | None, action: str, what: str, case_reference: str = "") -> None:
    """Log `action` by `user`. `what` names the page or change, never personal details.

    One plain INSERT, without building the model: every list page and form writes one, and
    through the ORM it cost the dashboard 8% more instructions (ADR 0028)."""
    row = _row(user, action, what, case_reference)
    at = connection.ops.adapt_datetimefield_value(row.pop("at"))
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(), [at, *row.values()])


# The columns `record` writes (Django's own names for the model's fields), in order.
COLUMNS: Final = ("at", "user_id", "organisation_id", "action", "case_reference", "what")


@functools.cache
def _insert_sql() -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in COLUMNS)
    marks = ", ".join(["%s"] * len(COLUMNS))
    table = quote(AuditEntry._meta.db_table)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - no input in it


def _row(user: User | None, action: str, what: str, case_reference: str) -> dict[str, Any]:
    signed_in = user is not None and user.is_authenticated
    membership = getattr(user, "membership", None) if signed_in else None
    return {
        "at": timezone.now(),
        "user_id": user.pk if signed_in and user is not None else None,
        "organisation_id": membership.organisation_id if membership else None,
        "action": str(action),
        # What a member typed in an address may hold a NUL, which PostgreSQL's text refuses.
        "case_reference": printable(case_reference)[:REFERENCE_LENGTH],
        "what": printable(what)[:200],
    }


def printable(text: str) -> str:
    """`text` as the log keeps it: a NUL (which PostgreSQL's text refuses) as U+FFFD."""
    return text.replace("\x00", "\ufffd")


def record_changes(
    user: User, what: str, case_reference: str, changes: Iterable[Change]
) -> AuditEntry:
    """Log a correction, with each field's value before and after (see `AuditChange`: they
    are personal data, kept in the database for the organisation's audit page only)."""
    entry = AuditEntry.objects.create(**_row(user, "change", what, case_reference))
    AuditChange.objects.bulk_create(
        AuditChange(entry=entry, field=field, before=before[:500], after=after[:500])
        for field, before, after in changes
    )
    return entry


def forget_changes(organisation_id: int, case_reference: str) -> None:
    """Erase the values corrections of a case recorded (a case erased under a retention
    policy): the entries themselves stay, holding only the reference."""
    entries = AuditEntry.objects.filter(
        organisation_id=organisation_id, case_reference=case_reference
    )
    AuditChange.objects.filter(entry__in=entries).delete()
