"""Write to the audit log."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.http import Http404

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


def record(user: User | None, action: str, what: str, case_reference: str = "") -> AuditEntry:
    """Log `action` by `user`. `what` names the page or change, never personal details."""
    membership = getattr(user, "membership", None) if user and user.is_authenticated else None
    return AuditEntry.objects.create(
        user=user if membership or (user and user.is_authenticated) else None,
        organisation=membership.organisation if membership else None,
        action=action,
        # What a member typed in an address may hold a NUL, which PostgreSQL's text refuses.
        case_reference=_printable(case_reference)[:REFERENCE_LENGTH],
        what=_printable(what)[:200],
    )


def _printable(text: str) -> str:
    return text.replace("\x00", "\ufffd")


def record_changes(
    user: User, what: str, case_reference: str, changes: Iterable[Change]
) -> AuditEntry:
    """Log a correction, with each field's value before and after (see `AuditChange`: they
    are personal data, kept in the database for the organisation's audit page only)."""
    entry = record(user, "change", what, case_reference)
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
