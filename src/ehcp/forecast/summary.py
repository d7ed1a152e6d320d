"""Summaries across simulations: each aggregate is formed inside every simulation first."""

from __future__ import annotations

import numpy as np

from ehcp.forecast.engine import Simulation
from ehcp.forecast.states import AGES, BANDS, NEEDS, SETTINGS, FloatArray, band_of_age

QUANTILES = {"p5": 0.05, "p25": 0.25, "median": 0.5, "p75": 0.75, "p95": 0.95}


def summarise(values: FloatArray) -> dict[str, FloatArray]:
    """Mean, sd, exact quantiles and the Monte Carlo error of the mean, over axis 0."""
    out = {
        "mean": values.mean(axis=0),
        "sd": values.std(axis=0, ddof=1) if len(values) > 1 else np.zeros(values.shape[1:]),
    }
    out.update({name: np.quantile(values, q, axis=0) for name, q in QUANTILES.items()})
    out["mc_se"] = out["sd"] / np.sqrt(len(values))
    return out


def totals(sim: Simulation) -> FloatArray:
    return np.asarray(sim.counts.sum(axis=2), dtype=np.float64)


def by(sim: Simulation, what: str) -> tuple[tuple[str, ...], FloatArray]:
    """Plans per simulation, year and group [sims, years, groups]: age, band, need or setting."""
    states = sim.states
    keys: dict[str, tuple[tuple[str, ...], np.ndarray]] = {
        "age": (tuple(str(a) for a in AGES), states.age),
        "band": (tuple(f"{lo}-{hi}" for lo, hi in BANDS), band_of_age()[states.age]),
        "need": (NEEDS, states.need),
        "setting": (SETTINGS, states.setting),
    }
    names, group = keys[what]
    onehot = np.zeros((states.size, len(names)))
    onehot[np.arange(states.size), group] = 1.0
    return names, np.asarray(sim.counts @ onehot)
