"""CSV import: a dry run lists row-level problems; nothing is written unless all is well."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcp.web.cases import importer, queries
from ehcp.web.cases.models import Case, CaseEvent, SearchName

from .conftest import TODAY
from .queue import run_queued_jobs

HEADER = (
    "reference,first_name,last_name,date_of_birth,upn,caseworker_email,event,event_date,kind\n"
)
GOOD = HEADER + (
    "LEG-1,Sam,Sampleford,2015-03-02,,,request_received,2026-05-01,\n"
    "LEG-1,,,,,,decision_to_assess_notified,2026-06-05,assess\n"
    "LEG-2,Ivy,Fakeley,2012-09-30,,MANAGER,request_received,2026-09-01,\n"
)


def good(members):
    return GOOD.replace("MANAGER", members["manager"].email)


def test_a_valid_file_is_imported_with_summaries(council, members):
    plan = importer.run(council, members["manager"], good(members).encode(), TODAY)
    assert plan.errors == []
    first = Case.objects.get(reference="LEG-1")
    assert first.stage == "Assessing"
    assert first.next_due is not None
    assert Case.objects.get(reference="LEG-2").caseworker == members["manager"]


def test_imported_cases_are_found_by_part_of_their_names(council, members):
    importer.run(council, members["manager"], good(members).encode(), TODAY)
    names = SearchName.objects.filter(organisation=council).values_list("name", flat=True)
    assert set(names) == {"SAM", "SAMPLEFORD", "IVY", "FAKELEY"}
    assert [c.reference for c in queries.search(council, "Samplef")] == ["LEG-1"]


def test_any_problem_means_nothing_is_written(council, members):
    bad = good(members) + (
        "LEG-3,Kit,Mockworth,2014-01-01,,,request_received,2026-02-30,\n"
        "LEG-4,Kit,Mockworth,2014-01-01,,,draft_plan_servd,2026-02-01,\n"
        "LEG-5,,,,,,request_received,2026-02-01,\n"
    )
    plan = importer.run(council, members["manager"], bad.encode(), TODAY)
    text = "\n".join(plan.errors)
    assert "Row 5: event_date must be a real date" in text
    assert "Row 6: 'draft_plan_servd' is not an event this system knows" in text
    assert "Row 7: first_name is needed" in text
    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()
    assert not SearchName.objects.exists()


def test_existing_references_and_missing_columns_are_reported(council, members, case):
    duplicate = HEADER + f"{case.reference},A,B,2015-01-01,,,request_received,2026-01-05,\n"
    assert (
        f"Case {case.reference} already exists."
        in importer.check(council, duplicate.encode(), TODAY).errors
    )
    assert importer.check(council, b"name,date\n", TODAY).errors == [
        "The header row is missing: reference, event, event_date."
    ]


def test_the_dry_run_page_lists_errors_and_writes_nothing(client, members):
    client.force_login(members["manager"])
    upload = SimpleUploadedFile("cases.csv", (good(members) + "LEG-9,,,,,,moved,x,\n").encode())
    response = client.post(reverse("import"), {"file": upload, "action": "import"})
    run_queued_jobs()
    page = client.get(response["Location"]).content.decode()
    assert "Row 5: event_date must be a real date" in page
    assert "Nothing was imported" in page
    assert not Case.objects.exists()
    upload = SimpleUploadedFile("cases.csv", good(members).encode())
    response = client.post(reverse("import"), {"file": upload, "action": "check"})
    run_queued_jobs()
    assert "ready to import" in client.get(response["Location"]).content.decode()
    assert not Case.objects.exists()
