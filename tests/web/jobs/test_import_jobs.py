"""CSV imports in the background: the upload is kept privately, the job checks or imports it
with the same rules as before, and its page shows how far it has got and what it found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases import importer
from ehcp.web.cases.models import Case
from ehcp.web.jobs.models import Job

from ..conftest import TODAY
from ..queue import run_queued_jobs

HEADER = "reference,first_name,last_name,date_of_birth,event,event_date,kind\n"


def rows(cases: int) -> str:
    """`cases` cases of two rows each, all valid on TODAY (Fri 20 Nov 2026)."""
    lines = [
        f"IMP-{n},Child{n},Testington,2015-03-02,request_received,2026-05-01,\n"
        f"IMP-{n},,,,decision_to_assess_notified,2026-06-05,assess\n"
        for n in range(1, cases + 1)
    ]
    return HEADER + "".join(lines)


@pytest.fixture
def manager(client: Any, members: dict) -> Any:
    client.force_login(members["manager"])
    return members["manager"]


def post(client: Any, content: str, action: str) -> Job:
    upload = SimpleUploadedFile("cases.csv", content.encode())
    response = client.post(reverse("import"), {"file": upload, "action": action})
    assert response.status_code == 302
    job = Job.objects.get()
    assert response["Location"] == reverse("job", args=[job.pk])
    return job


def test_an_import_is_queued_with_its_file_kept_privately(client, manager, settings):
    job = post(client, rows(2), "import")
    assert job.status == Job.Status.QUEUED
    assert job.permission == "import_cases"
    assert job.arguments == {"today": "2026-11-20"}
    stored = Path(settings.JOBS_ROOT) / job.input_file
    assert stored.read_text() == rows(2)
    assert "cases" not in job.input_file
    assert not Case.objects.exists()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Import cases" in page
    assert "Waiting to start" in page


def test_an_import_writes_every_case_with_one_audit_entry_each(client, manager, settings):
    job = post(client, rows(3), "import")
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert sorted(Case.objects.values_list("reference", flat=True)) == ["IMP-1", "IMP-2", "IMP-3"]
    entries = AuditEntry.objects.filter(what="Imported from CSV", user=manager)
    assert sorted(entries.values_list("case_reference", flat=True)) == ["IMP-1", "IMP-2", "IMP-3"]
    assert AuditEntry.objects.filter(what="Imported 3 cases from CSV").count() == 1
    assert not (Path(settings.JOBS_ROOT) / job.input_file).is_file()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "3 cases imported" in page
    assert "Imported 3 of 3 cases." in page
    assert "From 6 rows" in page


def test_a_dry_run_lists_every_problem_and_writes_nothing(client, manager):
    bad = rows(2) + "IMP-9,Kit,Mockworth,2014-01-01,request_received,2026-02-30,\n"
    job = post(client, bad, "check")
    run_queued_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "The file has 2 problems. Nothing was imported." in page
    assert "Row 6: event_date must be a real date" in page
    assert "Import another file" in page
    assert not Case.objects.exists()


def test_a_dry_run_of_a_good_file_says_it_is_ready(client, manager):
    job = post(client, rows(2), "check")
    run_queued_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "The file is ready to import" in page
    assert "2 cases from 4 rows" in page
    assert "Checked 4 of 4 rows." in page
    assert not Case.objects.exists()


def test_an_import_with_problems_imports_nothing(client, manager):
    bad = rows(2) + "IMP-9,,,,request_received,2026-02-01,\n"
    job = post(client, bad, "import")
    run_queued_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Row 6: first_name is needed on the first row of case IMP-9." in page
    assert not Case.objects.exists()


def test_a_file_that_is_not_utf8_is_reported_by_the_job(client, manager):
    upload = SimpleUploadedFile("cases.csv", "reference,event\n\xe9".encode("latin-1"))
    client.post(reverse("import"), {"file": upload, "action": "check"})
    run_queued_jobs()
    page = client.get(reverse("job", args=[Job.objects.get().pk])).content.decode()
    assert "The file must be a CSV file saved as UTF-8." in page


def test_no_file_is_an_error_on_the_import_page(client, manager):
    response = client.post(reverse("import"), {"action": "import"})
    assert response.status_code == 200
    assert "Choose a CSV file" in response.content.decode()
    assert not Job.objects.exists()


def test_the_import_reports_its_progress_as_it_goes(council, members):
    steps: list[tuple[str, int, int, str]] = []
    plan = importer.run(
        council,
        members["manager"],
        rows(600).encode(),
        TODAY,
        lambda *step: steps.append(step),
    )
    assert plan.errors == []
    assert ("Read", 1000, 1200, "rows") in steps
    assert ("Checked", 1200, 1200, "rows") in steps
    imported = [step for step in steps if step[0] == "Imported"]
    assert imported[0] == ("Imported", 1, 600, "cases")
    assert imported[-1] == ("Imported", 600, 600, "cases")
    checked = [done for label, done, _, _ in steps if label == "Checked"]
    assert checked == sorted(checked)


def test_the_import_page_links_to_the_latest_checks_and_imports(client, manager, other_council):
    from ehcp.web.cases.background import start_import

    from ..conftest import make_member

    post(client, rows(1), "check")
    theirs = start_import(
        other_council, make_member(other_council, "manager"), b"x", TODAY, dry_run=True
    )
    page = client.get(reverse("import")).content.decode()
    ours = Job.objects.get(organisation=manager.membership.organisation)
    assert reverse("job", args=[ours.pk]) in page
    assert "Check a file of cases" in page
    assert str(theirs.pk) not in page


@pytest.mark.django_db(transaction=True)
def test_an_import_gives_the_caseload_one_new_version(council, members):
    from ehcp.web import caching

    before = caching.caseload_version(council)
    plan = importer.run(council, members["manager"], rows(3).encode(), TODAY)
    assert plan.errors == []
    assert caching.caseload_version(council) != before
