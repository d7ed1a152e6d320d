"""Changing a password, and resetting a forgotten one from an emailed link (Django's views,
in the service's words)."""

from __future__ import annotations

from django.urls import reverse

from ehcp.web.audit.models import AuditEntry

from ..conftest import PASSWORD
from .conftest import emailed_link, sign_in

NEW = "another-long-password-9"  # noqa: S105


def change(client, old, new1, new2=None):
    data = {"old_password": old, "new_password1": new1, "new_password2": new2 or new1}
    return client.post(reverse("password-change"), data)


def test_a_member_changes_their_password(client, caseworker):
    client.force_login(caseworker)
    assert "Change your password" in client.get(reverse("password-change")).content.decode()
    response = change(client, PASSWORD, NEW)
    assert response["Location"] == reverse("password-change-done")
    caseworker.refresh_from_db()
    assert caseworker.check_password(NEW)
    # Still signed in: the session moved to the new password.
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(user=caseworker, what="Changed their password").exists()


def test_a_wrong_current_password_is_named(client, caseworker):
    client.force_login(caseworker)
    response = change(client, "not-my-password", NEW)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Your current password is not right. Enter it again" in body
    assert 'href="#id_old_password"' in body
    assert NEW not in body


def test_empty_fields_say_what_to_enter(client, caseworker):
    client.force_login(caseworker)
    body = change(client, "", "", "").content.decode()
    for message in (
        "Enter your current password",
        "Enter a new password",
        "Enter the new password again",
    ):
        assert message in body


def test_a_too_short_or_common_password_is_refused(client, caseworker):
    client.force_login(caseworker)
    assert change(client, PASSWORD, "short").status_code == 400
    assert change(client, PASSWORD, "password123").status_code == 400
    caseworker.refresh_from_db()
    assert caseworker.check_password(PASSWORD)


def test_signed_out_visitors_cannot_change_a_password(client):
    response = client.get(reverse("password-change"))
    assert response["Location"].startswith("/sign-in/")


def test_the_sign_in_page_links_to_the_reset(client, db):
    assert reverse("password-reset") in client.get(reverse("sign-in")).content.decode()


def test_a_forgotten_password_is_reset_from_an_emailed_link(client, caseworker, mailoutbox):
    response = client.post(reverse("password-reset"), {"email": caseworker.email.upper()})
    assert response["Location"] == reverse("password-reset-done")
    (message,) = mailoutbox
    assert message.to == [caseworker.email]
    assert message.subject == "Reset your Open EHCP password"
    form_url = client.get(emailed_link(message), follow=True).redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("password-reset-complete")
    assert sign_in(client, caseworker, NEW).status_code == 302
    assert AuditEntry.objects.filter(
        user=caseworker, what="Reset their password from an emailed link"
    ).exists()
    # The link worked once.
    client.logout()
    again = client.get(emailed_link(message), follow=True).content.decode()
    assert "This link does not work" in again


def test_an_unknown_address_looks_the_same_and_gets_no_email(client, db, mailoutbox):
    response = client.post(reverse("password-reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("password-reset-done")
    assert mailoutbox == []


def test_the_reset_asks_for_an_address_in_the_right_form(client, db):
    empty = client.post(reverse("password-reset"), {"email": ""})
    assert empty.status_code == 400
    assert "Enter your email address" in empty.content.decode()
    wrong = client.post(reverse("password-reset"), {"email": "not an address"})
    assert "Enter an email address in the correct format" in wrong.content.decode()


def test_someone_invited_who_has_not_joined_gets_no_reset(client, caseworker, mailoutbox):
    caseworker.set_unusable_password()
    caseworker.save()
    client.post(reverse("password-reset"), {"email": caseworker.email})
    assert mailoutbox == []
