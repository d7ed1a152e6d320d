"""The queue's one task: run a recorded job (see `services.run`)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from ehcp.web.jobs import services
from ehcp.web.jobs.models import Job
from ehcp.web.jobs.progress import Progress


@task()
def run_job(job_id: str) -> None:
    services.run(job_id)


def prune(job: Job, progress: Progress, **_: Any) -> dict[str, Any]:
    """The scheduled clear-out of finished jobs (JOB_RESULTS_DAYS)."""
    removed = services.prune()
    return {"summary": f"Removed {removed} finished jobs"}
