"""Benchmark: 1,000 simulations x 6 years for a 20,000-plan council, then every council.

The 20,000-plan council is Kent (the largest, 20,635 plans in January 2025) scaled to exactly
20,000 plans. The figures come from a statistics store (imported from the shared DfE releases
into a temporary file unless --store is given). Also timed: fitting every place (what an
import does), one page scenario (200 simulations) for the median-sized council and for the
largest, and keeping every place's page forecasts. Ends with one RESULT line.

    .venv/bin/python bench/forecast.py [--store PATH] [--all-sims N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

from ehcp.forecast import Parameters, figures_from_rows, fit, national, simulate, stored
from ehcp.forecast.places import ForecastRequest, PlaceModel, fit_places, run_forecast
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, import_releases

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dfe-ehcp-statistics"
PLANS, SIMS, YEARS = 20_000, 1000, 6


def _scaled(params: Parameters, plans: int) -> Parameters:
    share = params.initial * plans / params.initial.sum()
    whole = np.floor(share).astype(np.int64)
    order = np.argsort(-(share - whole), kind="stable")
    whole[order[: plans - whole.sum()]] += 1
    factor = plans / params.initial.sum()
    return replace(params, initial=whole, joiner_mean=params.joiner_mean * factor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--all-sims", type=int, default=100)
    args = parser.parse_args()
    store = args.store or Path(tempfile.mkdtemp()) / "stats.duckdb"
    if args.store is None:
        import_releases(store, sorted(DATA.glob("*.zip")))
    with connect(store, read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    model = fit(figures, as_of=figures.latest_year(), horizon=YEARS)
    print(f"fit all places: {time.perf_counter() - started:.1f} s")
    kent = _scaled(model.place(figures.find("Kent").code), PLANS)
    started, cpu_started = time.perf_counter(), time.process_time()
    sim = simulate(kent, sims=SIMS, seed=2025)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started  # the wall clock on a shared machine
    median = np.median(sim.counts.sum(axis=2), axis=0)
    print(f"{PLANS} plans, {SIMS} sims x {YEARS} years: {seconds:.1f} s; median {median[-1]:.0f}")
    started = time.perf_counter()
    places = fit_places(figures)
    fit_seconds = time.perf_counter() - started
    print(f"fit every place for the pages: {fit_seconds:.1f} s")
    scenario = _scenarios(places)
    started = time.perf_counter()
    work = national.tasks(places.values(), [], sims=args.all_sims, seed=2025)
    national.run(work)
    all_seconds = time.perf_counter() - started
    print(f"{len(work)} councils x {args.all_sims} sims x {YEARS} years: {all_seconds:.1f} s")
    started, cpu_started = time.perf_counter(), time.process_time()
    stored.keep(places, "bench", Path(tempfile.mkdtemp()))
    keep_seconds = time.perf_counter() - started
    keep_cpu = time.process_time() - cpu_started
    print(f"keep every place's page forecasts: {keep_seconds:.1f} s ({keep_cpu:.1f} CPU s)")
    print(
        f"RESULT plans={PLANS} sims={SIMS} years={YEARS} seconds={seconds:.1f} "
        f"all_councils_seconds={all_seconds:.1f} councils={len(work)} "
        f"all_councils_sims={args.all_sims} cpu_seconds={cpu_seconds:.1f} "
        f"fit_seconds={fit_seconds:.1f} keep_seconds={keep_seconds:.1f} "
        f"keep_cpu_seconds={keep_cpu:.1f} scenario_seconds={scenario['median']:.2f} "
        f"scenario_cpu_seconds={scenario['median_cpu']:.2f} "
        f"scenario_largest_seconds={scenario['largest']:.2f} "
        f"load_average={os.getloadavg()[0]:.1f}"
    )


def _scenarios(places: dict[str, PlaceModel]) -> dict[str, float]:
    """Wall and CPU seconds of one page scenario (new plans at 120%) for the median-sized
    council and for the largest."""
    councils = sorted(
        (p for p in places.values() if p.level == "council"), key=lambda p: p.params.initial.sum()
    )
    out = {}
    for label, place in (("median", councils[len(councils) // 2]), ("largest", councils[-1])):
        started, cpu_started = time.perf_counter(), time.process_time()
        run_forecast(place, ForecastRequest(place.code, joiners_percent=120))
        out[label] = time.perf_counter() - started
        out[f"{label}_cpu"] = time.process_time() - cpu_started
        plans = place.params.initial.sum()
        print(
            f"page scenario for {place.name} ({plans} plans): {out[label]:.2f} s "
            f"({out[f'{label}_cpu']:.2f} CPU s)"
        )
    return out


if __name__ == "__main__":
    main()
