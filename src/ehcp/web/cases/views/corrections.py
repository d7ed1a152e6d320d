"""Correcting a case and handing it over: the child's details, the caseworker, the parents
and carers, a leaver's caseload, and the register of settings. The changes themselves are
made (and audited) by `cases.corrections` and `cases.register`."""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import corrections, forms, queries, register
from ehcp.web.cases.models import Case
from ehcp.web.cases.services import CaseworkError
from ehcp.web.cases.views.case import caseworker_choices
from ehcp.web.cases.views.common import audit_form, today
from ehcp.web.frontend.components import form_errors


def _render(
    request: MemberRequest,
    template: str,
    context: dict[str, Any],
    form: django_forms.Form,
    problems: list[str],
) -> HttpResponse:
    errors = form_errors(form) + [("", problem) for problem in problems]
    context = context | {"form": form, "errors": errors}
    return render(request, template, context, status=400 if errors else 200)


def _details_initial(case: Case) -> dict[str, Any]:
    child = case.child
    return {
        "first_name": child.first_name,
        "last_name": child.last_name,
        "date_of_birth": child.date_of_birth,
        "upn": child.upn,
        "postcode": child.postcode,
        "setting": case.setting_id,
        "requested_by": case.requested_by,
    }


@requires(Perm.EDIT_CASES)
def correct_details(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    choices = register.setting_choices(request.organisation, case.setting)
    form = forms.DetailsForm(
        request.POST or None, initial=_details_initial(case), settings=choices
    )
    audit_form(request, "Correct the details form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["setting"] = register.setting_in(request.organisation, data["setting"])
        try:
            changes = corrections.correct_details(
                case, request.user, corrections.ChildDetails(**data), today()
            )
        except CaseworkError as error:
            problems = error.problems
        else:
            messages.success(request, "Details corrected" if changes else "Nothing was changed")
            return redirect("case", reference=case.reference)
    return _render(request, "cases/correct_details.html", {"case": case}, form, problems)


@requires(Perm.EDIT_CASES)
def reassign(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    form = forms.ReassignForm(
        request.POST or None,
        initial={"caseworker": case.caseworker_id},
        caseworkers=caseworker_choices(request.organisation),
    )
    audit_form(request, "Change the caseworker form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        worker = corrections.team_member(request.organisation, form.cleaned_data["caseworker"])
        try:
            corrections.reassign(case, request.user, worker)
        except CaseworkError as error:
            problems = error.problems
        else:
            name = worker.get_full_name() if worker else ""
            messages.success(request, f"Case given to {name}" if name else "Case unassigned")
            return redirect("case", reference=case.reference)
    return _render(request, "cases/reassign.html", {"case": case}, form, problems)


def _carer_details(form: django_forms.Form) -> corrections.CarerDetails:
    return corrections.CarerDetails(**form.cleaned_data)


@requires(Perm.EDIT_CASES)
def add_carer(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    form = forms.CarerForm(request.POST or None)
    audit_form(request, "Add a parent or carer form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            corrections.add_carer(case, request.user, _carer_details(form))
        except CaseworkError as error:
            problems = error.problems
        else:
            messages.success(request, "Parent or carer added")
            return redirect("case", reference=case.reference)
    context = {"case": case, "adding": True}
    return _render(request, "cases/carer.html", context, form, problems)


@requires(Perm.EDIT_CASES)
def edit_carer(request: MemberRequest, reference: str, carer_id: int) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    carer = get_object_or_404(corrections.carers_for(case), pk=carer_id)
    initial = {
        "name": carer.name,
        "relationship": carer.relationship,
        "parental_responsibility": "yes" if carer.parental_responsibility else "no",
        "email": carer.email,
        "phone": carer.phone,
        "address": carer.address,
        "preferred_contact": carer.preferred_contact,
    }
    form = forms.CarerForm(request.POST or None, initial=initial)
    audit_form(request, "Change a parent or carer form", case)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            corrections.edit_carer(case, request.user, carer, _carer_details(form))
        except CaseworkError as error:
            problems = error.problems
        else:
            messages.success(request, "Parent or carer's details changed")
            return redirect("case", reference=case.reference)
    context = {"case": case, "carer": carer, "adding": False}
    return _render(request, "cases/carer.html", context, form, problems)


@requires(Perm.EDIT_CASES)
@require_POST
def remove_carer(request: MemberRequest, reference: str, carer_id: int) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    carer = get_object_or_404(corrections.carers_for(case), pk=carer_id)
    corrections.remove_carer(case, request.user, carer)
    messages.success(request, "Parent or carer removed")
    return redirect("case", reference=case.reference)


@requires(Perm.ASSIGN_CASES)
def hand_over(request: MemberRequest) -> HttpResponse:
    """Share a leaver's caseload among colleagues in turn, or choose who takes each case."""
    members = caseworker_choices(request.organisation)
    form = forms.HandOverForm(request.POST or request.GET or None, members=members)
    problems: list[str] = []
    cases: list[Case] = []
    colleagues: list[Any] = []
    if form.is_bound and form.is_valid():
        leaver = corrections.team_member(request.organisation, form.cleaned_data["leaver"])
        colleagues = [
            worker
            for pk in form.cleaned_data["colleagues"]
            if (worker := corrections.team_member(request.organisation, pk)) is not None
        ]
        if leaver is not None:
            cases = list(corrections.caseload_of(request.organisation, leaver))
        if request.method == "POST" and leaver is not None:
            try:
                count = _hand_over(request, cases, colleagues)
            except CaseworkError as error:
                problems = error.problems
            else:
                messages.success(request, f"{count} case{'s' if count != 1 else ''} handed over")
                return redirect("hand-over")
    turns = corrections.in_turn(cases, colleagues) if colleagues else {}
    rows = [(case, _chosen(request, case, turns)) for case in cases]
    if request.method == "GET" and form.is_bound:
        audit(request.user, "view", f"Hand over a caseload ({len(cases)} cases)")
    choices = [(worker.pk, worker.get_full_name() or worker.username) for worker in colleagues]
    context = {"rows": rows, "colleagues": choices}
    return _render(request, "cases/hand_over.html", context, form, problems)


def _chosen(request: MemberRequest, case: Case, turns: dict[int, Any]) -> int | None:
    chosen = request.POST.get(f"case-{case.pk}", "")
    if queries.is_id(chosen):
        return int(chosen)
    worker = turns.get(case.pk)
    return worker.pk if worker is not None else None


def _hand_over(request: MemberRequest, cases: list[Case], colleagues: list[Any]) -> int:
    """Each case to the colleague chosen for it on the page, or else the next in turn."""
    assignments = corrections.in_turn(cases, colleagues)
    by_pk = {worker.pk: worker for worker in colleagues}
    for case in cases:
        chosen = request.POST.get(f"case-{case.pk}", "")
        if queries.is_id(chosen) and int(chosen) in by_pk:
            assignments[case.pk] = by_pk[int(chosen)]
    return len(corrections.hand_over(request.organisation, request.user, assignments))


@requires(Perm.MANAGE_SETTINGS)
def settings_register(request: MemberRequest) -> HttpResponse:
    form = forms.RegisterForm(request.POST or None, request.FILES or None)
    plan = None
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        if request.POST.get("action") == "load":
            plan = register.load(request.organisation, request.user, content)
            if not plan.errors:
                messages.success(
                    request, f"{plan.added} settings added and {plan.updated} updated"
                )
                return redirect("settings-register")
        else:
            plan = register.check(content)
    context = {
        "plan": plan,
        "settings": register.register_of(request.organisation),
        "columns": register.COLUMNS,
    }
    return _render(request, "cases/settings_register.html", context, form, [])
