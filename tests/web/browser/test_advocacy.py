"""An MP's caseworker records consent, sends a chaser, sees it due on the office dashboard
and prints the family's summary; axe on each page."""

from __future__ import annotations

from datetime import date

import pytest

from ehcp.web.organisations.models import Organisation

from ..conftest import make_member, open_case
from .conftest import run_axe
from .test_journey import fill_date, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def mp_case(transactional_db):
    office = Organisation.objects.create(name="Office of the MP for Testtown", kind="advocacy")
    worker = make_member(office, "caseworker", "mp-caseworker@browser.example")
    return worker, open_case(office, worker, received=date(2026, 6, 1))


def test_an_mp_caseworker_chases_the_council(page, mp_case):
    worker, case = mp_case
    sign_in(page, worker)
    page.get_by_role("link", name="Office dashboard").click()
    assert run_axe(page) == []
    page.goto(f"/advocacy/cases/{case.reference}/")
    assert "No consent in force" in page.content()
    assert run_axe(page) == []

    page.get_by_role("link", name="Change council responsible").click()
    page.get_by_label("Council responsible").select_option(label="Leeds")
    page.get_by_role("button", name="Save council").click()

    page.get_by_role("link", name="Record consent").click()
    assert run_axe(page) == []
    page.get_by_label("Who gave consent").fill("Pat Testington")
    page.get_by_label("Their relationship").fill("parent")
    page.get_by_label("A child (a parent or carer").check()
    fill_date(page, "Date consent was given", date(2026, 11, 2))
    page.get_by_label("How it was given").select_option("signed")
    page.get_by_label("What it covers").fill("Contact the council's SEN team")
    page.get_by_label("Elected representative").check()
    page.get_by_role("button", name="Record consent").click()
    assert "Given by Pat Testington on 2 November 2026" in page.content()

    page.get_by_role("link", name="Record a letter sent").click()
    assert run_axe(page) == []
    page.get_by_label("What kind of letter").select_option("chaser")
    page.get_by_label("The council", exact=True).check()
    fill_date(page, "Date it was sent", date(2026, 11, 10))
    page.get_by_role("button", name="Record letter").click()
    assert "Letter recorded" in page.content()

    page.goto("/advocacy/")
    due = page.locator("table").first
    assert case.reference in due.inner_text()
    assert "17 November 2026" in due.inner_text()
    assert "A formal complaint (stage 1)" in due.inner_text()
    assert "Leeds" in page.content()
    assert run_axe(page) == []

    summary = page.request.get(f"/advocacy/cases/{case.reference}/summary/")
    assert summary.headers["content-type"] == "application/pdf"
    assert summary.body().startswith(b"%PDF")
