"""The nightly refresh of a whole council on PostgreSQL: every case's stored deadlines and
advice clocks worked out again for a new day.

Builds (once) a 60,000-case council in a PostgreSQL database (the load test's builder), marks
every case as worked out yesterday, then times `refresh_stale` for today, as the worker's
nightly job runs it (one process per core). Ends with one RESULT line.

    .venv/bin/python bench/refresh.py [--cases 60000] [--workers N] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_load import ensure_council, ensure_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ehcp_bench"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=60_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=1)
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    parser.add_argument("--database-url", default=url)
    return parser.parse_args()


def prepare(args: argparse.Namespace) -> int:
    """Migrate and build the council if needed; how many cases it has."""
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp.web.config.settings")
    import django

    django.setup()
    from ehcp.web.cases.models import Case

    ensure_council(args.cases)
    return Case.objects.count()


def one_run(today: date, workers: int) -> tuple[int, float, float]:
    """Mark every case as worked out yesterday, then refresh them all: how many, the wall
    time and the CPU time of this process and its children."""
    from django.db import connection

    from ehcp.web.cases.models import Case
    from ehcp.web.cases.refresh import refresh_stale

    Case.objects.update(summarised_on=today - timedelta(days=1))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_case")
    cpu = _cpu()
    started = time.perf_counter()
    count = refresh_stale(today, workers=workers)
    return count, time.perf_counter() - started, _cpu() - cpu


def _cpu() -> float:
    own, children = os.times(), os.times()
    return own.user + own.system + children.children_user + children.children_system


def main() -> int:
    args = parse_args()
    ensure_database(args.database_url)
    total = prepare(args)
    today = date.today()
    times = []
    for run in range(args.runs):
        count, seconds, cpu = one_run(today, args.workers)
        print(f"run {run + 1}: {count} cases in {seconds:.1f} s (CPU here {cpu:.1f} s)")
        times.append(seconds)
    load = os.getloadavg()[0]
    # The fastest run, as the machine's other load only ever slows it; every run beside it.
    every = ",".join(f"{seconds:.1f}" for seconds in times)
    print(
        f"RESULT cases={count} seconds={min(times):.1f} runs={every} workers={args.workers} "
        f"database_cases={total} load1={load:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
