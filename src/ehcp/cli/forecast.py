"""`ehcp forecast`: plans in the years ahead for one council, from the published figures.

ehcp forecast --la Stockport --years 6 --sims 1000 [--csv FILE] [--seed N] [--store PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from ehcp.cli.errors import UserError
from ehcp.forecast import ForecastError, figures_from_rows, fit, simulate
from ehcp.forecast.summary import by, summarise, totals
from ehcp.stats.errors import StatsError
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, default_store_path

COLUMNS = ("year", "group", "mean", "p5", "p25", "median", "p75", "p95", "p10_cal", "p90_cal")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "forecast",
        help="EHC plans in the years ahead for a council",
        description="Forecast a council's EHC plans by age, need and setting from DfE's "
        "published figures (import them first with `ehcp stats import`).",
    )
    parser.add_argument("--la", required=True, metavar="NAME_OR_CODE", help="council or England")
    parser.add_argument("--years", type=int, default=6, help="years ahead (default 6)")
    parser.add_argument("--sims", type=int, default=1000, help="simulations (default 1000)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write every summary as CSV")
    parser.add_argument("--store", type=Path, help="statistics store file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.years <= 15:
        raise UserError("--years must be between 1 and 15.")
    if not 1 <= args.sims <= 100_000:
        raise UserError("--sims must be between 1 and 100000.")
    if args.seed < 0:
        raise UserError("--seed must be 0 or more.")
    try:
        rows = _summaries(args)
    except (ForecastError, StatsError) as error:
        raise UserError(str(error)) from None
    _print_table(rows)
    if args.csv:
        _write_csv(args.csv, rows)
    return 0


def _summaries(args: argparse.Namespace) -> list[dict[str, object]]:
    with connect(args.store or default_store_path(), read_only=True) as connection:
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


def _write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="")
            writer.writeheader()
            writer.writerows(rows)
    except OSError as error:
        raise UserError(f"Cannot write {path}: {error.strerror}.") from None
