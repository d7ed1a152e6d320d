"""The case page and the forms that change a case."""

from __future__ import annotations

import csv
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from ehcp.csvcells import safe_row
from ehcp.rules import EVENT_TYPES
from ehcp.rules.exceptions import EXCEPTION_GROUNDS
from ehcp.web.accounts.permissions import MemberRequest, Perm, allowed, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import corrections, forms, queries, register, services
from ehcp.web.cases.models import Case
from ehcp.web.cases.timeline import timeline_items
from ehcp.web.cases.views.common import audit_form, today
from ehcp.web.frontend.components import form_errors
from ehcp.web.organisations.models import Organisation


def timeline(request: MemberRequest, case: Case, view: queries.CaseView) -> SafeString:
    """The timeline's items, written by the Jinja2 template `cases/timeline.html` (ADR 0010),
    which escapes every value as it writes them."""
    context = {
        "items": timeline_items(view),
        "case": case,
        "may_retract": allowed(request.user, Perm.EDIT_CASES),
    }
    html = render_to_string("cases/timeline.html", context, request, using="jinja2")
    return mark_safe(html)  # noqa: S308 - autoescaped by Jinja2


@requires(Perm.VIEW_CASES)
def case_page(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    view = queries.case_view(case, today())
    audit(request.user, "view", "Case page", case.reference)
    context = {
        "view": view,
        "case": case,
        "today": today(),
        "timeline": timeline(request, case, view),
    }
    return render(request, "cases/case.html", context)


def _event_context(case: Case, form: django_forms.Form, problems: list[str]) -> dict[str, Any]:
    errors = form_errors(form) + [("", problem) for problem in problems]
    return {"case": case, "form": form, "errors": errors, "event_types": EVENT_TYPES}


@requires(Perm.EDIT_CASES)
def record_event(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    form = forms.EventForm(request.POST or None, initial={"name": request.GET.get("name")})
    audit_form(request, "Record an event form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        new = services.NewEvent(**form.cleaned_data)
        try:
            services.record_event(case, request.user, new, today())
        except services.CaseworkError as error:
            problems = error.problems
        else:
            messages.success(request, f"{new.name.replace('_', ' ').capitalize()} recorded")
            return redirect("case", reference=case.reference)
    context = _event_context(case, form, problems)
    status = 400 if context["errors"] else 200
    return render(request, "cases/record_event.html", context, status=status)


@requires(Perm.EDIT_CASES)
@require_POST
def retract_event(request: MemberRequest, reference: str, event_id: int) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    event = get_object_or_404(case.events, pk=event_id, retracts__isnull=True)
    try:
        services.retract_event(case, request.user, event, today())
    except services.CaseworkError as error:
        messages.error(request, " ".join(error.problems))
    else:
        messages.success(request, "Event retracted")
    return redirect("case", reference=case.reference)


def caseworker_choices(organisation: Organisation) -> list[tuple[int, str]]:
    users = get_user_model().objects.filter(membership__organisation=organisation, is_active=True)
    return [(user.pk, user.get_full_name() or user.username) for user in users]


def _new_request(request: MemberRequest, form: django_forms.Form) -> services.NewRequest:
    data = dict(form.cleaned_data)
    data.pop("not_duplicate")
    data["setting"] = register.setting_in(request.organisation, data["setting"])
    worker = data.pop("caseworker")
    data["caseworker"] = (
        get_user_model()
        .objects.filter(pk=worker, membership__organisation=request.organisation)
        .first()
        if worker
        else None
    )
    return services.NewRequest(**data)


@requires(Perm.EDIT_CASES)
def new_request(request: MemberRequest) -> HttpResponse:
    """Open a request; a child who may already have a case is shown first, for the
    caseworker to confirm that this is someone else."""
    choices = caseworker_choices(request.organisation)
    settings = register.setting_choices(request.organisation)
    form = forms.NewRequestForm(request.POST or None, caseworkers=choices, settings=settings)
    if not request.organisation.is_advocacy:
        # Only a family's advocate names the council: a council is responsible itself.
        del form.fields["council_name"]
    problems: list[str] = []
    duplicates: list[Case] = []
    if request.method == "POST" and form.is_valid():
        new = _new_request(request, form)
        if not form.cleaned_data["not_duplicate"]:
            duplicates = corrections.possible_duplicates(
                request.organisation, new.first_name, new.last_name, new.date_of_birth, new.upn
            )
        if not duplicates:
            try:
                case = services.open_request(request.organisation, request.user, new, today())
            except services.CaseworkError as error:
                problems = error.problems
            else:
                messages.success(request, f"Request opened as case {case.reference}")
                return redirect("case", reference=case.reference)
    errors = form_errors(form) + [("", problem) for problem in problems]
    context = {"form": form, "errors": errors, "duplicates": duplicates}
    status = 400 if errors else 200
    return render(request, "cases/new_request.html", context, status=status)


@requires(Perm.EDIT_CASES)
def record_exception(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    form = forms.ExceptionForm(request.POST or None, grounds=EXCEPTION_GROUNDS)
    audit_form(request, "Record an exception form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.record_exception(
                case, request.user, services.NewException(**form.cleaned_data), today()
            )
        except services.CaseworkError as error:
            problems = error.problems
        else:
            messages.success(request, "Exception recorded")
            return redirect("case", reference=case.reference)
    errors = form_errors(form) + [("", problem) for problem in problems]
    context = {"case": case, "form": form, "errors": errors}
    return render(request, "cases/record_exception.html", context, status=400 if errors else 200)


@requires(Perm.VIEW_CASES)
def export_case(request: MemberRequest, reference: str) -> HttpResponse:
    """The case timeline as CSV (audited as an export)."""
    case = queries.get_case(request.organisation, reference)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-timeline.csv"'
    writer = csv.writer(response)
    writer.writerow(["date", "event", "kind", "party", "family_reported", "retracts", "note"])
    for row in case.events.order_by("date", "pk"):
        writer.writerow(
            safe_row(
                [
                    row.date.isoformat(),
                    row.name,
                    row.kind,
                    row.party,
                    row.family_reported,
                    row.retracts_id or "",
                    row.note,
                ]
            )
        )
    audit(request.user, "export", "Case timeline CSV", case.reference)
    return response


@requires(Perm.VIEW_CASES)
def print_case(request: MemberRequest, reference: str) -> HttpResponse:
    """The case on paper: the child, the next actions, the timeline and the advice, with
    GOV.UK's print styles and an A4 page."""
    case = queries.get_case(request.organisation, reference)
    view = queries.case_view(case, today())
    audit(request.user, "view", "Case print view", case.reference)
    context = {"view": view, "case": case, "today": today(), "items": timeline_items(view)}
    return render(request, "cases/print.html", context)
