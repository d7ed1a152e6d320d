"""Fixtures for the web app: organisations, members in each role, and cases built through
the services (so their summaries come from the clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.cache import caches
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ehcp.web.cases import services
from ehcp.web.organisations.models import Membership, Organisation, Role

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dfe-ehcp-statistics"
RELEASES = [
    DATA / "education-health-and-care-plans_reporting-year-2022.zip",
    DATA / "education-health-and-care-plans_reporting-year-2025.zip",
]
TODAY = date(2026, 11, 20)
PASSWORD = "correct-horse-battery"  # noqa: S105


@pytest.fixture(autouse=True)
def _web_settings(settings: Any, tmp_path: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    settings.JOBS_ROOT = tmp_path / "jobs"
    settings.EHCP_TODAY = TODAY
    # The tests do not run collectstatic: plain names, found where the finders look.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    for cache in caches.all():
        cache.clear()


SECOND_FACTOR_AT_SIGN_IN = "tests-second-factor-at-sign-in"


def _second_factor_given(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Test app", defaults={"confirmed": True}
    )
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


@pytest.fixture(autouse=True)
def _signed_in_with_second_factor() -> Iterator[None]:
    """Every sign-in in the tests (`force_login`, the sign-in form, the browser tests) has
    given a second factor, as council members must (ADR 0021): the session is verified with
    an authenticator app made for the user. The tests of the second factor itself ask for
    `real_second_factor` instead."""
    user_logged_in.connect(_second_factor_given, dispatch_uid=SECOND_FACTOR_AT_SIGN_IN)
    yield
    user_logged_in.disconnect(dispatch_uid=SECOND_FACTOR_AT_SIGN_IN)


@pytest.fixture
def real_second_factor(_signed_in_with_second_factor: None) -> None:
    """Sign-ins ask for the second factor, as they do outside the tests."""
    user_logged_in.disconnect(dispatch_uid=SECOND_FACTOR_AT_SIGN_IN)


@pytest.fixture
def council(db: None) -> Organisation:
    return Organisation.objects.create(name="Council A", kind="council", la_code="901")


@pytest.fixture
def other_council(db: None) -> Organisation:
    return Organisation.objects.create(name="Council B", kind="council", la_code="902")


@pytest.fixture
def advocacy(db: None) -> Organisation:
    return Organisation.objects.create(name="SENDIASS C", kind="advocacy")


def make_member(organisation: Organisation, role: str, email: str | None = None) -> Any:
    from django.contrib.auth import get_user_model

    email = email or f"{role}@{organisation.pk}.example"
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=role.title(), last_name="User"
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def caseworker(council: Organisation) -> Any:
    return make_member(council, Role.CASEWORKER)


@pytest.fixture
def members(council: Organisation, caseworker: Any) -> dict[str, Any]:
    others = {
        role: make_member(council, role) for role in Role.values if role != caseworker_role()
    }
    return {caseworker_role(): caseworker, **others}


def caseworker_role() -> str:
    return str(Role.CASEWORKER)


def open_case(organisation: Organisation, user: Any, received: date = date(2026, 6, 1)) -> Any:
    new = services.NewRequest(
        first_name="Alex",
        last_name="Testington",
        date_of_birth=date(2015, 5, 1),
        received_on=received,
        upn="Z12345678901A",
    )
    return services.open_request(organisation, user, new, TODAY)


@pytest.fixture
def case(council: Organisation, caseworker: Any) -> Any:
    return open_case(council, caseworker)


@pytest.fixture
def other_case(other_council: Organisation) -> Any:
    return open_case(other_council, make_member(other_council, Role.CASEWORKER))


@pytest.fixture
def signed_in(client: Any, caseworker: Any) -> Any:
    client.force_login(caseworker)
    return client


@pytest.fixture(scope="session")
def stats_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A statistics store holding both shared DfE releases, imported once for the whole
    session: the statistics pages' tests and the browser tests share it. Read it; never
    write to it."""
    from ehcp.stats.store import import_releases

    missing = [str(path) for path in RELEASES if not path.exists()]
    if missing:
        pytest.fail(f"The shared DfE releases are missing: {', '.join(missing)}")
    path = tmp_path_factory.mktemp("web-stats") / "stats.duckdb"
    import_releases(path, RELEASES)
    return path


@pytest.fixture(scope="session")
def fitted_places(stats_store: Path) -> dict[str, Any]:
    """Every place's fitted forecast model for the session store (the slow step an import
    runs), fitted once for the whole session."""
    from ehcp.forecast import figures_from_rows
    from ehcp.forecast.places import fit_places
    from ehcp.stats.forecast_inputs import read_breakdowns
    from ehcp.stats.store import connect

    with connect(stats_store, read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
    return fit_places(figures)


FORECAST_PLACES = ("801", "E92000001")  # Bristol, City of, and England: the pages visited


@pytest.fixture(scope="session")
def kept_forecasts(stats_store: Path, fitted_places: dict[str, Any]) -> Path:
    """The forecasts an import keeps beside the session store, for the places the tests
    visit (every place would take minutes more)."""
    from ehcp.forecast import stored
    from ehcp.stats.store import connect, store_version

    with connect(stats_store, read_only=True) as connection:
        version = store_version(connection)
    chosen = {code: fitted_places[code] for code in FORECAST_PLACES}
    return stored.keep(chosen, version, stored.directory_for(stats_store)).folder


# A real worker process, for the tests of the worker and the browser's background import.
from .jobs.worker import start_worker, worker_env  # noqa: E402, F401
