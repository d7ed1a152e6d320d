"""The public statistics pages in Debian's Chromium: axe finds nothing serious or critical,
nothing breaks the content security policy, sorting and choosing work without JavaScript.

It lives here, not in tests/web/statistics/, so that it shares this folder's one Playwright
session: a second `sync_playwright()` in the same run fails."""

from __future__ import annotations

import pytest

from ..statistics.conftest import TWENTY_WEEKS, _statistics_store  # noqa: F401
from .conftest import console_errors, run_axe

pytestmark = pytest.mark.browser

LEAGUE = f"/statistics/league/{TWENTY_WEEKS}/2023/"
PAGES = [
    "/statistics/",
    "/statistics/councils/801/",
    f"/statistics/councils/801/?indicator={TWENTY_WEEKS}",
    LEAGUE + "?highlight=801",
    LEAGUE + "?sort=council&order=descending",
    "/statistics/indicators/",
    f"/statistics/indicators/{TWENTY_WEEKS}/",
    "/statistics/councils/bristle/",
]


def test_public_statistics_pages_have_no_serious_accessibility_violations(page):
    problems = {}
    for path in PAGES:
        page.goto(path)
        problems[path] = [v["id"] for v in run_axe(page)]
    assert problems == {path: [] for path in PAGES}


@pytest.mark.usefixtures("_assets")
def test_the_pages_keep_to_the_content_security_policy(browser, live_server):
    assert console_errors(browser, live_server.url, PAGES[:5]) == []


def test_the_chart_is_an_image_named_by_its_title(page, artifacts):
    page.goto(f"/statistics/councils/801/?indicator={TWENTY_WEEKS}")
    chart = page.get_by_role("img", name="EHC plans issued within 20 weeks (including exceptions)")
    assert chart.is_visible()
    assert chart.get_attribute("aria-describedby") == f"{TWENTY_WEEKS}-chart-description"
    page.screenshot(path=str(artifacts / "statistics-profile.png"), full_page=True)


def test_choose_a_council_then_sort_its_league_table(page):
    page.goto("/statistics/")
    page.get_by_label("Council").select_option(label="Bristol, City of")
    page.get_by_label("Indicator").select_option(TWENTY_WEEKS)
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_url(f"**/statistics/councils/801/?indicator={TWENTY_WEEKS}")
    page.get_by_role("link", name="League table for 2024").click()
    assert "Bristol, City of" in page.locator("tr.app-league__row--selected").inner_text()
    page.get_by_role("link", name="Council", exact=True).click()
    page.wait_for_url("**sort=council**")
    header = page.get_by_role("columnheader", name="Council")
    assert header.get_attribute("aria-sort") == "ascending"
    first = page.locator("tbody tr").first.locator("th").inner_text()
    assert first.startswith("Barking and Dagenham")
