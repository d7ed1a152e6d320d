"""Background jobs as people see them: what was asked, by whom, how far it has got and what
came of it. The queue's own rows (`django_tasks_db`) say only which function runs next; these
say what a member may see. Neither holds a child's personal details: an import's uploaded
file and a job's output are files under `JOBS_ROOT`, removed with the job."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ehcp.web.organisations.models import Organisation


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "In progress"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Empty for the jobs the schedule starts (the nightly refresh, the digests).
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The permission (`accounts.permissions.Perm` value) a member needs to see the job.
    permission = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=30)
    title = models.CharField(max_length=100)
    task_path = models.CharField(max_length=200)
    arguments = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    # The file the job reads (an uploaded CSV) and the file it wrote (a zip of letters),
    # names relative to JOBS_ROOT.
    input_file = models.CharField(max_length=100, blank=True)
    output_file = models.CharField(max_length=100, blank=True)
    # What came of it, for the status page: counts, a sentence, the problems found.
    result = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "started_at"])]

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ScheduledRun(models.Model):
    """One start of a scheduled job. The unique slot lets several workers watch the same
    schedule and start each run exactly once."""

    name = models.CharField(max_length=50)
    slot = models.DateTimeField()
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="one_run_a_slot")]
