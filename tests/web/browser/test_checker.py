"""A parent uses Check your child's EHC dates in the browser, without signing in."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ehcp.web.check import views

from .conftest import run_axe

pytestmark = pytest.mark.browser
TODAY = date(2025, 10, 20)  # a Monday


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: TODAY)


def choose(page, label):
    page.get_by_label(label, exact=True).check()


def fill_date(page, day):
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))


def next_page(page):
    page.get_by_role("button", name="Continue").click()


def test_a_parent_checks_a_refused_request_and_downloads_a_letter_and_the_dates(
    page, transactional_db, tmp_path
):
    page.goto("/check/")
    assert run_axe(page) == []
    page.get_by_role("button", name="Start now").click()
    choose(page, "We have asked the council for an EHC needs assessment")
    next_page(page)
    assert run_axe(page) == []
    choose(page, "By email")
    fill_date(page, date(2025, 9, 1))
    next_page(page)
    choose(page, "Yes, it has refused")
    fill_date(page, date(2025, 10, 6))
    next_page(page)
    choose(page, "No")  # not yet contacted the mediation adviser
    next_page(page)
    choose(page, "No")  # no appeal yet
    next_page(page)

    result = page.locator("main")
    assert "The dates you must act by" in result.inner_text()
    assert "Monday 8 December 2025" in result.inner_text()  # the appeal date
    assert run_axe(page) == []

    with page.expect_download() as letter:
        word = re.compile(r"Download as Word\s*: Request for a mediation certificate")
        page.get_by_role("button", name=word).click()
    assert letter.value.suggested_filename.endswith(".docx")
    with page.expect_download() as calendar:
        page.get_by_role("button", name="Add the dates to your calendar").click()
    saved = tmp_path / "dates.ics"
    calendar.value.save_as(saved)
    assert "DTSTART;VALUE=DATE:20251208" in saved.read_text()


def test_a_mistake_in_a_date_is_shown_as_a_govuk_error(page, transactional_db):
    page.goto("/check/questions/")
    choose(page, "We have asked the council for an EHC needs assessment")
    next_page(page)
    choose(page, "By post")
    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2025")
    next_page(page)
    assert "There is a problem" in page.locator(".govuk-error-summary").inner_text()
    assert run_axe(page) == []
