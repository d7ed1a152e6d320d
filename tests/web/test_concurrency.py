"""Simultaneous new requests: every one succeeds, and each case has its own reference."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from ehcp.web.cases.models import Case
from ehcp.web.organisations.models import Role

from .conftest import make_member
from .test_views import date_fields

CLIENTS = 4


def request_data(number: int) -> dict[str, str]:
    return {
        "first_name": f"Child{number}",
        "last_name": "Concurrent",
        **date_fields("date_of_birth", date(2016, 2, 1)),
        **date_fields("received_on", date(2026, 6, 1)),
    }


def open_requests(council, each: int) -> list[int]:
    """`CLIENTS` signed-in colleagues, each opening `each` new requests at once (after a
    barrier, so they start together); the status of every answer."""
    users = [
        make_member(council, Role.CASEWORKER, f"worker{n}@example.com") for n in range(CLIENTS)
    ]
    barrier = threading.Barrier(CLIENTS)
    statuses: list[int] = []

    def colleague(number: int) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(users[number])
        barrier.wait(timeout=30)
        try:
            for n in range(each):
                data = request_data(number * each + n)
                statuses.append(client.post(reverse("new-request"), data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=colleague, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


@pytest.fixture
def on_postgres(transactional_db: None) -> None:
    # The SQLite test database lives in memory with a shared cache, where a second writer is
    # refused at once ("table is locked") instead of waiting as it does on a file.
    if connection.vendor != "postgresql":
        pytest.skip("threads need a database server (DATABASE_URL=postgres://...)")


@pytest.mark.postgres
def test_simultaneous_new_requests_all_succeed(on_postgres, council):
    statuses = open_requests(council, each=5)
    assert statuses == [302] * 20
    references = list(Case.objects.values_list("reference", flat=True))
    assert len(set(references)) == 20
    assert sorted(references) == [f"901-2026-{n:05d}" for n in range(1, 21)]


@pytest.mark.postgres
def test_a_hundred_simultaneous_new_requests_from_four_clients(on_postgres, council):
    statuses = open_requests(council, each=25)
    assert statuses == [302] * 100
    assert Case.objects.values("reference").distinct().count() == 100
