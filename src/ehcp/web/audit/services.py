"""Write to the audit log."""

from __future__ import annotations

from django.contrib.auth.models import User

from ehcp.web.audit.models import AuditEntry


def record(user: User | None, action: str, what: str, case_reference: str = "") -> None:
    """Log `action` by `user`. `what` names the page or change, never personal details."""
    membership = getattr(user, "membership", None) if user and user.is_authenticated else None
    AuditEntry.objects.create(
        user=user if membership or (user and user.is_authenticated) else None,
        organisation=membership.organisation if membership else None,
        action=action,
        case_reference=case_reference,
        what=what[:200],
    )
