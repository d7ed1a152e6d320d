"""Benchmark: import both shared DfE releases, against a plain DuckDB read of the same files.

Run: .venv/bin/python bench/stats_import.py

1. Import both release zips into a fresh temporary store.
2. Plain `duckdb.read_csv` of the CSV files the importer reads, extracted beforehand, each
   materialised into an in-memory table.
   The two alternate (import, read, import, read, ...) and each keeps its best of 3, so a
   burst of load from elsewhere on a shared machine falls on both sides alike.
3. 200 runs each of `show` (Bristol, every indicator and year) and `rank` (20-week rate, 2023),
   each on an already open store, as the CLI and web pages will use them.
4. 200 warm requests each (after one that fills the web app's cache) for Bristol's first
   page, England's first page and the map, through Django's test client: the whole view,
   template and middleware, without a network.

Every CSV of both releases is read. Targets: import <= 2x the plain read; p95 of show and
rank <= 20 ms; p95 of the council and England pages <= 50 ms warm.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import duckdb

from ehcp.stats import queries
from ehcp.stats.release import open_release
from ehcp.stats.store import connect, import_releases

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dfe-ehcp-statistics"
RELEASES = [
    DATA / "education-health-and-care-plans_reporting-year-2022.zip",
    DATA / "education-health-and-care-plans_reporting-year-2025.zip",
]
REPEATS = 3
QUERY_RUNS = 200


def best_of(repeats: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def imported_csv_names() -> dict[Path, list[str]]:
    names = {}
    for archive in RELEASES:
        with open_release(archive) as release:
            names[archive] = [member.path.name for member in release.imported_files]
    return names


def extract(folder: Path) -> list[Path]:
    paths = []
    for archive, names in imported_csv_names().items():
        with zipfile.ZipFile(archive) as bundle:
            for member in bundle.namelist():
                if Path(member).name in names:
                    target = folder / archive.stem / Path(member).name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(bundle.read(member))
                    paths.append(target)
    return paths


def plain_read(paths: list[Path]) -> None:
    """DuckDB's own reader, every column as text (its type guesses fail on the establishment
    files, where `z` appears after 38,000 numbers); the tribunal spreadsheet-as-CSV needs
    leniency."""
    connection = duckdb.connect()
    for number, path in enumerate(paths):
        tidy = not path.name.startswith("SEND Tribunals")
        options = {"all_varchar": True}
        if not tidy:
            options.update(header=False, strict_mode=False)
        connection.read_csv(str(path), **options).create(f"t{number}")
    connection.close()


def percentiles(action: Callable[[], object]) -> tuple[float, float]:
    timings = []
    for _ in range(QUERY_RUNS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[94]


PAGES = {
    "council": "/statistics/councils/801/",
    "england": "/statistics/england/",
    "map": "/statistics/england/map/",
}


def page_percentiles(store: Path) -> dict[str, tuple[float, float]]:
    """Warm p50 and p95 of each page in PAGES, served from `store`."""
    os.environ["EHCP_STATS_STORE"] = str(store)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp.web.config.settings")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    found = {}
    for name, path in PAGES.items():
        # Over HTTPS, as the service is served: a plain http request is redirected.
        response = client.get(path, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        found[name] = percentiles(lambda path=path: client.get(path, secure=True))
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        paths = extract(folder / "csv")
        import_runs, plain_runs = [], []
        for run in range(REPEATS):
            store = folder / f"store{run}.duckdb"
            import_runs.append(best_of(1, partial(import_releases, store, RELEASES)))
            plain_runs.append(best_of(1, lambda: plain_read(paths)))
        import_s, plain_s = min(import_runs), min(plain_runs)
        with connect(folder / "store0.duckdb", read_only=True) as connection:
            bristol = queries.find_council(connection, "Bristol, City of")
            show_p50, show_p95 = percentiles(lambda: queries.compare(connection, bristol))
            rank_p50, rank_p95 = percentiles(
                lambda: queries.rank(connection, "plans_within_20_weeks_pct", 2023)
            )
        pages = page_percentiles(folder / "store0.duckdb")
    ratio = import_s / plain_s
    print(f"files read: {len(paths)} CSVs from {len(RELEASES)} releases")
    print(f"import (best of {REPEATS}):          {import_s:.3f} s")
    print(f"plain DuckDB read (best of {REPEATS}):  {plain_s:.3f} s")
    print(f"ratio:                          {ratio:.2f}x")
    print(f"show: p50 {show_p50:.2f} ms, p95 {show_p95:.2f} ms ({QUERY_RUNS} runs)")
    print(f"rank: p50 {rank_p50:.2f} ms, p95 {rank_p95:.2f} ms ({QUERY_RUNS} runs)")
    for name, (p50, p95) in pages.items():
        print(f"{name} page: p50 {p50:.2f} ms, p95 {p95:.2f} ms ({QUERY_RUNS} warm requests)")
    print(
        f"RESULT import_s={import_s:.3f} plain_read_s={plain_s:.3f} ratio={ratio:.2f} "
        f"show_p95_ms={show_p95:.2f} rank_p95_ms={rank_p95:.2f} "
        + " ".join(f"{name}_page_p95_ms={p95:.2f}" for name, (_, p95) in pages.items())
    )


if __name__ == "__main__":
    main()
