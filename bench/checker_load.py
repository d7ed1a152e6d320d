"""Load test of the public date checker's result page against a trivial page, served by
gunicorn's sync workers as production serves the app, with 20 concurrent clients.

Each client POSTs a refused request's answers (the checker keeps nothing, so every request
runs the clock and renders the result afresh) and, as the baseline in the same run, GETs the
health page. Target: the result page's p95 at most 2x the trivial page's. Ends with a RESULT
line.

    .venv/bin/python bench/checker_load.py [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))
from web_load import Client, percentiles  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ANSWERS = {
    "a:start": "request",
    "a:sent": "email",
    "a:sent_on": "2026-09-01",
    "a:decision": "refuse",
    "a:decision_on": "2026-10-06",
    "a:adviser": "no",
    "a:appeal": "no",
}


def serve(port: int, workers: int, database: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}", EHCP_SECURE_COOKIES="0")
    manage = [str(REPO / ".venv" / "bin" / "python"), "-m", "ehcp.web.manage"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=REPO, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, cwd=REPO, check=True)
    gunicorn = str(REPO / ".venv" / "bin" / "gunicorn")
    command = [
        gunicorn,
        "ehcp.web.config.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=REPO)
    for _ in range(100):
        try:
            Client(port, "").get("/health/")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def post_result(port: int, body: bytes) -> int:
    """The checker's forms carry no CSRF token and it sets no cookie (ADR 0026)."""
    request = (
        "POST /check/questions/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        head = Client.read_all(sock).split(b"\r\n", 1)[0]
    return int(head.split()[1])


def load(port: int, clients: int, seconds: float, fetch) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    times: list[float] = []
    errors = [0]
    deadline = time.perf_counter() + seconds

    def loop() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                ok = fetch() == 200
            except OSError:
                ok = False
            if ok:
                times.append(time.perf_counter() - started)
            else:
                errors[0] += 1

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


@dataclass(frozen=True)
class Measured:
    checker_p95_ms: float
    baseline_p95_ms: float
    checker_per_s: float
    baseline_per_s: float
    errors: int


def run(clients: int, seconds: float, workers: int, port: int) -> Measured:
    """The trivial page's load, then the result page's, against one gunicorn."""
    (REPO / "var").mkdir(exist_ok=True)
    server = serve(port, workers, REPO / "var" / "bench_checker.sqlite3")
    try:
        body = urlencode(ANSWERS).encode()
        assert post_result(port, body) == 200, "the result page did not answer"
        health = Client(port, "")
        baseline, base_errors = load(port, clients, seconds, lambda: health.get("/health/"))
        checker, errors = load(port, clients, seconds, lambda: post_result(port, body))
    finally:
        server.terminate()
        server.wait()
    return Measured(
        checker_p95_ms=percentiles(checker)[94] * 1000,
        baseline_p95_ms=percentiles(baseline)[94] * 1000,
        checker_per_s=len(checker) / seconds,
        baseline_per_s=len(baseline) / seconds,
        errors=errors + base_errors,
    )


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) + 1)
    parser.add_argument("--port", type=int, default=8766)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments(parser)
    args = parser.parse_args()
    found = run(args.clients, args.seconds, args.workers, args.port)
    print(f"baseline: {found.baseline_per_s:.0f} req/s; checker result: {found.checker_per_s:.0f}")
    print(
        f"RESULT checker_p95_ms={found.checker_p95_ms:.0f} "
        f"baseline_p95_ms={found.baseline_p95_ms:.0f} "
        f"ratio={found.checker_p95_ms / found.baseline_p95_ms:.2f} errors={found.errors}"
    )
    return 0 if found.errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
