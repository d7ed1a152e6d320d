"""A council's forecast page in Debian's Chromium: the fan chart, the scenario form, a
mistake in it, axe's verdict on each, and the content security policy."""

from __future__ import annotations

import pytest

from ..statistics.conftest import _statistics_store  # noqa: F401
from .conftest import console_errors, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("kept_forecasts")]

FORECAST = "/statistics/councils/801/forecast/"


def test_the_forecast_page_its_scenario_and_its_errors_pass_axe(page, artifacts, settings):
    settings.FORECAST_SCENARIOS_IN_REQUEST = True
    page.goto(FORECAST)
    title = "Bristol, City of: EHC plans each January, published and forecast"
    assert page.get_by_role("img", name=title).is_visible()
    assert page.get_by_role("link", name="Forecast").get_attribute("aria-current") == "page"
    assert page.get_by_role("table", name="Figures for the chart: forecast plans each January")
    assert run_axe(page) == []
    page.screenshot(path=str(artifacts / "statistics-forecast.png"), full_page=True)

    page.get_by_label("Primary need").select_option("asd")
    page.get_by_label("New plans as a percentage of the number expected").fill("120")
    page.get_by_role("button", name="Show forecast").click()
    page.wait_for_url("**/forecast/?need=asd&joiners=120**")
    inset = page.locator(".govuk-inset-text")
    assert "Autistic spectrum disorder at 120% of the expected number" in inset.inner_text()
    assert run_axe(page) == []

    page.get_by_label("Places").fill("many")
    page.get_by_role("button", name="Show forecast").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter the number of places as a whole number" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert run_axe(page) == []


@pytest.mark.usefixtures("_assets")
def test_the_forecast_page_keeps_to_the_content_security_policy(browser, live_server):
    assert console_errors(browser, live_server.url, [FORECAST]) == []
