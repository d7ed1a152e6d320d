"""Search and the advice tracker."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac

from ehcp.web import caching
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
    context: dict[str, object] = {"q": text, "searched": bool(text)}
    if text:
        total, context["results"] = _results(request, text, request.GET.get("page"))
        audit(request.user, "search", f"Search ({total} results)")
    return render(request, "cases/search.html", context)


def _results(request: MemberRequest, text: str, number: str | None) -> tuple[int, str]:
    """How many cases match, and the results as the page shows them: worked out and rendered
    once for each version of the organisation's caseload, day, search and page, as the case
    list is (any change to a case gives the caseload a new version). Rendered without the
    request, so nothing about the member who searched first reaches a colleague's page. The
    cache key holds a keyed hash of the search, never the words."""
    day = today()
    organisation = request.organisation
    version = caching.caseload_version(organisation)

    def render_results() -> tuple[int, str]:
        cases, shown, total = queries.search_page(organisation, text, number)
        page = known_page(cases, shown, total, per_page=queries.PER_PAGE)
        context = {"page": page, "query": urlencode({"q": text}), "today": day}
        return total, render_to_string("cases/includes/search_results.html", context)

    asked = salted_hmac("search", f"{queries.page_number(number)}:{text}").hexdigest()
    return caching.cached(organisation, version, day, f"search?{asked}", render_results)


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
