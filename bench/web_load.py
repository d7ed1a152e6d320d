"""Load test of the casework app as production serves it: gunicorn, PostgreSQL and Redis.

Builds (once) a 60,000-case council in a PostgreSQL database, serves the app with gunicorn's
sync workers (with the shared Redis cache), then runs 20 concurrent clients, each signed in,
requesting the dashboard, the case list, case pages and searches in turn for 60 seconds (a
search is a full name, a surname, part of a reference or a date of birth), then the same
load on a trivial page as the baseline. Ends with one RESULT line: requests/s, p50/p95/p99
latency and the slowest request for each page (a client the server starved would show there).

    .venv/bin/python bench/web_load.py [--cases 60000] [--clients 20] [--seconds 60]
        [--pages dashboard,case_list,case,search]

`--pages` picks which pages the clients request (all four by default): without `search`
it measures the casework pages alone, as this benchmark did before searches joined it.

Like the case list's, a search's results are kept for the caseload's version, and the load
repeats about fifty searches, so most are answered from kept results. `--fresh-searches`
writes each search's words in a letter case of its own (the same cases match), so that
every search for a name is worked out afresh, as the first search for a child is (a search
of digits alone, a reference part or a date of birth, is still repeated).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ehcp_bench"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/1"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=60_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    # As docs/web.md advises for production: sync workers, one more than the cores, taking
    # requests in turn from one queue (see docs/adr/0007-case-page-performance.md).
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) + 1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--pages",
        default="dashboard,case_list,case,search",
        help="which pages each client requests in turn (a comma-separated subset)",
    )
    parser.add_argument(
        "--fresh-searches",
        action="store_true",
        help="write each search differently, so that no kept results answer it",
    )
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    parser.add_argument("--database-url", default=url)
    cache = os.environ.get("BENCH_CACHE_URL", DEFAULT_CACHE_URL)
    parser.add_argument("--cache-url", default=cache)
    return parser.parse_args()


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def ensure_council(cases: int) -> None:
    """Migrate, and build the benchmarks' council (LA 999) unless it has `cases` already.
    Django must be set up, on the benchmark's database."""
    from django.core.management import call_command
    from django.db import connection

    from ehcp.web.cases.models import Case
    from ehcp.web.demo.load import build

    call_command("migrate", verbosity=0)
    if Case.objects.filter(organisation__la_code="999").count() >= cases:
        return
    print(f"Building a {cases}-case council (takes a few minutes)...", flush=True)
    call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    build(date.today(), cases=cases, caseworkers=40)
    print(f"Built in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def prepare(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """Migrate and load the council if needed; return session cookies and case references."""
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["EHCP_CACHE_URL"] = args.cache_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp.web.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from ehcp.web.cases.models import Case
    from ehcp.web.demo.load import second_factor_given
    from ehcp.web.organisations.models import Membership

    ensure_council(args.cases)
    # The pages name their static files by hash, from the manifest `collectstatic` writes.
    call_command("ehcp_assets", stdout=io.StringIO())
    council = Case.objects.filter(organisation__la_code="999")
    members = Membership.objects.filter(organisation__la_code="999", role="caseworker")
    cookies = []
    for member in members[: args.clients]:
        client = Client()
        client.force_login(member.user)
        second_factor_given(client, member.user)
        cookies.append(f"sessionid={client.cookies['sessionid'].value}")
    references = list(council.values_list("reference", flat=True)[:5000])
    return cookies, references


def serve(args: argparse.Namespace) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        DATABASE_URL=args.database_url,
        EHCP_CACHE_URL=args.cache_url,
        EHCP_SECURE_COOKIES="0",
    )
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        "ehcp.web.config.wsgi",
        "--workers",
        str(args.workers),
        "--bind",
        f"127.0.0.1:{args.port}",
        "--worker-tmp-dir",
        "/dev/shm",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=REPO)
    for _ in range(100):
        try:
            Client(args.port, "").get("/health/")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


class Client:
    """A lean HTTP/1.1 client that parses no more of a response than it must, so that the
    clients take little of the CPU they share with the server (http.client's header parsing
    cost more than a millisecond a request here).

    gunicorn's sync workers close the connection after each response and then wait for the
    client to close its side. Behind a proxy such as nginx that wait is a few microseconds;
    a Python thread here can wait for the interpreter lock for milliseconds while the worker
    sits idle. So each request has its own connection, and the client says it has nothing
    more to send as soon as the request is out."""

    def __init__(self, port: int, cookie: str) -> None:
        self.port, self.cookie = port, cookie

    def get(self, path: str) -> int:
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {self.cookie}\r\n"
            "Connection: close\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(request)
            sock.shutdown(socket.SHUT_WR)
            response = self.read_all(sock)
        head, _, body = response.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 ") or not body:
            raise ConnectionError(f"no complete response for {path}")
        return int(head.split(None, 2)[1])

    @staticmethod
    def read_all(sock: socket.socket) -> bytes:
        chunks = []
        while chunk := sock.recv(262144):
            chunks.append(chunk)
        return b"".join(chunks)


def client_loop(port, cookie, pages, deadline, results, errors, seed) -> None:
    rng = random.Random(seed)
    client = Client(port, cookie)
    while time.perf_counter() < deadline:
        for label, make_path in pages:
            path = make_path(rng)
            started = time.perf_counter()
            try:
                status = client.get(path)
            except OSError:  # counted, and the client goes on
                status = 0
            elapsed = time.perf_counter() - started
            if status == 200:
                results[label].append(elapsed)
            else:  # a refused connection would otherwise count as a fast response
                errors[label] += 1


def run_load(args, cookies, pages) -> tuple[dict[str, list[float]], dict[str, int], float]:
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    deadline = started + args.seconds
    threads = [
        threading.Thread(
            target=client_loop,
            args=(args.port, cookies[n % len(cookies)], pages, deadline, results, errors, n),
        )
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors, time.perf_counter() - started


def percentiles(times: list[float]) -> list[float]:
    """The 1st to 99th percentiles of `times` (which must not be empty)."""
    return statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99


def summary(label: str, times: list[float], errors: int, seconds: float, base: float) -> str:
    """The figures for one page; `base` is the baseline's p95, measured in the same run, so
    that runs on a busier or quieter machine can be compared."""
    if not times:
        return f"{label}: no responses errors={errors}"
    cuts = percentiles(times)
    return (
        f"{label}: {len(times) / seconds:.1f} req/s p50={cuts[49] * 1000:.0f}ms "
        f"p95={cuts[94] * 1000:.0f}ms p99={cuts[98] * 1000:.0f}ms "
        f"max={max(times) * 1000:.0f}ms errors={errors} "
        + (f"p95/baseline={cuts[94] / base:.1f}" if base else "p95/baseline=n/a")
    )


def search_terms(references: list[str]) -> list[str]:
    """What a caseworker types: full names, surnames, part of a reference, dates of birth."""
    from ehcp.web.demo.synthetic import FIRST_NAMES, LAST_NAMES

    rng = random.Random(15)
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(20)]
    parts = [reference[-5:] for reference in rng.sample(references, 10)]
    born = [f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(8, 22):02d}"]
    return ["Jesse Demoson", *names, *LAST_NAMES, *parts, *born * 5]


def main() -> int:
    args = parse_args()
    ensure_database(args.database_url)
    cookies, references = prepare(args)
    filters = ["", "?due=overdue", "?due=7", "?sort=name", "?page=3", "?stage=Assessing"]
    searches = search_terms(references)

    def search(rng: random.Random) -> str:
        text = rng.choice(searches)
        if not args.fresh_searches:
            return text
        return "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in text)

    pages = [
        ("dashboard", lambda rng: "/dashboard/"),
        ("case_list", lambda rng: "/cases/" + rng.choice(filters)),
        ("case", lambda rng: f"/cases/{rng.choice(references)}/"),
        ("search", lambda rng: "/search/?" + urlencode({"q": search(rng)})),
    ]
    chosen = args.pages.split(",")
    unknown = set(chosen) - {label for label, _ in pages}
    if unknown or not chosen:
        raise SystemExit(f"--pages: choose from dashboard, case_list, case, search ({unknown})")
    pages = [(label, make_path) for label, make_path in pages if label in chosen]
    server = serve(args)
    try:
        results, errors, seconds = run_load(args, cookies, pages)
        base, base_errors, base_seconds = run_load(
            args, cookies, [("baseline", lambda rng: "/health/")]
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    labels = [label for label, _ in pages]
    base_p95 = percentiles(base["baseline"])[94] if base["baseline"] else 0.0
    lines = [summary(k, results[k], errors[k], seconds, base_p95) for k in labels]
    lines.append(
        summary("baseline", base["baseline"], base_errors["baseline"], base_seconds, base_p95)
    )
    server = f"gunicorn {args.workers} sync workers"
    fresh = ", every search written afresh" if args.fresh_searches else ""
    print(f"{args.clients} clients, {args.cases} cases, {server}, PostgreSQL, Redis{fresh}")
    print("RESULT " + " | ".join(lines))
    return 1 if any(errors.values()) or any(base_errors.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
