"""Correcting and handing over cases, parents and carers, the settings register, possible
duplicates, search, My cases, the case list CSV and the print view."""

from __future__ import annotations

import csv
import io
import logging
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcp.web.audit.models import AuditChange, AuditEntry
from ehcp.web.cases import corrections, queries, register, services
from ehcp.web.cases.models import Case
from ehcp.web.organisations.models import Setting
from ehcp.web.people.models import Carer

from .conftest import TODAY, make_member, open_case


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def details(case, **changes):
    child = case.child
    data = {
        "first_name": child.first_name,
        "last_name": child.last_name,
        "upn": child.upn,
        "postcode": child.postcode,
        "setting": "",
        "requested_by": "",
        **date_fields("date_of_birth", child.date_of_birth),
    }
    return data | changes


# Correcting the child's details


def test_a_corrected_date_of_birth_is_audited_with_before_and_after(signed_in, case, caplog):
    caplog.set_level(logging.DEBUG)
    url = reverse("correct-details", args=[case.reference])
    # Friday 1 May 2015 becomes Sunday 3 May 2015.
    data = details(case, requested_by="parent", **date_fields("date_of_birth", date(2015, 5, 3)))
    assert signed_in.post(url, data).status_code == 302
    case.refresh_from_db()
    case.child.refresh_from_db()
    assert case.child.date_of_birth == date(2015, 5, 3)
    assert case.requested_by == "parent"
    entry = AuditEntry.objects.get(what="Corrected the child's details")
    assert entry.case_reference == case.reference
    changes = {c.field: (c.before, c.after) for c in entry.changes.all()}
    assert changes == {
        "Date of birth": ("1 May 2015", "3 May 2015"),
        "Who made the request": ("", "A parent or carer"),
    }
    assert "1 May 2015" not in caplog.text
    assert "3 May 2015" not in caplog.text


def test_the_audit_page_shows_a_correction_to_its_own_organisation_only(
    client, council, other_council, case
):
    manager = make_member(council, "manager")
    corrections.correct_details(
        case,
        manager,
        corrections.ChildDetails("Alexa", "Testington", date(2015, 5, 1), "Z12345678901A"),
        TODAY,
    )
    client.force_login(manager)
    page = client.get(reverse("audit")).content.decode()
    assert "First name: Alex changed to Alexa" in page
    client.force_login(make_member(other_council, "manager"))
    assert "Alexa" not in client.get(reverse("audit")).content.decode()


def test_a_date_of_birth_making_the_child_over_25_at_the_request_is_refused(signed_in, case):
    # Received Monday 1 June 2026: born Friday 1 June 2001, the child turns 25 that day (the
    # oldest allowed); born Wednesday 31 May 2000, they turned 26 the day before.
    url = reverse("correct-details", args=[case.reference])
    ok = details(case, **date_fields("date_of_birth", date(2001, 6, 1)))
    assert signed_in.post(url, ok).status_code == 302
    old = details(case, **date_fields("date_of_birth", date(2000, 5, 31)))
    response = signed_in.post(url, old)
    assert response.status_code == 400
    assert "must be 25 or younger when the request is received" in response.content.decode()
    case.child.refresh_from_db()
    assert case.child.date_of_birth == date(2001, 6, 1)


def test_a_new_request_for_someone_over_25_is_refused(council, caseworker):
    # Received Monday 1 June 2026; born Wednesday 31 May 2000: 26 the day before.
    new = services.NewRequest("Old", "Person", date(2000, 5, 31), date(2026, 6, 1))
    with pytest.raises(services.CaseworkError, match="25 or younger"):
        services.open_request(council, caseworker, new, TODAY)


def test_an_unknown_requester_is_refused(council, caseworker):
    new = services.NewRequest(
        "Sam", "Example", date(2015, 5, 1), date(2026, 6, 1), requested_by="neighbour"
    )
    with pytest.raises(services.CaseworkError, match="Select who made the request"):
        services.open_request(council, caseworker, new, TODAY)


def test_a_bad_upn_names_the_field(signed_in, case):
    url = reverse("correct-details", args=[case.reference])
    response = signed_in.post(url, details(case, upn="12"))
    assert response.status_code == 400
    assert "Enter a UPN of 13 characters" in response.content.decode()


def test_an_unchanged_form_records_nothing(signed_in, case):
    before = AuditEntry.objects.count()
    url = reverse("correct-details", args=[case.reference])
    assert signed_in.post(url, details(case)).status_code == 302
    assert AuditEntry.objects.count() == before


def test_a_setting_from_another_register_is_refused(case, caseworker, other_council):
    theirs = Setting.objects.create(organisation=other_council, name="Their School", urn="100001")
    child = case.child
    new = corrections.ChildDetails(
        child.first_name, child.last_name, child.date_of_birth, setting=theirs
    )
    with pytest.raises(services.CaseworkError, match="from your register"):
        corrections.correct_details(case, caseworker, new, TODAY)


