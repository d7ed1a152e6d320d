"""`ehcp forecast`: plans in the years ahead, from the published figures.

ehcp forecast --la Stockport --years 6 --sims 1000 [--csv FILE] [--seed N] [--store PATH]
ehcp forecast --all [--joiners 110 ...] [--sims N] [--csv FILE] [--seed N] [--store PATH]
              [--dask tcp://HOST:PORT | --local-cluster WORKERS]
ehcp forecast --all --save [--store PATH]    keep the statistics pages' forecasts

`--all` forecasts every council under the baseline and each `--joiners` scenario, here by
default or on a Dask cluster; the results are the same for the same seed either way.
`--save` fits every place and keeps the pages' baseline forecasts beside the store (what
`ehcp stats import` does after an import).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from ehcp.cli.errors import UserError
from ehcp.forecast import ForecastError, figures_from_rows, fit, national, simulate, stored
from ehcp.forecast.national import Runner, local_runner
from ehcp.forecast.places import ForecastResult, PlaceModel, fit_places
from ehcp.forecast.summary import by, summarise, totals
from ehcp.stats.errors import StatsError
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, default_store_path, store_version

COLUMNS = ("year", "group", "mean", "p5", "p25", "median", "p75", "p95", "p10_cal", "p90_cal")
ALL_COLUMNS = (
    "code", "council", "scenario", "year", "median", "p5", "p25", "p75", "p95",
    "p10_cal", "p90_cal",
)  # fmt: skip


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "forecast",
        help="EHC plans in the years ahead for a council, or for every council",
        description="Forecast EHC plans by age, need and setting from DfE's published "
        "figures (import them first with `ehcp stats import`).",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--la", metavar="NAME_OR_CODE", help="council, region or England")
    which.add_argument("--all", action="store_true", help="every council")
    parser.add_argument("--years", type=int, default=6, help="years ahead (default 6; --la)")
    parser.add_argument("--sims", type=int, default=1000, help="simulations (default 1000)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write every summary as CSV")
    parser.add_argument("--store", type=Path, help="statistics store file")
    parser.add_argument(
        "--joiners",
        type=int,
        action="append",
        default=[],
        metavar="PERCENT",
        help="with --all: also a scenario with new plans at PERCENT%% of those expected "
        "(repeat for more)",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="with --all: keep the statistics pages' forecasts beside the store",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--dask", metavar="tcp://HOST:PORT", help="with --all: run on this Dask scheduler"
    )
    where.add_argument(
        "--local-cluster",
        type=int,
        metavar="WORKERS",
        help="with --all: run on a Dask cluster of WORKERS processes on this machine",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    _check(args)
    try:
        if args.all:
            return _run_all(args)
        rows = _summaries(args)
    except (ForecastError, StatsError) as error:
        raise UserError(str(error)) from None
    _print_table(rows)
    if args.csv:
        _write_csv(args.csv, rows, COLUMNS)
    return 0


def _check(args: argparse.Namespace) -> None:
    if not 1 <= args.years <= 15:
        raise UserError("--years must be between 1 and 15.")
    if not 1 <= args.sims <= 100_000:
        raise UserError("--sims must be between 1 and 100000.")
    if args.seed < 0:
        raise UserError("--seed must be 0 or more.")
    if not args.all:
        for flag, given in (
            ("--joiners", args.joiners),
            ("--save", args.save),
            ("--dask", args.dask),
            ("--local-cluster", args.local_cluster),
        ):
            if given:
                raise UserError(f"{flag} goes with --all, not --la.")
    if any(not 0 <= percent <= 300 for percent in args.joiners):
        raise UserError("--joiners must be between 0 and 300 (per cent of those expected).")
    if args.local_cluster is not None and not 1 <= args.local_cluster <= 64:
        raise UserError("--local-cluster must be between 1 and 64 workers.")


def _store_path(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else default_store_path()


def _summaries(args: argparse.Namespace) -> list[dict[str, object]]:
    with connect(_store_path(args), read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
    place = figures.find(args.la)
    origin = figures.latest_year()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = fit(figures, as_of=origin, horizon=args.years)
    sim = simulate(model.place(place.code), sims=args.sims, seed=args.seed, progress=_progress_bar)
    print(file=sys.stderr)
    rows = _rows(origin, "total", summarise(totals(sim)))
    for step, row in enumerate(rows):
        if step:
            low, high = model.interval(step, float(row["median"]))  # type: ignore[arg-type]
            row.update(p10_cal=round(low), p90_cal=round(high))
    print(f"{place.name}: EHC plans from January {origin}, {args.sims} simulations")
    for what in ("band", "setting", "need"):
        names, values = by(sim, what)
        for i, name in enumerate(names):
            if values[:, :, i].any():
                rows += _rows(origin, f"{what}:{name}", summarise(values[:, :, i]))
    return rows


# Every council: the pages' kept forecasts and national runs, here or on a Dask cluster.


def _run_all(args: argparse.Namespace) -> int:
    store = _store_path(args)
    with connect(store, read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
        version = store_version(connection)
    with _runner(args) as runner:
        started = time.perf_counter()
        places = fit_places(figures)
        print(f"Fitted {len(places)} places in {time.perf_counter() - started:.0f} s.")
        if args.save:
            started = time.perf_counter()
            kept = stored.keep(places, version, stored.directory_for(store), runner=runner)
            seconds = time.perf_counter() - started
            print(f"Kept the pages' forecasts in {kept.folder} ({seconds:.0f} s).")
        if args.csv or args.joiners or not args.save:
            _national(args, places, runner)
    return 0


def _national(
    args: argparse.Namespace, places: dict[str, PlaceModel], runner: Runner[Any, Any]
) -> None:
    started = time.perf_counter()
    work = national.tasks(places.values(), args.joiners, sims=args.sims, seed=args.seed)
    results = national.run(work, runner)
    councils = len({task.place.code for task in work})
    seconds = time.perf_counter() - started
    print(
        f"{councils} councils × {len(work) // max(councils, 1)} scenarios, "
        f"{args.sims} simulations each, in {seconds:.0f} s"
    )
    _print_all(work, results)
    if args.csv:
        pairs = zip(work, results, strict=True)
        rows = [row for task, result in pairs for row in _all_rows(task, result)]
        _write_csv(args.csv, rows, ALL_COLUMNS)


def _scenario_name(percent: int) -> str:
    return "baseline" if percent == 100 else f"new plans at {percent}%"


def _all_rows(task: national.Task, result: ForecastResult) -> list[dict[str, object]]:
    return [
        {
            "code": task.place.code,
            "council": result.name,
            "scenario": _scenario_name(task.request.joiners_percent),
            "year": row.year,
            "median": round(row.median),
            "p5": round(row.p5),
            "p25": round(row.p25),
            "p75": round(row.p75),
            "p95": round(row.p95),
            "p10_cal": "" if row.low_80 is None else round(row.low_80),
            "p90_cal": "" if row.high_80 is None else round(row.high_80),
        }
        for row in result.years
    ]


def _print_all(work: Sequence[national.Task], results: Sequence[ForecastResult]) -> None:
    last = results[0].years[-1].year if results else 0
    print(
        f"{'Council':<36} {'scenario':<22} {'plans now':>9} {f'{last} median':>12} "
        f"{'80% range':>17}"
    )
    for task, result in zip(work, results, strict=True):
        now, end = result.years[0], result.years[-1]
        low, high = round(end.low_80 or 0), round(end.high_80 or 0)
        print(
            f"{result.name[:36]:<36} {_scenario_name(task.request.joiners_percent):<22} "
            f"{now.median:>9.0f} {end.median:>12.0f} {f'{low}-{high}':>17}"
        )


@contextmanager
def _runner(args: argparse.Namespace) -> Iterator[Runner[Any, Any]]:
    if args.dask is None and args.local_cluster is None:
        yield local_runner
        return
    distributed: Any = importlib.import_module("dask.distributed")
    client_class, cluster_class = distributed.Client, distributed.LocalCluster
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if args.dask is not None:
            try:
                client = client_class(args.dask, timeout="5s")
            except (OSError, TimeoutError, ValueError) as error:
                message = f"Cannot reach the Dask scheduler at {args.dask} ({error})."
                raise UserError(message) from None
            with client:
                yield dask_runner(client)
            return
        with (
            cluster_class(n_workers=args.local_cluster, threads_per_worker=1) as cluster,
            client_class(cluster) as client,
        ):
            yield dask_runner(client)


def dask_runner(client: Any) -> Runner[Any, Any]:
    """A runner that sends each task to the client's cluster and gathers the results in the
    tasks' order."""

    def run(function: Callable[[Any], Any], tasks: Sequence[Any]) -> list[Any]:
        if not tasks:
            return []
        scattered = client.scatter(list(tasks))
        futures = client.map(function, scattered, pure=False)
        return list(client.gather(futures))

    return run


