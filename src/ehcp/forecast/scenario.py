"""Scenarios: rates scaled for chosen groups and years, settings closed or opened, and
capacity with overflow to other settings.

Years are projection years counted from 1 (the first January after the data).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ehcp.forecast.errors import ForecastError
from ehcp.forecast.states import AGES, NEEDS, SETTINGS, FloatArray, StateSpace

PROCESSES = ("leave", "move", "join")


@dataclass(frozen=True)
class RateChange:
    """Multiply one process's rate for the selected ages, needs, settings and years."""

    process: str
    factor: float
    ages: tuple[int, int] | None = None
    needs: tuple[str, ...] | None = None
    settings: tuple[str, ...] | None = None
    years: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.process not in PROCESSES:
            raise ForecastError(f"A rate change applies to one of {', '.join(PROCESSES)}.")
        if self.factor < 0:
            raise ForecastError("A rate factor cannot be negative.")
        _check_names(self.needs, NEEDS, "need")
        _check_names(self.settings, SETTINGS, "setting")

    def applies(self, year: int) -> bool:
        return self.years is None or self.years[0] <= year <= self.years[1]

    def factors(self, states: StateSpace) -> FloatArray:
        """The factor for each state (1.0 outside the selection)."""
        chosen = np.ones(states.size, dtype=bool)
        if self.ages is not None:
            ages = np.asarray(AGES)[states.age]
            chosen &= (ages >= self.ages[0]) & (ages <= self.ages[1])
        if self.needs is not None:
            chosen &= np.isin(states.need, [NEEDS.index(n) for n in self.needs])
        if self.settings is not None:
            chosen &= np.isin(states.setting, [SETTINGS.index(s) for s in self.settings])
        return np.where(chosen, self.factor, 1.0)


@dataclass(frozen=True)
class Closure:
    """A setting that takes nobody from `year`; its children move to `to` then."""

    setting: str
    year: int
    to: str = "other"

    def __post_init__(self) -> None:
        _check_names((self.setting, self.to), SETTINGS, "setting")


@dataclass(frozen=True)
class Opening:
    """A setting that takes nobody before `year` (a new school)."""

    setting: str
    year: int

    def __post_init__(self) -> None:
        _check_names((self.setting,), SETTINGS, "setting")


@dataclass(frozen=True)
class Capacity:
    """At most `places` children in `setting`; the rest go to `overflow`, first one first."""

    setting: str
    places: int
    overflow: tuple[str, ...] = ("other",)
    years: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        _check_names((self.setting, *self.overflow), SETTINGS, "setting")
        if self.places < 0:
            raise ForecastError("A setting cannot have fewer than 0 places.")

    def applies(self, year: int) -> bool:
        return self.years is None or self.years[0] <= year <= self.years[1]


@dataclass(frozen=True)
class Scenario:
    """Changes applied to the baseline; the empty scenario is the baseline."""

    name: str = "baseline"
    changes: tuple[RateChange, ...] = ()
    closures: tuple[Closure, ...] = ()
    openings: tuple[Opening, ...] = ()
    capacities: tuple[Capacity, ...] = field(default=())

    def factor(self, process: str, year: int, states: StateSpace) -> FloatArray:
        out = np.ones(states.size)
        for change in self.changes:
            if change.process == process and change.applies(year):
                out = out * change.factors(states)
        return out

    def shut(self, year: int) -> tuple[int, ...]:
        """Settings taking nobody in `year`."""
        closed = [c.setting for c in self.closures if year >= c.year]
        closed += [o.setting for o in self.openings if year < o.year]
        return tuple(SETTINGS.index(s) for s in closed)


def _check_names(names: tuple[str, ...] | None, known: tuple[str, ...], what: str) -> None:
    for name in names or ():
        if name not in known:
            raise ForecastError(
                f"There is no {what} called {name!r}; use one of {', '.join(known)}."
            )
