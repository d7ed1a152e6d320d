"""Rolling-origin backtests: council-level errors of the model and the simple baselines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ehcp.forecast.data import KNOWN_ERRORS, Figures, Place

Baseline = Callable[[Place, Place, int, int], float | None]


def naive(place: Place, england: Place, origin: int, h: int) -> float | None:
    """The last value."""
    return place.total(origin)


def linear_trend(place: Place, england: Place, origin: int, h: int) -> float | None:
    """A least-squares line through the Januaries from 2019 to the origin."""
    years = [y for y in range(2019, origin + 1) if place.total(y)]
    if len(years) < 3:
        return None
    slope, intercept = np.polyfit(years, [float(place.total(y) or 0) for y in years], 1)
    return float(intercept + slope * (origin + h))


def england_growth(place: Place, england: Place, origin: int, h: int) -> float | None:
    """England's 3-year compound growth applied to the council's last value."""
    now, first, england_now = place.total(origin), england.total(origin - 3), england.total(origin)
    if not now or not first or not england_now:
        return None
    return float(now * (england_now / first) ** (h / 3))


BASELINES: dict[str, Baseline] = {
    "naive": naive,
    "linear trend": linear_trend,
    "England 3-year growth": england_growth,
}


@dataclass(frozen=True)
class Score:
    councils: int
    mape: float
    mdape: float
    bias: float
    within_10: float


def score(forecasts: dict[str, float], figures: Figures, year: int) -> Score:
    """Percentage errors of council forecasts for January `year` against the published totals
    (leaving out published totals known to be errors, as the spec's backtest does)."""
    errors = []
    for code, forecast in forecasts.items():
        actual = figures.places[code].total(year)
        known_error = (code, year) in KNOWN_ERRORS
        if actual and figures.places[code].level == "council" and not known_error:
            errors.append(100 * (forecast - actual) / actual)
    e = np.array(errors)
    return Score(
        len(e),
        float(np.abs(e).mean()),
        float(np.median(np.abs(e))),
        float(e.mean()),
        float((np.abs(e) <= 10).mean()),
    )


def baseline_forecasts(
    figures: Figures, codes: list[str], origin: int, h: int, method: Baseline
) -> dict[str, float]:
    out = {}
    for code in codes:
        value = method(figures.places[code], figures.england, origin, h)
        if value is not None:
            out[code] = value
    return out
