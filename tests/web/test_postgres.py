"""Checks that only mean something on the real PostgreSQL server (`./dev.sh test` runs the
suite a second time with DATABASE_URL pointing at it)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from ehcp.web.cases import queries

from .conftest import TODAY, open_case


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("runs only with DATABASE_URL=postgres://...")


@pytest.mark.postgres
def test_case_summaries_and_search_work_on_postgres(on_postgres, council, caseworker):
    case = open_case(council, caseworker, received=date(2026, 6, 1))
    counts = queries.headline_counts(queries.cases_for(council), TODAY)
    assert counts["overdue"] == 1
    assert [c.pk for c in queries.search(council, "alex TESTINGTON")] == [case.pk]
