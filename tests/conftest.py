"""Marks for the whole suite."""

from __future__ import annotations

import pytest

# The pytest-django fixtures that open the database: `db`, `transactional_db` and the
# `django_db` mark all go through `django_db_setup`; `live_server` reaches it at run time.
DATABASE_FIXTURES = {"django_db_setup", "live_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `./dev.sh test` runs the tests marked `database` a second time, on PostgreSQL.
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if uses & DATABASE_FIXTURES or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)
