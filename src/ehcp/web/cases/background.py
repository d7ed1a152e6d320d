"""The casework jobs the worker runs (see `ehcp.web.jobs`): checking and importing a CSV file
of cases, and the nightly refresh of every case's stored deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse

from ehcp.web.accounts.permissions import Perm
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import importer, names, refresh
from ehcp.web.cases.views.common import today as today_in_england
from ehcp.web.jobs import services as jobs
from ehcp.web.jobs.models import Job
from ehcp.web.jobs.progress import Progress
from ehcp.web.organisations.models import Organisation

CHECK = "ehcp.web.cases.background.check_import"
IMPORT = "ehcp.web.cases.background.run_import"


def start_import(
    organisation: Organisation, user: User, content: bytes, today: date, *, dry_run: bool
) -> Job:
    """Keep the uploaded file and queue its check (a dry run) or its import."""
    return jobs.start(
        kind="import-check" if dry_run else "import",
        title="Check a file of cases" if dry_run else "Import cases",
        work=CHECK if dry_run else IMPORT,
        organisation=organisation,
        user=user,
        permission=Perm.IMPORT_CASES.value,
        arguments={"today": today.isoformat()},
        input_bytes=content,
    )


def recent_imports(organisation: Organisation, count: int = 5) -> list[Job]:
    """The organisation's latest checks and imports, for the import page to link to."""
    kinds = ("import-check", "import")
    return list(Job.objects.filter(organisation=organisation, kind__in=kinds)[:count])


def _plan_result(plan: importer.Plan, *, imported: bool) -> dict[str, Any]:
    back = {"back_url": reverse("import"), "back_label": "Import another file"}
    if plan.errors:
        count = len(plan.errors)
        title = f"The file has {count} problem{'s' if count != 1 else ''}. Nothing was imported."
        return back | {"errors": plan.errors, "errors_title": title}
    if imported:
        return {
            "summary": f"{len(plan.cases):,} cases imported",
            "detail": f"From {plan.rows:,} rows",
            "back_url": reverse("dashboard"),
            "back_label": "Go to the dashboard",
        }
    return back | {
        "summary": "The file is ready to import",
        "detail": f"{len(plan.cases):,} cases from {plan.rows:,} rows",
        "back_label": "Go back to import it",
    }


def check_import(job: Job, progress: Progress, today: str) -> dict[str, Any]:
    assert job.organisation is not None
    content = jobs.read_input(job)
    plan = importer.check(job.organisation, content, date.fromisoformat(today), progress)
    return _plan_result(plan, imported=False)


def run_import(job: Job, progress: Progress, today: str) -> dict[str, Any]:
    assert job.organisation is not None
    assert job.created_by is not None
    content = jobs.read_input(job)
    plan = importer.run(
        job.organisation, job.created_by, content, date.fromisoformat(today), progress
    )
    return _plan_result(plan, imported=not plan.errors)


def refresh_cases(job: Job, progress: Progress, today: str | None = None) -> dict[str, Any]:
    """The nightly refresh (also `manage.py ehcp_refresh`)."""
    day = date.fromisoformat(today) if today else today_in_england()
    count = refresh.refresh_stale(day, progress=progress)
    for organisation in Organisation.objects.all():
        if names.reconcile(organisation):  # kept search results may find other names now
            caseload_changed(organisation.pk)
    return {"summary": f"Refreshed {count:,} cases"}
