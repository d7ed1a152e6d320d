"""Demand forecasts for the public statistics pages, from the published figures.

A page asks for one `ForecastRequest` and gets a `ForecastResult`. Fitting every place takes
seconds, so the fitted models are kept per version of the statistics store (the same cache
key as `services`), and so are results. A page runs at most `PAGE_SIMS` simulations; longer
runs (more simulations, many scenarios) should be handed to the job queue as the same
`ForecastRequest` and run with `run_forecast`, which does not depend on the request cycle.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass

import duckdb

from ehcp.forecast import (
    Capacity,
    Figures,
    Model,
    RateChange,
    Scenario,
    Simulation,
    figures_from_rows,
    fit,
)
from ehcp.forecast import simulate as run_simulations
from ehcp.forecast.backtest import BASELINES, baseline_forecasts, score
from ehcp.forecast.data import before
from ehcp.forecast.summary import by, summarise, totals
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.web.statistics import services
from ehcp.web.statistics.services import Stamp

YEARS = 6
PAGE_SIMS = 200
SEED = 2025
BACKTEST_YEARS = 2
ENGLAND_GROWTH = "England 3-year growth"

SETTING_NAMES = {
    "mainstream": "Mainstream schools",
    "resourced": "Resourced provision and SEN units",
    "special": "State special schools",
    "independent": "Independent and non-maintained special schools",
    "ap": "Alternative provision and pupil referral units",
    "fe": "Further education",
    "other": "Educated elsewhere and other arrangements",
    "early_years": "Early years settings",
}
NEED_NAMES = {
    "asd": "Autistic spectrum disorder",
    "semh": "Social, emotional and mental health",
    "slcn": "Speech, language and communication needs",
    "mld": "Moderate learning difficulty",
    "sld": "Severe learning difficulty",
    "pmld": "Profound and multiple learning difficulty",
    "spld": "Specific learning difficulty",
    "pd": "Physical disability",
    "hi": "Hearing impairment",
    "vi": "Visual impairment",
    "msi": "Multi-sensory impairment",
    "oth": "Other difficulty or disability",
    "unknown": "Not recorded",
}
# Where children go when a setting is full, first choice first.
OVERFLOW = {
    "special": ("independent",),
    "resourced": ("special", "mainstream"),
    "independent": ("special",),
    "ap": ("other",),
}


@dataclass(frozen=True)
class ForecastRequest:
    """One forecast: a place, a scenario and how many simulations."""

    code: str
    need: str = ""  # the need whose joiners are scaled ("" for all needs)
    joiners_percent: int = 100
    capacity_setting: str = ""  # the setting given a number of places ("" for none)
    places: int | None = None
    sims: int = PAGE_SIMS
    seed: int = SEED

    @property
    def is_baseline(self) -> bool:
        return self.joiners_percent == 100 and not self.capacity_setting

    def scenario(self) -> Scenario:
        changes: tuple[RateChange, ...] = ()
        if self.joiners_percent != 100:
            needs = (self.need,) if self.need else None
            changes = (RateChange("join", self.joiners_percent / 100, needs=needs),)
        capacities: tuple[Capacity, ...] = ()
        if self.capacity_setting and self.places is not None:
            overflow = OVERFLOW[self.capacity_setting]
            capacities = (Capacity(self.capacity_setting, self.places, overflow=overflow),)
        return Scenario("page", changes=changes, capacities=capacities)


@dataclass(frozen=True)
class YearRow:
    year: int
    median: float
    p5: float
    p25: float
    p75: float
    p95: float
    low_80: float | None  # the calibrated 80% interval (None for the starting year)
    high_80: float | None


@dataclass(frozen=True)
class MixRow:
    name: str
    start: float
    end: float


@dataclass(frozen=True)
class Accuracy:
    """The same method fitted on figures up to an earlier January, against what followed."""

    origin: int
    place_errors: tuple[tuple[int, float], ...]  # (January, % error) for this place
    model_mape: tuple[tuple[int, float], ...]  # (years ahead, mean council % error)
    growth_mape: tuple[tuple[int, float], ...]  # the same for England's growth
    councils: int


@dataclass(frozen=True)
class ForecastResult:
    request: ForecastRequest
    name: str
    origin: int
    history: tuple[tuple[int, int], ...]  # (January, published plans)
    years: tuple[YearRow, ...]
    settings: tuple[MixRow, ...]
    needs: tuple[MixRow, ...]
    unmet: float  # children, in the median simulation of the last year, placed nowhere
    accuracy: Accuracy | None


def forecast(request: ForecastRequest) -> ForecastResult:
    """The forecast for a page (at most `PAGE_SIMS` simulations), kept per store version."""
    if request.sims > PAGE_SIMS:
        raise ValueError(f"A page runs at most {PAGE_SIMS} simulations; use the job queue.")
    return _cached(*services.version(), request)


@functools.lru_cache(maxsize=256)
def _cached(path: str, stamp: Stamp, request: ForecastRequest) -> ForecastResult:
    return run_forecast(_fitted(path, stamp), request)


@dataclass(frozen=True)
class Fitted:
    figures: Figures
    model: Model
    backtest: Model | None


@functools.lru_cache(maxsize=2)
def _fitted(path: str, stamp: Stamp) -> Fitted:
    figures = services.ask_version(path, stamp, _figures)
    return fit_all(figures)


def _figures(connection: duckdb.DuckDBPyConnection) -> Figures:
    return figures_from_rows(read_breakdowns(connection))


def fit_all(figures: Figures) -> Fitted:
    """The model at the latest January, and the one at `BACKTEST_YEARS` before it."""
    origin = figures.latest_year()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = fit(figures, as_of=origin, horizon=YEARS)
        earlier = origin - BACKTEST_YEARS
        backtest = fit(before(figures, earlier), as_of=earlier, horizon=BACKTEST_YEARS)
    return Fitted(figures, model, backtest)


def run_forecast(fitted: Fitted, request: ForecastRequest) -> ForecastResult:
    """Simulate one request; pure apart from the work (a job queue can call this too)."""
    place = fitted.figures.find(request.code)
    model = fitted.model
    sim = run_simulations(
        model.place(place.code),
        sims=request.sims,
        seed=request.seed,
        years=YEARS,
        scenario=request.scenario(),
    )
    summary = summarise(totals(sim))
    rows = []
    for step in range(YEARS + 1):
        median = float(summary["median"][step])
        interval = model.interval(step, median) if step else (None, None)
        rows.append(
            YearRow(
                model.as_of + step,
                median,
                *(float(summary[q][step]) for q in ("p5", "p25", "p75", "p95")),
                *interval,
            )
        )
    history = tuple(
        (year, total)
        for year in range(2019, model.as_of + 1)
        if (total := place.total(year)) is not None
    )
    return ForecastResult(
        request=request,
        name=place.name,
        origin=model.as_of,
        history=history,
        years=tuple(rows),
        settings=_mix(sim, "setting", SETTING_NAMES),
        needs=_mix(sim, "need", NEED_NAMES),
        unmet=float(sorted(sim.unmet[:, -1])[len(sim.unmet) // 2]),
        accuracy=_accuracy(fitted, place.code),
    )


def _mix(sim: Simulation, what: str, names: dict[str, str]) -> tuple[MixRow, ...]:
    codes, values = by(sim, what)
    medians = summarise(values)["median"]
    rows = [
        MixRow(names[code], float(medians[0, i]), float(medians[-1, i]))
        for i, code in enumerate(codes)
        if medians[0, i] >= 0.5 or medians[-1, i] >= 0.5
    ]
    return tuple(sorted(rows, key=lambda row: -row.end))


def _accuracy(fitted: Fitted, code: str) -> Accuracy | None:
    backtest, figures = fitted.backtest, fitted.figures
    if backtest is None or code not in backtest.params:
        return None
    steps = list(range(1, BACKTEST_YEARS + 1))
    forecasts = backtest.forecast(steps)
    place = figures.places[code]
    errors = tuple(
        (backtest.as_of + h, 100 * (forecasts[code][h] / actual - 1))
        for h in steps
        if (actual := place.total(backtest.as_of + h))
    )
    councils = sorted(c for c in forecasts if figures.places[c].level == "council")
    model_mape, growth_mape, counted = [], [], 0
    for h in steps:
        year = backtest.as_of + h
        mine = score({c: forecasts[c][h] for c in councils}, figures, year)
        growth = BASELINES[ENGLAND_GROWTH]
        theirs = score(
            baseline_forecasts(figures, councils, backtest.as_of, h, growth), figures, year
        )
        model_mape.append((h, mine.mape))
        growth_mape.append((h, theirs.mape))
        counted = mine.councils
    return Accuracy(backtest.as_of, errors, tuple(model_mape), tuple(growth_mape), counted)