# The caseworker and handing over


def test_a_case_is_reassigned_and_audited(signed_in, case, council, caseworker):
    colleague = make_member(council, "caseworker", "colleague@example.org")
    url = reverse("reassign", args=[case.reference])
    assert signed_in.post(url, {"caseworker": colleague.pk}).status_code == 302
    case.refresh_from_db()
    assert case.caseworker == colleague
    change = AuditChange.objects.get(entry__what="Changed the caseworker")
    assert (change.before, change.after) == ("", "Caseworker User")


def test_a_case_cannot_go_to_someone_in_another_organisation(case, caseworker, other_council):
    outsider = make_member(other_council, "caseworker")
    with pytest.raises(services.CaseworkError, match="not an active member"):
        corrections.reassign(case, caseworker, outsider)
    case.refresh_from_db()
    assert case.caseworker is None


def test_a_leavers_caseload_is_shared_in_turn(client, council):
    manager = make_member(council, "manager")
    leaver = make_member(council, "caseworker", "leaver@example.org")
    first = make_member(council, "caseworker", "first@example.org")
    second = make_member(council, "caseworker", "second@example.org")
    cases = [open_case(council, manager, received=date(2026, 6, day)) for day in (1, 2, 3)]
    Case.objects.filter(pk__in=[c.pk for c in cases]).update(caseworker=leaver)
    client.force_login(manager)
    query = {"leaver": leaver.pk, "colleagues": [first.pk, second.pk]}
    page = client.get(reverse("hand-over"), query).content.decode()
    assert "3 cases to hand over" in page
    data = query | {f"case-{cases[2].pk}": first.pk}  # chosen rather than in turn
    assert client.post(reverse("hand-over"), data).status_code == 302
    owners = dict(Case.objects.values_list("pk", "caseworker"))
    assert [owners[c.pk] for c in cases] == [first.pk, second.pk, first.pk]
    assert not Case.objects.filter(caseworker=leaver).exists()
    assert AuditEntry.objects.filter(what="Changed the caseworker").count() == 3


def test_handing_over_needs_a_colleague_other_than_the_leaver(client, council):
    manager = make_member(council, "manager")
    client.force_login(manager)
    data = {"leaver": manager.pk, "colleagues": [manager.pk]}
    response = client.post(reverse("hand-over"), data)
    assert response.status_code == 400
    assert "Select colleagues other than the person leaving" in response.content.decode()


# Parents and carers


def carer_form(**changes):
    data = {
        "name": "Jo Example",
        "relationship": "Mother",
        "parental_responsibility": "yes",
        "email": "jo@example.org",
        "phone": "",
        "address": "",
        "preferred_contact": "email",
    }
    return data | changes


def test_a_carer_is_added_changed_and_removed(signed_in, case):
    add = reverse("add-carer", args=[case.reference])
    assert signed_in.post(add, carer_form()).status_code == 302
    carer = Carer.objects.get(child=case.child)
    assert carer.parental_responsibility
    assert carer.preferred_contact == "email"
    edit = reverse("edit-carer", args=[case.reference, carer.pk])
    assert signed_in.post(edit, carer_form(phone="07700 900123")).status_code == 302
    entry = AuditEntry.objects.get(what="Changed a parent or carer's details")
    assert [(c.field, c.before, c.after) for c in entry.changes.all()] == [
        ("Phone number", "", "07700 900123")
    ]
    remove = reverse("remove-carer", args=[case.reference, carer.pk])
    assert signed_in.post(remove).status_code == 302
    assert not Carer.objects.filter(child=case.child).exists()
    assert AuditEntry.objects.filter(what="Removed a parent or carer").exists()


def test_a_preferred_contact_needs_its_details(signed_in, case):
    add = reverse("add-carer", args=[case.reference])
    response = signed_in.post(add, carer_form(email="", preferred_contact="email"))
    assert response.status_code == 400
    assert "Enter their email address, or choose another way" in response.content.decode()


def test_another_cases_carer_cannot_be_reached(signed_in, case, other_case):
    theirs = Carer.objects.create(child=other_case.child, name="Not Yours")
    url = reverse("edit-carer", args=[case.reference, theirs.pk])
    assert signed_in.get(url).status_code == 404


# The settings register


REGISTER = (
    "urn,ukprn,name,type,phase\n"
    "100001,,Demo Primary,Community school,school\n"
    ",10012345,Demo College,Further education,College\n"
)


