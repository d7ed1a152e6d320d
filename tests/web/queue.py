"""Running the queue's waiting tasks inside a test, the way the worker runs each one."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_queued_jobs() -> int:
    """Take and run every waiting task, as `ehcp_worker` would (without the worker's own
    connection handling, which would close a test's transaction); how many ran."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    while (waiting := DBTaskResult.objects.ready().first()) is not None:
        waiting.claim(worker.worker_id)
        worker.run_task(waiting)
        count += 1
    return count
