"""Engine parameters from the published aggregates (the spec's aggregate mode).

Ages: single-year ages where published for the origin, else the latest age bands spread
evenly within each band and rolled forward to the origin's total. Cohort ratios (plans at age
a in one January per plan at age a-1 the January before) split into leaving (ratio below 1) and
joining (above 1); each council's ratios are shrunk towards England's by empirical Bayes, with
a weight learned from how far councils really differ at that age and how large the council is.
Entries at the youngest age grow at the council's growth, shrunk towards England's the same
way. Settings and needs follow the published shares at each age; movers are the smallest flows
between settings that turn one age's setting mix into the next age's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ehcp.forecast.data import Place
from ehcp.forecast.engine import Parameters
from ehcp.forecast.states import (
    AGES,
    BANDS,
    NEEDS,
    SETTINGS,
    FloatArray,
    IntArray,
    StateSpace,
    band_of_age,
)

CONCENTRATION = 200.0
WIDTHS = np.array([hi - lo + 1 for lo, hi in BANDS], dtype=np.float64)


@dataclass(frozen=True)
class Cohort:
    """One place's age profile at the origin and cohort ratios with their exposures."""

    stock: FloatArray  # [A] plans by age at the origin
    ratio: FloatArray  # [A] ratio into each age (index 0 unused)
    exposure: FloatArray  # [A] plans the ratio was measured on
    growth: float  # annual growth of the total
    years: float  # years of growth measured


def cohort(place: Place, as_of: int, england: Place | None = None) -> Cohort | None:
    """The cohort summary, or None when the place lacks the figures. Where only age bands
    are published, a council's or region's bands are spread over single ages the way
    England's are (`england`); England's own by the smoothest profile that fits them."""
    spread = _Spread(place, england or place)
    ratio_exposure = _single_ratios(place, as_of) or _band_ratios(spread, as_of)
    if ratio_exposure is None:
        return None
    ratio, exposure = ratio_exposure
    growth, years = _growth(place, as_of)
    stock = _stock(place, spread, as_of, ratio, growth)
    if stock is None:
        return None
    return Cohort(stock, ratio, exposure, growth, years)


def _ages(place: Place, year: int) -> FloatArray | None:
    ages = place.get("age", year)
    if len(ages) < len(AGES):
        return None
    return np.array([ages[str(a)] for a in AGES], dtype=np.float64)


def _single_ratios(place: Place, as_of: int) -> tuple[FloatArray, FloatArray] | None:
    now, before = _ages(place, as_of), _ages(place, as_of - 1)
    if now is None or before is None:
        return None
    ratio, exposure = np.ones(len(AGES)), np.zeros(len(AGES))
    exposure[1:] = before[:-1]
    ratio[1:] = now[1:] / np.maximum(before[:-1], 1.0)
    return ratio, exposure


def _bands(place: Place, year: int) -> FloatArray | None:
    bands = place.get("band", year)
    if len(bands) < len(BANDS):
        return None
    return np.array([bands[str(b)] for b in range(len(BANDS))], dtype=np.float64)


class _Spread:
    """A place's age bands for a year spread over single ages, in the shape within each band
    of a reference place's (England's) profile for that year."""

    def __init__(self, place: Place, reference: Place) -> None:
        self.place, self.reference = place, reference

    def years(self, as_of: int) -> list[int]:
        return [y for y in self.place.years("band") if y <= as_of and self(y) is not None]

    def __call__(self, year: int) -> FloatArray | None:
        bands, reference = _bands(self.place, year), _bands(self.reference, year)
        if bands is None or reference is None:
            return None
        of_age = band_of_age()
        profile = spread_bands(reference)
        shares = profile / np.where(reference > 0, reference, 1.0)[of_age]
        return np.asarray(bands[of_age] * shares, dtype=np.float64)


def _band_ratios(spread: _Spread, as_of: int) -> tuple[FloatArray, FloatArray] | None:
    years = [y for y in spread.years(as_of) if spread(y - 1) is not None][-3:]
    if not years:
        return None
    num, den = np.zeros(len(AGES)), np.zeros(len(AGES))
    for year in years:
        now, before = spread(year), spread(year - 1)
        assert now is not None
        assert before is not None
        num[1:] += now[1:]
        den[1:] += before[:-1]
    ratio = num / np.maximum(den, 1.0)
    ratio[0] = 1.0
    return ratio, den / len(years)


