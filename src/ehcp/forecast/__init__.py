"""Demand forecasting: how many EHC plans, of which needs, in which settings, in years ahead.

A Markov model of plans by age, primary need and setting (joiners, leavers, movers, ageing),
fitted from DfE's published aggregates or a council's own cases, simulated with NumPy.
Pure Python and NumPy: no Django, no web, no database.
"""

from ehcp.forecast.data import Figures, figures_from_rows
from ehcp.forecast.engine import Parameters, Simulation, simulate
from ehcp.forecast.errors import DataQualityWarning, ForecastError
from ehcp.forecast.model import Model, expected, fit
from ehcp.forecast.scenario import Capacity, Closure, Opening, RateChange, Scenario

__all__ = [
    "Capacity",
    "Closure",
    "DataQualityWarning",
    "Figures",
    "ForecastError",
    "Model",
    "Opening",
    "Parameters",
    "RateChange",
    "Scenario",
    "Simulation",
    "expected",
    "figures_from_rows",
    "fit",
    "simulate",
]
