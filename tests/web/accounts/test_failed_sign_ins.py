"""Failed sign-ins are audited against the account tried (within its organisation), with a
keyed hash of the client's address, never the address or the password typed; the
organisation's administrators see them on the team page."""

from __future__ import annotations

from django.urls import reverse

from ehcp.web.accounts.services import address_code
from ehcp.web.audit.models import AuditEntry
from ehcp.web.organisations.models import Role

from ..conftest import make_member

TYPED = "my-guess-at-a-password"  # noqa: S105
ADDRESS = "203.0.113.7"


def fail(client, email):
    return client.post(
        reverse("sign-in"), {"email": email, "password": TYPED}, REMOTE_ADDR=ADDRESS
    )


def test_a_wrong_password_is_recorded_against_the_account(client, caseworker):
    assert fail(client, caseworker.email.upper()).status_code == 400
    entry = AuditEntry.objects.get(action="sign_in_failed")
    assert entry.user == caseworker
    assert entry.organisation == caseworker.membership.organisation
    assert entry.what == f"Wrong email address or password (from address {address_code(ADDRESS)})"
    assert ADDRESS not in entry.what
    assert TYPED not in entry.what


def test_an_unknown_account_is_recorded_for_no_organisation(client, db):
    fail(client, "nobody@example.com")
    entry = AuditEntry.objects.get(action="sign_in_failed")
    assert entry.user is None
    assert entry.organisation is None
    assert "nobody" not in entry.what


def test_a_throttled_attempt_is_recorded_too(client, caseworker, settings):
    settings.LOGIN_FAILURE_LIMIT = 1
    fail(client, caseworker.email)
    fail(client, caseworker.email)
    whats = list(AuditEntry.objects.filter(user=caseworker).values_list("what", flat=True))
    assert any(what.startswith("Refused: too many attempts") for what in whats)


def test_the_address_code_is_keyed_with_the_secret_key(settings):
    code = address_code(ADDRESS)
    assert len(code) == 12
    assert code == address_code(ADDRESS)
    assert code != address_code("203.0.113.8")
    settings.SECRET_KEY = "another-secret-key-for-this-test"
    assert address_code(ADDRESS) != code


def test_administrators_see_their_organisations_failures(client, members, other_council):
    stranger = make_member(other_council, Role.CASEWORKER)
    fail(client, members[Role.CASEWORKER].email)
    fail(client, stranger.email)
    client.force_login(members[Role.ADMINISTRATOR])
    page = client.get(reverse("team")).content.decode()
    section = page.split('id="failed-sign-ins"')[1]
    assert members[Role.CASEWORKER].email in section
    assert stranger.email not in section
    assert address_code(ADDRESS) in section
    assert ADDRESS not in page


def test_the_team_page_says_when_there_are_none(client, members):
    client.force_login(members[Role.ADMINISTRATOR])
    page = client.get(reverse("team")).content.decode()
    assert "No one has failed to sign in to your team's accounts." in page
