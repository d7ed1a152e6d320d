"""An administrator invites a colleague, who chooses their own password from the emailed
link: no password is set or shown by anyone else, and the link works once, for 3 days."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from ehcp.web.accounts.invitations import InvitationTokenGenerator, invitation_tokens
from ehcp.web.audit.models import AuditEntry
from ehcp.web.organisations.models import Membership, Role

from .conftest import emailed_link

NEW = {"email": "Sam.New@Example.com", "first_name": "Sam", "last_name": "New", "role": "manager"}
NEW_PASSWORD = "a-long-new-password-2026"  # noqa: S105


@pytest.fixture
def invited(client, members, mailoutbox):
    client.force_login(members[Role.ADMINISTRATOR])
    client.post(reverse("add-member"), NEW)
    client.logout()
    return Membership.objects.get(user__email="sam.new@example.com").user


def test_the_add_page_asks_for_no_password(client, members):
    client.force_login(members[Role.ADMINISTRATOR])
    body = client.get(reverse("add-member")).content.decode()
    assert 'type="password"' not in body
    assert "We will email them an invitation" in body


def test_the_invitation_email_names_the_council_and_holds_a_link(invited, mailoutbox):
    (message,) = mailoutbox
    assert message.to == ["sam.new@example.com"]
    assert message.subject == "You have been invited to Council A on Open EHCP"
    assert emailed_link(message).startswith("/invitation/")
    assert "authenticator app" in message.body
    assert not invited.has_usable_password()


def test_the_new_member_chooses_a_password_and_is_signed_in(client, invited, mailoutbox):
    link = client.get(emailed_link(mailoutbox[0]), follow=True)
    assert "Choose a password" in link.content.decode()
    form_url = link.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(
        user=invited, what="Accepted their invitation and chose a password"
    ).exists()


def test_the_link_works_once(client, invited, mailoutbox):
    link = emailed_link(mailoutbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert "This invitation does not work" in again
    assert "Choose a password" not in again


def test_passwords_that_differ_get_an_error_naming_the_field(client, invited, mailoutbox):
    form_url = client.get(emailed_link(mailoutbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The passwords do not match. Enter the same new password twice" in body
    assert 'href="#id_new_password2"' in body
    assert NEW_PASSWORD not in body


class At(InvitationTokenGenerator):
    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def _now(self) -> datetime:
        return self.now


def test_the_link_expires_after_3_days_to_the_second(invited, settings):
    # Made on Friday 20 November 2026 at 09:00; good until Monday 23 November at 09:00.
    made = datetime(2026, 11, 20, 9, 0, 0)
    token = At(made).make_token(invited)
    limit = timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    assert limit == timedelta(days=3)
    assert At(made + limit).check_token(invited, token)
    assert not At(made + limit + timedelta(seconds=1)).check_token(invited, token)


def test_a_password_reset_link_is_not_an_invitation(invited):
    from django.contrib.auth.tokens import default_token_generator

    assert not invitation_tokens.check_token(invited, default_token_generator.make_token(invited))


def test_an_administrator_sends_a_new_invitation(client, invited, members, mailoutbox):
    client.force_login(members[Role.ADMINISTRATOR])
    page = client.get(reverse("edit-member", args=[invited.membership.pk])).content.decode()
    assert "Send a new invitation" in page
    response = client.post(reverse("invite-again", args=[invited.membership.pk]), follow=True)
    assert "We have sent a new invitation to sam.new@example.com" in response.content.decode()
    assert len(mailoutbox) == 2
    assert "Invited" in client.get(reverse("team")).content.decode()


def test_no_new_invitation_for_someone_who_has_joined(client, members, mailoutbox):
    client.force_login(members[Role.ADMINISTRATOR])
    joined = members[Role.CASEWORKER].membership
    response = client.post(reverse("invite-again", args=[joined.pk]), follow=True)
    assert "has already joined" in response.content.decode()
    assert mailoutbox == []


def test_no_invitation_for_another_councils_member(client, members, other_case, mailoutbox):
    client.force_login(members[Role.ADMINISTRATOR])
    stranger = Membership.objects.exclude(
        organisation=members[Role.CASEWORKER].membership.organisation
    ).first()
    assert client.post(reverse("invite-again", args=[stranger.pk])).status_code == 404
    assert mailoutbox == []


def test_a_taken_address_is_refused_and_nothing_is_sent(client, members, mailoutbox):
    client.force_login(members[Role.ADMINISTRATOR])
    taken = NEW | {"email": members[Role.CASEWORKER].email}
    response = client.post(reverse("add-member"), taken)
    assert response.status_code == 400
    assert "Someone already has an account with this email address" in response.content.decode()
    assert mailoutbox == []


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no email server")


def test_an_invitation_that_cannot_be_sent_adds_no_one(client, members, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    client.force_login(members[Role.ADMINISTRATOR])
    response = client.post(reverse("add-member"), NEW)
    assert response.status_code == 400
    body = response.content.decode()
    assert "The invitation could not be sent" in body
    assert 'href="#id_email"' in body
    assert not Membership.objects.filter(user__email="sam.new@example.com").exists()


def test_a_new_invitation_that_cannot_be_sent_says_so(client, invited, members, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    client.force_login(members[Role.ADMINISTRATOR])
    url = reverse("invite-again", args=[invited.membership.pk])
    response = client.post(url, follow=True)
    assert "The invitation could not be sent" in response.content.decode()
    assert not AuditEntry.objects.filter(what__startswith="Invited team member").exists()
