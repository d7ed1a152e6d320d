"""Bad input gets a GOV.UK page that says what was wrong; an empty store says how to import."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import TWENTY_WEEKS, text_of

LEAGUE = reverse("statistics-league", args=[TWENTY_WEEKS, 2023])


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/statistics/councils/bristle/", 404, "No council called 'bristle'. Did you mean:"),
        ("/statistics/councils/999/", 404, "No council called '999'"),
        ("/statistics/indicators/waiting_times/", 404, "There is no indicator 'waiting_times'"),
        ("/statistics/league/plans_within_20_weeks/2023/", 200, ""),
        ("/statistics/league/plans_within_20_week_pct/2023/", 404, "Did you mean:"),
        (
            "/statistics/league/plans_within_20_weeks_pct/1990/",
            404,
            "No council figures for plans_within_20_weeks_pct in 1990; there are 2014 to 2024.",
        ),
        ("/statistics/league/annual_reviews_held_pct/2019/", 404, "there are 2024 to 2024"),
        ("/statistics/councils/801/?indicator=nope", 400, "There is no indicator 'nope'."),
        ("/statistics/councils/801/?format=xlsx", 400, "The format must be html or csv."),
        (LEAGUE + "?sort=colour", 400, "Sort by rank, council, region or value"),
        (LEAGUE + "?order=sideways", 400, "Sort by rank, council, region or value"),
        (LEAGUE + "?highlight=Atlantis", 400, "No council called 'Atlantis'"),
        (LEAGUE + "?format=pdf", 400, "The format must be html or csv."),
        (
            "/statistics/councils/801/ethnicity/",
            404,
            "There is no page 'ethnicity' for Bristol, City of: try indicators, setting, need",
        ),
        ("/statistics/england/colour/", 404, "There is no page 'colour' for England"),
        ("/statistics/councils/801/setting/?format=xlsx", 400, "The format must be html or csv."),
    ],
)
def test_bad_input_is_explained(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in text_of(response.content)
    if status == 404:
        assert '<h1 class="govuk-heading-l">Page not found</h1>' in response.content.decode()


def test_a_year_that_is_not_a_number_is_not_a_page(client):
    assert client.get("/statistics/league/caseload/last-year/").status_code == 404


def test_the_pages_only_answer_get(client):
    assert client.post(reverse("statistics-council", args=["801"])).status_code == 405


@pytest.mark.parametrize("name", ["statistics", "statistics-council", "statistics-league"])
def test_an_empty_store_says_how_to_import(client, settings, tmp_path, name):
    settings.STATS_STORE = tmp_path / "stats.duckdb"
    kwargs = {"statistics-council": ["801"], "statistics-league": ["caseload", 2024]}
    response = client.get(reverse(name, args=kwargs.get(name, [])))
    assert response.status_code == 200
    text = text_of(response.content)
    assert "Statistics have not been imported yet" in text
    assert "ehcp stats import --store" in text


def test_definitions_need_no_store(client, settings, tmp_path):
    settings.STATS_STORE = tmp_path / "stats.duckdb"
    response = client.get(reverse("statistics-indicator", args=["caseload"]))
    assert response.status_code == 200
    assert "No council figures have been imported for this indicator." in text_of(response.content)
    listing = client.get(reverse("statistics-indicators"))
    assert "None imported" in text_of(listing.content)


def test_a_store_that_cannot_be_opened_is_a_service_problem(client, settings, tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database")
    settings.STATS_STORE = broken
    response = client.get(reverse("statistics"))
    assert response.status_code == 503
    assert "Statistics are not available at the moment" in text_of(response.content)
