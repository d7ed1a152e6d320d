"""The advocate's workspace: an MP's office or a SENDIASS. Only an advocacy organisation's
members reach these pages, and only for their own organisation's cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ehcp.letters import Child, LetterError, Party, build_letter, offered_letters, to_pdf
from ehcp.letters.templates import load_catalogue
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.advocacy import family, forms, reports, services
from ehcp.web.advocacy.councils import council_name
from ehcp.web.advocacy.models import Consent
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import adapters, queries
from ehcp.web.cases.models import Case
from ehcp.web.cases.summary import CALENDAR
from ehcp.web.cases.views.common import audit_form, today
from ehcp.web.frontend.components import form_errors

ADVOCATE_LETTERS = ("advocate", "family")


def office_cases(request: MemberRequest) -> Any:
    if not request.organisation.is_advocacy:
        raise Http404("This page is for advocacy organisations")
    return queries.cases_for(request.organisation)


def office_case(request: MemberRequest, reference: str) -> Case:
    office_cases(request)
    return queries.get_case(request.organisation, reference)


# What each form on a case is called in the audit log.
FORM_NAMES = {
    "advocacy/council.html": "Council responsible form",
    "advocacy/consent.html": "Record consent form",
    "advocacy/withdraw.html": "Withdraw consent form",
    "advocacy/letter.html": "Record a letter form",
    "advocacy/reply.html": "Record a reply form",
    "advocacy/close.html": "Close the case form",
}


def show_form(request: MemberRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    audit_form(request, FORM_NAMES[template], context["case"])
    errors = form_errors(context["form"]) + [("", p) for p in context.pop("problems", [])]
    context["errors"] = errors
    return render(request, template, context, status=400 if errors else 200)


@requires(Perm.VIEW_CASES)
def dashboard(request: MemberRequest) -> HttpResponse:
    cases = office_cases(request)
    day = today()
    waiting = services.awaiting_reply(cases).select_related("case__child")
    context = {
        "councils": reports.by_council(cases, day),
        "waiting": [(letter, services.next_chaser(letter, day)) for letter in waiting],
        "today": day,
    }
    audit(request.user, "view", "Advocacy dashboard")
    return render(request, "advocacy/dashboard.html", context)


def letters_offered(case: Case, day: date) -> list[Any]:
    facts = adapters.facts_for(case)
    offered = offered_letters(load_catalogue(), facts, today=day, calendar=CALENDAR)
    return [t for t in offered if t.audience in ADVOCATE_LETTERS]


@requires(Perm.VIEW_CASES)
def case_page(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    day = today()
    record = services.record_for(case)
    context = {
        "case": case,
        "record": record,
        "council": council_name(record.council_code),
        "consents": list(case.consents.all()),
        "in_force": services.consent_in_force(case, day),
        "correspondence": list(case.correspondence.select_related("answers")),
        "waiting": [
            (c, services.next_chaser(c, day))
            for c in services.awaiting_reply(Case.objects.filter(pk=case.pk))
        ],
        "letters": letters_offered(case, day),
        "review_on": services.review_date(record, settings.EHCP_RETENTION_MONTHS),
        "today": day,
    }
    audit(request.user, "view", "Advocacy case page", case.reference)
    return render(request, "advocacy/case.html", context)


@requires(Perm.EDIT_CASES)
def set_council(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    record = services.record_for(case)
    form = forms.CouncilForm(request.POST or None, initial={"la_code": record.council_code})
    if request.method == "POST" and form.is_valid():
        services.set_council(case, request.user, form.cleaned_data["la_code"])
        messages.success(request, "Council responsible saved")
        return redirect("advocacy-case", reference=case.reference)
    return show_form(request, "advocacy/council.html", {"case": case, "form": form})


@requires(Perm.EDIT_CASES)
def record_consent(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    initial = {"basis": default_basis(request)}
    form = forms.ConsentForm(request.POST or None, initial=initial)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.record_consent(case, request.user, Consent(**form.cleaned_data), today())
        except services.AdvocacyError as error:
            problems = [str(error)]
        else:
            messages.success(request, "Consent recorded")
            return redirect("advocacy-case", reference=case.reference)
    context = {"case": case, "form": form, "problems": problems}
    return show_form(request, "advocacy/consent.html", context)


def default_basis(request: MemberRequest) -> str:
    """An MP's office relies on Sch 1 para 23; a SENDIASS on explicit consent (section 3)."""
    if "mp" in request.organisation.name.lower().split():
        return Consent.Basis.ELECTED
    return Consent.Basis.EXPLICIT


@requires(Perm.EDIT_CASES)
def withdraw_consent(request: MemberRequest, reference: str, consent_id: int) -> HttpResponse:
    case = office_case(request, reference)
    consent = get_object_or_404(case.consents, pk=consent_id)
    form = forms.DateForm(request.POST or None, label="Date consent was withdrawn")
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_consent(
                case, request.user, consent, form.cleaned_data["on"], today()
            )
        except services.AdvocacyError as error:
            problems = [str(error)]
        else:
            messages.success(request, "Consent withdrawn: no more letters to the council")
            return redirect("advocacy-case", reference=case.reference)
    context = {"case": case, "consent": consent, "form": form, "problems": problems}
    return show_form(request, "advocacy/withdraw.html", context)


