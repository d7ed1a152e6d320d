"""A council's own cases: engine parameters from person-level January snapshots.

`fit_cases` takes plain rows (person id, census year, age, need, setting), such as a casework
database export, pairs each person's consecutive Januaries into transitions (joiner, leaver,
mover, stayer) and turns the counts into Beta and Dirichlet posteriors. Sparse states borrow
strength from their age: each state's prior is centred on the age's pooled rate with a
strength learned from how much that age's states really differ (method of moments, at least
one pseudo-observation). Joiners per age follow a log-linear trend over the years.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ehcp.forecast.engine import Parameters
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.states import AGES, NEEDS, SETTINGS, FloatArray, StateSpace, build_states


@dataclass(frozen=True)
class Case:
    """One child or young person on the January census of `year`."""

    person: str
    year: int
    age: int
    need: str
    setting: str


@dataclass(frozen=True)
class Counts:
    exposure: FloatArray  # [S] plans at the start of each pair of years
    leavers: FloatArray  # [S]
    movers: FloatArray  # [S]
    destinations: FloatArray  # [S, K]
    joiners: FloatArray  # [years, A]
    joiner_cells: FloatArray  # [A, N*K]
    initial: FloatArray  # [S] the last January
    years: list[int]


def cases_from_rows(rows: Iterable[dict[str, object]]) -> list[Case]:
    """Cases from plain mappings with keys person_id, census_year, age, need, setting."""
    out = []
    for row in rows:
        try:
            case = Case(
                str(row["person_id"]),
                int(str(row["census_year"])),
                int(str(row["age"])),
                str(row["need"]),
                str(row["setting"]),
            )
        except (KeyError, ValueError) as error:
            raise ForecastError(f"A case row is incomplete or malformed: {row!r}.") from error
        out.append(case)
    return out


def count_transitions(cases: Sequence[Case], as_of: int, states: StateSpace) -> Counts:
    late = [c for c in cases if c.year > as_of]
    if late:
        raise ForecastError(f"{len(late)} cases are from after January {as_of}; leave them out.")
    by_year: dict[int, dict[str, int]] = {}
    for case in cases:
        by_year.setdefault(case.year, {})[case.person] = _state(case, states)
    years = sorted(by_year)
    if len(years) < 2:
        raise ForecastError("The cases need at least two Januaries to show transitions.")
    size, k = states.size, len(SETTINGS)
    exposure, leavers, movers = np.zeros(size), np.zeros(size), np.zeros(size)
    destinations = np.zeros((size, k))
    joiners = np.zeros((len(years) - 1, len(AGES)))
    cells = np.zeros((len(AGES), len(NEEDS) * k))
    for i, (first, second) in enumerate(zip(years, years[1:], strict=False)):
        now, later = by_year[first], by_year[second]
        for person, s in now.items():
            exposure[s] += 1
            t = later.get(person)
            if t is None:
                leavers[s] += 1
            elif states.setting[t] != states.setting[s]:
                movers[s] += 1
                destinations[s, states.setting[t]] += 1
        for person, t in later.items():
            if person not in now:
                joiners[i, states.age[t]] += 1
                cells[states.age[t], states.need[t] * k + states.setting[t]] += 1
    initial = np.bincount(list(by_year[years[-1]].values()), minlength=size).astype(float)
    return Counts(exposure, leavers, movers, destinations, joiners, cells, initial, years)


def _state(case: Case, states: StateSpace) -> int:
    try:
        a, n, k = AGES.index(case.age), NEEDS.index(case.need), SETTINGS.index(case.setting)
    except ValueError:
        raise ForecastError(f"Case {case.person} has an unknown age, need or setting.") from None
    s = int(states.index[a, n, k])
    if s < 0:
        raise ForecastError(f"Case {case.person}: {case.setting} does not take age {case.age}.")
    return s


def pooled_prior(
    events: FloatArray, exposure: FloatArray, group: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Beta posterior (alpha, beta) per state, shrunk towards its group's pooled rate."""
    alpha, beta = np.zeros_like(events), np.zeros_like(events)
    for g in np.unique(group):
        inside = group == g
        x, m = events[inside], exposure[inside]
        mu = (x.sum() + 0.5) / (m.sum() + 1.0)
        kappa = _strength(x, m, mu)
        alpha[inside] = x + kappa * mu
        beta[inside] = m - x + kappa * (1 - mu)
    return alpha, beta


def _strength(x: FloatArray, m: FloatArray, mu: float) -> float:
    """Prior strength from the spread of the states' rates beyond binomial noise."""
    seen = m > 0
    if seen.sum() < 2:
        return 1.0
    rates = x[seen] / m[seen]
    noise = (mu * (1 - mu) / m[seen]).mean()
    between = max(float(rates.var() - noise), 1e-9)
    return float(max(mu * (1 - mu) / between - 1, 1.0))


def fit_cases(cases: Sequence[Case], *, as_of: int, horizon: int = 6) -> Parameters:
    """Engine parameters from a council's cases up to January `as_of`."""
    states = build_states()
    counts = count_transitions(cases, as_of, states)
    leave_a, leave_b = pooled_prior(counts.leavers, counts.exposure, states.age.astype(float))
    stayed = counts.exposure - counts.leavers
    move_a, move_b = pooled_prior(counts.movers, stayed, states.age.astype(float))
    possible = (states.moved >= 0).astype(float)
    destination = counts.destinations + possible / np.maximum(possible.sum(1, keepdims=True), 1)
    destination *= possible
    valid = states.valid.reshape(len(AGES), -1).astype(float)
    return Parameters(
        states=states,
        initial=counts.initial.astype(np.int64),
        leave_alpha=leave_a,
        leave_beta=leave_b,
        move_alpha=move_a,
        move_beta=move_b,
        destination=destination,
        joiner_mean=trended_joiners(counts.joiners, horizon),
        joiner_rate=np.zeros(len(AGES)),
        joiner_growth=np.ones(horizon),
        allocation=(counts.joiner_cells + valid / valid.sum(1, keepdims=True)) * valid,
        dispersion=0.0,
    )


def trended_joiners(joiners: FloatArray, horizon: int) -> FloatArray:
    """Joiners per age for each year ahead: a Poisson log-linear trend in the total, shared
    across ages in proportion to their counts (one year: held flat)."""
    totals = joiners.sum(axis=1)
    shares = (joiners.sum(axis=0) + 1e-3) / (joiners.sum() + 1e-3 * joiners.shape[1])
    t = np.arange(len(totals), dtype=float)
    slope = 0.0
    if len(totals) >= 3 and (totals > 0).all():
        slope = float(np.polyfit(t, np.log(totals), 1, w=np.sqrt(totals))[0])
    level = totals.mean() * np.exp(slope * (t[-1] - t.mean() if len(t) else 0.0))
    ahead = level * np.exp(slope * np.arange(1, horizon + 1))
    return np.asarray(ahead[:, None] * shares[None, :], dtype=np.float64)
