"""`fit(figures, as_of=YEAR)` and the fitted model's forecasts.

Fitting reads only figures known by January `as_of` and refuses later ones. It learns the
shrinkage of every council's cohort ratios and growth towards England's, and calibrates the
80% interval of each horizon on the model's own errors from earlier origins (split conformal
on log errors across councils), using only years up to `as_of`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace

import numpy as np

from ehcp.forecast import cohort as cohort_mode
from ehcp.forecast.data import Figures, before, up_to, warn_quality
from ehcp.forecast.engine import Parameters
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.states import AGES, FloatArray, StateSpace, build_states

LOW, HIGH = 0.1, 0.9
Weights = tuple[float, float]
GRID: tuple[Weights, ...] = tuple(
    (structure, own) for structure in (0.0, 0.25, 0.5, 0.75, 1.0) for own in (0.0, 0.15, 0.3, 0.45)
)


@dataclass
class Model:
    """Fitted parameters for every place that has the figures, with interval calibration."""

    as_of: int
    horizon: int
    params: dict[str, Parameters]
    names: dict[str, str]
    skipped: set[str]
    weights: Weights = (0.0, 0.0)
    calibration: dict[int, tuple[float, float]] = field(default_factory=dict)

    def place(self, code: str) -> Parameters:
        try:
            return self.params[code]
        except KeyError:
            raise ForecastError(
                f"There is no forecast for {self.names.get(code, code)}."
            ) from None

    def forecast(self, h: list[int]) -> dict[str, dict[int, float]]:
        """Expected total plans h years after the origin, per place."""
        if max(h) > self.horizon:
            raise ForecastError(f"This model was fitted for at most {self.horizon} years ahead.")
        return {code: _totals(p, max(h), h) for code, p in self.params.items()}

    def expected_ages(self, code: str, years: int) -> FloatArray:
        """Expected plans by age for the origin and each year ahead, [years + 1, A]."""
        return expected(self.place(code), years)

    def interval(self, h: int, centre: float) -> tuple[float, float]:
        """The calibrated 80% interval around a forecast h years ahead."""
        low, high = _horizon_quantiles(self.calibration, h)
        return centre * float(np.exp(low)), centre * float(np.exp(high))


def fit(figures: Figures, *, as_of: int, horizon: int = 6, calibrate: bool = True) -> Model:
    """Fit every place from figures known by January `as_of` (later figures are refused)."""
    figures = up_to(figures, as_of)
    if horizon < 1:
        raise ForecastError("Forecast at least one year ahead.")
    skipped = warn_quality(figures)
    weights = learn_weights(figures, as_of, skipped)
    model = _fit_places(figures, as_of, horizon, skipped, weights)
    if calibrate:
        model.calibration = _calibrate(figures, as_of, horizon, skipped, weights)
    return model


def _fit_places(
    figures: Figures, as_of: int, horizon: int, skipped: set[str], weights: Weights
) -> Model:
    params = _structural(figures, as_of, horizon, build_states(), skipped)
    targets = _targets(params, figures, as_of, horizon, weights)
    anchored = {}
    for code, p in params.items():
        factors = _expected(p, horizon, targets[code])[1]
        anchored[code] = replace(p, joiner_growth=factors)
    names = {p.code: p.name for p in figures.places.values()}
    return Model(as_of, horizon, anchored, names, skipped, weights=weights)


def _structural(
    figures: Figures, as_of: int, horizon: int, states: StateSpace, skipped: set[str]
) -> dict[str, Parameters]:
    """Parameters from each place's cohort ratios, shrunk towards England's."""
    england = cohort_mode.cohort(figures.england, as_of)
    if england is None:
        raise ForecastError(f"England's figures do not reach January {as_of}.")
    summaries = {
        p.code: c
        for p in figures.places.values()
        if p.code not in skipped and (c := cohort_mode.cohort(p, as_of)) is not None
    }
    councils = [c for c in summaries if figures.places[c].level == "council"]
    ratios = np.array([summaries[c].ratio for c in councils])
    exposures = np.array([summaries[c].exposure for c in councils])
    spread = cohort_mode.between_spread(ratios, exposures, england.ratio)
    params = {}
    for code, summary in summaries.items():
        place = figures.places[code]
        ratio = summary.ratio
        if place.level == "council":
            ratio = cohort_mode.shrink(ratio, summary.exposure, england.ratio, spread)
        params[code] = cohort_mode.parameters(
            place, as_of, summary.stock, ratio, england.growth, horizon, states
        )
    return params


def _log_growth(figures: Figures, code: str, as_of: int) -> float:
    place = figures.places[code]
    first, last = place.total(as_of - 3), place.total(as_of)
    if not first or not last:
        return _log_growth(figures, "E92000001", as_of) if code != "E92000001" else 0.0
    return float(np.log(last / first) / 3)


def _targets(
    params: dict[str, Parameters], figures: Figures, as_of: int, horizon: int, weights: Weights
) -> dict[str, FloatArray]:
    """Expected totals per year ahead: England's 3-year growth, plus a learned share of the
    council's own growth beyond it and of what its age structure implies beyond England's."""
    structure, own = weights
    steps = np.arange(1, horizon + 1)
    england = _log_growth(figures, "E92000001", as_of)
    base = expected(params["E92000001"], horizon).sum(axis=1)
    england_structure = np.log(base[1:] / base[0])
    out = {}
    for code, p in params.items():
        path = expected(p, horizon).sum(axis=1)
        start = max(path[0], 1.0)
        shape = np.log(np.maximum(path[1:], 1.0) / start) - england_structure
        deviation = _log_growth(figures, code, as_of) - england
        out[code] = start * np.exp((england + own * deviation) * steps + structure * shape)
    return out


def learn_weights(figures: Figures, as_of: int, skipped: set[str]) -> Weights:
    """The structure and own-growth weights with the least council error one year ahead
    over the three origins before `as_of` (figures up to `as_of` only)."""
    scores = dict.fromkeys(GRID, 0.0)
    for origin in range(as_of - 3, as_of):
        earlier = before(figures, origin)
        try:
            params = _structural(earlier, origin, 1, build_states(), skipped)
        except ForecastError:
            continue
        for w in GRID:
            targets = _targets(params, earlier, origin, 1, w)
            scores[w] += _mape(figures, targets, origin)
    return min(GRID, key=lambda w: scores[w])


def _mape(figures: Figures, targets: dict[str, FloatArray], origin: int) -> float:
    errors = [
        abs(path[0] / actual - 1)
        for code, path in targets.items()
        if figures.places[code].level == "council"
        and (actual := figures.places[code].total(origin + 1))
    ]
    return float(np.mean(errors)) if errors else 0.0


def expected(params: Parameters, years: int) -> FloatArray:
    """The mean path by age, [years + 1, A], without random draws."""
    return _expected(params, years, None)[0]


def _expected(
    params: Parameters, years: int, targets: FloatArray | None
) -> tuple[FloatArray, FloatArray]:
    """The mean path by age and the joiner factors; with `targets` (expected totals for each
    year ahead) the factors are solved year by year so that the path meets them."""
    states = params.states
    leave = params.leave_alpha / (params.leave_alpha + params.leave_beta)
    move = params.move_alpha / (params.move_alpha + params.move_beta)
    weights = params.destination / np.maximum(
        params.destination.sum(axis=1, keepdims=True), 1e-300
    )
    move = np.where(params.destination.sum(axis=1) > 0, move, 0.0)
    allocation = params.allocation / np.maximum(
        params.allocation.sum(axis=1, keepdims=True), 1e-300
    )
    x = params.initial.astype(np.float64)
    out = [np.bincount(states.age, weights=x, minlength=len(AGES))]
    cell = states.index.reshape(len(AGES), -1)
    factors: list[float] = []
    for year in range(1, years + 1):
        by_age = out[-1]
        stay = x * (1 - leave)
        moving = stay * move
        after = stay - moving
        target = states.moved
        ok = target >= 0
        np.add.at(after, target[ok], (moving[:, None] * weights)[ok])
        aged = np.zeros_like(x)
        alive = states.aged >= 0
        np.add.at(aged, states.aged[alive], after[alive])
        previous = np.concatenate([[0.0], by_age[:-1]])
        joiners = params.joiner_mean[year - 1] + params.joiner_rate * previous
        factor = float(params.joiner_growth[year - 1])
        if targets is not None:
            factor = max((targets[year - 1] - aged.sum()) / max(joiners.sum(), 1e-9), 0.0)
        factors.append(factor)
        spread = factor * joiners[:, None] * allocation
        np.add.at(aged, cell[cell >= 0], spread[cell >= 0])
        x = aged
        out.append(np.bincount(states.age, weights=x, minlength=len(AGES)))
    return np.array(out), np.array(factors)


def _totals(params: Parameters, years: int, h: list[int]) -> dict[int, float]:
    path = expected(params, years).sum(axis=1)
    return {step: float(path[step]) for step in h}


def _calibrate(
    figures: Figures, as_of: int, horizon: int, skipped: set[str], weights: Weights
) -> dict[int, tuple[float, float]]:
    """Quantiles of log(actual / forecast) across councils, by horizon, from earlier origins."""
    errors: dict[int, list[float]] = {}
    for origin in range(as_of - 3, as_of):
        earlier = before(figures, origin)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = _fit_places(earlier, origin, as_of - origin, skipped, weights)
        except ForecastError:
            continue
        steps = list(range(1, as_of - origin + 1))
        for code, path in model.forecast(steps).items():
            place = figures.places[code]
            if place.level != "council":
                continue
            for step in steps:
                actual = place.total(origin + step)
                if actual and path[step] > 0:
                    errors.setdefault(step, []).append(float(np.log(actual / path[step])))
    return {
        step: (float(np.quantile(v, LOW)), float(np.quantile(v, HIGH)))
        for step, v in errors.items()
        if len(v) >= 20
    }


def _horizon_quantiles(calibration: dict[int, tuple[float, float]], h: int) -> tuple[float, float]:
    if h in calibration:
        return calibration[h]
    if not calibration:
        return (-0.1 * h, 0.1 * h)
    last = max(calibration)
    low, high = calibration[last]
    return low * h / last, high * h / last
