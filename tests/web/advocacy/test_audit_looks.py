"""Opening a form on an advocacy case is a look at the child's record, in the audit log."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcp.web.audit.models import AuditEntry
from tests.web.conftest import make_member

from .conftest import consent_for

FORMS = [
    ("advocacy-council", "Council responsible form"),
    ("advocacy-consent", "Record consent form"),
    ("advocacy-letter", "Record a letter form"),
    ("advocacy-close", "Close the case form"),
]


def looks():
    return list(AuditEntry.objects.filter(action="view").values_list("case_reference", "what"))


@pytest.mark.parametrize(("name", "what"), FORMS)
def test_opening_a_form_on_a_case_is_logged(client, adviser, office_case, name, what):
    client.force_login(adviser)
    assert client.get(reverse(name, args=[office_case.reference])).status_code == 200
    assert looks() == [(office_case.reference, what)]


def test_withdrawing_consent_and_deleting_are_logged_as_looks(client, office, office_case):
    consent = consent_for(office_case)
    client.force_login(make_member(office, "administrator"))
    url = reverse("advocacy-withdraw-consent", args=[office_case.reference, consent.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("advocacy-delete", args=[office_case.reference])).status_code == 200
    assert looks() == [
        (office_case.reference, "Delete the case page"),
        (office_case.reference, "Withdraw consent form"),
    ]


def test_another_offices_case_is_logged_as_refused(client, office_case, db):
    from ehcp.web.organisations.models import Organisation

    other = Organisation.objects.create(name="SENDIASS Elsewhere", kind="advocacy")
    client.force_login(make_member(other, "caseworker"))
    assert client.get(reverse("advocacy-case", args=[office_case.reference])).status_code == 404
    entry = AuditEntry.objects.get(action="denied")
    assert (entry.organisation, entry.case_reference) == (other, office_case.reference)
