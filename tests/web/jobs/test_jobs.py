"""Background jobs: recorded, queued, run by the worker, swept when their worker dies,
tried again, shown to the right members and cleared out."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ehcp.web.audit.models import AuditEntry
from ehcp.web.jobs import progress, services
from ehcp.web.jobs.models import Job

from ..queue import run_queued_jobs

COUNT = "tests.web.jobs.work.count_to"
FAIL = "tests.web.jobs.work.fail"


def start(organisation: Any = None, user: Any = None, **kwargs: Any) -> Job:
    defaults: dict[str, Any] = {
        "kind": "count",
        "title": "Count to three",
        "work": COUNT,
        "organisation": organisation,
        "user": user,
        "arguments": {"to": 3},
    }
    return services.start(**(defaults | kwargs))


@pytest.mark.django_db
def test_a_started_job_waits_on_the_queue_until_a_worker_runs_it():
    job = start()
    assert job.status == Job.Status.QUEUED
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert queued.status == "READY"
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 1
    assert job.result["summary"] == "Counted to 3"
    assert job.result["progress"] == {"label": "Counted", "done": 3, "total": 3, "unit": "numbers"}
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


@pytest.mark.django_db
def test_a_job_naming_work_that_does_not_exist_is_refused_at_once():
    with pytest.raises(ImportError):
        start(work="tests.web.jobs.work.no_such_work")
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_runs_what_is_waiting_and_stops(settings):
    settings.JOB_SCHEDULE = []
    jobs = [start(arguments={"to": n}) for n in (1, 2)]
    call_command("ehcp_worker", batch=True, verbosity=0)
    for job in jobs:
        job.refresh_from_db()
        assert job.status == Job.Status.DONE
    assert [job.result["summary"] for job in jobs] == ["Counted to 1", "Counted to 2"]


@pytest.mark.django_db
def test_a_failing_job_is_marked_failed_and_keeps_no_personal_data():
    job = start(work=FAIL, arguments={})
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.result["error"] == services.FAILED
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert queued.status == "FAILED"
    for text in (str(job.result), queued.traceback):
        assert "Amelia" not in text
        assert "2015-05-01" not in text


@pytest.mark.django_db
def test_a_failing_jobs_log_names_only_the_kind_of_error(caplog):
    job = start(work=FAIL, arguments={})
    run_queued_jobs()
    messages = [record.getMessage() for record in caplog.records]
    assert any(f"Job {job.pk} (count) failed: ValueError" in m for m in messages)
    assert not any("Amelia" in m for m in messages)


def running(job: Job, started: datetime) -> Job:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=started)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")
    job.refresh_from_db()
    return job


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_swept_up_once_its_lease_runs_out(settings):
    now = timezone.now()
    lease = timedelta(seconds=settings.JOB_LEASE_SECONDS)
    lost = running(start(), now - lease - timedelta(seconds=1))
    just_started = running(start(), now - lease)  # the boundary: not yet past the lease
    assert services.sweep(now) == 1
    lost.refresh_from_db()
    just_started.refresh_from_db()
    assert lost.status == Job.Status.FAILED
    assert lost.result["error"] == services.STOPPED
    assert DBTaskResult.objects.get(id=lost.task_id).status == "FAILED"
    assert just_started.status == Job.Status.RUNNING


@pytest.mark.django_db
def test_a_long_job_whose_worker_still_renews_its_lease_is_left_alone(settings):
    job = running(start(), timezone.now() - timedelta(hours=3))
    with progress.Lease(job.pk):
        assert services.sweep() == 0
    assert not progress.lease_held(job.pk)
    assert services.sweep() == 1


@pytest.mark.django_db
def test_a_failed_job_can_be_tried_again_and_then_finishes():
    job = running(start(), timezone.now() - timedelta(hours=1))
    services.sweep()
    job.refresh_from_db()
    first_task = job.task_id
    assert services.retry(job)
    assert job.status == Job.Status.QUEUED
    assert job.task_id != first_task
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 1  # the swept run never claimed it through `run`


@pytest.mark.django_db
def test_only_a_failed_job_is_tried_again():
    job = start()
    assert not services.retry(job)
    run_queued_jobs()
    job.refresh_from_db()
    assert not services.retry(job)


@pytest.mark.django_db
def test_a_job_already_taken_is_not_run_twice():
    job = start()
    services.run(str(job.pk))
    Job.objects.filter(pk=job.pk).update(result={"summary": "first run"})
    services.run(str(job.pk))
    job.refresh_from_db()
    assert job.result == {"summary": "first run"}


@pytest.mark.django_db
def test_an_uploaded_file_is_kept_privately_and_removed_when_the_job_is_done(settings):
    job = start(input_bytes=b"reference,event\n")
    path = Path(settings.JOBS_ROOT) / job.input_file
    assert path.read_bytes() == b"reference,event\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.suffix == ".csv"
    run_queued_jobs()
    assert not path.exists()


@pytest.mark.django_db
def test_old_finished_jobs_their_files_and_queue_rows_are_cleared_out(settings):
    settings.JOB_RESULTS_DAYS = 30
    now = timezone.now()
    old, recent, waiting = start(input_bytes=b"x"), start(), start()
    run_queued_jobs()
    Job.objects.filter(pk=waiting.pk).update(status=Job.Status.QUEUED, finished_at=None)
    Job.objects.filter(pk=old.pk).update(
        status=Job.Status.FAILED, finished_at=now - timedelta(days=31), input_file="old.csv"
    )
    (Path(settings.JOBS_ROOT) / "old.csv").write_bytes(b"x")
    Job.objects.filter(pk=recent.pk).update(finished_at=now - timedelta(days=29))
    DBTaskResult.objects.filter(id=old.task_id).update(finished_at=now - timedelta(days=31))
    assert services.prune(now) == 1
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not (Path(settings.JOBS_ROOT) / "old.csv").exists()
    assert not DBTaskResult.objects.filter(id=old.task_id).exists()
    assert DBTaskResult.objects.filter(id=recent.task_id).exists()


# --- The status page ---------------------------------------------------------------------


@pytest.fixture
def manager(members: dict) -> Any:
    return members["manager"]


def test_a_waiting_job_page_refreshes_itself(client, council, manager):
    client.force_login(manager)
    job = start(council, manager, permission="import_cases")
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "Waiting to start" in page


def test_a_running_job_page_shows_how_far_it_has_got(client, council, manager):
    client.force_login(manager)
    job = running(start(council, manager), timezone.now())
    progress.Progress(job.pk)("Checked", 12_000, 50_000, "rows")
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Checked 12,000 of 50,000 rows" in page
    assert '<meta http-equiv="refresh"' in page


def test_a_finished_job_page_stops_refreshing_and_says_what_came_of_it(client, council, manager):
    client.force_login(manager)
    job = start(council, manager)
    run_queued_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Counted to 3" in page
    assert "Counted 3 of 3 numbers." in page
    assert "http-equiv" not in page


def test_a_failed_job_page_offers_to_try_again(client, council, manager):
    client.force_login(manager)
    job = start(council, manager, work=FAIL, arguments={})
    run_queued_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "The job did not finish" in page
    assert "Try again" in page
    response = client.post(reverse("retry-job", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED


def test_a_job_that_cannot_be_tried_again_says_so(client, council, manager):
    client.force_login(manager)
    job = start(council, manager)
    response = client.post(reverse("retry-job", args=[job.pk]), follow=True)
    assert "This job cannot be tried again" in response.content.decode()


def test_another_organisations_job_is_not_found(client, council, other_council, manager):
    client.force_login(manager)
    theirs = start(other_council)
    assert client.get(reverse("job", args=[theirs.pk])).status_code == 404


def test_a_job_needs_the_role_it_was_started_with(client, council, members):
    job = start(council, members["manager"], permission="import_cases")
    client.force_login(members["caseworker"])
    assert client.get(reverse("job", args=[job.pk])).status_code == 404
    client.force_login(members["administrator"])
    assert client.get(reverse("job", args=[job.pk])).status_code == 200


def test_a_jobs_file_is_downloaded_through_the_page_and_audited(client, council, manager):
    client.force_login(manager)
    job = start(council, manager)
    run_queued_jobs()
    job.refresh_from_db()
    services.keep_output(job, b"PK zip", ".zip")
    Job.objects.filter(pk=job.pk).update(result={"summary": "Done", "filename": "letters.zip"})
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Download letters.zip" in page
    response = client.get(reverse("job-download", args=[job.pk]))
    assert b"".join(response.streaming_content) == b"PK zip"
    assert 'filename="letters.zip"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(action="export", what="Downloaded Count to three").exists()


def test_a_job_without_a_file_has_nothing_to_download(client, council, manager):
    client.force_login(manager)
    job = start(council, manager)
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404


# --- The schedule ------------------------------------------------------------------------

LONDON = ZoneInfo("Europe/London")


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


@pytest.fixture
def schedule_settings(settings: Any) -> Any:
    settings.JOB_SCHEDULE = [
        {"name": "nightly", "at": "00:15", "task": COUNT, "kwargs": {"to": 1}},
        {"name": "mondays", "at": "07:15", "weekday": 0, "task": COUNT, "kwargs": {"to": 2}},
    ]
    return settings


@pytest.mark.parametrize(
    ("now", "nightly", "mondays"),
    [
        # Wed 2 Dec 2026 at 00:14: yesterday's run; Monday's this week.
        (at(2026, 12, 2, 0, 14), at(2026, 12, 1, 0, 15), at(2026, 11, 30, 7, 15)),
        # Wed 2 Dec 2026 at 00:15 exactly: today's.
        (at(2026, 12, 2, 0, 15), at(2026, 12, 2, 0, 15), at(2026, 11, 30, 7, 15)),
        # Mon 7 Dec 2026 at 07:14: last Monday's; at 07:15 today's.
        (at(2026, 12, 7, 7, 14), at(2026, 12, 7, 0, 15), at(2026, 11, 30, 7, 15)),
        (at(2026, 12, 7, 7, 15), at(2026, 12, 7, 0, 15), at(2026, 12, 7, 7, 15)),
        # Sun 29 Mar 2026 at 02:30 BST, the morning the clocks go forward.
        (at(2026, 3, 29, 2, 30), at(2026, 3, 29, 0, 15), at(2026, 3, 23, 7, 15)),
    ],
)
def test_each_entry_is_due_at_its_last_time_of_day(schedule_settings, now, nightly, mondays):
    from ehcp.web.jobs import schedule

    slots = {entry.name: entry.last_slot(now) for entry in schedule.entries()}
    assert slots == {"nightly": nightly, "mondays": mondays}


@pytest.mark.django_db
def test_each_run_is_started_once_however_many_workers_look(schedule_settings):
    from ehcp.web.jobs import schedule

    monday_morning = at(2026, 12, 7, 7, 20)  # Mon 7 Dec 2026
    assert schedule.tick(monday_morning) == ["nightly", "mondays"]
    assert schedule.tick(monday_morning + timedelta(minutes=1)) == []
    assert schedule.tick(at(2026, 12, 8, 0, 16)) == ["nightly"]  # Tue 8 Dec 2026
    assert Job.objects.filter(kind="nightly").count() == 2
    run_queued_jobs()
    assert set(Job.objects.values_list("status", flat=True)) == {Job.Status.DONE}


@pytest.mark.django_db
def test_a_run_missed_by_more_than_the_catch_up_is_left_for_the_next(schedule_settings):
    from ehcp.web.jobs import schedule

    # Wed 2 Dec 2026 at 12:16: 12 hours and a minute after the nightly run's time.
    assert schedule.tick(at(2026, 12, 2, 12, 16)) == []
    assert schedule.tick(at(2026, 12, 2, 12, 15)) == ["nightly"]


def test_the_real_schedule_names_work_that_exists():
    from django.utils.module_loading import import_string

    from ehcp.web.jobs import schedule

    entries = schedule.entries()
    assert {entry.name for entry in entries} == {
        "nightly-refresh",
        "daily-digests",
        "weekly-digests",
        "prune-jobs",
    }
    for entry in entries:
        assert callable(import_string(entry.task))


def test_a_member_can_stop_the_page_updating_itself(client, council, manager):
    client.force_login(manager)
    job = start(council, manager)
    page = client.get(reverse("job", args=[job.pk]) + "?updates=off").content.decode()
    assert "http-equiv" not in page
    assert "data-job-refresh" not in page
    assert "This page is not updating by itself." in page
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert 'data-job-refresh="2"' in page
    assert "Stop this page updating" in page
