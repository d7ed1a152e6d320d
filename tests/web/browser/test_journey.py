"""A caseworker runs a case end to end in the browser, and every main page passes axe."""

from __future__ import annotations

from datetime import date

import pytest

from ehcp.web.cases import services
from ehcp.web.demo.load import build
from ehcp.web.organisations.models import Organisation

from ..conftest import PASSWORD, TODAY, make_member
from .conftest import run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def team(transactional_db):
    build(TODAY, cases=60, caseworkers=2)
    council = Organisation.objects.get(la_code="999")
    roles = ("caseworker", "manager", "administrator")
    return council, {role: make_member(council, role, f"{role}@browser.example") for role in roles}


def sign_in(page, user):
    page.goto("/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def fill_date(page, legend, day):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def banner(page):
    return page.locator(".govuk-notification-banner__heading").inner_text()


def record(page, name, day, kind=""):
    page.get_by_role("link", name="Record an event").click()
    page.get_by_label("What happened").select_option(name)
    page.get_by_label("Which kind").fill(kind)
    fill_date(page, "Date it happened", day)
    page.get_by_role("button", name="Record event").click()


def test_sign_in_dashboard_case_final_plan(page, team, artifacts):
    council, people = team
    worker = people["caseworker"]
    case = services.open_request(
        council,
        worker,
        services.NewRequest(
            "Kit", "Mockworth", date(2014, 4, 4), date(2026, 5, 11), caseworker=worker
        ),
        TODAY,
    )
    for day, name, kind in (
        (date(2026, 6, 15), "decision_to_assess_notified", "assess"),
        (date(2026, 9, 14), "draft_plan_served", ""),
    ):
        services.record_event(case, worker, services.NewEvent(day, name, kind), TODAY)

    sign_in(page, worker)
    assert page.get_by_role("heading", name="My cases").is_visible()
    page.get_by_role("link", name="Whole team").click()
    assert page.get_by_role("heading", name="Caseload dashboard").is_visible()
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    page.get_by_label("Caseworker").select_option(label=worker.get_full_name())
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name=case.reference).click()
    assert page.get_by_test_id("stage").inner_text() == "Draft plan"
    assert "Issue the final EHC plan" in page.get_by_test_id("next-actions").inner_text()

    record(page, "final_plan_issued", date(2026, 10, 5))
    assert banner(page) == "Final plan issued recorded"
    assert page.get_by_test_id("stage").inner_text() == "Plan in place"
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "Issue the final EHC plan Met" in timeline.replace("\n", " ")


def test_the_whole_journey_from_request_to_review(page, team):
    _, people = team
    sign_in(page, people["caseworker"])
    page.get_by_role("link", name="New request").click()
    page.get_by_label("First name").fill("Remi")
    page.get_by_label("Last name").fill("Trialsby")
    fill_date(page, "Date of birth", date(2016, 3, 9))
    fill_date(page, "Date the request was received", date(2025, 9, 1))
    page.get_by_role("button", name="Open request").click()
    assert banner(page).startswith("Request opened as case")

    record(page, "draft_plan_served", date(2025, 9, 2))
    record(page, "decision_to_assess_notified", date(2025, 10, 6), "assess")
    assert page.get_by_text("A draft plan cannot be served before the decision").is_visible()
    page.get_by_role("link", name="Back to case").click()
    page.get_by_role("button", name="Retract draft plan served on 2 September 2025").click()
    assert banner(page) == "Event retracted"
    record(page, "decision_to_assess_notified", date(2025, 10, 6), "assess")
    assert banner(page) == "Decision to assess notified recorded"
    record(page, "advice_requested", date(2025, 10, 8), "health")
    record(page, "advice_received", date(2025, 12, 1), "health")
    assert "Met late" in page.get_by_test_id("advice").inner_text()
    record(page, "draft_plan_served", date(2025, 12, 15))
    record(page, "final_plan_issued", date(2026, 1, 12))
    record(page, "review_meeting_held", date(2026, 11, 2))
    assert page.get_by_test_id("stage").inner_text() == "Annual review"
    assert "review" in page.get_by_test_id("next-actions").inner_text().lower()


def test_impossible_dates_are_explained_in_the_browser(page, team):
    council, people = team
    sign_in(page, people["caseworker"])
    page.goto(f"/cases/{council.case_set.first().reference}/events/new/")
    page.get_by_label("What happened").select_option("moved")
    fill_date(page, "Date it happened", date(2026, 1, 1))
    page.get_by_role("group", name="Date it happened").get_by_label("Day").fill("32")
    page.get_by_role("button", name="Record event").click()
    assert (
        page.get_by_role("alert").get_by_text("Date it happened must be a real date").is_visible()
    )


MAIN_PAGES = [
    "/dashboard/",
    "/cases/",
    "/search/?q=Testington",
    "/advice/",
    "/cases/new/",
    "/audit/",
    "/team/",
    "/import/",
]


def test_main_pages_have_no_serious_accessibility_violations(page, team):
    council, people = team
    reference = council.case_set.order_by("reference").first().reference
    page.goto("/sign-in/")
    assert run_axe(page) == []
    sign_in(page, people["administrator"])
    problems = {}
    for path in [*MAIN_PAGES, f"/cases/{reference}/", f"/cases/{reference}/events/new/"]:
        page.goto(path)
        problems[path] = [v["id"] for v in run_axe(page)]
    page.goto(f"/cases/{reference}/events/new/")
    page.get_by_role("button", name="Record event").click()
    problems["form with errors"] = [v["id"] for v in run_axe(page)]
    assert problems == {key: [] for key in problems}
