"""A caseworker corrects a child's date of birth, hands the case to a colleague and finds
"Jesse Demoson" first among a hundred children with names like his; every page passes axe."""

from __future__ import annotations

from datetime import date

import pytest

from ehcp.web.cases import services
from ehcp.web.demo.load import build
from ehcp.web.organisations.models import Organisation

from ..conftest import TODAY, make_member
from .conftest import run_axe
from .test_journey import banner, fill_date, sign_in

pytestmark = pytest.mark.browser

FIRSTS = ("Jess", "Jessie", "Jessica", "Jesse", "Jason", "Jeremy", "Jessamy", "Jesper")
LASTS = ("Demoson", "Demosen", "Dempson", "Demos", "Davidson", "Dawson", "Jesse", "Demo")


@pytest.fixture
def office(transactional_db):
    build(TODAY, cases=20, caseworkers=1)
    council = Organisation.objects.get(la_code="999")
    worker = make_member(council, "caseworker", "worker@browser.example")
    colleague = make_member(council, "caseworker", "colleague@browser.example")

    def child(first, last, born=date(2015, 5, 1)):  # Friday 1 May 2015
        # Received Monday 1 June 2026.
        new = services.NewRequest(first, last, born, date(2026, 6, 1), caseworker=worker)
        return services.open_request(council, worker, new, TODAY)

    for first in FIRSTS:
        for last in LASTS:
            if (first, last) != ("Jesse", "Demoson"):
                child(first, last)
    for number in range(40):
        child(f"Jesse{number}", "Demoson")
    jesse = child("Jesse", "Demoson", date(2014, 2, 3))  # Monday 3 February 2014
    return worker, colleague, jesse


def test_a_caseworker_finds_corrects_and_hands_over_a_case(page, office):
    worker, colleague, jesse = office
    sign_in(page, worker)
    assert page.get_by_role("heading", name="My cases").is_visible()
    problems = {"my cases": [v["id"] for v in run_axe(page)]}

    page.get_by_role("link", name="Search").click()
    page.get_by_label("Name, date of birth, UPN or case reference").fill("Jesse Demoson")
    page.get_by_role("button", name="Search").click()
    first_row = page.get_by_test_id("results").locator("tbody tr").first
    assert first_row.get_by_role("link").inner_text() == jesse.reference
    assert "Jesse Demoson" in first_row.inner_text()
    problems["search"] = [v["id"] for v in run_axe(page)]

    first_row.get_by_role("link").click()
    page.get_by_role("link", name="Correct these details").click()
    problems["correct details"] = [v["id"] for v in run_axe(page)]
    fill_date(page, "Date of birth", date(2014, 2, 4))  # Tuesday 4 February 2014
    page.get_by_role("button", name="Save the corrections").click()
    assert banner(page) == "Details corrected"
    assert page.get_by_test_id("date-of-birth").inner_text() == "4 February 2014"

    page.get_by_role("link", name="Change the caseworker").click()
    problems["change caseworker"] = [v["id"] for v in run_axe(page)]
    page.get_by_label("New caseworker").select_option(label=colleague.get_full_name())
    page.get_by_role("button", name="Change the caseworker").click()
    assert banner(page) == f"Case given to {colleague.get_full_name()}"
    assert page.get_by_test_id("caseworker").inner_text() == colleague.get_full_name()
    problems["case"] = [v["id"] for v in run_axe(page)]

    page.get_by_role("link", name="Add a parent or carer").click()
    page.get_by_label("Full name").fill("Jo Demoson")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Add parent or carer").click()
    assert banner(page) == "Parent or carer added"
    page.get_by_role("link", name="Print this case").click()
    problems["print"] = [v["id"] for v in run_axe(page)]
    assert problems == {key: [] for key in problems}
