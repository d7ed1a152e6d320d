"""The caseload dashboard and the case list."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.shortcuts import render

from ehcp.web.cases import queries
from ehcp.web.cases.stages import STAGES
from ehcp.web.frontend.permissions import Perm, requires
from ehcp.web.frontend.views.common import paginate, today


def _filters(request: Any) -> queries.Filters:
    get = request.GET
    return queries.Filters(
        caseworker=get.get("caseworker", ""),
        stage=get.get("stage", "") if get.get("stage", "") in STAGES else "",
        due=get.get("due", ""),
        sort=get.get("sort", "due") if get.get("sort", "") in queries.SORTS else "due",
    )


def _caseworkers(organisation: Any) -> list[Any]:
    return list(
        get_user_model()
        .objects.filter(membership__organisation=organisation, is_active=True)
        .order_by("last_name", "first_name")
        .only("id", "first_name", "last_name")
    )


def _list_context(request: Any) -> dict[str, Any]:
    day = today()
    filters = _filters(request)
    cases = queries.filtered(request.organisation, filters, day)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "today": day,
        "page": paginate(request, cases),
        "filters": filters,
        "stages": STAGES,
        "caseworkers": _caseworkers(request.organisation),
        "sorts": queries.SORTS,
        "query": query.urlencode(),
    }


@requires(Perm.VIEW_CASES)
def dashboard(request: Any) -> Any:
    day = today()
    everything = queries.cases_for(request.organisation)
    stages = queries.by_stage(everything, day)
    context = _list_context(request) | {
        "counts": queries.totals(stages),
        "by_stage": stages,
        "by_caseworker": queries.by_caseworker(everything, day),
        "week": day + timedelta(days=7),
        "fortnight": day + timedelta(days=14),
    }
    return render(request, "frontend/dashboard.html", context)


@requires(Perm.VIEW_CASES)
def case_list(request: Any) -> Any:
    return render(request, "frontend/case_list.html", _list_context(request))
