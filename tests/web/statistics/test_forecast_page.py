"""A council's forecast page: the fan chart and its table, the setting and need mix, the
backtest beside it, a scenario form, and clear errors for bad scenario input.

Published figures are DfE's (the shared releases): Bristol had 4,931 plans in January 2025
(caseload.csv 2024/25, breakdown "All EHC plans", ehcplans)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from ehcp.forecast import model, places, stored
from ehcp.stats.store import import_releases
from ehcp.web.jobs import services as jobs
from ehcp.web.jobs.models import Job
from ehcp.web.statistics import forecasts, scenario_jobs

from ..conftest import RELEASES
from .conftest import BRISTOL, table_rows, text_of


@pytest.fixture(autouse=True)
def _kept(kept_forecasts: Path) -> Any:
    forecasts.clear_cache()
    shutil.rmtree(kept_forecasts / "scenarios", ignore_errors=True)
    yield
    forecasts.clear_cache()
    shutil.rmtree(kept_forecasts / "scenarios", ignore_errors=True)


def _never_fit(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a page fitted a model")


def page(**query: str) -> str:
    url = reverse("statistics-council", args=[BRISTOL, "forecast"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _plans(cell: str) -> int:
    return int(re.sub(r"[^0-9]", "", cell.split(" ")[0]))


def _forecast_rows(content: bytes) -> list[list[str]]:
    return table_rows(content)[0]


def test_the_forecast_page_shows_the_fan_chart_and_its_figures(client):
    response = client.get(page())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="img" aria-labelledby="forecast-chart-title"' in content
    assert content.count("<polygon") == 2  # the 50% and 90% bands
    rows = _forecast_rows(response.content)
    published = {row[0]: row[1] for row in rows if row[1].endswith("published")}
    assert published["2025"] == "4,931 published"
    ahead = [row for row in rows if not row[1].endswith("published")]
    assert [row[0] for row in ahead] == [str(y) for y in range(2026, 2032)]
    for row in ahead:
        low_50, high_50 = (int(x.replace(",", "")) for x in row[2].split(" to "))
        low_90, high_90 = (int(x.replace(",", "")) for x in row[3].split(" to "))
        assert low_90 <= low_50 <= _plans(row[1]) <= high_50 <= high_90
    text = text_of(response.content)
    assert "How accurate the method has been" in text
    assert "figures up to January 2023" in text
    assert "Autistic spectrum disorder" in text
    assert "State special schools" in text


@pytest.fixture
def scenarios_in_request(settings):
    settings.FORECAST_SCENARIOS_IN_REQUEST = True


@pytest.mark.django_db
def test_by_default_a_scenario_goes_to_the_queue_and_the_page_says_so(client):
    base = client.get(page())
    response = client.get(page(need="asd", joiners="150"))
    assert response.status_code == 200
    assert _forecast_rows(response.content) == _forecast_rows(base.content)
    text = text_of(response.content)
    assert "Your scenario is being worked out" in text
    assert "This forecast includes your scenario" not in text
    assert 'value="150"' in response.content.decode()  # what was asked for is kept
    client.get(page(need="asd", joiners="150"))  # asked again while it waits: not queued twice
    assert list(Job.objects.values_list("kind", "status")) == [("forecast", "queued")]


@pytest.mark.django_db
def test_a_queued_scenario_is_shown_once_the_queue_has_worked_it_out(client):
    base = _forecast_rows(client.get(page()).content)[-1]
    client.get(page(joiners="175"))
    job = Job.objects.get(kind="forecast")
    jobs.run(str(job.pk))  # what the worker does
    response = client.get(page(joiners="175"))
    text = text_of(response.content)
    assert "This forecast includes your scenario: new plans at 175% of the expected" in text
    assert "being worked out" not in text
    assert _plans(_forecast_rows(response.content)[-1][1]) > _plans(base[1])
    assert Job.objects.count() == 1  # kept: not asked of the queue again


@pytest.mark.django_db
def test_a_busy_queue_takes_no_more_scenarios(client, monkeypatch):
    monkeypatch.setattr(scenario_jobs, "MOST_WAITING", 0)
    text = text_of(client.get(page(joiners="160")).content)
    assert "The server is busy working out other scenarios" in text
    assert not Job.objects.exists()


@pytest.mark.usefixtures("scenarios_in_request")
def test_more_new_plans_raise_the_forecast_and_say_so(client):
    base = _forecast_rows(client.get(page()).content)[-1]
    response = client.get(page(need="asd", joiners="150"))
    more = _forecast_rows(response.content)[-1]
    assert _plans(more[1]) > _plans(base[1])
    assert "new plans for Autistic spectrum disorder at 150% of the expected number" in (
        text_of(response.content)
    )


@pytest.mark.usefixtures("scenarios_in_request")
def test_no_places_in_special_schools_sends_children_elsewhere(client):
    response = client.get(page(setting="special", places="0"))
    assert response.status_code == 200
    setting_table = table_rows(response.content)[2]
    special = next(row for row in setting_table if row[0] == "State special schools")
    assert special[2] == "0"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"joiners": "lots"}, "Enter new plans as a whole number between 0 and 300"),
        ({"joiners": "301"}, "Enter new plans as a whole number between 0 and 300"),
        ({"need": "dragons"}, "Choose a primary need from the list"),
        ({"places": "40"}, "Choose the setting the places are for"),
        ({"setting": "special"}, "Enter the number of places in the setting you chose"),
        ({"setting": "special", "places": "-3"}, "Enter the number of places as a whole"),
        ({"setting": "castle", "places": "3"}, "Choose a setting from the list"),
    ],
)
def test_bad_scenario_input_names_the_field_and_the_fix(client, query, message):
    response = client.get(page(**query))
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert content.count("<polygon") == 2  # the forecast without a scenario is still shown


def test_a_page_never_runs_a_long_forecast():
    with pytest.raises(ValueError, match="job queue"):
        forecasts.forecast(forecasts.ForecastRequest(BRISTOL, sims=1000))


@pytest.mark.usefixtures("scenarios_in_request")
def test_the_page_never_fits_a_model(client, monkeypatch):
    for module in (model, places, stored):
        for name in ("fit", "fit_places"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _never_fit)
    assert client.get(page()).status_code == 200
    assert client.get(page(joiners="120")).status_code == 200
    assert (
        client.get(reverse("statistics-england", kwargs={"section": "forecast"})).status_code
        == 200
    )


@pytest.mark.usefixtures("scenarios_in_request")
def test_new_figures_are_fitted_at_import_not_in_the_request(
    client, settings, tmp_path, monkeypatch, stats_store, kept_forecasts, fitted_places
):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(stats_store, copy)
    shutil.copytree(kept_forecasts.parent, stored.directory_for(copy))
    settings.STATS_STORE = copy
    assert client.get(page()).status_code == 200  # the copy's forecasts are current

    fits = []

    def fit_places(figures):
        fits.append(figures.latest_year())
        return {BRISTOL: fitted_places[BRISTOL]}

    monkeypatch.setattr(stored, "fit_places", fit_places)
    import_releases(copy, RELEASES[:1])  # a new import: the kept forecasts are now stale
    response = client.get(page())
    assert response.status_code == 503
    assert "have not been made yet" in text_of(response.content)
    assert "ehcp forecast --all --save" in text_of(response.content)
    assert fits == []

    call_command("ehcp_statistics", *[str(path) for path in RELEASES])
    assert fits == [2025]
    assert client.get(page()).status_code == 200
    assert client.get(page(joiners="90")).status_code == 200
    call_command("ehcp_statistics", *[str(path) for path in RELEASES])
    assert fits == [2025]  # kept already
    assert len(list(stored.directory_for(copy).iterdir())) == 1


def test_a_place_the_figures_cannot_forecast_says_so(client):
    response = client.get(reverse("statistics-council", args=["909", "forecast"]))
    assert response.status_code == 404
    assert "There is no forecast for Cumbria" in text_of(response.content)


def test_a_job_runs_the_kept_model_for_longer():
    place = forecasts.place_model(BRISTOL)
    result = forecasts.run_forecast(place, forecasts.ForecastRequest(BRISTOL, sims=250))
    assert result.request.sims == 250
    assert result.history[-1] == (2025, 4931)
    assert [row.year for row in result.years] == list(range(2025, 2032))
