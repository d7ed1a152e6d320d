"""The audit log: who did what, in the signed-in member's organisation only."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.models import AuditEntry
from ehcp.web.audit.services import printable
from ehcp.web.frontend.components import paginate


@requires(Perm.READ_AUDIT)
def audit_log(request: MemberRequest) -> HttpResponse:
    entries = (
        AuditEntry.objects.filter(organisation=request.organisation)
        .select_related("user")
        .prefetch_related("changes")
    )
    # Written as the log writes it, so a reference tried with a NUL in it can be found.
    reference = printable(request.GET.get("case", "").strip())
    if reference:
        entries = entries.filter(case_reference=reference)
    context = {"page": paginate(request, entries, 50), "case": reference}
    return render(request, "audit/audit.html", context)
