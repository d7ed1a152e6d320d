"""The caseload dashboard and the case list."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Final

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from ehcp.csvcells import safe_row
from ehcp.web import caching
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries
from ehcp.web.cases.stages import STAGES
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import paginate
from ehcp.web.organisations.models import Organisation, Role

# Whose cases the dashboard shows: the member's own ("mine") or the whole team's.
MINE, TEAM = "mine", "team"


def dashboard_view(request: MemberRequest) -> str:
    """A caseworker sees their own cases unless they ask for the team's; everyone else the
    team's unless they ask for their own."""
    asked = request.GET.get("view", "")
    if asked in (MINE, TEAM):
        return asked
    return MINE if request.user.membership.role == Role.CASEWORKER else TEAM


def _filters(request: MemberRequest, mine: bool = False) -> queries.Filters:
    get = request.GET
    # Only values a filter can take: anything else would match nothing yet still be kept,
    # as typed, in the cached count's key.
    worker = get.get("caseworker", "")
    return queries.Filters(
        caseworker=str(request.user.pk) if mine else worker if _is_worker(worker) else "",
        stage=get.get("stage", "") if get.get("stage", "") in STAGES else "",
        due=get.get("due", "") if get.get("due", "") in DUE_WINDOWS else "",
        sort=get.get("sort", "due") if get.get("sort", "") in queries.SORTS else "due",
    )


DUE_WINDOWS: Final = {
    "overdue": "overdue",
    "behind": "behind target",
    "7": "due in 7 days",
    "14": "due in 14 days",
}


def _is_worker(text: str) -> bool:
    """A caseworker's id, or "none" for the cases nobody has."""
    return text == "none" or queries.is_id(text)


def shown(request: MemberRequest, page: str, mine: bool = False) -> str:
    """What a list of cases showed, for the audit log: the page and its filters (a stage, a
    window, a caseworker's id, the order and the page number; never a name)."""
    filters = _filters(request, mine)
    parts = [
        f"stage {filters.stage}" if filters.stage else "",
        DUE_WINDOWS.get(filters.due, ""),
        f"caseworker {filters.caseworker}" if filters.caseworker.isdigit() and not mine else "",
        f"sorted by {filters.sort}" if filters.sort != "due" else "",
        f"page {number}" if (number := request.GET.get("page", "1")).isdigit() else "",
    ]
    return f"{page} ({', '.join(part for part in parts if part)})"


def _caseworkers(organisation: Organisation) -> list[tuple[str, str]]:
    """(id, full name) of each active member, for the caseworker filter."""
    members = (
        get_user_model()
        .objects.filter(membership__organisation=organisation, is_active=True)
        .order_by("last_name", "first_name")
        .values_list("id", "first_name", "last_name")
    )
    return [(str(pk), f"{first} {last}".strip()) for pk, first, last in members]


def _list_context(
    request: MemberRequest, version: str, day: date, mine: bool = False
) -> dict[str, Any]:
    filters = _filters(request, mine)
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
    request: MemberRequest,
    template: str,
    extra: Callable[..., dict[str, Any]],
    mine: bool = False,
) -> str:
    """The page's main content, rendered once for each version of the organisation's caseload
    (on each day) and query string: it shows nothing that differs between the organisation's
    members, and any change to a case (or to the team) gives the caseload a new version. It
    is rendered without the request, so nothing about the member who happened to ask first
    (their permissions, their name, their CSRF token) can reach a colleague's page."""
    day = today()
    version = caching.caseload_version(request.organisation)

    def render_body() -> str:
        context = _list_context(request, version, day, mine) | extra(version, day)
        return render_to_string(template, context)

    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    name = f"{template}?{query}" + (f"&mine={request.user.pk}" if mine else "")
    return caching.cached(request.organisation, version, day, name, render_body)


def _overview(request: MemberRequest, mine: bool) -> Callable[[str, date], dict[str, Any]]:
    def extra(version: str, day: date) -> dict[str, Any]:
        worker = request.user if mine else None
        return queries.overview(request.organisation, day, version, worker) | {
            "week": day + timedelta(days=7),
            "fortnight": day + timedelta(days=14),
            "view": MINE if mine else TEAM,
        }

    return extra


@requires(Perm.VIEW_CASES)
def dashboard(request: MemberRequest) -> HttpResponse:
    """ "My cases" or the whole team's caseload (see `dashboard_view`)."""
    mine = dashboard_view(request) == MINE
    template = "cases/includes/dashboard_body.html"
    body = _cached_body(request, template, _overview(request, mine), mine)
    audit(request.user, "view", shown(request, "My cases" if mine else "Team's cases", mine))
    return render(request, "cases/dashboard.html", {"body": body, "mine": mine})


@requires(Perm.VIEW_CASES)
def case_list(request: MemberRequest) -> HttpResponse:
    body = _cached_body(request, "cases/includes/case_list_body.html", lambda *_: {})
    audit(request.user, "view", shown(request, "Case list"))
    return render(request, "cases/case_list.html", {"body": body})


EXPORT_HEADER: Final = (
    "reference",
    "first_name",
    "last_name",
    "date_of_birth",
    "stage",
    "next_deadline",
    "due",
    "caseworker",
)


@requires(Perm.VIEW_CASES)
def export_cases(request: MemberRequest) -> HttpResponse:
    """The case list, as filtered and sorted on the page, as CSV (audited as an export; each
    cell safe to open in a spreadsheet)."""
    mine = request.GET.get("view") == MINE
    cases = queries.filtered(request.organisation, _filters(request, mine), today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    patch_cache_control(response, private=True, no_store=True)
    writer = csv.writer(response)
    writer.writerow(EXPORT_HEADER)
    rows = cases.values_list(*queries.EXPORT_FIELDS)
    count = 0
    for row in rows.iterator(chunk_size=2000):
        writer.writerow(safe_row(export_cells(row)))
        count += 1
    audit(request.user, "export", shown(request, f"Case list CSV, {count} cases", mine))
    return response


def export_cells(row: tuple[Any, ...]) -> list[object]:
    reference, first, last, born, stage, title, due, worker_first, worker_last = row
    worker = f"{worker_first or ''} {worker_last or ''}".strip()
    return [
        reference,
        first,
        last,
        born.isoformat(),
        stage,
        title,
        due.isoformat() if due else "",
        worker,
    ]
