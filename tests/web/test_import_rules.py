"""The importer's dry run is the truth: what it approves imports, and it refuses what the
forms refuse, each with a message naming the row, the field and the fix."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcp.web.cases import importer
from ehcp.web.cases.models import Case

from .conftest import TODAY

HEADER = "reference,first_name,last_name,date_of_birth,upn,event,event_date,party,kind\n"


def row(reference="LEG-1", first="Sam", last="Sampleford", born="2015-03-02", upn="", **rest):
    event = rest.get("event", "request_received")
    on, party, kind = rest.get("on", "2026-05-01"), rest.get("party", ""), rest.get("kind", "")
    return f"{reference},{first},{last},{born},{upn},{event},{on},{party},{kind}\n"


def both(council, manager, text):
    """The dry run's problems, and the import's; the two must be the same."""
    content = text.encode() if isinstance(text, str) else text
    checked = importer.check(council, content, TODAY).errors
    imported = importer.run(council, manager, content, TODAY).errors
    assert checked == imported
    return "\n".join(checked)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (row(reference="EHC/2024/0001"), "Row 2: Reference must start with a letter or number"),
        (row(reference="R" * 31), "Row 2: Reference must be 30 characters or fewer"),
        (row(first="S" * 101), "Row 2: First name must be 100 characters or fewer"),
        (row(last="Sample\x00ford"), "Row 2: Last name must not contain a null character"),
        (row(party="P" * 201), "Row 2: Who (service, school or body) must be 200 characters"),
        (row(born="9999-12-31"), "Row 2: date_of_birth must be between 1900 and 2100"),
        (row(born="2026-06-01"), "Date of birth must be before the date the request"),
        (row(born="1990-01-01"), "must be 25 or younger when the request is received"),
        (row(upn="not a upn"), "Row 2: Enter a UPN of 13 characters, like A123456789012"),
        (row(on="20260901"), "Row 2: event_date must be a real date written as YYYY-MM-DD"),
        (row(born="20150302"), "Row 2: date_of_birth must be a real date written as YYYY-MM-DD"),
    ],
)
def test_the_dry_run_refuses_what_the_forms_refuse(council, members, line, expected):
    text = both(council, members["manager"], HEADER + line)
    assert expected in text
    assert not Case.objects.exists()


def test_one_request_received_per_case(council, members):
    text = both(
        council,
        members["manager"],
        HEADER + row() + row(first="", last="", born="", on="2026-05-02"),
    )
    assert "more than one request_received event" in text


def test_conflicting_child_details_across_rows(council, members):
    later = row(first="Samuel", event="decision_to_assess_notified", on="2026-06-05")
    text = both(council, members["manager"], HEADER + row() + later)
    assert "Row 3: first_name differs from row 2 of case LEG-1" in text
    assert not Case.objects.exists()


def test_repeated_identical_details_are_fine(council, members):
    later = row(event="decision_to_assess_notified", on="2026-06-05", kind="assess")
    assert both(council, members["manager"], HEADER + row() + later) == ""
    assert Case.objects.filter(reference="LEG-1").exists()


def test_cr_only_line_endings_are_read(council, members):
    text = (HEADER + row() + row(reference="LEG-2")).replace("\n", "\r")
    plan = importer.run(council, members["manager"], text.encode(), TODAY)
    assert plan.errors == []
    assert Case.objects.count() == 2


def test_a_200000_character_field_is_refused_calmly(council, members):
    text = HEADER + row(party="x" * 200_000)
    problems = both(council, members["manager"], text)
    assert problems.startswith("Row 2:")
    assert not Case.objects.exists()


def test_a_nul_anywhere_is_refused(council, members):
    problems = both(council, members["manager"], HEADER + row(party="a\x00b"))
    assert "must not contain a null character" in problems


def test_a_reference_with_a_slash_never_breaks_the_dashboard(client, council, members):
    manager = members["manager"]
    importer.run(council, manager, (HEADER + row(reference="EHC/2024/0001")).encode(), TODAY)
    importer.run(council, manager, (HEADER + row(reference="EHC-2024-0001")).encode(), TODAY)
    client.force_login(manager)
    assert client.get(reverse("dashboard")).status_code == 200
    page = client.get(reverse("case-list"))
    assert page.status_code == 200
    assert "EHC-2024-0001" in page.content.decode()


def test_each_imported_case_has_its_own_audit_entry(council, members):
    from ehcp.web.audit.models import AuditEntry

    text = HEADER + row() + row(reference="LEG-2")
    assert importer.run(council, members["manager"], text.encode(), TODAY).errors == []
    entries = AuditEntry.objects.filter(what="Imported from CSV")
    assert sorted(entries.values_list("case_reference", flat=True)) == ["LEG-1", "LEG-2"]
