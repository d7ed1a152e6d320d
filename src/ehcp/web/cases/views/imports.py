"""Bulk import from CSV: check first (a dry run), then import all or nothing. Both run in the
background (`cases.background`); the job's page shows how far it has got and what it found."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.cases import background, importer
from ehcp.web.cases.forms import ImportForm
from ehcp.web.cases.views.common import today
from ehcp.web.frontend.components import form_errors


@requires(Perm.IMPORT_CASES)
def import_cases(request: MemberRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        dry_run = request.POST.get("action") != "import"
        job = background.start_import(
            request.organisation, request.user, content, today(), dry_run=dry_run
        )
        return redirect("job", job_id=job.pk)
    context = {
        "form": form,
        "recent": background.recent_imports(request.organisation),
        "errors": form_errors(form),
        "columns": importer.COLUMNS,
        "required": importer.REQUIRED,
    }
    return render(request, "cases/import.html", context)