def _growth(place: Place, as_of: int) -> tuple[float, float]:
    years = [y for y in place.years("total") if y <= as_of][-4:]
    if len(years) < 2:
        return 1.0, 0.0
    first, last = place.total(years[0]), place.total(years[-1])
    if not first or not last:
        return 1.0, 0.0
    span = years[-1] - years[0]
    return (last / first) ** (1 / span), float(span)


def _stock(
    place: Place, spread: _Spread, as_of: int, ratio: FloatArray, growth: float
) -> FloatArray | None:
    ages = _ages(place, as_of)
    if ages is not None:
        return ages
    years = spread.years(as_of)
    if not years:
        return None
    stock = spread(years[-1])
    assert stock is not None
    for _ in range(as_of - years[-1]):
        stock = np.concatenate([[stock[0] * growth], stock[:-1] * ratio[1:]])
    total = place.total(as_of)
    return stock * (total / stock.sum()) if total else stock


def spread_bands(bands: FloatArray) -> FloatArray:
    """Plans by single year of age from band totals: the smoothest profile (least squared
    second differences) whose bands add up to the totals, kept non-negative."""
    of_age = band_of_age()
    members = (of_age[None, :] == np.arange(len(BANDS))[:, None]).astype(np.float64)
    second = np.diff(np.eye(len(AGES)), n=2, axis=0)
    size = len(AGES) + len(BANDS)
    system = np.zeros((size, size))
    system[: len(AGES), : len(AGES)] = 2 * second.T @ second
    system[: len(AGES), len(AGES) :] = members.T
    system[len(AGES) :, : len(AGES)] = members
    target = np.concatenate([np.zeros(len(AGES)), bands])
    ages = np.maximum(np.linalg.solve(system, target)[: len(AGES)], 0.0)
    sums = np.bincount(of_age, weights=ages, minlength=len(BANDS))
    even = (bands / WIDTHS)[of_age]
    scaled = ages * (bands / np.where(sums > 0, sums, 1.0))[of_age]
    return np.asarray(np.where((sums > 0)[of_age], scaled, even), dtype=np.float64)


def shrink(
    council: FloatArray,
    exposure: FloatArray,
    england: FloatArray,
    spread: FloatArray,
    dispersion: float = 1.0,
) -> FloatArray:
    """Council ratios pulled towards England's: weight tau^2 / (tau^2 + sampling variance)."""
    sampling = dispersion * np.maximum(england, 0.05) / np.maximum(exposure, 1.0)
    weight = spread / (spread + sampling)
    return np.asarray(weight * council + (1 - weight) * england, dtype=np.float64)


def between_spread(
    ratios: FloatArray, exposures: FloatArray, england: FloatArray, dispersion: float = 1.0
) -> FloatArray:
    """tau^2 per age: variance of council ratios about England's beyond sampling noise."""
    sampling = dispersion * np.maximum(england, 0.05) / np.maximum(exposures, 1.0)
    excess = ((ratios - england) ** 2 - sampling).mean(axis=0)
    return np.asarray(np.maximum(excess, 1e-6), dtype=np.float64)


def shrink_growth(
    growth: FloatArray, sizes: FloatArray, england: float, dispersion: float = 1.0
) -> FloatArray:
    """Council growth rates pulled towards England's the same way (Poisson sampling noise)."""
    logs = np.log(growth)
    sampling = dispersion / np.maximum(sizes, 1.0)
    spread = max(float(((logs - np.log(england)) ** 2 - sampling).mean()), 1e-6)
    weight = spread / (spread + sampling)
    return np.asarray(np.exp(weight * logs + (1 - weight) * np.log(england)), dtype=np.float64)


