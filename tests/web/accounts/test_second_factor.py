"""The second factor (ADR 0021): required for council members, set up with a QR code or the
secret as text, asked for at sign-in, with 10 recovery codes and an administrator's reset."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ehcp.web.accounts import second_factor
from ehcp.web.audit.models import AuditEntry
from ehcp.web.organisations.models import Role

from ..conftest import make_member
from .conftest import app_code, give_app, sign_in

pytestmark = pytest.mark.usefixtures("real_second_factor")


@pytest.fixture(autouse=True)
def _no_wait_after_a_wrong_code(settings):
    # django-otp makes each failure double the wait before the next try; the tests that
    # follow a wrong code with a right one don't wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_a_council_member_without_an_app_is_sent_to_set_one_up(client, caseworker):
    response = sign_in(client, caseworker)
    assert response["Location"] == "/account/second-factor/?next=%2Fdashboard%2F"
    # No other page opens first.
    blocked = client.get(reverse("case-list"))
    assert blocked["Location"] == "/account/second-factor/?next=%2Fcases%2F"


def test_the_set_up_page_shows_a_qr_code_and_the_secret(client, caseworker):
    sign_in(client, caseworker)
    body = client.get(reverse("set-up-second-factor")).content.decode()
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    assert "<svg" in body
    assert "<path" in body
    assert second_factor.secret_text(device) in body
    assert len(second_factor.secret_text(device).replace(" ", "")) == 32
    # The same secret until it is confirmed (a reload does not break a half-done set-up).
    client.get(reverse("set-up-second-factor"))
    assert TOTPDevice.objects.filter(user=caseworker).count() == 1


def test_setting_up_the_app_shows_10_recovery_codes_once(client, caseworker):
    sign_in(client, caseworker)
    client.get(reverse("set-up-second-factor"))
    device = TOTPDevice.objects.get(user=caseworker)
    response = client.post(
        reverse("set-up-second-factor") + "?next=/cases/", {"code": app_code(device)}
    )
    assert response.status_code == 200
    codes = list(
        StaticToken.objects.filter(device__user=caseworker).values_list("token", flat=True)
    )
    assert len(codes) == 10
    body = response.content.decode()
    assert all(code in body for code in codes)
    assert 'href="/cases/"' in body
    assert "no-store" in response["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(user=caseworker, what="Set up a second factor").exists()


def test_a_wrong_set_up_code_is_refused_with_a_clear_error(client, caseworker):
    sign_in(client, caseworker)
    client.get(reverse("set-up-second-factor"))
    response = client.post(reverse("set-up-second-factor"), {"code": "000000"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The code is not right" in body
    assert 'href="#id_code"' in body
    assert not TOTPDevice.objects.filter(user=caseworker, confirmed=True).exists()
    empty = client.post(reverse("set-up-second-factor"), {"code": ""})
    assert "Enter the 6-digit code from your authenticator app" in empty.content.decode()


def test_a_member_with_an_app_gives_its_code_at_sign_in(client, caseworker):
    device = give_app(caseworker)
    response = sign_in(client, caseworker)
    assert response["Location"] == "/sign-in/code/?next=%2Fdashboard%2F"
    assert client.get(reverse("dashboard"))["Location"].startswith("/sign-in/code/")
    done = client.post("/sign-in/code/?next=/cases/", {"code": app_code(device)})
    assert done["Location"] == "/cases/"
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_wrong_code_is_refused_and_recorded_against_the_account(client, caseworker):
    give_app(caseworker)
    sign_in(client, caseworker)
    response = client.post(reverse("second-factor"), {"code": "123 456"})
    assert response.status_code == 400
    assert "The code is not right" in response.content.decode()
    failed = AuditEntry.objects.get(action="sign_in_failed")
    assert failed.user == caseworker
    assert failed.what.startswith("Wrong second factor code")
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_recovery_code_works_once(client, caseworker):
    give_app(caseworker)
    (code, *_) = second_factor.new_recovery_codes(caseworker)
    sign_in(client, caseworker)
    assert client.post(reverse("second-factor"), {"code": code}).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    client.logout()
    sign_in(client, caseworker)
    assert client.post(reverse("second-factor"), {"code": code}).status_code == 400


def test_new_recovery_codes_replace_the_old(client, caseworker):
    device = give_app(caseworker)
    old = second_factor.new_recovery_codes(caseworker)
    sign_in(client, caseworker)
    client.post(reverse("second-factor"), {"code": app_code(device)})
    response = client.post(reverse("new-recovery-codes"))
    new = list(StaticToken.objects.filter(device__user=caseworker).values_list("token", flat=True))
    assert len(new) == 10
    assert not set(new) & set(old)
    assert all(code in response.content.decode() for code in new)


def test_an_unverified_member_cannot_replace_their_app(client, caseworker):
    give_app(caseworker)
    sign_in(client, caseworker)
    response = client.get(reverse("set-up-second-factor"))
    assert response["Location"].startswith("/sign-in/code/")


def test_advocacy_members_may_go_without_a_second_factor(client, advocacy):
    adviser = make_member(advocacy, Role.CASEWORKER)
    assert sign_in(client, adviser)["Location"] == "/dashboard/"
    body = client.get(reverse("account")).content.decode()
    assert "your organisation does not require one" in body


def test_advocacy_members_who_set_one_up_are_asked_for_it(client, advocacy):
    adviser = make_member(advocacy, Role.CASEWORKER)
    give_app(adviser)
    assert sign_in(client, adviser)["Location"].startswith("/sign-in/code/")


@pytest.fixture
def admin_client(client, members):
    admin = members[Role.ADMINISTRATOR]
    device = give_app(admin)
    sign_in(client, admin)
    client.post(reverse("second-factor"), {"code": app_code(device)})
    return client


def test_an_administrator_resets_a_members_second_factor(admin_client, members):
    target = members[Role.CASEWORKER]
    give_app(target)
    second_factor.new_recovery_codes(target)
    page = admin_client.get(reverse("edit-member", args=[target.membership.pk]))
    assert "Reset their authenticator app" in page.content.decode()
    admin_client.post(reverse("reset-second-factor", args=[target.membership.pk]))
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert not StaticToken.objects.filter(device__user=target).exists()
    entry = AuditEntry.objects.get(what=f"Reset the second factor of team member {target.pk}")
    assert entry.user == members[Role.ADMINISTRATOR]
    admin_client.logout()
    assert sign_in(admin_client, target)["Location"].startswith("/account/second-factor/")


def test_administrators_cannot_reset_their_own(admin_client, members):
    admin = members[Role.ADMINISTRATOR]
    admin_client.post(reverse("reset-second-factor", args=[admin.membership.pk]))
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_nor_another_organisations_member(admin_client, other_case):
    stranger = other_case.organisation.memberships.first()
    give_app(stranger.user)
    response = admin_client.post(reverse("reset-second-factor", args=[stranger.pk]))
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=stranger.user).exists()


def test_a_reset_signs_the_member_out_everywhere(client, caseworker, members):
    device = give_app(caseworker)
    sign_in(client, caseworker)
    client.post(reverse("second-factor"), {"code": app_code(device)})
    assert client.get(reverse("dashboard")).status_code == 200
    other, manager = Client(), members[Role.MANAGER]
    sign_in(other, manager)
    other.post(reverse("second-factor"), {"code": app_code(give_app(manager))})
    second_factor.reset(caseworker, members[Role.ADMINISTRATOR])
    assert client.get(reverse("dashboard"))["Location"].startswith("/sign-in/")
    assert other.get(reverse("dashboard")).status_code == 200


def test_signing_in_again_asks_for_the_code_again(client, caseworker):
    device = give_app(caseworker)
    sign_in(client, caseworker)
    client.post(reverse("second-factor"), {"code": app_code(device)})
    sign_in(client, caseworker)
    assert client.get(reverse("dashboard"))["Location"].startswith("/sign-in/code/")
