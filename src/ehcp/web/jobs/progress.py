"""How far a running job has got, and its worker's lease, kept in the jobs cache (not the
database: an import's one transaction would hide both until it commits)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypedDict

from django.conf import settings
from django.core.cache import caches

# Write a job's progress at most this often (its last step is always written).
EVERY_SECONDS = 0.5


# What work that can run as a job is told as it goes: `report("Checked", 1200, 50000, "rows")`.
# A job passes its `Progress`; work run outside a job passes `unwatched`.
Report = Callable[[str, int, int, str], None]


def unwatched(label: str, done: int, total: int, unit: str) -> None:
    """Progress nobody watches."""


class Step(TypedDict):
    label: str
    done: int
    total: int
    unit: str


def _cache() -> Any:
    return caches["jobs"]


def _progress_key(job_id: object) -> str:
    return f"job-progress:{job_id}"


def _lease_key(job_id: object) -> str:
    return f"job-lease:{job_id}"


class Progress:
    """Called by a job as it goes: `progress("Checked", 1200, 50000, "rows")`."""

    def __init__(self, job_id: object) -> None:
        self.job_id = job_id
        self.last: Step | None = None
        self._written_at = 0.0

    def __call__(self, label: str, done: int, total: int, unit: str) -> None:
        self.last = Step(label=label, done=done, total=total, unit=unit)
        now = time.monotonic()
        if done >= total or now - self._written_at >= EVERY_SECONDS:
            _cache().set(_progress_key(self.job_id), self.last, timeout=_keep_seconds())
            self._written_at = now


def _keep_seconds() -> int:
    return settings.JOB_RESULTS_DAYS * 24 * 60 * 60


def latest(job_id: object) -> Step | None:
    return _cache().get(_progress_key(job_id))


def forget(job_id: object) -> None:
    _cache().delete_many([_progress_key(job_id), _lease_key(job_id)])


def lease_held(job_id: object) -> bool:
    return _cache().get(_lease_key(job_id)) is not None


class Lease:
    """While a job runs, a thread beside it renews the job's lease every quarter of its
    length. A worker that is killed stops renewing; `services.sweep` then finds the job."""

    def __init__(self, job_id: object) -> None:
        self.job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew, daemon=True, name="job-lease")

    def __enter__(self) -> Lease:
        self._hold()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        _cache().delete(_lease_key(self.job_id))

    def _hold(self) -> None:
        _cache().set(_lease_key(self.job_id), True, timeout=settings.JOB_LEASE_SECONDS)

    def _renew(self) -> None:
        while not self._stop.wait(settings.JOB_LEASE_SECONDS / 4):
            self._hold()
