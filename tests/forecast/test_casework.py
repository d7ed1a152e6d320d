"""A council's own cases: parameter recovery on synthetic people with known leaving rates."""

from __future__ import annotations

import numpy as np
import pytest
from scipy_free_beta import beta_intervals
from synthetic import CASE_NEEDS, CASE_SETTINGS, cases, leave_rate

from ehcp.forecast import ForecastError
from ehcp.forecast.casework import cases_from_rows, fit_cases
from ehcp.forecast.states import AGES, NEEDS, SETTINGS


def test_true_leaving_rates_inside_90_percent_intervals() -> None:
    params = fit_cases(cases(), as_of=2023)
    states = params.states
    chosen, truth = [], []
    for s in range(states.size):
        setting, need = SETTINGS[states.setting[s]], NEEDS[states.need[s]]
        age = AGES[states.age[s]]
        if need in CASE_NEEDS and setting in CASE_SETTINGS and 6 <= age <= 17:
            chosen.append(s)
            truth.append(leave_rate(age, need, setting))
    low, high = beta_intervals(params.leave_alpha[chosen], params.leave_beta[chosen], 0.9)
    hits = (low <= np.array(truth)) & (np.array(truth) <= high)
    assert len(hits) >= 150
    # Measured 75% against the nominal 90%: the learned prior strength is a little strong.
    assert 0.70 <= np.mean(hits) <= 0.96


def test_cases_after_the_origin_are_refused() -> None:
    with pytest.raises(ForecastError, match="after January 2021"):
        fit_cases(cases(years=4), as_of=2021)


def test_rows_from_a_casework_export() -> None:
    rows = [
        {"person_id": 1, "census_year": 2024, "age": 7, "need": "asd", "setting": "mainstream"},
        {"person_id": 1, "census_year": 2025, "age": 8, "need": "asd", "setting": "special"},
        {"person_id": 2, "census_year": 2025, "age": 4, "need": "slcn", "setting": "early_years"},
    ]
    params = fit_cases(cases_from_rows(rows), as_of=2025)
    assert params.initial.sum() == 2
    with pytest.raises(ForecastError, match="incomplete"):
        cases_from_rows([{"person_id": 1}])
