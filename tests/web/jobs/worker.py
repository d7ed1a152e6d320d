"""A real worker process for the tests that need one (PostgreSQL only: it must see the test's
committed rows), sharing the test's database, files and progress cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from ehcp.web.jobs.models import Job

REPO = Path(__file__).resolve().parents[3]


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
            process.terminate()  # it finishes the job it is running first
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def wait_for(job: Job, *statuses: str, seconds: float = 60) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in statuses:
            return job
        time.sleep(0.2)
    raise AssertionError(f"the job is still {job.status}")
