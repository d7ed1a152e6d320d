"""A caseworker subscribes to their calendar feed: the address the page shows, fetched
without signing in, is a calendar `icalendar` reads, holding their cases' deadlines. The
feed and planning pages pass axe."""

from __future__ import annotations

import urllib.request
from datetime import date

import pytest
from icalendar import Calendar

from ehcp.web.cases import queries
from ehcp.web.organisations.models import Role

from ..conftest import PASSWORD, TODAY, make_member
from ..reminders.helpers import REQUEST, make_case, plan
from .conftest import run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def caseload(transactional_db, council):
    worker = make_member(council, Role.CASEWORKER, "feed@browser.example")
    colleague = make_member(council, Role.CASEWORKER, "other@browser.example")
    mine = [
        # A request of Mon 2 Jun 2025 (overdue) and a plan issued Mon 1 Dec 2025, whose first
        # review is due on Mon 30 Nov 2026.
        make_case(council, worker, REQUEST, caseworker=worker, first="Kit", last="Mockworth"),
        make_case(council, worker, *plan(date(2025, 12, 1)), caseworker=worker, first="Lou"),
    ]
    theirs = make_case(council, colleague, REQUEST, caseworker=colleague, first="Max")
    return worker, mine, theirs


def sign_in(page, user):
    page.goto("/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def test_a_caseworker_subscribes_and_the_feed_holds_their_deadlines(page, caseload):
    worker, mine, theirs = caseload
    sign_in(page, worker)
    page.get_by_role("link", name="Your deadlines in a calendar").click()
    assert page.get_by_test_id("feed-status").inner_text().startswith("You do not have")
    assert run_axe(page) == []
    page.get_by_role("button", name="Make my calendar address").click()
    address = page.get_by_label("Calendar address").input_value()
    assert "/calendar/feed/" in address
    assert run_axe(page) == []

    with urllib.request.urlopen(address) as response:  # no cookies: the address alone
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.read())
    entries = {(str(e["summary"]), e.decoded("dtstart")) for e in calendar.walk("VEVENT")}
    expected = {
        (f"{initials} {case.reference}: Due: {deadline.title}", deadline.due)
        for case, initials in zip(mine, ("KM", "LT"), strict=True)
        for deadline in queries.case_view(case, TODAY).actions
    }
    assert expected
    assert entries == expected
    assert ("LT " + mine[1].reference + ": Due: Complete the first annual review",
            date(2026, 11, 30)) in entries  # fmt: skip
    assert not any(theirs.reference in summary for summary, _ in entries)

    page.reload()  # the address is never shown again
    assert page.get_by_label("Calendar address").count() == 0
    page.get_by_role("button", name="Turn off my calendar address").click()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address)
    assert refused.value.code == 404


def test_the_planning_pages_pass_axe(page, caseload):
    worker, mine, _ = caseload
    sign_in(page, worker)
    page.get_by_role("link", name="Annual reviews due").click()
    assert mine[1].reference in page.get_by_test_id("reviews").inner_text()
    assert run_axe(page) == []
    page.get_by_role("link", name="phase transfer cohort").click()
    assert page.get_by_role("heading", name="Phase transfers for September 2027").is_visible()
    assert run_axe(page) == []
