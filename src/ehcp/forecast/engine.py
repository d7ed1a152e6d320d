"""The simulation engine: leavers, movers, ageing and joiners, vectorised over simulations.

Simulations run in fixed blocks of `BLOCK`; block b draws from its own stream, spawned from
the seed with key (b,), so a result depends on the seed and never on how blocks are grouped
into chunks. Each simulation draws its parameters once and keeps them for the whole horizon
(parameter uncertainty persists), then draws the year-by-year process noise. A scenario only
rescales probabilities, so a factor of 1.0 reproduces the baseline draw for draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ehcp.forecast.capacity import apply_capacities
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.scenario import Scenario
from ehcp.forecast.states import AGES, SETTINGS, FloatArray, IntArray, StateSpace

BLOCK = 50
Int32Array = npt.NDArray[np.int32]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Parameters:
    """Everything the engine needs; arrays are per state unless noted."""

    states: StateSpace
    initial: IntArray
    leave_alpha: FloatArray
    leave_beta: FloatArray
    move_alpha: FloatArray
    move_beta: FloatArray
    destination: FloatArray  # [S, K] Dirichlet concentration over destination settings
    joiner_mean: FloatArray  # [H, A] joiners expected at each age, whatever the stock
    joiner_rate: FloatArray  # [A] joiners at age a per plan at age a-1 a year before
    joiner_growth: FloatArray  # [H] trend factor on joiner_rate in each projection year
    allocation: FloatArray  # [A, N*K] Dirichlet concentration of joiners over need x setting
    dispersion: float = 0.0  # negative binomial size of the joiner count; 0 is Poisson
    level_sd: float = 0.0  # persistent log shock to joiners, per simulation
    trend_sd: float = 0.0  # persistent shock to the joiners' log growth, per simulation

    @property
    def horizon(self) -> int:
        return int(self.joiner_mean.shape[0])


@dataclass(frozen=True)
class Simulation:
    """Counts per simulation, year (0 = the start) and state, with the flows that made them."""

    counts: Int32Array  # [sims, years + 1, states]
    leavers: IntArray  # [sims, years] left or aged out
    joiners: IntArray  # [sims, years]
    unmet: IntArray  # [sims, years] children capacity could place nowhere on the overflow list
    states: StateSpace


def simulate(
    params: Parameters,
    *,
    sims: int,
    seed: int,
    years: int | None = None,
    scenario: Scenario | None = None,
    chunk_size: int = 200,
    progress: Progress | None = None,
) -> Simulation:
    """Run `sims` simulations for `years` years (all the parameters' horizon by default)."""
    years = params.horizon if years is None else years
    if not 1 <= years <= params.horizon:
        raise ForecastError(f"Forecast between 1 and {params.horizon} years ahead.")
    if sims < 1 or chunk_size < 1:
        raise ForecastError("Run at least one simulation.")
    scenario = scenario or Scenario()
    blocks = [(start, min(start + BLOCK, sims)) for start in range(0, sims, BLOCK)]
    per_chunk = max(1, -(-chunk_size // BLOCK))
    parts: list[tuple[Int32Array, IntArray, IntArray, IntArray]] = []
    for first in range(0, len(blocks), per_chunk):
        for number in range(first, min(first + per_chunk, len(blocks))):
            start, stop = blocks[number]
            rng = np.random.Generator(
                np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(number,)))
            )
            parts.append(_run_block(params, stop - start, years, scenario, rng))
            if progress is not None:
                progress(stop, sims)
    counts, leavers, joiners, unmet = (np.concatenate(p) for p in zip(*parts, strict=True))
    return Simulation(counts, leavers, joiners, unmet, params.states)


@dataclass(frozen=True)
class _Draws:
    leave: FloatArray
    move: FloatArray
    destination: FloatArray
    allocation: FloatArray
    shock: FloatArray
    trend: FloatArray
    destination_total: FloatArray


def _draw_parameters(params: Parameters, n: int, rng: np.random.Generator) -> _Draws:
    size = params.states.size
    leave = rng.beta(params.leave_alpha, params.leave_beta, size=(n, size))
    move = rng.beta(params.move_alpha, params.move_beta, size=(n, size))
    destination = rng.standard_gamma(params.destination, size=(n, *params.destination.shape))
    allocation = rng.standard_gamma(params.allocation, size=(n, *params.allocation.shape))
    shock = rng.standard_normal(n) * params.level_sd
    trend = rng.standard_normal(n) * params.trend_sd
    return _Draws(leave, move, destination, allocation, shock, trend, destination.sum(axis=2))


def _run_block(
    params: Parameters, n: int, years: int, scenario: Scenario, rng: np.random.Generator
) -> tuple[Int32Array, IntArray, IntArray, IntArray]:
    draws = _draw_parameters(params, n, rng)
    states = params.states
    counts = np.zeros((n, years + 1, states.size), dtype=np.int32)
    counts[:, 0] = params.initial
    flows = np.zeros((3, n, years), dtype=np.int64)
    current = np.broadcast_to(params.initial, (n, states.size)).astype(np.int64)
    for year in range(1, years + 1):
        current, left, joined, unmet = _step(params, draws, current, year, scenario, rng)
        counts[:, year] = current
        flows[:, :, year - 1] = left, joined, unmet
    return counts, flows[0], flows[1], flows[2]


def _step(
    params: Parameters,
    draws: _Draws,
    current: IntArray,
    year: int,
    scenario: Scenario,
    rng: np.random.Generator,
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    states = params.states
    shut = scenario.shut(year)
    leave = np.clip(draws.leave * scenario.factor("leave", year, states), 0.0, 1.0)
    leavers = rng.binomial(current, leave)
    staying = current - leavers
    moved = _move(draws, staying, scenario.factor("move", year, states), shut, states, rng)
    moved = _close(moved, shut, scenario, year, states)
    aged, aged_out = _age(moved, states)
    joiners = _join(params, draws, current, year, scenario, shut, rng)
    after, unmet = apply_capacities(aged + joiners, scenario, year, states)
    left = leavers.sum(axis=1) + aged_out
    return after, left, joiners.sum(axis=1), unmet


def _move(
    draws: _Draws,
    staying: IntArray,
    factor: FloatArray,
    shut: tuple[int, ...],
    states: StateSpace,
    rng: np.random.Generator,
) -> IntArray:
    totals = draws.destination_total
    if shut:
        totals = totals - draws.destination[:, :, list(shut)].sum(axis=2)
    possible = totals > 1e-300
    movers = rng.binomial(staying, np.where(possible, np.clip(draws.move * factor, 0, 1), 0.0))
    out = staying - movers
    rows, cols = np.nonzero(movers)
    if rows.size == 0:
        return out
    weights = draws.destination[rows, cols]
    if shut:
        weights[:, list(shut)] = 0.0
    spread = rng.multinomial(movers[rows, cols], weights / weights.sum(axis=1, keepdims=True))
    targets = states.moved[cols]
    ok = targets >= 0
    flat = (rows[:, None] * out.shape[1] + targets)[ok]
    out += (
        np.bincount(flat, weights=spread[ok], minlength=out.size)
        .reshape(out.shape)
        .astype(out.dtype)
    )
    return out


def _close(
    counts: IntArray, shut: tuple[int, ...], scenario: Scenario, year: int, states: StateSpace
) -> IntArray:
    for closure in scenario.closures:
        k = SETTINGS.index(closure.setting)
        if year < closure.year or k not in shut:
            continue
        inside = states.setting == k
        to = states.moved[:, SETTINGS.index(closure.to)]
        to = np.where(to >= 0, to, states.moved[:, SETTINGS.index("other")])
        counts = counts.copy()
        _scatter(counts, to[None, inside, None], counts[:, inside, None])
        counts[:, inside] = 0
    return counts


def _age(counts: IntArray, states: StateSpace) -> tuple[IntArray, IntArray]:
    out = np.zeros_like(counts)
    stays = states.aged >= 0
    _scatter(out, states.aged[stays][None], counts[:, stays])
    return out, counts[:, ~stays].sum(axis=1)


def _join(
    params: Parameters,
    draws: _Draws,
    current: IntArray,
    year: int,
    scenario: Scenario,
    shut: tuple[int, ...],
    rng: np.random.Generator,
) -> IntArray:
    states = params.states
    by_age = _by_age(current, states)
    previous = np.zeros_like(by_age, dtype=np.float64)
    previous[:, 1:] = by_age[:, :-1]
    growth = params.joiner_growth[year - 1] * np.exp(draws.shock + draws.trend * year)
    mean = (params.joiner_mean[year - 1] + params.joiner_rate * previous) * growth[:, None]
    cell = states.index.reshape(len(AGES), -1)
    factor = np.ones(cell.shape)
    factor[cell >= 0] = scenario.factor("join", year, states)[cell[cell >= 0]]
    if shut:
        factor.reshape(len(AGES), -1, len(SETTINGS))[:, :, list(shut)] = 0.0
    base = draws.allocation.sum(axis=2)
    weights = draws.allocation * factor
    scaled = weights.sum(axis=2)
    mean = mean * np.where(base > 0, scaled / np.where(base > 0, base, 1.0), 0.0)
    joiners = _count(mean, params.dispersion, rng)
    shares = weights / np.where(scaled > 0, scaled, 1.0)[:, :, None]
    shares[scaled <= 0] = 1.0 / shares.shape[2]
    spread = rng.multinomial(joiners, shares) * (cell >= 0)
    out = np.zeros_like(current)
    _scatter(out, np.where(cell >= 0, cell, 0)[None], spread)
    return out


def _count(mean: FloatArray, dispersion: float, rng: np.random.Generator) -> IntArray:
    if dispersion > 0:
        mean = rng.gamma(dispersion, 1.0, size=mean.shape) * (mean / dispersion)
    return rng.poisson(mean)


def _by_age(counts: IntArray, states: StateSpace) -> IntArray:
    out = np.zeros((counts.shape[0], len(AGES)), dtype=np.int64)
    _scatter(out, states.age[None], counts)
    return out


def _scatter(out: IntArray, target: IntArray, values: IntArray) -> None:
    """out[b, target[..]] += values[b, ..] for every block member b."""
    n = out.shape[0]
    rows = np.broadcast_to(np.arange(n).reshape(n, *([1] * (values.ndim - 1))), values.shape)
    flat = rows * out.shape[1] + np.broadcast_to(target, values.shape)
    out += (
        np.bincount(flat.ravel(), weights=values.ravel(), minlength=out.size)
        .reshape(out.shape)
        .astype(out.dtype)
    )