def upload(text, name="register.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_an_administrator_loads_the_register(client, council):
    admin = make_member(council, "administrator")
    client.force_login(admin)
    url = reverse("settings-register")
    response = client.post(url, {"file": upload(REGISTER), "action": "load"})
    assert response.status_code == 302
    names = list(register.register_of(council).values_list("name", "phase", "kind"))
    assert names == [
        ("Demo College", "college", "Further education"),
        ("Demo Primary", "school", "Community school"),
    ]
    again = REGISTER.replace("Demo Primary", "Demo Primary Academy")
    client.post(url, {"file": upload(again), "action": "load"})
    assert register.register_of(council).count() == 2
    assert register.register_of(council).filter(name="Demo Primary Academy").exists()


def test_a_register_with_problems_loads_nothing_and_says_where(client, council):
    client.force_login(make_member(council, "administrator"))
    bad = (
        "urn,name,phase\n"
        "12,Short URN,school\n"
        '100002,=HYPERLINK("x"),school\n'
        "100003,No phase,university\n"
        "100003,Twice,school\n"
    )
    response = client.post(reverse("settings-register"), {"file": upload(bad), "action": "load"})
    page = response.content.decode()
    assert "Row 2: URN must be 6 or 7 digits" in page
    assert "Row 3: name must not start with" in page
    assert "Row 4: phase must be one of: early years, school, college." in page
    assert "Row 5: URN 100003 is also on row 4." in page
    assert not Setting.objects.filter(organisation=council).exists()


def test_the_register_needs_a_urn_or_ukprn_column():
    assert register.check(b"name,phase\nA,school\n").errors == [
        "The header row is missing: urn or ukprn."
    ]


def test_a_register_must_be_utf8():
    assert register.check("urn,name,phase\n100001,Zoë,school\n".encode("latin-1")).errors == [
        "The file must be a CSV file saved as UTF-8."
    ]


# Possible duplicates on a new request


def new_request(**changes):
    data = {
        "first_name": "Alex",
        "last_name": "Testington",
        "upn": "",
        "postcode": "",
        "council_name": "",
        "caseworker": "",
        "setting": "",
        "requested_by": "young_person",
        **date_fields("date_of_birth", date(2015, 5, 1)),
        **date_fields("received_on", date(2026, 9, 1)),
    }
    return data | changes


@pytest.mark.parametrize(
    "changes",
    [
        {"first_name": "ALEX", "last_name": "testington"},  # the same name, other case
        {"first_name": "Aléx", "last_name": "Test-ington"},  # an accent and a hyphen
        {"first_name": "Sam", "upn": "Z12345678901A"},  # the same UPN
    ],
)
def test_a_possible_duplicate_is_flagged_and_can_be_confirmed(signed_in, case, changes):
    url = reverse("new-request")
    response = signed_in.post(url, new_request(**changes))
    assert response.status_code == 200
    assert case.reference in response.content.decode()
    assert Case.objects.count() == 1
    response = signed_in.post(url, new_request(**changes, not_duplicate="on"))
    assert response.status_code == 302
    assert Case.objects.count() == 2
    assert Case.objects.exclude(pk=case.pk).get().requested_by == "young_person"


@pytest.mark.parametrize(
    "changes",
    [
        # Born Saturday 2 May 2015, not Friday 1 May 2015 (received Tuesday 1 September 2026).
        date_fields("date_of_birth", date(2015, 5, 2)),
        {"first_name": "Alexa"},
        {"first_name": "Ale"},
    ],
)
def test_a_different_child_is_not_flagged(signed_in, case, changes):
    data = new_request(**changes)
    assert signed_in.post(reverse("new-request"), data).status_code == 302


# Search


def name_case(council, user, first, last, born=date(2015, 5, 1)):
    new = services.NewRequest(first, last, born, date(2026, 6, 1))  # Monday 1 June 2026
    return services.open_request(council, user, new, TODAY)


@pytest.fixture
def crowd(council, caseworker):
    """About 100 children named like Jesse Demoson, and the one who is."""
    firsts = ["Jess", "Jessie", "Jessica", "Jesse", "Jason", "Jeremy", "Jessamy", "Jesper"]
    lasts = ["Demoson", "Demosen", "Dempson", "Demos", "Davidson", "Dawson", "Jesse", "Demo"]
    made = [
        name_case(council, caseworker, first, last)
        for first in firsts
        for last in lasts
        if (first, last) != ("Jesse", "Demoson")
    ]
    made += [name_case(council, caseworker, f"Jesse{n}", "Demoson") for n in range(40)]
    # Born Monday 3 February 2014.
    return name_case(council, caseworker, "Jesse", "Demoson", date(2014, 2, 3)), made


def test_jesse_demoson_is_found_first_among_a_hundred_like_names(signed_in, crowd):
    jesse, others = crowd
    assert len(others) >= 100
    results = list(queries.search(jesse.organisation, "jesse demoson"))
    assert results[0] == jesse
    response = signed_in.get(reverse("search"), {"q": "Jesse Demoson"})
    page = response.content.decode()
    assert page.index(jesse.reference) < min(
        page.index(c.reference) for c in others if c.reference in page
    )


def test_search_counts_every_match_and_pages_them(signed_in, crowd):
    jesse, others = crowd
    total = queries.search(jesse.organisation, "Demoson").count()
    assert total > 25
    page = signed_in.get(reverse("search"), {"q": "Demoson"}).content.decode()
    assert f"{total} cases found" in page
    assert f"({total} cases)" in page  # the pagination's true total
    second = signed_in.get(reverse("search"), {"q": "Demoson", "page": 2})
    assert second.status_code == 200
    assert AuditEntry.objects.filter(what=f"Search ({total} results)").exists()


def test_search_ranks_exact_then_partial(council, caseworker):
    exact = name_case(council, caseworker, "Robin", "Specimen")
    surname = name_case(council, caseworker, "Kit", "Specimen")
    first = name_case(council, caseworker, "Robin", "Fakeley")
    partial = name_case(council, caseworker, "Robina", "Specimens")
    found = list(queries.search(council, "Robin Specimen"))
    assert found == [exact, surname, first, partial]


def test_search_by_reference_part_upn_and_date_of_birth(council, caseworker):
    case = open_case(council, caseworker)
    other = name_case(council, caseworker, "Ivy", "Trialsby", date(2016, 1, 2))
    assert list(queries.search(council, case.reference)) == [case]
    assert case in queries.search(council, case.reference[-5:])
    assert list(queries.search(council, "z12345678901a")) == [case]
    assert list(queries.search(council, "02/01/2016")) == [other]
    assert list(queries.search(council, "2016-01-02")) == [other]
    assert list(queries.search(council, "")) == []


def test_search_shows_the_next_deadline(signed_in, case):
    page = signed_in.get(reverse("search"), {"q": "Testington"}).content.decode()
    assert "Next deadline" in page
    assert case.next_title in page


# My cases, the case list CSV and the print view


def test_a_caseworkers_dashboard_shows_their_own_cases_first(signed_in, council, caseworker):
    mine = open_case(council, caseworker)
    theirs = open_case(council, caseworker, received=date(2026, 7, 1))
    corrections.reassign(mine, caseworker, caseworker)
    page = signed_in.get(reverse("dashboard")).content.decode()
    assert '<h1 class="govuk-heading-l">My cases</h1>' in page
    assert mine.reference in page
    assert theirs.reference not in page
    team = signed_in.get(reverse("dashboard"), {"view": "team"}).content.decode()
    assert mine.reference in team
    assert theirs.reference in team


def test_a_managers_dashboard_shows_the_team(client, council, caseworker):
    case = open_case(council, caseworker)
    client.force_login(make_member(council, "manager"))
    page = client.get(reverse("dashboard")).content.decode()
    assert "Caseload dashboard" in page
    assert case.reference in page
    assert 'href="?view=mine">My cases</a>' in page


def test_the_case_list_downloads_as_safe_csv_and_is_audited(signed_in, council, caseworker):
    case = open_case(council, caseworker)
    case.child.first_name = "=SUM(A1)"
    case.child.save()
    response = signed_in.get(reverse("export-cases"))
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["reference", "first_name", "last_name"]
    assert rows[1][:3] == [case.reference, "'=SUM(A1)", "Testington"]
    assert rows[1][3] == "2015-05-01"
    assert AuditEntry.objects.filter(
        action="export", what="Case list CSV, 1 cases (page 1)"
    ).exists()


def test_the_print_view_holds_the_case(signed_in, case):
    response = signed_in.get(reverse("print-case", args=[case.reference]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alex Testington" in page
    assert "Timeline against the statutory schedule" in page
    assert "app-print" in page
    assert AuditEntry.objects.filter(what="Case print view").exists()


def test_erasing_a_case_erases_its_recorded_corrections(case, caseworker):
    child = case.child
    new = corrections.ChildDetails("Alexa", child.last_name, child.date_of_birth, child.upn)
    corrections.correct_details(case, caseworker, new, TODAY)
    services.erase_timeline(case)
    assert not AuditChange.objects.exists()
    assert AuditEntry.objects.filter(what="Corrected the child's details").exists()


@pytest.mark.postgres
def test_on_postgres_a_misspelt_name_is_still_found(council, caseworker):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's (pg_trgm)")
    jesse = name_case(council, caseworker, "Jesse", "Demoson")
    name_case(council, caseworker, "Kit", "Mockworth")
    assert list(queries.search(council, "Jessie Demosen")) == [jesse]