def _new_letter(form: forms.LetterForm) -> services.NewLetter:
    return services.NewLetter(**form.cleaned_data)


def safe_subject(case: Case) -> str:
    """A subject line with initials and the reference: never a full name (section 3)."""
    child = case.child
    return f"{child.first_name[:1]}{child.last_name[:1]}, reference {case.reference}"


@requires(Perm.EDIT_CASES)
def record_letter(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    initial = {
        "kind": request.GET.get("kind", ""),
        "letter": request.GET.get("letter", ""),
        "subject": safe_subject(case),
    }
    form = forms.LetterForm(request.POST or None, initial=initial)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.record_letter(case, request.user, _new_letter(form), today())
        except services.AdvocacyError as error:
            problems = [str(error)]
        else:
            messages.success(request, "Letter recorded")
            return redirect("advocacy-case", reference=case.reference)
    context = {"case": case, "form": form, "problems": problems}
    return show_form(request, "advocacy/letter.html", context)


@requires(Perm.EDIT_CASES)
def letter_pdf(request: MemberRequest, reference: str, kind: str) -> HttpResponse:
    """A letter from the catalogue, filled in from the case; never to the council without
    consent in force today."""
    case = office_case(request, reference)
    day = today()
    consent = services.consent_in_force(case, day)
    if consent is None:
        messages.error(request, "Record the family's consent before writing to the council")
        return redirect("advocacy-case", reference=case.reference)
    try:
        letter = build_letter(
            kind, adapters.facts_for(case), today=day, calendar=CALENDAR, **parties(case, consent)
        )
    except LetterError as error:
        messages.error(request, str(error))
        return redirect("advocacy-case", reference=case.reference)
    audit(request.user, "export", f"Letter {letter.template.id} PDF", case.reference)
    response = HttpResponse(to_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{case.reference}-{letter.template.id}.pdf"'
    )
    return response


def parties(case: Case, consent: Consent) -> dict[str, Any]:
    council = council_name(services.record_for(case).council_code)
    child = case.child
    return {
        "sender": Party(
            name=case.organisation.name, contacts=(("constituent", consent.given_by),)
        ),
        "recipient": Party(name="Director of Children's Services", organisation=council),
        "child": Child(
            f"{child.first_name} {child.last_name}", child.date_of_birth, case.reference
        ),
    }


@requires(Perm.EDIT_CASES)
def record_reply(request: MemberRequest, reference: str, letter_id: int) -> HttpResponse:
    case = office_case(request, reference)
    letter = get_object_or_404(case.correspondence.exclude(kind="reply"), pk=letter_id)
    form = forms.ReplyForm(request.POST or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_reply(case, request.user, letter, data["dated"], data["note"], today())
        except services.AdvocacyError as error:
            problems = [str(error)]
        else:
            messages.success(request, "Reply recorded")
            return redirect("advocacy-case", reference=case.reference)
    context = {"case": case, "letter": letter, "form": form, "problems": problems}
    return show_form(request, "advocacy/reply.html", context)


@requires(Perm.EDIT_CASES)
def close_case(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    form = forms.DateForm(request.POST or None, label="Date the case closed")
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.close_case(case, request.user, form.cleaned_data["on"], today())
        except services.AdvocacyError as error:
            problems = [str(error)]
        else:
            messages.success(request, "Case closed")
            return redirect("advocacy-case", reference=case.reference)
    context = {"case": case, "form": form, "problems": problems}
    return show_form(request, "advocacy/close.html", context)


@requires(Perm.VIEW_CASES)
def family_summary(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    pdf = family.to_pdf(family.gather(case, today()))
    audit(request.user, "export", "Family summary PDF", case.reference)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{case.reference}-summary.pdf"'
    return response


@requires(Perm.VIEW_CASES)
def figures(request: MemberRequest) -> HttpResponse:
    rows = reports.figures(office_cases(request), today())
    if request.GET.get("format") == "csv":
        audit(request.user, "export", "Missed time limits CSV")
        response = HttpResponse(reports.figures_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="missed-time-limits.csv"'
        return response
    audit(request.user, "view", "Missed time limits")
    context = {"rows": rows, "groups": reports.LIMIT_GROUPS}
    return render(request, "advocacy/figures.html", context)


@requires(Perm.MANAGE_RECORDS)
def retention(request: MemberRequest) -> HttpResponse:
    months = settings.EHCP_RETENTION_MONTHS
    due = services.due_for_review(office_cases(request), today(), months)
    audit(request.user, "view", "Retention review")
    return render(request, "advocacy/retention.html", {"due": due, "months": months})


@requires(Perm.MANAGE_RECORDS)
def delete_case(request: MemberRequest, reference: str) -> HttpResponse:
    case = office_case(request, reference)
    if request.method == "POST":
        try:
            services.delete_case(case, request.user)
        except services.AdvocacyError as error:
            messages.error(request, str(error))
            return redirect("advocacy-case", reference=case.reference)
        messages.success(request, f"Case {reference} deleted")
        return redirect("advocacy-retention")
    audit_form(request, "Delete the case page", case)
    return render(request, "advocacy/delete.html", {"case": case})
