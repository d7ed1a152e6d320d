"""`fit(figures, as_of=YEAR)` and the fitted model's forecasts.

Fitting reads only figures known by January `as_of` and refuses later ones. It shrinks every
council's cohort ratios towards England's, and forecasts its total as England's 3-year growth
plus learned shares of the council's own 3-year and last-year growth beyond England's (damped
year by year) and of what its age structure implies. The shares are chosen on the four origins
before `as_of`, scored one and two years ahead on Januaries up to `as_of` only. The 80%
interval of each horizon is calibrated on the model's own errors at those origins (split
conformal on absolute log errors across councils).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace

import numpy as np

from ehcp.forecast import cohort as cohort_mode
from ehcp.forecast.data import KNOWN_ERRORS, Figures, before, up_to, warn_quality
from ehcp.forecast.engine import Parameters
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.states import AGES, FloatArray, StateSpace, build_states

LEVEL = 0.8
ENGLAND = "E92000001"
ORIGINS = 4  # earlier origins the weights and the calibration are learned on
LEARN_HORIZON = 2


@dataclass(frozen=True)
class Weights:
    """How much of a place's own growth beyond England's its forecast keeps."""

    structure: float = 0.0  # share of the growth its age structure implies
    own: float = 0.0  # share of its 3-year growth
    recent: float = 0.0  # share of its last year's growth
    damping: float = 1.0  # share of each year's deviation kept the year after


GRID: tuple[Weights, ...] = tuple(
    Weights(structure, own, recent, damping)
    for structure in (0.0, 0.25, 0.5, 0.75)
    for own in (0.0, 0.1, 0.2, 0.3, 0.4)
    for recent in (0.0, 0.1, 0.2, 0.3, 0.4)
    for damping in (1.0, 0.5, 0.0)
)


@dataclass
class Model:
    """Fitted parameters for every place that has the figures, with interval calibration."""

    as_of: int
    horizon: int
    params: dict[str, Parameters]
    names: dict[str, str]
    skipped: set[str]
    weights: Weights = field(default_factory=Weights)
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
        return interval(self.calibration, h, centre)


def interval(
    calibration: dict[int, tuple[float, float]], h: int, centre: float
) -> tuple[float, float]:
    """The 80% interval `calibration` gives around a forecast h years ahead."""
    low, high = _horizon_quantiles(calibration, h)
    return centre * float(np.exp(low)), centre * float(np.exp(high))


def fit(figures: Figures, *, as_of: int, horizon: int = 6, calibrate: bool = True) -> Model:
    """Fit every place from figures known by January `as_of` (later figures are refused)."""
    figures = up_to(figures, as_of)
    if horizon < 1:
        raise ForecastError("Forecast at least one year ahead.")
    skipped = warn_quality(figures)
    history = _history(figures, as_of, skipped)
    weights = learn_weights(figures, history)
    params = _structural(figures, as_of, horizon, build_states(), skipped)
    growths = _growths(figures, params, as_of, horizon)
    targets = dict(zip(growths.codes, growths.targets(weights), strict=True))
    anchored = {
        code: replace(p, joiner_growth=_expected(p, horizon, targets[code])[1])
        for code, p in params.items()
    }
    names = {p.code: p.name for p in figures.places.values()}
    model = Model(as_of, horizon, anchored, names, skipped, weights=weights)
    if calibrate:
        model.calibration = _calibrate(figures, history, weights)
    return model


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
        if p.code not in skipped
        and (c := cohort_mode.cohort(p, as_of, figures.england)) is not None
    }
    councils = [c for c in summaries if figures.places[c].level == "council"]
    if not councils:
        raise ForecastError(
            f"No council's figures by age reach January {as_of}: the forecast needs them "
            "to judge how far one council can differ from England."
        )
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


@dataclass(frozen=True)
class Growths:
    """What the expected totals of every place are built from, at one origin."""

    origin: int
    codes: list[str]
    start: FloatArray  # [P] plans at the origin
    england: float  # England's 3-year log growth a year
    own: FloatArray  # [P] the place's 3-year log growth beyond England's
    recent: FloatArray  # [P] its last year's log growth beyond England's
    shape: FloatArray  # [P, H] log growth its age structure implies beyond England's

    def targets(self, weights: Weights) -> FloatArray:
        """Expected totals, [P, H]: England's growth, plus learned shares of the place's own
        and recent growth beyond it (damped year by year) and of its age structure's."""
        steps = np.arange(1, self.shape.shape[1] + 1)
        damped = np.cumsum(weights.damping ** (steps - 1.0))
        deviation = weights.own * self.own + weights.recent * self.recent
        log_growth = (
            self.england * steps + deviation[:, None] * damped + weights.structure * self.shape
        )
        return np.asarray(self.start[:, None] * np.exp(log_growth), dtype=np.float64)


