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


def pytest_configure(config: pytest.Config) -> None:
    # The test client and the browser tests' live server speak plain http; the live server's
    # middleware is built once, before any test's settings fixture could turn this off.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
