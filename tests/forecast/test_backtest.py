"""The spec's rolling backtest (section 4.6) on the published figures, origin January 2023.

Actuals are DfE's published January 2024 and 2025 figures; thresholds are the spec's.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from ehcp.forecast import Figures, ForecastError, Model, fit
from ehcp.forecast.backtest import BASELINES, Score, baseline_forecasts, score
from ehcp.forecast.states import AGES, band_of_age

ORIGIN = 2023


def _scores(model: Model, figures: Figures, h: int) -> tuple[Score, dict[str, Score]]:
    forecasts = {
        code: path[h]
        for code, path in model.forecast([1, 2]).items()
        if figures.places[code].level == "council"
    }
    codes = sorted(forecasts)
    baselines = {
        name: score(baseline_forecasts(figures, codes, ORIGIN, h, method), figures, ORIGIN + h)
        for name, method in BASELINES.items()
    }
    return score(forecasts, figures, ORIGIN + h), baselines


@pytest.mark.parametrize(("h", "england_limit", "median_limit"), [(1, 3.0, 5.0), (2, 5.0, 8.0)])
def test_totals(
    model_2023: Model, figures: Figures, h: int, england_limit: float, median_limit: float
) -> None:
    england = model_2023.forecast([h])["E92000001"][h]
    actual = figures.england.total(ORIGIN + h)
    assert actual is not None
    assert abs(england / actual - 1) * 100 <= england_limit
    model, baselines = _scores(model_2023, figures, h)
    assert model.councils >= 140
    assert model.mdape <= median_limit
    assert abs(model.bias) <= 5.0
    assert model.mape < baselines["naive"].mape
    assert model.mape < baselines["linear trend"].mape


@pytest.mark.parametrize("h", [1, 2])
def test_beats_england_growth_on_median_error(model_2023: Model, figures: Figures, h: int) -> None:
    model, baselines = _scores(model_2023, figures, h)
    assert model.mdape < baselines["England 3-year growth"].mdape


@pytest.mark.parametrize("h", [1, 2])
def test_beats_england_growth_on_mean_error(model_2023: Model, figures: Figures, h: int) -> None:
    model, baselines = _scores(model_2023, figures, h)
    assert model.mape < baselines["England 3-year growth"].mape


def _bands(ages: dict[str, int]) -> np.ndarray:
    counts = np.array([ages.get(str(a), 0) for a in AGES], dtype=float)
    return np.bincount(band_of_age(), weights=counts)


@pytest.mark.parametrize(("h", "limit"), [(1, 4.0), (2, 6.0)])
def test_bands_england(model_2023: Model, figures: Figures, h: int, limit: float) -> None:
    path = model_2023.expected_ages("E92000001", h)
    forecast = np.bincount(band_of_age(), weights=path[h])
    actual = _bands(figures.england.get("age", ORIGIN + h))
    wape = np.abs(forecast - actual).sum() / actual.sum() * 100
    assert wape <= limit


@pytest.mark.parametrize("name", ["Stockport", "Stockton-on-Tees", "County Durham"])
def test_bands_councils_reported(model_2023: Model, figures: Figures, name: str) -> None:
    code = figures.find(name).code
    path = model_2023.expected_ages(code, 2)
    for h in (1, 2):
        forecast = np.bincount(band_of_age(), weights=path[h])
        actual = _bands(figures.places[code].get("age", ORIGIN + h))
        wape = np.abs(forecast - actual).sum() / actual.sum() * 100
        if wape > 12:
            warnings.warn(f"{name} h{h} band WAPE {wape:.1f}% is above 12%", stacklevel=1)
        assert np.isfinite(wape)


@pytest.mark.parametrize("h", [1, 2])
def test_calibrated_80_percent_intervals(model_2023: Model, figures: Figures, h: int) -> None:
    covered = []
    for code, path in model_2023.forecast([h]).items():
        place = figures.places[code]
        actual = place.total(ORIGIN + h)
        if place.level == "council" and actual:
            low, high = model_2023.interval(h, path[h])
            covered.append(low <= actual <= high)
    assert len(covered) >= 140
    assert 0.70 <= np.mean(covered) <= 0.90


def test_stock_flow_identity(figures: Figures) -> None:
    england = figures.england
    jan_2024, jan_2025 = england.total(2024), england.total(2025)
    new = england.get("new", 2024)[""]
    ceased = england.get("ceased", 2024)[""] - england.get("ceased_transfer", 2024)[""]
    assert jan_2024 is not None
    assert jan_2025 is not None
    assert abs(jan_2024 + new - ceased - jan_2025) / jan_2025 <= 0.015


def test_fit_refuses_data_after_origin(figures: Figures) -> None:
    with pytest.raises(ForecastError, match="run past January 2023"):
        fit(figures, as_of=2023)


def test_fit_needs_councils_as_well_as_england(figures: Figures) -> None:
    only_england = Figures({"E92000001": figures.england})
    with pytest.raises(ForecastError, match="No council's figures by age reach January 2025"):
        fit(only_england, as_of=2025)
