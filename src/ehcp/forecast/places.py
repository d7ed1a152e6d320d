"""Forecasts per place from the published figures: fitted once, simulated for any request.

`fit_places(figures)` fits the model at the latest January (and again two years earlier, to
show how accurate the method has been) and returns one `PlaceModel` per place: everything a
forecast for that place needs, with no further fitting. `run_forecast(place, request)` then
simulates one `ForecastRequest` (a scenario, a number of simulations and a seed). The web
pages, the command line and a job queue all go through these two functions.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass

from ehcp.forecast.backtest import BASELINES, baseline_forecasts, score
from ehcp.forecast.data import Figures, before
from ehcp.forecast.engine import Parameters, Progress, Simulation, simulate
from ehcp.forecast.model import Model, fit, interval
from ehcp.forecast.scenario import Capacity, RateChange, Scenario
from ehcp.forecast.summary import by, summarise, totals

YEARS = 6
PAGE_SIMS = 200
SEED = 2025
BACKTEST_YEARS = 2
FIRST_HISTORY_YEAR = 2019
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

Calibration = dict[int, tuple[float, float]]


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


@dataclass(frozen=True)
class PlaceModel:
    """One place's fitted parameters and what its forecasts are shown beside."""

    code: str
    name: str
    level: str  # council, region or england
    origin: int
    params: Parameters
    calibration: Calibration
    history: tuple[tuple[int, int], ...]
    accuracy: Accuracy | None


def fit_places(figures: Figures) -> dict[str, PlaceModel]:
    """Every place's model at the latest January, with the method's accuracy two years
    earlier. This is the slow step (seconds to tens of seconds): run it once per import."""
    origin = figures.latest_year()
    earlier = origin - BACKTEST_YEARS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = fit(figures, as_of=origin, horizon=YEARS)
        backtest = fit(before(figures, earlier), as_of=earlier, horizon=BACKTEST_YEARS)
    accuracy = _Accuracies(figures, backtest)
    return {
        code: PlaceModel(
            code=code,
            name=figures.places[code].name,
            level=figures.places[code].level,
            origin=model.as_of,
            params=params,
            calibration=dict(model.calibration),
            history=_history(figures, code, model),
            accuracy=accuracy.of(code),
        )
        for code, params in model.params.items()
    }


def _history(figures: Figures, code: str, model: Model) -> tuple[tuple[int, int], ...]:
    place = figures.places[code]
    return tuple(
        (year, total)
        for year in range(FIRST_HISTORY_YEAR, model.as_of + 1)
        if (total := place.total(year)) is not None
    )


class _Accuracies:
    """The backtest's council-wide errors (the same for every place) and each place's own."""

    def __init__(self, figures: Figures, backtest: Model) -> None:
        self.figures, self.backtest = figures, backtest
        self.steps = list(range(1, BACKTEST_YEARS + 1))
        self.forecasts = backtest.forecast(self.steps)
        councils = sorted(c for c in self.forecasts if figures.places[c].level == "council")
        model_mape, growth_mape, self.councils = [], [], 0
        for h in self.steps:
            year = backtest.as_of + h
            mine = score({c: self.forecasts[c][h] for c in councils}, figures, year)
            method = BASELINES[ENGLAND_GROWTH]
            growth = baseline_forecasts(figures, councils, backtest.as_of, h, method)
            model_mape.append((h, mine.mape))
            growth_mape.append((h, score(growth, figures, year).mape))
            self.councils = mine.councils
        self.model_mape, self.growth_mape = tuple(model_mape), tuple(growth_mape)

    def of(self, code: str) -> Accuracy | None:
        if code not in self.forecasts:
            return None
        place = self.figures.places[code]
        origin = self.backtest.as_of
        errors = tuple(
            (origin + h, 100 * (self.forecasts[code][h] / actual - 1))
            for h in self.steps
            if (actual := place.total(origin + h))
        )
        return Accuracy(origin, errors, self.model_mape, self.growth_mape, self.councils)


def run_forecast(
    place: PlaceModel, request: ForecastRequest, progress: Progress | None = None
) -> ForecastResult:
    """Simulate one request for one place; no fitting, so it can run anywhere."""
    sim = simulate(
        place.params,
        sims=request.sims,
        seed=request.seed,
        years=YEARS,
        scenario=request.scenario(),
        progress=progress,
    )
    summary = summarise(totals(sim))
    rows = []
    for step in range(YEARS + 1):
        median = float(summary["median"][step])
        low, high = interval(place.calibration, step, median) if step else (None, None)
        p5, p25, p75, p95 = (float(summary[q][step]) for q in ("p5", "p25", "p75", "p95"))
        rows.append(YearRow(place.origin + step, median, p5, p25, p75, p95, low, high))
    return ForecastResult(
        request=request,
        name=place.name,
        origin=place.origin,
        history=place.history,
        years=tuple(rows),
        settings=_mix(sim, "setting", SETTING_NAMES),
        needs=_mix(sim, "need", NEED_NAMES),
        unmet=float(sorted(sim.unmet[:, -1])[len(sim.unmet) // 2]),
        accuracy=place.accuracy,
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


def place_seed(seed: int, code: str) -> int:
    """A seed for one place derived from a run's seed and the place's code alone, so a
    national run gives every place the same draws wherever and in whatever order it runs."""
    digest = hashlib.sha256(f"{seed}:{code}".encode()).digest()
    return int.from_bytes(digest[:8], "big")
