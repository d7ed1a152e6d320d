"""An MP's office with a case whose decision on assessment is overdue (A1, on the
fixed day the web tests use)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ehcp.web.advocacy.models import Consent
from ehcp.web.organisations.models import Organisation, Role
from tests.web.conftest import TODAY, make_member, open_case


@pytest.fixture
def office(db: None) -> Organisation:
    return Organisation.objects.create(name="Office of the MP for Testtown", kind="advocacy")


@pytest.fixture
def adviser(office: Organisation) -> Any:
    return make_member(office, Role.CASEWORKER)


@pytest.fixture
def office_case(office: Organisation, adviser: Any) -> Any:
    return open_case(office, adviser, received=date(2026, 6, 1))


def consent_for(case: Any, given_on: date = date(2026, 7, 1)) -> Consent:
    return Consent.objects.create(
        case=case,
        given_by="Pat Testington",
        relationship="parent",
        given_for=Consent.For.CHILD,
        given_on=given_on,
        how=Consent.How.SIGNED,
        scope="Contact the council's SEN team",
        basis=Consent.Basis.ELECTED,
    )


@pytest.fixture
def today() -> date:
    return TODAY
