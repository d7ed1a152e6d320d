"""Search and the advice tracker."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import known_page, paginate


@requires(Perm.VIEW_CASES)
def search(request: MemberRequest) -> HttpResponse:
    """Ranked results, a page at a time, with the true number found."""
    # A NUL cannot be searched for (PostgreSQL refuses it in any text), so it is dropped.
    text = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    context: dict[str, object] = {"q": text, "searched": bool(text), "today": today()}
    if text:
        found = queries.search_page(request.organisation, text, request.GET.get("page"))
        page = known_page(*found, per_page=queries.PER_PAGE)
        audit(request.user, "search", f"Search ({page.paginator.count} results)")
        context |= {"page": page, "query": urlencode({"q": text})}
    return render(request, "cases/search.html", context)


@requires(Perm.VIEW_CASES)
def advice(request: MemberRequest) -> HttpResponse:
    day = today()
    overdue = paginate(request, queries.overdue_advice(request.organisation, day), 50)
    context = {
        "services": queries.advice_by_service(request.organisation, day),
        "overdue": overdue,
        "today": day,
    }
    audit(request.user, "view", f"Advice tracker (overdue advice, page {overdue.number})")
    return render(request, "cases/advice.html", context)
