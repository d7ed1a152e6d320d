"""The caseload dashboard and the case list."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from ehcp.web import caching
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.cases import queries
from ehcp.web.cases.stages import STAGES
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import paginate
from ehcp.web.organisations.models import Organisation


def _filters(request: MemberRequest) -> queries.Filters:
    get = request.GET
    return queries.Filters(
        caseworker=get.get("caseworker", ""),
        stage=get.get("stage", "") if get.get("stage", "") in STAGES else "",
        due=get.get("due", ""),
        sort=get.get("sort", "due") if get.get("sort", "") in queries.SORTS else "due",
    )


def _caseworkers(organisation: Organisation) -> list[tuple[str, str]]:
    """(id, full name) of each active member, for the caseworker filter."""
    members = (
        get_user_model()
        .objects.filter(membership__organisation=organisation, is_active=True)
        .order_by("last_name", "first_name")
        .values_list("id", "first_name", "last_name")
    )
    return [(str(pk), f"{first} {last}".strip()) for pk, first, last in members]


def _list_context(request: MemberRequest, version: str, day: date) -> dict[str, Any]:
    filters = _filters(request)
    cases = queries.filtered(request.organisation, filters, day)
    count = queries.count_matching(request.organisation, filters, day, version)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "today": day,
        "page": paginate(request, cases, count=count),
        "filters": filters,
        "stages": STAGES,
        "caseworkers": _caseworkers(request.organisation),
        "sorts": queries.SORTS,
        "query": query.urlencode(),
    }


def _cached_body(
    request: MemberRequest, template: str, extra: Callable[..., dict[str, Any]]
) -> str:
    """The page's main content, rendered once for each version of the organisation's caseload
    (on each day) and query string: it shows nothing that differs between the organisation's
    members, and any change to a case (or to the team) gives the caseload a new version. It
    is rendered without the request, so nothing about the member who happened to ask first
    (their permissions, their name, their CSRF token) can reach a colleague's page."""
    day = today()
    version = caching.caseload_version(request.organisation)

    def render_body() -> str:
        context = _list_context(request, version, day) | extra(version, day)
        return render_to_string(template, context)

    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    name = f"{template}?{query}"
    return caching.cached(request.organisation, version, day, name, render_body)


def _overview(request: MemberRequest) -> Callable[[str, date], dict[str, Any]]:
    def extra(version: str, day: date) -> dict[str, Any]:
        return queries.overview(request.organisation, day, version) | {
            "week": day + timedelta(days=7),
            "fortnight": day + timedelta(days=14),
        }

    return extra


@requires(Perm.VIEW_CASES)
def dashboard(request: MemberRequest) -> HttpResponse:
    body = _cached_body(request, "cases/includes/dashboard_body.html", _overview(request))
    return render(request, "cases/dashboard.html", {"body": body})


@requires(Perm.VIEW_CASES)
def case_list(request: MemberRequest) -> HttpResponse:
    body = _cached_body(request, "cases/includes/case_list_body.html", lambda *_: {})
    return render(request, "cases/case_list.html", {"body": body})
