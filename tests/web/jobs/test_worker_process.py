"""The worker for real, on PostgreSQL: a separate process takes a queued job and finishes it;
killed in the middle of one, it leaves a job the sweep marks failed and a new worker finishes
once it is tried again."""

from __future__ import annotations

import signal
import time

import pytest

from ehcp.web.cases.models import Case
from ehcp.web.jobs import services
from ehcp.web.jobs.models import Job

from .worker import wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_worker_process_imports_a_queued_file(start_worker, council, members):
    from ehcp.web.cases.background import start_import

    from ..conftest import TODAY
    from .test_import_jobs import rows

    job = start_import(council, members["manager"], rows(20).encode(), TODAY, dry_run=False)
    start_worker()
    job = wait_for(job, Job.Status.DONE, Job.Status.FAILED)
    assert job.status == Job.Status.DONE
    assert job.result["summary"] == "20 cases imported"
    assert Case.objects.filter(organisation=council).count() == 20


def test_a_killed_workers_job_is_swept_and_finished_when_tried_again(start_worker, settings):
    settings.JOB_LEASE_SECONDS = 4  # as the worker has it
    job = services.start(
        kind="wait", title="Wait", work="tests.web.jobs.work.take", arguments={"seconds": 30}
    )
    worker = start_worker()
    wait_for(job, Job.Status.RUNNING)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    time.sleep(5)  # the lease runs out
    assert services.sweep() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.result["error"] == services.STOPPED
    Job.objects.filter(pk=job.pk).update(arguments={"seconds": 0.5})
    job.refresh_from_db()
    assert services.retry(job)
    start_worker()
    job = wait_for(job, Job.Status.DONE)
    assert job.result["summary"] == "Took 0.5 seconds"
    assert job.attempts == 2
