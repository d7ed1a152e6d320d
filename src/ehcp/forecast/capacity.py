"""Places: children over a setting's capacity move to its overflow settings.

Which children move is decided without random numbers (a share of every age and need in the
setting, by largest remainder), so capacity never disturbs the random streams.
"""

from __future__ import annotations

import numpy as np

from ehcp.forecast.scenario import Capacity, Scenario
from ehcp.forecast.states import SETTINGS, IntArray, StateSpace


def apply_capacities(
    counts: IntArray, scenario: Scenario, year: int, states: StateSpace
) -> tuple[IntArray, IntArray]:
    """Counts after every capacity rule for `year`, and the children placed nowhere."""
    rules = [c for c in scenario.capacities if c.applies(year)]
    unmet = np.zeros(counts.shape[0], dtype=np.int64)
    if not rules:
        return counts, unmet
    counts = counts.copy()
    places = {SETTINGS.index(c.setting): c.places for c in rules}
    for _ in range(len(rules) + 1):
        for rule in rules:
            unmet += _overflow(counts, rule, places, states)
    return counts, unmet


def _overflow(
    counts: IntArray, rule: Capacity, places: dict[int, int], states: StateSpace
) -> IntArray:
    k = SETTINGS.index(rule.setting)
    inside = np.flatnonzero(states.setting == k)
    excess = np.maximum(counts[:, inside].sum(axis=1) - rule.places, 0)
    if not excess.any():
        return np.zeros(counts.shape[0], dtype=np.int64)
    leaving = _largest_remainder(counts[:, inside], excess)
    counts[:, inside] -= leaving
    for name in (*rule.overflow, None):
        leaving = _place(counts, leaving, inside, name, places, states)
    return np.asarray(leaving.sum(axis=1), dtype=np.int64)


def _place(
    counts: IntArray,
    leaving: IntArray,
    inside: IntArray,
    name: str | None,
    places: dict[int, int],
    states: StateSpace,
) -> IntArray:
    """Put as many of `leaving` as fit into setting `name`; return those still to place."""
    if name is None or not leaving.any():
        return leaving
    target_setting = SETTINGS.index(name)
    target = states.moved[inside, target_setting]
    fits = np.where(target >= 0, leaving, 0)
    if target_setting in places:
        there = np.flatnonzero(states.setting == target_setting)
        free = np.maximum(places[target_setting] - counts[:, there].sum(axis=1), 0)
        fits = _largest_remainder(fits, np.minimum(free, fits.sum(axis=1)))
    rows, cols = np.nonzero(fits)
    np.add.at(counts, (rows, target[cols]), fits[rows, cols])
    return leaving - fits


def _largest_remainder(counts: IntArray, amount: IntArray) -> IntArray:
    """Integers no larger than `counts`, proportional to them, summing to `amount` per row."""
    totals = counts.sum(axis=1)
    share = counts * (amount / np.where(totals > 0, totals, 1))[:, None]
    whole = np.floor(share).astype(np.int64)
    short = amount - whole.sum(axis=1)
    order = np.argsort(-(share - whole), axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(counts.shape[1])[None, :], axis=1)
    return np.asarray(whole + (rank < short[:, None]), dtype=np.int64)
