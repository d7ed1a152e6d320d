"""Starting, running, sweeping and pruning background jobs (docs/adr/0023).

A job's work is a plain function, named by its dotted path, called in the worker as
`work(job, progress, **arguments)`; it returns what the status page shows (`result`)."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from ehcp.web.jobs import progress
from ehcp.web.jobs.models import Job, ScheduledRun
from ehcp.web.organisations.models import Organisation

logger = logging.getLogger(__name__)

Work = Callable[..., dict[str, Any]]
STOPPED = (
    "The job stopped before it finished (its worker was stopped). Nothing it was doing was "
    "kept: try again."
)
FAILED = "Something went wrong and the job stopped. Nothing it was doing was kept: try again."


class JobError(Exception):
    """A job's work raised: the job is marked failed. The message names only the job."""


def start(
    *,
    kind: str,
    title: str,
    work: str,
    organisation: Organisation | None = None,
    user: User | None = None,
    permission: str = "",
    arguments: dict[str, Any] | None = None,
    input_bytes: bytes | None = None,
) -> Job:
    """Record a job and put it on the queue (in one transaction: the worker never sees a
    job that was not recorded, nor a record without its queued task)."""
    import_string(work)  # a mistyped path fails here, not later in the worker
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            title=title,
            task_path=work,
            organisation=organisation,
            created_by=user,
            permission=permission,
            arguments=arguments or {},
            input_file=_write_file(input_bytes, ".csv") if input_bytes is not None else "",
        )
        _enqueue(job)
    return job


def _enqueue(job: Job) -> None:
    from ehcp.web.jobs.tasks import run_job

    result = run_job.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


def run(job_id: str) -> None:
    """Claim the job, do its work under a lease, and record what came of it."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:  # already done, or swept and started again elsewhere
        return
    job = Job.objects.get(pk=job_id)
    steps = progress.Progress(job.pk)
    try:
        with progress.Lease(job.pk):
            work: Work = import_string(job.task_path)
            result = work(job, steps, **job.arguments)
    except Exception as error:
        # The exception's text may quote a row of someone's data: only its type is logged.
        logger.error("Job %s (%s) failed: %s", job.pk, job.kind, type(error).__name__)
        _finish(job, Job.Status.FAILED, {"error": FAILED}, steps)
        raise JobError(f"Job {job.pk} failed") from None
    _finish(job, Job.Status.DONE, result, steps)


def _finish(job: Job, status: str, result: dict[str, Any], steps: progress.Progress) -> None:
    if steps.last is not None:
        result = {"progress": steps.last} | result
    Job.objects.filter(pk=job.pk).update(status=status, result=result, finished_at=timezone.now())
    if status == Job.Status.DONE and job.input_file:
        _remove(job.input_file)
        Job.objects.filter(pk=job.pk).update(input_file="")
    progress.forget(job.pk)


def retry(job: Job) -> bool:
    """Queue a failed job again (with the same file and arguments); False if it cannot be."""
    if job.status != Job.Status.FAILED or (job.input_file and not _path(job.input_file).exists()):
        return False
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
            status=Job.Status.QUEUED, result={}, started_at=None, finished_at=None
        )
        if updated:
            _enqueue(job)
    job.refresh_from_db()
    return bool(updated)


def sweep(now: datetime | None = None) -> int:
    """Mark failed every running job whose lease has run out (its worker was killed), with
    its task on the queue; each can then be tried again. Returns how many."""
    now = now or timezone.now()
    since = now - timedelta(seconds=settings.JOB_LEASE_SECONDS)
    stale = [
        job
        for job in Job.objects.filter(status=Job.Status.RUNNING, started_at__lt=since)
        if not progress.lease_held(job.pk)
    ]
    for job in stale:
        with transaction.atomic():
            Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.FAILED, result={"error": STOPPED}, finished_at=now
            )
            DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
                status="FAILED", finished_at=now
            )
        progress.forget(job.pk)
        logger.warning("Job %s (%s) lost its worker and was marked failed", job.pk, job.kind)
    return len(stale)


def prune(now: datetime | None = None) -> int:
    """Remove finished jobs, their files and the queue's rows older than
    JOB_RESULTS_DAYS, and the schedule's record of runs as old. Returns how many jobs."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.JOB_RESULTS_DAYS)
    old = Job.objects.filter(
        status__in=(Job.Status.DONE, Job.Status.FAILED), finished_at__lt=before
    )
    for names in old.values_list("input_file", "output_file"):
        for name in names:
            if name:
                _remove(name)
    count = old.count()
    old.delete()
    DBTaskResult.objects.filter(
        status__in=("SUCCESSFUL", "FAILED"), finished_at__lt=before
    ).delete()
    ScheduledRun.objects.filter(slot__lt=before).delete()
    return count


# --- Files ------------------------------------------------------------------------------


def _path(name: str) -> Path:
    return Path(settings.JOBS_ROOT) / name


def _write_file(content: bytes, suffix: str) -> str:
    """Keep `content` under a random name, readable by this user only."""
    root = Path(settings.JOBS_ROOT)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = secrets.token_urlsafe(24) + suffix
    descriptor = os.open(root / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
    return name


def _remove(name: str) -> None:
    _path(name).unlink(missing_ok=True)


def read_input(job: Job) -> bytes:
    return _path(job.input_file).read_bytes()


def keep_output(job: Job, content: bytes, suffix: str) -> None:
    """Store what the job made, for its status page to offer."""
    job.output_file = _write_file(content, suffix)
    Job.objects.filter(pk=job.pk).update(output_file=job.output_file)


def output_path(job: Job) -> Path | None:
    if not job.output_file or job.status != Job.Status.DONE:
        return None
    path = _path(job.output_file)
    return path if path.exists() else None
