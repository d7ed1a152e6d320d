"""Faults under load: gunicorn serves the app on loopback against PostgreSQL while clients
record events and open requests; mid-run a worker is killed (SIGKILL) and every database
connection the server holds is terminated. Afterwards every write that was answered with
success is in the database. The run is bounded (well under 40 s) and stops by itself."""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from ehcp.web.cases.models import Case, CaseEvent
from ehcp.web.organisations.models import Organisation, Role

from .conftest import make_member

pytestmark = pytest.mark.postgres

GUNICORN = Path(sys.executable).with_name("gunicorn")
CLIENTS = 4
RUN_SECONDS = 12
FAULTS_AT = (4.0, 7.0)  # seconds into the run: kill a worker, then end the connections
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@contextlib.contextmanager
def gunicorn(port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("EHCP_CACHE_URL", "DATABASE_URL", "EHCP_TODAY")
    }
    env |= {
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "ehcp.web.config.settings",
        "EHCP_SECURE_COOKIES": "0",
        "SECRET_KEY": settings.SECRET_KEY,
    }
    command = [
        str(GUNICORN),
        "ehcp.web.config.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--timeout=15",
        "--graceful-timeout=2",
    ]
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, on loopback
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_for(port, server)
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


def wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped: {server.stderr.read().decode()[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    pytest.fail("gunicorn did not start within 15 s")


def workers_of(server: subprocess.Popen[bytes]) -> list[int]:
    """The worker processes of our gunicorn (its children, read from /proc)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == server.pid:
                children.append(int(stat.parent.name))
    return children


@dataclass
class Ledger:
    """What the server said yes to: (case reference, note) of each event, and each case
    reference it opened."""

    events: list[tuple[str, str]] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    refused: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    after_faults: int = 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def browser(base: str, session: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    cookie = http.cookiejar.Cookie(
        0, settings.SESSION_COOKIE_NAME, session, None, False, "127.0.0.1", False, False,
        "/", True, False, None, True, None, None, {},
    )  # fmt: skip
    jar.set_cookie(cookie)
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def post_form(opener: urllib.request.OpenerDirector, url: str, data: dict[str, str]) -> str:
    """GET the form for its CSRF token, then POST it: the redirect's target on success, or
    '' for any other answer (the form again, an error page, a reset connection, a timeout)."""
    try:
        with opener.open(url, timeout=10) as page:
            token = TOKEN.search(page.read().decode())
        if token is None:
            return ""
        body = urllib.parse.urlencode(data | {"csrfmiddlewaretoken": token.group(1)})
        with opener.open(url, body.encode(), timeout=10):
            return ""  # 200: the form again, so nothing was written
    except urllib.error.HTTPError as answer:
        answer.close()
        return str(answer.headers["Location"]) if answer.code == 302 else ""
    except OSError:
        return ""


def client_loop(n: int, base: str, session: str, ledger: Ledger, start: float) -> None:
    """Open a request, then record an event on the case it opened, until the run ends."""
    opener = browser(base, session)
    i = 0
    while time.monotonic() - start < RUN_SECONDS:
        i += 1
        past_faults = time.monotonic() - start > FAULTS_AT[1] + 1
        child = {
            "first_name": f"Fault{n}x{i}",
            "last_name": "Runner",
            "date_of_birth_0": "1",
            "date_of_birth_1": "5",
            "date_of_birth_2": "2016",
            "received_on_0": "1",
            "received_on_1": "6",
            "received_on_2": "2026",
            "not_duplicate": "on",
        }
        opened = re.search(r"/cases/([^/]+)/$", post_form(opener, f"{base}/cases/new/", child))
        with ledger.lock:
            ledger.refused += opened is None
            ledger.after_faults += past_faults and opened is not None
        if opened is None:
            continue
        reference = urllib.parse.unquote(opened.group(1))
        ledger.cases.append(reference)
        note = f"fault-run {n}-{i}"
        event = {
            "name": "advice_requested",
            "kind": "health",
            "note": note,
            "date_0": "2",
            "date_1": "6",
            "date_2": "2026",
        }
        where = post_form(opener, f"{base}/cases/{reference}/events/new/", event)
        with ledger.lock:
            if where.rstrip("/").endswith(reference):
                ledger.events.append((reference, note))
            else:
                ledger.refused += 1


def end_the_servers_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity"
            " where datname = current_database() and pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


@pytest.fixture
def on_postgres(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("runs only with DATABASE_URL=postgres://...")


def test_every_acknowledged_write_survives_killed_workers_and_connections(on_postgres):
    council = Organisation.objects.create(name="Council F", kind="council", la_code="903")
    member = make_member(council, Role.ADMINISTRATOR)
    signed_in = Client()
    signed_in.force_login(member)  # with a second factor given (see conftest)
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    ledger = Ledger()
    began = time.monotonic()
    with gunicorn(port) as server:
        start = time.monotonic()
        threads = [
            threading.Thread(target=client_loop, args=(n, base, session, ledger, start))
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(FAULTS_AT[0])
        killed = workers_of(server)[:1]
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        time.sleep(FAULTS_AT[1] - FAULTS_AT[0])
        ended = end_the_servers_connections()
        for thread in threads:
            thread.join(timeout=RUN_SECONDS + 15)
        assert not any(thread.is_alive() for thread in threads)
    print(  # shown with -s: what the run did
        f"events {len(ledger.events)}, cases {len(ledger.cases)}, not acknowledged "
        f"{ledger.refused}, acknowledged after the faults {ledger.after_faults}, "
        f"workers killed {len(killed)}, connections ended {ended}"
    )
    assert killed, "there was no worker to kill"
    assert ended >= 1, "no connection of the server's was ended"
    assert ledger.events, "no event was recorded at all"
    assert ledger.cases, "no request was opened at all"
    assert ledger.after_faults > 0, "the server never recovered from the faults"
    events = CaseEvent.objects.filter(case__organisation=council)
    notes = set(events.values_list("case__reference", "note"))
    assert set(ledger.events) <= notes
    opened = set(Case.objects.filter(organisation=council).values_list("reference", flat=True))
    assert set(ledger.cases) <= opened
    # Nothing the server refused was half written: each case opened has its request.
    assert not Case.objects.filter(organisation=council).exclude(events__name="request_received")
    assert time.monotonic() - began < 40
