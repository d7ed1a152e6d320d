"""Every council under every scenario: one task per council and scenario, run anywhere.

A national run is a list of independent tasks, each a fitted `PlaceModel` and a
`ForecastRequest`. Each council's seed is derived from the run's seed and the council's code
alone (`place_seed`), and every scenario of a council shares it (common random numbers), so
the results are the same draw for draw whether the tasks run here one after another or are
spread over a cluster's workers in any order. A `Runner` does the spreading: `local_runner`
here, or one that hands the tasks to a Dask cluster (the command line builds that; this
package never imports Dask).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ehcp.forecast.places import (
    ForecastRequest,
    ForecastResult,
    PlaceModel,
    place_seed,
    run_forecast,
)

T = TypeVar("T")
R = TypeVar("R")
# Runs a function over tasks and returns the results in the tasks' order.
Runner = Callable[[Callable[[T], R], Sequence[T]], list[R]]


def local_runner(function: Callable[[T], R], tasks: Sequence[T]) -> list[R]:
    return [function(task) for task in tasks]


@dataclass(frozen=True)
class Task:
    place: PlaceModel
    request: ForecastRequest


def tasks(
    places: Iterable[PlaceModel], joiners: Sequence[int], *, sims: int, seed: int
) -> list[Task]:
    """The baseline and each joiners scenario (new plans as a percentage of those expected)
    for every council, councils in code order."""
    councils = sorted((p for p in places if p.level == "council"), key=lambda p: p.code)
    percents = [100, *(p for p in dict.fromkeys(joiners) if p != 100)]
    return [
        Task(
            place,
            ForecastRequest(
                place.code,
                joiners_percent=percent,
                sims=sims,
                seed=place_seed(seed, place.code),
            ),
        )
        for place in councils
        for percent in percents
    ]


def run_task(task: Task) -> ForecastResult:
    return run_forecast(task.place, task.request)


def run(work: Sequence[Task], runner: Runner[Any, Any] = local_runner) -> list[ForecastResult]:
    """Every task's result, in the order of `work`."""
    results: list[ForecastResult] = runner(run_task, work)
    return results
