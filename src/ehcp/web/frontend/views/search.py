"""Search, the advice tracker and the audit log."""

from __future__ import annotations

from typing import Any

from django.shortcuts import render

from ehcp.web.audit.models import AuditEntry
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries
from ehcp.web.frontend.permissions import Perm, requires
from ehcp.web.frontend.views.common import paginate, today

MAX_RESULTS = 100


@requires(Perm.VIEW_CASES)
def search(request: Any) -> Any:
    text = request.GET.get("q", "").strip()[:100]
    results = list(queries.search(request.organisation, text)[:MAX_RESULTS]) if text else []
    if text:
        audit(request.user, "search", f"Search ({len(results)} results)")
    context = {"q": text, "results": results, "searched": bool(text)}
    return render(request, "frontend/search.html", context)


@requires(Perm.VIEW_CASES)
def advice(request: Any) -> Any:
    day = today()
    context = {
        "services": queries.advice_by_service(request.organisation, day),
        "overdue": paginate(request, queries.overdue_advice(request.organisation, day), 50),
        "today": day,
    }
    return render(request, "frontend/advice.html", context)


@requires(Perm.READ_AUDIT)
def audit_log(request: Any) -> Any:
    entries = AuditEntry.objects.filter(organisation=request.organisation).select_related("user")
    reference = request.GET.get("case", "").strip()
    if reference:
        entries = entries.filter(case_reference=reference)
    context = {"page": paginate(request, entries, 50), "case": reference}
    return render(request, "frontend/audit.html", context)
