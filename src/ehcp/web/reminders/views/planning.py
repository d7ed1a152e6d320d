"""The review and phase transfer planning pages, and a setting's review invitations."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases.queries import is_id
from ehcp.web.cases.views.common import today
from ehcp.web.reminders import background, planning


def _months(query: QueryDict) -> int:
    text = query.get("within", "")
    return int(text) if text in {str(months) for months in planning.HORIZONS} else 3


def _setting(query: QueryDict) -> int | None:
    text = query.get("setting", "")
    return int(text) if is_id(text) else None


@requires(Perm.VIEW_CASES)
def reviews(request: MemberRequest) -> HttpResponse:
    months = _months(request.GET)
    rows = planning.cached_reviews(request.organisation, today(), months)
    settings = sorted({(row.setting_id, row.setting) for row in rows if row.setting_id}, key=str)
    chosen = _setting(request.GET)
    shown = [row for row in rows if chosen is None or row.setting_id == chosen]
    audit(request.user, "view", f"Annual reviews due within {months} months")
    context = {
        "months": months,
        "horizons": planning.HORIZONS,
        "rows": shown,
        "total": len(rows),
        "by_caseworker": planning.counts(rows, "caseworker"),
        "by_setting": planning.counts(rows, "setting"),
        "settings": sorted(settings, key=lambda item: item[1]),
        "chosen": chosen,
        "chosen_name": next((name for pk, name in settings if pk == chosen), ""),
        "today": today(),
    }
    return render(request, "reminders/reviews.html", context)


@requires(Perm.EDIT_CASES)
@require_POST
def review_letters(request: MemberRequest) -> HttpResponse:
    """Every review invitation for one setting's reviews due in the chosen months, zipped in
    the background (`background.review_letters`)."""
    months, chosen = _months(request.POST), _setting(request.POST)
    back = reverse("review-planning") + f"?within={months}"
    rows = [
        row
        for row in planning.cached_reviews(request.organisation, today(), months)
        if chosen is not None and row.setting_id == chosen
    ]
    if chosen is None or not rows:
        messages.error(request, "Choose a setting with reviews due to write its invitations")
        return redirect(back)
    job = background.start_review_letters(
        request.organisation, request.user, today(), months, chosen
    )
    return redirect("job", job_id=job.pk)


@requires(Perm.VIEW_CASES)
def transfers(request: MemberRequest) -> HttpResponse:
    day = today()
    rows, unrecorded = planning.cached_cohort(request.organisation, day)
    audit(request.user, "view", "Phase transfer cohort")
    context = {
        "rows": rows,
        "unrecorded": unrecorded,
        "september": planning.next_september(day),
        "today": day,
    }
    return render(request, "reminders/transfers.html", context)
