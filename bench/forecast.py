"""Benchmark: 1,000 simulations x 6 years for a 20,000-plan council, then every council.

The 20,000-plan council is Kent (the largest, 20,635 plans in January 2025) scaled to exactly
20,000 plans. The figures come from a statistics store (imported from the shared DfE releases
into a temporary file unless --store is given). Ends with one RESULT line.

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

from ehcp.forecast import Parameters, figures_from_rows, fit, simulate
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
    councils = [c for c in model.params if figures.places[c].level == "council"]
    started = time.perf_counter()
    for number, code in enumerate(councils):
        simulate(model.params[code], sims=args.all_sims, seed=2025 + number)
    all_seconds = time.perf_counter() - started
    print(f"{len(councils)} councils x {args.all_sims} sims x {YEARS} years: {all_seconds:.1f} s")
    print(
        f"RESULT plans={PLANS} sims={SIMS} years={YEARS} seconds={seconds:.1f} "
        f"all_councils_seconds={all_seconds:.1f} councils={len(councils)} "
        f"all_councils_sims={args.all_sims} cpu_seconds={cpu_seconds:.1f} "
        f"load_average={os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
