"""A background job's status page, and what it made. A member sees only their own
organisation's jobs, and only those their role allows (the permission the job was started
with)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ehcp.web.accounts.permissions import MemberRequest, Perm, allowed, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.jobs import progress, services
from ehcp.web.jobs.models import Job

# While a job is waiting or running, its page updates itself this often (seconds): a meta
# refresh without JavaScript, a fetch of the page with it (static/jobs/status.js).
REFRESH_SECONDS = 2


def _job(request: MemberRequest, job_id: object) -> Job:
    job = get_object_or_404(Job, pk=job_id, organisation=request.organisation)
    if job.permission and not allowed(request.user, Perm(job.permission)):
        raise Http404("No such job")
    return job


def step_of(job: Job) -> progress.Step | None:
    """How far the job has got: live while it runs, as it ended once it has finished."""
    if job.finished:
        return job.result.get("progress")
    return progress.latest(job.pk)


@requires(Perm.VIEW_CASES)
def job_status(request: MemberRequest, job_id: object) -> HttpResponse:
    job = _job(request, job_id)
    context: dict[str, Any] = {
        "job": job,
        "step": step_of(job),
        # A member may stop the page updating itself (WCAG 2.2.1).
        "refresh": None
        if job.finished or request.GET.get("updates") == "off"
        else REFRESH_SECONDS,
        "result": job.result,
        "can_retry": job.status == Job.Status.FAILED,
        "download": services.output_path(job) is not None,
    }
    return render(request, "jobs/status.html", context)


@requires(Perm.VIEW_CASES)
@require_POST
def retry_job(request: MemberRequest, job_id: object) -> HttpResponse:
    job = _job(request, job_id)
    if not services.retry(job):
        messages.error(request, "This job cannot be tried again: start it again from its page")
    return redirect("job", job_id=job.pk)


@requires(Perm.VIEW_CASES)
def job_download(request: MemberRequest, job_id: object) -> FileResponse:
    job = _job(request, job_id)
    path = services.output_path(job)
    if path is None:
        raise Http404("Nothing to download")
    audit(request.user, "export", f"Downloaded {job.title}"[:200])
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=job.result.get("filename", path.name)
    )
    response["Cache-Control"] = "private, no-store"
    return response
