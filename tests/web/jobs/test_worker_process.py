"""The worker for real, on PostgreSQL: a separate process takes a queued job and finishes it;
killed in the middle of one, it leaves a job the sweep marks failed and a new worker finishes
once it is tried again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ehcp.web.cases.models import Case
from ehcp.web.jobs import services
from ehcp.web.jobs.models import Job

REPO = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_env(settings: Any, tmp_path: Path) -> dict[str, str]:
    if connection.vendor != "postgresql":
        pytest.skip("runs only with DATABASE_URL=postgres://...")
    # The worker shares this test's database, files and progress cache.
    settings.JOBS_ROOT = tmp_path / "jobs"
    settings.CACHES = settings.CACHES | {
        "jobs": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache" / "jobs"),
        }
    }
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = dict(os.environ, DATABASE_URL=url, EHCP_VAR_DIR=str(tmp_path))
    env.pop("EHCP_CACHE_URL", None)
    env["EHCP_JOB_LEASE_SECONDS"] = "4"
    return env


@pytest.fixture
def start_worker(worker_env: dict[str, str]) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "ehcp.web.manage", "ehcp_worker", "--no-schedule"]
        process = subprocess.Popen(command, cwd=REPO, env=worker_env)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def wait_for(job: Job, *statuses: str, seconds: float = 60) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in statuses:
            return job
        time.sleep(0.2)
    raise AssertionError(f"the job is still {job.status}")


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
