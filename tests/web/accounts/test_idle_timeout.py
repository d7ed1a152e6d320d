"""Idle sessions end: a member who makes no request for 30 minutes (configurable) is signed
out and told so."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcp.web.accounts import middleware
from ehcp.web.audit.models import AuditEntry

# Friday 20 November 2026, 09:00:00 UTC.
NINE_AM = 1_795_683_600


@pytest.fixture
def clock(monkeypatch):
    now = [NINE_AM]
    monkeypatch.setattr(middleware.time, "time", lambda: now[0])
    return now


def test_thirty_minutes_is_the_default(settings):
    assert settings.EHCP_IDLE_TIMEOUT_SECONDS == 30 * 60


def test_a_request_at_exactly_the_limit_keeps_the_session(signed_in, clock):
    assert signed_in.get(reverse("dashboard")).status_code == 200
    clock[0] += 30 * 60
    assert signed_in.get(reverse("dashboard")).status_code == 200


def test_a_second_past_the_limit_signs_out(signed_in, clock, caseworker):
    signed_in.get(reverse("dashboard"))
    clock[0] += 30 * 60 + 1
    response = signed_in.get(reverse("dashboard"))
    assert response["Location"] == reverse("signed-out")
    page = signed_in.get(reverse("signed-out")).content.decode()
    assert "You have been signed out" in page
    assert "you did nothing for 30 minutes" in page
    assert signed_in.get(reverse("dashboard"))["Location"].startswith("/sign-in/")
    assert AuditEntry.objects.filter(
        user=caseworker, action="sign_out", what="Signed out after a time without activity"
    ).exists()


def test_each_request_starts_the_wait_again(signed_in, clock):
    signed_in.get(reverse("dashboard"))
    for _ in range(4):
        clock[0] += 20 * 60
        assert signed_in.get(reverse("dashboard")).status_code == 200


def test_the_limit_is_configurable(signed_in, clock, settings):
    settings.EHCP_IDLE_TIMEOUT_SECONDS = 5 * 60
    signed_in.get(reverse("dashboard"))
    clock[0] += 5 * 60 + 1
    assert signed_in.get(reverse("dashboard"))["Location"] == reverse("signed-out")
    assert "you did nothing for 5 minutes" in signed_in.get(reverse("signed-out")).content.decode()


def test_the_time_is_written_at_most_once_a_minute(signed_in, clock):
    signed_in.get(reverse("dashboard"))
    first = signed_in.session[middleware.LAST_SEEN]
    clock[0] += 59
    signed_in.get(reverse("dashboard"))
    assert signed_in.session[middleware.LAST_SEEN] == first
    clock[0] += 1
    signed_in.get(reverse("dashboard"))
    assert signed_in.session[middleware.LAST_SEEN] == first + 60
