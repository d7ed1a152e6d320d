"""Write to the audit log."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User

from ehcp.web.audit.models import AuditChange, AuditEntry

# (field label, before, after) for each field a correction changed.
Change = tuple[str, str, str]


def record(user: User | None, action: str, what: str, case_reference: str = "") -> AuditEntry:
    """Log `action` by `user`. `what` names the page or change, never personal details."""
    membership = getattr(user, "membership", None) if user and user.is_authenticated else None
    return AuditEntry.objects.create(
        user=user if membership or (user and user.is_authenticated) else None,
        organisation=membership.organisation if membership else None,
        action=action,
        case_reference=case_reference,
        what=what[:200],
    )


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
