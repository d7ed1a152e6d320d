"""Bulk import from CSV: check first (a dry run), then import all or nothing."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.cases import importer
from ehcp.web.cases.forms import ImportForm
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import form_errors


@requires(Perm.IMPORT_CASES)
def import_cases(request: MemberRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = None
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        if request.POST.get("action") == "import":
            plan = importer.run(request.organisation, request.user, content, today())
            if not plan.errors:
                messages.success(request, f"{len(plan.cases)} cases imported")
                return redirect("dashboard")
        else:
            plan = importer.check(request.organisation, content, today())
    context = {
        "form": form,
        "errors": form_errors(form),
        "plan": plan,
        "columns": importer.COLUMNS,
        "required": importer.REQUIRED,
    }
    return render(request, "cases/import.html", context)
