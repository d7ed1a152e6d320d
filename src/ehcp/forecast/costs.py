"""Costs: plans × unit cost per need and setting, inflated to each year's prices.

A census year t counts the plans of academic year (t-1)/t. A financial year starting in April
t takes 5/12 of academic year (t-1)/t (April to August) and 7/12 of t/(t+1) (September to March).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ehcp.forecast.engine import Simulation
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.states import NEEDS, SETTINGS, FloatArray


@dataclass(frozen=True)
class UnitCosts:
    """Annual cost of one plan per need and setting, at `price_year` prices."""

    cost: FloatArray  # [N, K]
    price_year: int
    inflation: float = 0.0  # a year

    @classmethod
    def by_setting(
        cls, costs: dict[str, float], price_year: int, inflation: float = 0.0
    ) -> UnitCosts:
        unknown = set(costs) - set(SETTINGS)
        if unknown:
            raise ForecastError(f"There is no setting called {sorted(unknown)[0]!r}.")
        row = np.array([costs.get(s, 0.0) for s in SETTINGS])
        return cls(np.tile(row, (len(NEEDS), 1)), price_year, inflation)


def academic_year_costs(sim: Simulation, unit: UnitCosts, first_year: int) -> FloatArray:
    """Cost per simulation and census year [sims, years + 1]; column 0 is `first_year`."""
    per_state = unit.cost[sim.states.need, sim.states.setting]
    years = first_year + np.arange(sim.counts.shape[1])
    index = (1 + unit.inflation) ** (years - unit.price_year)
    return np.asarray(sim.counts @ per_state, dtype=np.float64) * index[None, :]


def financial_year_costs(academic: FloatArray) -> FloatArray:
    """Financial years from consecutive academic years [sims, years]: 5/12 + 7/12."""
    return 5 / 12 * academic[:, :-1] + 7 / 12 * academic[:, 1:]
