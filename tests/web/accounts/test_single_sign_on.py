"""Single sign-on (OpenID Connect) behind `EHCP_OIDC`, against a local test provider: only
invited members get in, and the provider's own second factor counts when it says so."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from ehcp.web.audit.models import AuditEntry

from .oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider

pytestmark = pytest.mark.usefixtures("real_second_factor")


@pytest.fixture
def provider(settings):
    with Provider() as running:
        settings.EHCP_OIDC = True
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "ehcp.web.accounts.oidc.CouncilOIDCBackend",
        ]
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_RP_SIGN_ALGO = "HS256"
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{running.url}/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{running.url}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{running.url}/userinfo"
        yield running


def sign_in_with_provider(client, provider, email, amr=("pwd", "mfa"), next_page=""):
    start = client.get(reverse("oidc-sign-in") + (f"?next={next_page}" if next_page else ""))
    assert start.status_code == 302
    location = urlsplit(start["Location"])
    assert location.path == "/authorize"
    request = dict(parse_qsl(location.query))
    code = provider.authorise(request, {"email": email, "amr": list(amr)})
    return client.get(reverse("oidc-callback"), {"code": code, "state": request["state"]})


def test_it_is_off_unless_configured(client, db):
    assert client.get(reverse("oidc-sign-in")).status_code == 404
    assert "Sign in with your council account" not in client.get("/sign-in/").content.decode()


def test_the_sign_in_page_offers_it_when_on(client, provider, db):
    assert "Sign in with your council account" in client.get("/sign-in/").content.decode()


def test_a_member_signs_in_with_the_providers_second_factor(client, provider, caseworker):
    response = sign_in_with_provider(
        client, provider, caseworker.email.upper(), next_page="/cases/"
    )
    assert response["Location"] == "/cases/"
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(
        user=caseworker, what="Signed in through the council's identity provider"
    ).exists()


def test_without_the_providers_second_factor_ours_is_asked(client, provider, caseworker):
    response = sign_in_with_provider(client, provider, caseworker.email, amr=("pwd",))
    assert response["Location"].startswith("/account/second-factor/")
    assert client.get(reverse("dashboard"))["Location"].startswith("/account/second-factor/")


def test_someone_without_an_account_is_refused(client, provider, db):
    response = sign_in_with_provider(client, provider, "stranger@example.com")
    assert response["Location"] == "/sign-in/?single-sign-on=failed"
    page = client.get(response["Location"]).content.decode()
    assert "You could not be signed in with your council account" in page
    assert client.get(reverse("dashboard"))["Location"].startswith("/sign-in/")
    assert AuditEntry.objects.filter(action="sign_in_failed", user=None).exists()


def test_a_deactivated_member_is_refused(client, provider, caseworker):
    caseworker.is_active = False
    caseworker.save()
    response = sign_in_with_provider(client, provider, caseworker.email)
    assert response["Location"] == "/sign-in/?single-sign-on=failed"


def test_a_code_for_another_sign_in_is_refused(client, provider, caseworker):
    client.get(reverse("oidc-sign-in"))
    response = client.get(reverse("oidc-callback"), {"code": "made-up", "state": "made-up"})
    assert response.status_code == 400
    assert client.get(reverse("dashboard"))["Location"].startswith("/sign-in/")
