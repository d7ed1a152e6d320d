"""Demand forecasts for the public statistics pages, read from the forecasts kept on disk.

A page never fits a model. The models are fitted, and every place's baseline forecast is
simulated, when statistics are imported (`prepare`, which `manage.py ehcp_statistics` and
`ehcp stats import` run), and kept beside the statistics store under the store's version
(`ehcp.forecast.stored`). A page reads the baseline from there. When the store holds
figures newer than the kept forecasts, `ForecastsNotReadyError` says so and the page shows
the command that makes them instead of fitting.

A scenario from the page's form (`PAGE_SIMS` simulations) costs about half a CPU second
whatever the council's size, one to three seconds on a busy server, so by default a page
does not run it: the job queue does (`scenario_jobs`, `run_scenario`) and keeps the result
beside the kept baselines, where the page finds it (ADR 0030).
`EHCP_FORECAST_SCENARIOS_IN_REQUEST=1` runs it in the request from the kept model (no
fitting). `run_forecast(place_model(code), request)` is the same run for any number of
simulations.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path

import duckdb
from django.conf import settings

from ehcp.forecast import Figures, figures_from_rows, stored
from ehcp.forecast.places import (
    NEED_NAMES,
    OVERFLOW,
    PAGE_SIMS,
    SETTING_NAMES,
    Accuracy,
    ForecastRequest,
    ForecastResult,
    PlaceModel,
    run_forecast,
)
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, store_version
from ehcp.web.statistics import services

__all__ = [
    "NEED_NAMES",
    "OVERFLOW",
    "PAGE_SIMS",
    "SETTING_NAMES",
    "Accuracy",
    "ForecastRequest",
    "ForecastResult",
    "ForecastsNotReadyError",
    "forecast",
    "place_model",
    "prepare",
    "run_forecast",
    "run_scenario",
]


class ForecastsNotReadyError(Exception):
    """No forecasts are kept for the figures the store holds now."""


def forecast(request: ForecastRequest) -> ForecastResult:
    """The forecast for a page: the kept baseline; a scenario worked out earlier by the job
    queue (`run_scenario`); or a scenario run from the kept model in the request when
    `settings.FORECAST_SCENARIOS_IN_REQUEST` allows it. Otherwise a scenario is answered with
    the baseline (whose `request` is then not the one asked for)."""
    if request.sims > PAGE_SIMS:
        raise ValueError(f"A page runs at most {PAGE_SIMS} simulations; use the job queue.")
    kept = _kept()
    if request.is_baseline:
        return kept.result(request.code)
    if settings.FORECAST_SCENARIOS_IN_REQUEST:
        return _scenario(kept, request)
    return kept.scenario(request) or kept.result(request.code)


def run_scenario(request: ForecastRequest) -> None:
    """Work out a page's scenario and keep it beside the kept baselines, for `forecast` to
    find; the job queue runs this (`scenario_jobs`)."""
    kept = _kept()
    kept.keep_scenario(run_forecast(kept.place(request.code), request))


def place_model(code: str) -> PlaceModel:
    """A place's kept model, for a run outside the request (more simulations, a job)."""
    return _kept().place(code)


def _kept() -> stored.Stored:
    path, stamp = services.version()
    version = services.ask_version(path, stamp, store_version)
    kept = _load(str(stored.directory_for(Path(path))), version)
    if kept is None:
        raise ForecastsNotReadyError(path)
    return kept


def _load(directory: str, version: str) -> stored.Stored | None:
    found = _cached_load(directory, version)
    if found is None:
        _cached_load.cache_clear()  # not kept yet: look again next time
    return found


@functools.lru_cache(maxsize=2)
def _cached_load(directory: str, version: str) -> stored.Stored | None:
    return stored.load(Path(directory), version)


@functools.lru_cache(maxsize=256)
def _scenario(kept: stored.Stored, request: ForecastRequest) -> ForecastResult:
    return run_forecast(kept.place(request.code), request)


def clear_cache() -> None:
    _cached_load.cache_clear()
    _scenario.cache_clear()


def prepare(store: Path, *, force: bool = False) -> tuple[int, float] | None:
    """Fit and keep the forecasts for the store's figures unless they are kept already:
    (places, seconds taken), or None when nothing needed doing."""
    with connect(store, read_only=True) as connection:
        version = store_version(connection)
        directory = stored.directory_for(store)
        if not force and stored.load(directory, version) is not None:
            return None
        figures = _figures(connection)
    started = time.perf_counter()
    kept = stored.build(figures, version, directory)
    return len(list(kept.codes)), time.perf_counter() - started


def _figures(connection: duckdb.DuckDBPyConnection) -> Figures:
    return figures_from_rows(read_breakdowns(connection))