def _rows(origin: int, group: str, summary: dict[str, np.ndarray]) -> list[dict[str, object]]:
    return [
        {"year": origin + i, "group": group}
        | {k: round(float(summary[k][i])) for k in ("mean", "p5", "p25", "median", "p75", "p95")}
        for i in range(len(summary["mean"]))
    ]


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} simulations")
    sys.stderr.flush()


def _print_table(rows: list[dict[str, object]]) -> None:
    print(f"{'January':<8} {'median':>8} {'50% band':>17} {'90% band':>17} {'80% calibrated':>17}")
    for row in rows:
        if row["group"] != "total":
            continue
        cal = f"{row.get('p10_cal', '-')}-{row.get('p90_cal', '-')}"
        print(
            f"{row['year']:<8} {row['median']:>8} {str(row['p25']) + '-' + str(row['p75']):>17} "
            f"{str(row['p5']) + '-' + str(row['p95']):>17} {cal:>17}"
        )


def _write_csv(path: Path, rows: list[dict[str, object]], columns: Sequence[str]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
    except OSError as error:
        raise UserError(f"Cannot write {path}: {error.strerror}.") from None


def save_page_forecasts(store: Path) -> str:
    """Fit every place and keep the pages' forecasts beside `store`; what was done, in words."""
    started = time.perf_counter()
    with connect(store, read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
        version = store_version(connection)
    kept = stored.build(figures, version, stored.directory_for(store))
    seconds = time.perf_counter() - started
    places = len(list(kept.codes))
    return f"Kept the forecasts of {places} places in {kept.folder} ({seconds:.0f} s)."
