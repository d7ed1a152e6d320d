"""Search and the advice tracker."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import paginate

MAX_RESULTS = 100


@requires(Perm.VIEW_CASES)
def search(request: MemberRequest) -> HttpResponse:
    # A NUL cannot be searched for (PostgreSQL refuses it in any text), so it is dropped.
    text = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    results = list(queries.search(request.organisation, text)[:MAX_RESULTS]) if text else []
    if text:
        audit(request.user, "search", f"Search ({len(results)} results)")
    context = {"q": text, "results": results, "searched": bool(text)}
    return render(request, "cases/search.html", context)


@requires(Perm.VIEW_CASES)
def advice(request: MemberRequest) -> HttpResponse:
    day = today()
    context = {
        "services": queries.advice_by_service(request.organisation, day),
        "overdue": paginate(request, queries.overdue_advice(request.organisation, day), 50),
        "today": day,
    }
    return render(request, "cases/advice.html", context)
