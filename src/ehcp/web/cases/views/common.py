"""What the casework views share."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from ehcp.web.accounts.permissions import MemberRequest
from ehcp.web.audit.services import record as audit
from ehcp.web.cases.models import Case


def today() -> date:
    """Today in England, unless `EHCP_TODAY` fixes the date (tests and demos of a past day)."""
    fixed = getattr(settings, "EHCP_TODAY", None)
    return fixed if fixed is not None else timezone.localdate()


def audit_form(request: MemberRequest, what: str, case: Case) -> None:
    """A form on a case shows the child's details: opening it is a look at the case, logged
    like the case page. Posting it is logged by the service that makes the change."""
    if request.method == "GET":
        audit(request.user, "view", what, case.reference)
