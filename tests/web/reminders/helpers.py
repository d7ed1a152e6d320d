"""Cases with the timelines the reminders need, built through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from ehcp.web.cases import services
from ehcp.web.organisations.models import Organisation, Setting

from ..conftest import TODAY

# A plan issued after a request on Mon 2 Jun 2025.
REQUEST = (date(2025, 6, 2), "request_received", "")
ASSESS = (date(2025, 7, 14), "decision_to_assess_notified", "assess")
DRAFT = (date(2025, 9, 29), "draft_plan_served", "")


def plan(issued: date) -> tuple[tuple[date, str, str], ...]:
    return (REQUEST, ASSESS, DRAFT, (issued, "final_plan_issued", ""))


def make_case(
    organisation: Organisation,
    user: Any,
    *events: tuple[date, str, str],
    caseworker: Any = None,
    setting: Setting | None = None,
    first: str = "Alex",
    last: str = "Testington",
    born: date = date(2015, 5, 1),
) -> Any:
    new = services.NewCase(
        first_name=first,
        last_name=last,
        date_of_birth=born,
        events=tuple(services.NewEvent(day, name, kind) for day, name, kind in events),
        caseworker=caseworker,
        setting=setting,
    )
    return services.create_case(organisation, user, new, TODAY)