def parameters(
    place: Place,
    as_of: int,
    stock: FloatArray,
    ratio: FloatArray,
    growth: float,
    horizon: int,
    states: StateSpace,
) -> Parameters:
    """Engine parameters for one place from its (shrunk) cohort summary."""
    settings, needs = _setting_shares(place, as_of, states), _need_shares(place, as_of)
    mix = needs[:, :, None] * settings[:, None, :] * states.valid
    mix = mix / np.maximum(mix.sum(axis=(1, 2), keepdims=True), 1e-12)
    leave = np.clip(1.0 - ratio[1:], 0.0, 1.0)
    leave_age = np.append(leave, 0.0)[states.age]
    exposure = np.maximum(stock[states.age], 1.0)
    move, destination = _moves(settings, states)
    rate = np.maximum(ratio - 1.0, 0.0)
    rate[0] = 0.0
    entries = np.zeros((horizon, len(AGES)))
    entries[:, 0] = stock[0] * growth ** np.arange(1, horizon + 1)
    return Parameters(
        states=states,
        initial=_integer_cells(stock, mix, states),
        leave_alpha=leave_age * exposure + 0.5,
        leave_beta=(1 - leave_age) * exposure + 0.5,
        move_alpha=move * CONCENTRATION + 1e-3,
        move_beta=(1 - move) * CONCENTRATION + 1e-3,
        destination=destination,
        joiner_mean=entries,
        joiner_rate=rate,
        joiner_growth=np.ones(horizon),
        allocation=(mix.reshape(len(AGES), -1) * CONCENTRATION + 1e-3)
        * states.valid.reshape(len(AGES), -1),
        dispersion=50.0,
        level_sd=0.02,
        trend_sd=0.01,
    )


def _setting_shares(place: Place, as_of: int, states: StateSpace) -> FloatArray:
    valid = states.valid.any(axis=1).astype(np.float64)
    by_age = place.get("age_setting", as_of)
    if by_age:
        shares = np.array(
            [[by_age.get(f"{a}:{s}", 0) for s in SETTINGS] for a in AGES], dtype=np.float64
        )
    else:
        years = [y for y in place.years("setting") if y <= as_of]
        overall = place.get("setting", years[-1]) if years else {}
        shares = np.tile([overall.get(s, 0) + 0.0 for s in SETTINGS], (len(AGES), 1))
    shares = (shares + 1e-6) * valid
    return np.asarray(shares / shares.sum(axis=1, keepdims=True), dtype=np.float64)


def _need_shares(place: Place, as_of: int) -> FloatArray:
    by_age = place.get("need_age", as_of)
    shares = np.zeros((len(AGES), len(NEEDS)))
    if by_age:
        shares = np.array(
            [[by_age.get(f"{a}:{n}", 0) for n in NEEDS] for a in AGES], dtype=np.float64
        )
    shares[shares.sum(axis=1) == 0, NEEDS.index("unknown")] = 1.0
    return np.asarray(shares / shares.sum(axis=1, keepdims=True), dtype=np.float64)


def _moves(settings: FloatArray, states: StateSpace) -> tuple[FloatArray, FloatArray]:
    """Per state: chance of moving, and Dirichlet weights over destination settings."""
    nxt = np.vstack([settings[1:], settings[-1:]])
    loss = np.maximum(settings - nxt, 0.0) * (nxt > 0)
    gain = np.maximum(nxt - settings, 0.0) * (settings > 1e-5)
    move = np.where(settings > 0, loss / np.maximum(settings, 1e-12), 0.0)
    move = np.where(gain.sum(axis=1, keepdims=True) > 0, move, 0.0)
    a, k = states.age, states.setting
    valid_dest = states.moved >= 0
    destination = (gain[a] * CONCENTRATION + 1e-3) * valid_dest
    return np.clip(move[a, k], 0.0, 0.95), destination


def _integer_cells(stock: FloatArray, mix: FloatArray, states: StateSpace) -> IntArray:
    wanted = np.rint(stock).astype(np.int64)
    cells = mix * stock[:, None, None]
    out = np.zeros(states.size, dtype=np.int64)
    for a in range(len(AGES)):
        flat = cells[a][states.valid[a]]
        whole = np.floor(flat).astype(np.int64)
        order = np.argsort(-(flat - whole), kind="stable")
        whole[order[: max(wanted[a] - whole.sum(), 0)]] += 1
        out[states.index[a][states.valid[a]]] = whole
    return out
