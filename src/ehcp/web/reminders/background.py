"""The reminders' jobs the worker runs (see `ehcp.web.jobs`): the scheduled digests, and a
setting's review invitation letters written as one zip."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.http import urlencode

from ehcp.web.accounts.permissions import Perm
from ehcp.web.cases.views.common import today as today_in_england
from ehcp.web.jobs import services as jobs
from ehcp.web.jobs.models import Job
from ehcp.web.jobs.progress import Progress
from ehcp.web.organisations.models import Organisation
from ehcp.web.reminders import letters, planning
from ehcp.web.reminders.services import send_digests

LETTERS = "ehcp.web.reminders.background.review_letters"
ZIP_NAME = "review-invitations.zip"


def digests(job: Job, progress: Progress, kind: str, today: str | None = None) -> dict[str, Any]:
    """The daily or weekly digests (also `manage.py ehcp_digests`)."""
    day = date.fromisoformat(today) if today else today_in_england()
    run = send_digests(kind, day)
    summary = (
        f"Sent {run.sent} {kind} digests: {run.nothing_to_say} with nothing to report, "
        f"{run.already_sent} already sent, {run.failed} failed"
    )
    if run.failed:  # shown as failed, and the worker's log says so
        raise RuntimeError(summary)
    return {"summary": summary}


def start_review_letters(
    organisation: Organisation, user: User, today: date, months: int, setting_id: int
) -> Job:
    return jobs.start(
        kind="review-letters",
        title="Write review invitation letters",
        work=LETTERS,
        organisation=organisation,
        user=user,
        permission=Perm.EDIT_CASES.value,
        arguments={"today": today.isoformat(), "months": months, "setting_id": setting_id},
    )


def review_letters(
    job: Job, progress: Progress, today: str, months: int, setting_id: int
) -> dict[str, Any]:
    assert job.organisation is not None
    assert job.created_by is not None
    day = date.fromisoformat(today)
    rows = [
        row
        for row in planning.reviews_due(job.organisation, day, months)
        if row.setting_id == setting_id
    ]
    body, written = letters.invitations_zip(
        job.organisation, job.created_by, rows, day, progress=progress
    )
    back = reverse("review-planning") + "?" + urlencode({"within": months, "setting": setting_id})
    result = {"back_url": back, "back_label": "Back to annual review planning"}
    if not written:
        return result | {
            "errors": ["None of this setting's reviews has an invitation to write."],
            "errors_title": "No letters were written",
        }
    jobs.keep_output(job, body, ".zip")
    plural = "s" if written != 1 else ""
    return result | {
        "summary": f"{written} invitation letter{plural} written",
        "filename": ZIP_NAME,
    }
