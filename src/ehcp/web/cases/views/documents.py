"""Upload a document to a case, and download it: only within the case's organisation."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries, services
from ehcp.web.cases.forms import DocumentForm
from ehcp.web.cases.views.common import audit_form
from ehcp.web.frontend.components import form_errors


@requires(Perm.EDIT_CASES)
def upload(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    form = DocumentForm(request.POST or None, request.FILES or None)
    audit_form(request, "Upload a document form", case)
    if request.method == "POST" and form.is_valid():
        services.store_document(
            case, request.user, form.cleaned_data["title"], form.cleaned_data["file"]
        )
        messages.success(request, "Document uploaded")
        return redirect("case", reference=case.reference)
    errors = form_errors(form)
    context = {"case": case, "form": form, "errors": errors}
    return render(request, "cases/upload.html", context, status=400 if errors else 200)


@requires(Perm.VIEW_CASES)
def download(request: MemberRequest, reference: str, token: str) -> FileResponse:
    case = queries.get_case(request.organisation, reference)
    document = queries.get_document(case, token)
    audit(request.user, "export", f"Downloaded document {document.pk}", case.reference)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )
    response["Content-Type"] = document.content_type
    response["Cache-Control"] = "private, no-store"
    return response
