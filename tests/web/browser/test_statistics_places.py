"""The map, a council's first page and its sub-pages in Debian's Chromium: what a visitor
sees, axe's verdict, and the content security policy."""

from __future__ import annotations

import pytest

from ..statistics.conftest import _statistics_store  # noqa: F401
from .conftest import console_errors, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    "/statistics/england/map/",
    "/statistics/england/map/?indicator=caseload&year=2019",
    "/statistics/councils/801/",
    "/statistics/councils/801/setting/",
    "/statistics/councils/801/need/",
    "/statistics/councils/801/age/",
    "/statistics/councils/801/sex/",
    "/statistics/councils/801/similar/",
    "/statistics/england/",
    "/statistics/regions/south-west/setting/",
]


def test_the_map_has_a_key_and_every_hexagon_links_to_its_council(page, artifacts):
    page.goto("/statistics/england/map/")
    assert page.get_by_role("heading", name="Key").is_visible()
    assert page.locator(".app-legend li").count() >= 5
    hexagons = page.locator("svg.app-hexmap__svg a")
    assert hexagons.count() == 153
    bristol = page.locator('svg.app-hexmap__svg a[aria-label^="Bristol, City of: "]')
    assert bristol.is_visible()
    page.screenshot(path=str(artifacts / "statistics-map.png"), full_page=True)
    bristol.click()
    page.wait_for_url("**/statistics/councils/801/")
    assert page.get_by_role("heading", name="Bristol, City of", level=1).is_visible()


def test_a_council_page_opens_with_its_headline_and_setting_chart(page, artifacts):
    page.goto("/statistics/councils/801/")
    headline = page.locator("#headline")
    assert headline.is_visible()
    assert headline.inner_text().startswith("Bristol, City of ranked ")
    title = "Plans by setting: Bristol, City of, January 2019 to 2025"
    chart = page.get_by_role("img", name=title)
    assert chart.is_visible()
    assert page.get_by_role("link", name="All indicators", exact=True).is_visible()
    page.screenshot(path=str(artifacts / "statistics-council-summary.png"), full_page=True)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 12_000


@pytest.mark.usefixtures("_assets")
def test_the_sub_pages_work_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/statistics/councils/801/")
    tab.get_by_role("link", name="By primary need").click()
    tab.wait_for_url("**/statistics/councils/801/need/")
    assert tab.get_by_role("link", name="By primary need").get_attribute("aria-current") == "page"
    tab.goto("/statistics/england/map/")
    tab.get_by_label("Indicator").select_option("caseload")
    tab.get_by_label("Year").fill("2019")
    tab.get_by_role("button", name="Show map").click()
    tab.wait_for_url("**/statistics/england/map/?indicator=caseload&year=2019")
    heading = "EHC plans in place (January), 2019, by council"
    assert tab.get_by_role("heading", name=heading).count() == 1
    context.close()


def test_the_new_pages_have_no_serious_accessibility_violations(page):
    problems = {}
    for path in PAGES:
        page.goto(path)
        problems[path] = [v["id"] for v in run_axe(page)]
    assert problems == {path: [] for path in PAGES}


@pytest.mark.usefixtures("_assets")
def test_the_new_pages_keep_to_the_content_security_policy(browser, live_server):
    assert console_errors(browser, live_server.url, PAGES[:4]) == []
