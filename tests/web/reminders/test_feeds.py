"""Calendar feeds: the member's secret address, shown once, revocable, and the deadlines on
their cases in it; and a case's own calendar file."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from ehcp.web.audit.models import AuditEntry
from ehcp.web.organisations.models import Role
from ehcp.web.reminders.models import CalendarFeed

from ..conftest import make_member
from .helpers import REQUEST, make_case

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(r"/calendar/feed/([A-Za-z0-9_-]+)\.ics")


def subscribe(client: Any) -> str:
    response = client.post(reverse("calendar-subscription"), follow=True)
    assert response.redirect_chain == [(reverse("calendar-subscription"), 302)]
    found = ADDRESS.search(response.content.decode())
    assert found, "the new address is shown"
    return found.group(1)


def events_of(body: bytes) -> list[Any]:
    return list(Calendar.from_ical(body).walk("VEVENT"))


@pytest.fixture
def my_case(council: Any, caseworker: Any) -> Any:
    # A request received on Mon 2 Jun 2025: every deadline from it is open and overdue by
    # Fri 20 Nov 2026.
    return make_case(council, caseworker, REQUEST, caseworker=caseworker)


def test_a_member_without_an_address_is_offered_one(signed_in: Any) -> None:
    response = signed_in.get(reverse("calendar-subscription"))
    assert "You do not have a calendar address yet" in response.content.decode()
    assert response["Cache-Control"].count("no-store") == 1


def test_the_address_is_shown_once_and_only_its_hash_is_kept(
    signed_in: Any, caseworker: Any
) -> None:
    token = subscribe(signed_in)
    stored = CalendarFeed.objects.get(user=caseworker)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.token_hash
    again = signed_in.get(reverse("calendar-subscription")).content.decode()
    assert token not in again
    assert "You made your calendar address on" in again


def test_the_feed_holds_the_deadlines_on_the_members_cases_with_their_law(
    client: Any, signed_in: Any, my_case: Any, council: Any, caseworker: Any
) -> None:
    colleague = make_member(council, Role.CASEWORKER, "colleague@example.org")
    make_case(council, colleague, REQUEST, caseworker=colleague, first="Bo", last="Other")
    token = subscribe(signed_in)
    signed_in.logout()
    response = client.get(reverse("calendar-feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    entries = events_of(response.content)
    assert entries, "the case's open deadlines are in the feed"
    summaries = [str(entry["summary"]) for entry in entries]
    assert all(s.startswith(f"AT {my_case.reference}: Due: ") for s in summaries)
    assert any("Decide whether to" in s or "assess" in s.lower() for s in summaries)
    assert all("The law: " in str(entry["description"]) for entry in entries)
    text = response.content.decode()
    assert "Testington" not in text
    assert "Alex" not in text
    assert "BO" not in summaries
    assert not any(s.startswith("BO ") for s in summaries)


def test_each_fetch_of_the_feed_is_audited_as_its_owners(
    client: Any, signed_in: Any, my_case: Any, caseworker: Any
) -> None:
    token = subscribe(signed_in)
    signed_in.logout()
    client.get(reverse("calendar-feed", args=[token]))
    entry = AuditEntry.objects.filter(what="Calendar feed fetched").get()
    assert entry.user == caseworker
    assert entry.action == "export"
    assert CalendarFeed.objects.get(user=caseworker).last_fetched_at is not None


def test_a_new_address_stops_the_old_one(client: Any, signed_in: Any, my_case: Any) -> None:
    old = subscribe(signed_in)
    new = subscribe(signed_in)
    assert old != new
    assert client.get(reverse("calendar-feed", args=[old])).status_code == 404
    assert client.get(reverse("calendar-feed", args=[new])).status_code == 200


def test_a_revoked_address_stops_working(client: Any, signed_in: Any, my_case: Any) -> None:
    token = subscribe(signed_in)
    response = signed_in.post(reverse("calendar-revoke"), follow=True)
    assert "Your calendar address has been turned off" in response.content.decode()
    assert client.get(reverse("calendar-feed", args=[token])).status_code == 404
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("token", ["nothing-like-it", "x" * 101, "-"])
def test_an_unknown_address_is_not_found(client: Any, token: str) -> None:
    assert client.get(reverse("calendar-feed", args=[token])).status_code == 404


def test_a_deactivated_members_feed_stops(
    client: Any, signed_in: Any, my_case: Any, caseworker: Any
) -> None:
    token = subscribe(signed_in)
    caseworker.is_active = False
    caseworker.save()
    assert client.get(reverse("calendar-feed", args=[token])).status_code == 404


def test_revoking_needs_a_post(signed_in: Any) -> None:
    assert signed_in.get(reverse("calendar-revoke")).status_code == 405


def test_the_subscription_page_needs_a_sign_in(client: Any) -> None:
    response = client.get(reverse("calendar-subscription"))
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_a_cases_calendar_file_comes_from_its_page(signed_in: Any, my_case: Any) -> None:
    page = signed_in.get(reverse("case", args=[my_case.reference])).content.decode()
    address = reverse("case-calendar", args=[my_case.reference])
    assert address in page
    response = signed_in.get(address)
    assert response.status_code == 200
    assert f'filename="{my_case.reference}-deadlines.ics"' in response["Content-Disposition"]
    entries = events_of(response.content)
    # The first decision, 6 weeks from Mon 2 Jun 2025: Mon 14 Jul 2025.
    assert date(2025, 7, 14) in [entry.decoded("dtstart") for entry in entries]
    assert AuditEntry.objects.filter(
        what="Case deadlines calendar", case_reference=my_case.reference
    ).exists()


def test_another_organisations_case_has_no_calendar(signed_in: Any, other_case: Any) -> None:
    response = signed_in.get(reverse("case-calendar", args=[other_case.reference]))
    assert response.status_code == 404