def _growths(figures: Figures, params: dict[str, Parameters], as_of: int, horizon: int) -> Growths:
    codes = list(params)
    base = expected(params[ENGLAND], horizon).sum(axis=1)
    england_structure = np.log(base[1:] / base[0])
    england, england_recent = (_log_growth(figures, ENGLAND, as_of, span) for span in (3, 1))
    start, shape = np.zeros(len(codes)), np.zeros((len(codes), horizon))
    for i, code in enumerate(codes):
        path = expected(params[code], horizon).sum(axis=1)
        base_i = max(path[0], 1.0)
        shape[i] = np.log(np.maximum(path[1:], 1.0) / base_i) - england_structure
        start[i] = figures.places[code].total(as_of) or base_i  # the published total
    own = np.array([_log_growth(figures, c, as_of, 3) for c in codes]) - england
    recent = np.array([_log_growth(figures, c, as_of, 1) for c in codes]) - england_recent
    return Growths(as_of, codes, start, england, own, recent, shape)


def _log_growth(figures: Figures, code: str, as_of: int, span: int) -> float:
    """Log growth a year over the `span` years to `as_of` (England's where it is missing)."""
    place = figures.places[code]
    first, last = place.total(as_of - span), place.total(as_of)
    if not first or not last:
        return _log_growth(figures, ENGLAND, as_of, span) if code != ENGLAND else 0.0
    return float(np.log(last / first) / span)


def _history(figures: Figures, as_of: int, skipped: set[str]) -> list[Growths]:
    """The growths at each of the origins before `as_of` that have the figures."""
    out = []
    for origin in range(as_of - ORIGINS, as_of):
        earlier = before(figures, origin)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                params = _structural(earlier, origin, as_of - origin, build_states(), skipped)
        except ForecastError:
            continue
        out.append(_growths(earlier, params, origin, as_of - origin))
    return out


def learn_weights(figures: Figures, history: list[Growths]) -> Weights:
    """The weights with the least mean council error one and two years ahead over the
    earlier origins, scored only on Januaries up to the model's origin."""
    if not history:
        return Weights()
    scores = dict.fromkeys(GRID, 0.0)
    for growths in history:
        actual = _actuals(figures, growths)
        for w in GRID:
            errors = np.abs(growths.targets(w) / actual - 1)[:, :LEARN_HORIZON]
            scores[w] += float(np.nanmean(errors, axis=0).sum())
    return min(GRID, key=lambda w: scores[w])


def _actuals(figures: Figures, growths: Growths) -> FloatArray:
    """Published totals for each year ahead of an earlier origin; NaN for regions, England,
    missing figures and known errors."""
    out = np.full((len(growths.codes), growths.shape.shape[1]), np.nan)
    for i, code in enumerate(growths.codes):
        place = figures.places[code]
        if place.level != "council":
            continue
        for step in range(1, out.shape[1] + 1):
            year = growths.origin + step
            actual = place.total(year)
            if actual and (code, year) not in KNOWN_ERRORS:
                out[i, step - 1] = actual
    return out


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
    figures: Figures, history: list[Growths], weights: Weights
) -> dict[int, tuple[float, float]]:
    """Split conformal: the 80% quantile of |log(actual / forecast)| across councils and
    earlier origins, by horizon, as a symmetric interval on the log scale."""
    errors: dict[int, list[FloatArray]] = {}
    for growths in history:
        logs = np.log(_actuals(figures, growths) / growths.targets(weights))
        for step in range(1, logs.shape[1] + 1):
            column = logs[:, step - 1]
            errors.setdefault(step, []).append(np.abs(column[np.isfinite(column)]))
    out = {}
    for step, parts in errors.items():
        pooled = np.concatenate(parts)
        if len(pooled) >= 20:
            q = float(np.quantile(pooled, LEVEL))
            out[step] = (-q, q)
    return out


def _horizon_quantiles(calibration: dict[int, tuple[float, float]], h: int) -> tuple[float, float]:
    if h in calibration:
        return calibration[h]
    if not calibration:
        return (-0.1 * h, 0.1 * h)
    last = max(calibration)
    low, high = calibration[last]
    return low * h / last, high * h / last
