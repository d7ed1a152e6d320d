"""Write a synthetic council (and two advocacy organisations) to the database in bulk."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ehcp.web.accounts.second_factor import APP_NAME
from ehcp.web.accounts.services import NewMember, add_member
from ehcp.web.advocacy.demo import office_records
from ehcp.web.cases import names, register, services
from ehcp.web.cases.models import AdviceClock, Case, CaseEvent
from ehcp.web.cases.summary import advice_lines, summarise, with_parties
from ehcp.web.demo.synthetic import FIRST_NAMES, LAST_NAMES, Generator, Story
from ehcp.web.organisations.models import Organisation, Setting
from ehcp.web.people.models import Carer, Child

DEMO_PASSWORD: Final = "demo-casework-2026"  # noqa: S105 - printed for the local demo
# Every demo council login's authenticator app has this secret (README, "Demo"): add it to an
# app by hand, or run `manage.py ehcp_demo_code` for the code it shows now. Never in
# production: a published secret is no second factor.
DEMO_TOTP_SECRET: Final = "DEMOEHCPDEMOEHCPDEMOEHCPDEMOEHCP"  # noqa: S105
DEMO_TOTP_KEY: Final = base64.b32decode(DEMO_TOTP_SECRET).hex()
COUNCIL: Final = ("Demo Borough Council", "999")
STAFF: Final = (
    ("caseworker@demo.example", "Casey", "Worker", "caseworker"),
    ("manager@demo.example", "Morgan", "Manager", "manager"),
    ("readonly@demo.example", "Robin", "Reader", "read_only"),
    ("admin@demo.example", "Ash", "Administrator", "administrator"),
)
BATCH: Final = 2000


def make_user(email: str, first: str, last: str, role: str, organisation: Organisation) -> User:
    """A demo login. A council's has an authenticator app with the demo's published secret
    (`DEMO_TOTP_SECRET`), so signing in shows the second step as a council's staff see it."""
    new = NewMember(email=email, first_name=first, last_name=last, role=role)
    user = add_member(organisation, None, new, password=DEMO_PASSWORD)
    if organisation.kind == Organisation.Kind.COUNCIL:
        TOTPDevice.objects.create(user=user, name=APP_NAME, key=DEMO_TOTP_KEY, confirmed=True)
    return user


def second_factor_given(client: Any, user: User) -> None:
    """Mark a test client's session (signed in with `force_login`) as having given the demo
    login's second factor, as the benchmarks' sessions must have."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": APP_NAME, "key": DEMO_TOTP_KEY}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def demo_code() -> str:
    """The code an authenticator app with the demo's secret shows now."""
    device = TOTPDevice(key=DEMO_TOTP_KEY)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def team(organisation: Organisation, extra_caseworkers: int) -> list[User]:
    """The named demo logins plus more caseworkers; returns who can hold cases."""
    users = [make_user(*person, organisation) for person in STAFF]
    for number in range(extra_caseworkers):
        first, last = FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[number % len(LAST_NAMES)]
        email = f"caseworker{number + 2}@demo.example"
        users.append(make_user(email, first, last, "caseworker", organisation))
    return [u for u in users if u.membership.role in ("caseworker", "manager")]


REGISTER: Final = Path(__file__).with_name("settings_register.csv")


def schools(organisation: Organisation) -> list[Setting]:
    """The organisation's register of settings, loaded from the demo's synthetic CSV file as an
    administrator would load theirs."""
    plan = register.load(organisation, None, REGISTER.read_bytes())
    assert not plan.errors, plan.errors
    return list(register.register_of(organisation))


def write_cases(
    organisation: Organisation,
    stories: list[Story],
    workers: list[User],
    settings: list[Setting],
    today: date,
) -> int:
    for start in range(0, len(stories), BATCH):
        _write_batch(organisation, stories[start : start + BATCH], start, workers, settings, today)
    return len(stories)


def _write_batch(
    organisation: Organisation,
    stories: list[Story],
    offset: int,
    workers: list[User],
    settings: list[Setting],
    today: date,
) -> None:
    """Build each case as `services.create_case` would (with the same checks), then write the
    batch's rows with one insert per table: one by one, the 60,000-case council the benchmark
    loads would take an hour rather than minutes."""
    prepared = [
        services.prepare_case(
            organisation,
            None,
            _new_case(organisation, story, offset + n, workers, settings),
            today,
        )
        for n, story in enumerate(stories)
    ]
    children = Child.objects.bulk_create(p.child for p in prepared)
    Carer.objects.bulk_create(
        Carer(child=c, name=f"Parent {c.last_name}", relationship="Parent") for c in children
    )
    for p in prepared:
        p.case.child = p.child
        for field, value in vars(summarise(p.facts, today)).items():
            setattr(p.case, field, value)
    cases = Case.objects.bulk_create(p.case for p in prepared)
    names.keep(organisation, cases)
    for p in prepared:
        for row in p.events:
            row.case = p.case
    CaseEvent.objects.bulk_create(row for p in prepared for row in p.events)
    AdviceClock.objects.bulk_create(
        AdviceClock(case=case, organisation=organisation, **vars(line))
        for case, p in zip(cases, prepared, strict=True)
        for line in with_parties(advice_lines(p.facts, today), p.events)
    )


def _new_case(
    organisation: Organisation,
    story: Story,
    number: int,
    workers: list[User],
    settings: list[Setting],
) -> services.NewCase:
    received = story.events[0][0].date
    return services.NewCase(
        reference=f"{organisation.la_code or 'ADV'}-{received.year}-{number + 1:05d}",
        council_name="Demo Borough Council" if organisation.is_advocacy else "",
        first_name=story.first_name,
        last_name=story.last_name,
        date_of_birth=story.date_of_birth,
        upn=story.upn,
        postcode=story.postcode,
        caseworker=workers[number % len(workers)] if number % 20 else None,
        setting=settings[story.school % len(settings)],
        events=tuple(
            services.NewEvent(event.date, event.name, event.kind or "", party)
            for event, party in story.events
        ),
    )


def build(
    today: date, cases: int = 3000, caseworkers: int = 10, seed: int = 2026
) -> dict[str, int]:
    """The demo: one council with `cases` cases, a SENDIASS and an MP's office, and a second
    council whose cases no demo login can see."""
    generator = Generator(today, seed=seed)
    with transaction.atomic():
        council = Organisation.objects.create(name=COUNCIL[0], kind="council", la_code=COUNCIL[1])
        settings = schools(council)
        workers = team(council, caseworkers)
        made = write_cases(council, generator.caseload(cases), workers, settings, today)
        _advocacy(generator, today)
        _other_council(generator, today)
    return {"cases": made}


ADVOCATES: Final = (
    ("Demo SENDIASS", "sendiass@demo.example", "caseworker at Demo SENDIASS"),
    (
        "Office of the MP for Demo Central",
        "mp-office@demo.example",
        "caseworker at an MP's office",
    ),
)


def _advocacy(generator: Generator, today: date) -> None:
    for name, email, _ in ADVOCATES:
        org = Organisation.objects.create(name=name, kind="advocacy")
        worker = make_user(email, "Alex", "Adviser", "caseworker", org)
        write_cases(org, generator.caseload(25), [worker], schools(org), today)
        office_records(org, worker, today)


def _other_council(generator: Generator, today: date) -> None:
    other = Organisation.objects.create(name="Other Demo Council", kind="council", la_code="998")
    worker = make_user("other-council@demo.example", "Olly", "Other", "caseworker", other)
    write_cases(other, generator.caseload(50), [worker], schools(other), today)
