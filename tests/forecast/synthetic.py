"""Synthetic ground truth: engine parameters with known rates, and person-level cases drawn
from known leaving rates, for the engine invariants and parameter recovery."""

from __future__ import annotations

from functools import cache

import numpy as np

from ehcp.forecast import Parameters
from ehcp.forecast.casework import Case
from ehcp.forecast.states import AGES, NEEDS, SETTINGS, build_states

SETTINGS_USED = ("mainstream", "special", "fe", "early_years")


def parameters(plans: int = 3000, horizon: int = 6, seed: int = 7) -> Parameters:
    states = build_states()
    rng = np.random.default_rng(seed)
    used = np.isin(states.setting, [SETTINGS.index(s) for s in SETTINGS_USED])
    initial = rng.multinomial(plans, used / used.sum())
    leave = np.full(states.size, 0.06)
    move = np.full(states.size, 0.05)
    destination = (states.moved >= 0) * 1000.0 * used[None, :].any()
    allocation = states.valid.reshape(len(AGES), -1) * 1000.0
    joiner_mean = np.zeros((horizon, len(AGES)))
    joiner_mean[:, :4] = 40.0
    return Parameters(
        states=states,
        initial=initial.astype(np.int64),
        leave_alpha=leave * 1e6,
        leave_beta=(1 - leave) * 1e6,
        move_alpha=move * 1e6,
        move_beta=(1 - move) * 1e6,
        destination=destination.astype(float),
        joiner_mean=joiner_mean,
        joiner_rate=np.full(len(AGES), 0.05),
        joiner_growth=np.ones(horizon),
        allocation=allocation,
    )


CASE_NEEDS = NEEDS[:3]
CASE_SETTINGS = ("mainstream", "resourced", "special", "independent", "other")
_TRUTH = np.random.default_rng(3).beta(
    0.07 * 150, 0.93 * 150, size=(26, len(CASE_NEEDS), len(CASE_SETTINGS))
)


def leave_rate(age: int, need: str, setting: str) -> float:
    """The true chance of leaving in a year: drawn around 7% with prior strength 150."""
    return float(_TRUTH[age, CASE_NEEDS.index(need), CASE_SETTINGS.index(setting)])


@cache
def cases(people: int = 12000, years: int = 5, seed: int = 11) -> tuple[Case, ...]:
    """People followed over `years` Januaries from 2019, leaving at `leave_rate` (drawn once
    per session for each set of arguments; read them, never change them)."""
    rng = np.random.default_rng(seed)
    out: list[Case] = []
    alive = [
        (
            f"p{i}",
            int(rng.integers(5, 15)),
            str(rng.choice(CASE_NEEDS)),
            str(rng.choice(CASE_SETTINGS)),
        )
        for i in range(people)
    ]
    for year in range(2019, 2019 + years):
        survivors = []
        for person, age, need, setting in alive:
            out.append(Case(person, year, age, need, setting))
            if rng.random() >= leave_rate(age, need, setting) and age < 19:
                survivors.append((person, age + 1, need, setting))
        alive = survivors
    return tuple(out)
