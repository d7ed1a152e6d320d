"""Engine invariants on synthetic parameters (spec section 4.6, item 6)."""

from __future__ import annotations

import numpy as np
import pytest
from synthetic import parameters

from ehcp.forecast import Capacity, Closure, ForecastError, RateChange, Scenario, simulate
from ehcp.forecast.model import expected
from ehcp.forecast.states import SETTINGS

PARAMS = parameters()


def test_same_seed_same_result_whatever_the_chunking() -> None:
    # Two blocks (one full, one partial), chunks smaller than, equal to and larger than a
    # block; three years are enough for every draw the engine makes.
    runs = [
        simulate(PARAMS, sims=70, seed=5, years=3, chunk_size=size) for size in (1, 25, 50, 1000)
    ]
    for run in runs[1:]:
        assert np.array_equal(run.counts, runs[0].counts)
    other = simulate(PARAMS, sims=70, seed=6, years=3)
    assert not np.array_equal(other.counts, runs[0].counts)


def test_conservation_each_year() -> None:
    sim = simulate(PARAMS, sims=60, seed=1)
    totals = sim.counts.sum(axis=2)
    assert np.array_equal(totals[:, 1:], totals[:, :-1] - sim.leavers + sim.joiners)


def test_no_mass_in_invalid_states() -> None:
    sim = simulate(PARAMS, sims=20, seed=2)
    assert sim.counts.shape[2] == int(PARAMS.states.valid.sum())
    early = SETTINGS.index("early_years")
    ages = np.asarray(range(2, 26))[PARAMS.states.age]
    assert not ((PARAMS.states.setting == early) & (ages > 5)).any()
    assert (sim.counts >= 0).all()


def test_one_step_mean_matches_expectation() -> None:
    sim = simulate(PARAMS, sims=400, seed=3, years=1)
    totals = sim.counts[:, 1].sum(axis=1).astype(float)
    want = expected(PARAMS, 1)[1].sum()
    assert abs(totals.mean() - want) <= 3 * totals.std(ddof=1) / np.sqrt(len(totals))


def test_modifier_of_one_equals_baseline_exactly() -> None:
    same = Scenario(
        changes=(
            RateChange("leave", 1.0, settings=("special",)),
            RateChange("move", 1.0, ages=(5, 10)),
            RateChange("join", 1.0, needs=("asd",), years=(2, 4)),
        )
    )
    base = simulate(PARAMS, sims=60, seed=9)
    assert np.array_equal(simulate(PARAMS, sims=60, seed=9, scenario=same).counts, base.counts)
    more = Scenario(changes=(RateChange("join", 1.5),))
    assert simulate(PARAMS, sims=60, seed=9, scenario=more).counts.sum() > base.counts.sum()


def test_capacity_never_exceeded_and_overflow_kept() -> None:
    special = SETTINGS.index("special")
    inside = PARAMS.states.setting == special
    start = int(PARAMS.initial[inside].sum())
    rule = Capacity("special", places=start // 2, overflow=("independent", "mainstream"))
    capped = simulate(PARAMS, sims=60, seed=4, scenario=Scenario(capacities=(rule,)))
    base = simulate(PARAMS, sims=60, seed=4)
    assert (capped.counts[:, 1:, inside].sum(axis=2) <= start // 2).all()
    assert (base.counts[:, 1:, inside].sum(axis=2) > start // 2).any()
    # The overflow keeps every child: the first year's totals match the uncapped run.
    assert np.array_equal(capped.counts[:, 1].sum(axis=1), base.counts[:, 1].sum(axis=1))
    assert capped.unmet.sum() == 0


def test_closure_empties_the_setting() -> None:
    scenario = Scenario(closures=(Closure("special", year=2, to="independent"),))
    sim = simulate(PARAMS, sims=20, seed=4, scenario=scenario)
    inside = PARAMS.states.setting == SETTINGS.index("special")
    assert sim.counts[:, 1, inside].sum() > 0
    assert sim.counts[:, 2:, inside].sum() == 0


def test_bad_input_is_refused() -> None:
    with pytest.raises(ForecastError):
        simulate(PARAMS, sims=0, seed=1)
    with pytest.raises(ForecastError):
        RateChange("grow", 1.0)
    with pytest.raises(ForecastError):
        Capacity("castle", 10)
