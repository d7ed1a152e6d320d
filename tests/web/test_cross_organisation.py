"""A member of one organisation can never see or change another's cases, whatever URL."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcp.web.cases.models import Case, CaseEvent
from ehcp.web.organisations.models import Role

from .conftest import make_member

CASE_URLS = ["case", "record-event", "record-exception", "export-case", "upload-document"]


@pytest.fixture(params=["council", "advocacy"])
def outsider(request, other_council, advocacy):
    organisation = other_council if request.param == "council" else advocacy
    return make_member(organisation, Role.ADMINISTRATOR)


@pytest.mark.parametrize("name", CASE_URLS)
def test_case_pages_of_another_organisation_are_not_found(client, case, outsider, name):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[case.reference])).status_code == 404


def test_posting_to_another_organisations_case_changes_nothing(client, case, outsider):
    client.force_login(outsider)
    data = {"name": "final_plan_issued", "date_0": "1", "date_1": "7", "date_2": "2026"}
    response = client.post(reverse("record-event", args=[case.reference]), data)
    assert response.status_code == 404
    event = case.events.first()
    response = client.post(reverse("retract-event", args=[case.reference, event.pk]))
    assert response.status_code == 404
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_documents_of_another_organisation_are_not_served(client, case, caseworker, outsider):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ehcp.web.cases.services import store_document

    upload = SimpleUploadedFile("plan.txt", b"secret", content_type="text/plain")
    doc = store_document(case, caseworker, "Plan", upload)
    client.force_login(outsider)
    assert client.get(reverse("document", args=[case.reference, doc.token])).status_code == 404


def test_lists_and_search_show_only_own_cases(client, case, other_case):
    client.force_login(other_case.caseworker or make_member(other_case.organisation, "manager"))
    for url in (reverse("dashboard"), reverse("case-list"), reverse("search") + "?q=Testington"):
        body = client.get(url).content.decode()
        assert other_case.reference in body
        assert case.reference not in body


def test_same_reference_in_two_councils_resolves_to_ones_own(client, case, other_council):
    other = make_member(other_council, Role.CASEWORKER)
    twin = Case.objects.create(
        organisation=other_council, reference=case.reference, child=case.child
    )
    assert twin.pk != case.pk
    client.force_login(other)
    response = client.get(reverse("case", args=[case.reference]))
    assert response.status_code == 200
    assert response.context["case"].pk == twin.pk


def test_team_members_of_another_organisation_cannot_be_edited(client, members, outsider):
    client.force_login(outsider)
    victim = members[Role.CASEWORKER].membership
    response = client.post(reverse("edit-member", args=[victim.pk]), {"role": "administrator"})
    assert response.status_code == 404
    victim.refresh_from_db()
    assert victim.role == Role.CASEWORKER


def test_new_requests_cannot_be_given_to_another_organisations_caseworker(
    client, caseworker, other_council
):
    stranger = make_member(other_council, Role.CASEWORKER)
    client.force_login(caseworker)
    data = {
        "first_name": "Sam",
        "last_name": "Sampleford",
        "date_of_birth_0": "1",
        "date_of_birth_1": "2",
        "date_of_birth_2": "2016",
        "received_on_0": "2",
        "received_on_1": "11",
        "received_on_2": "2026",
        "caseworker": str(stranger.pk),
    }
    response = client.post(reverse("new-request"), data)
    assert response.status_code == 400
    assert not Case.objects.filter(child__last_name="Sampleford").exists()
