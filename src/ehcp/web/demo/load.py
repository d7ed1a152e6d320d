"""Write a synthetic council (and two advocacy organisations) to the database in bulk."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, Final

from django.contrib.auth import get_user_model
from django.db import transaction

from ehcp.web.cases.models import AdviceClock, Case, CaseEvent
from ehcp.web.cases.summary import advice_lines, summarise, with_parties
from ehcp.web.demo.synthetic import FIRST_NAMES, LAST_NAMES, Generator, Story
from ehcp.web.organisations.models import Membership, Organisation, Setting
from ehcp.web.people.models import Carer, Child

DEMO_PASSWORD: Final = "demo-casework-2026"  # noqa: S105 - printed for the local demo
COUNCIL: Final = ("Demo Borough Council", "999")
STAFF: Final = (
    ("caseworker@demo.example", "Casey", "Worker", "caseworker"),
    ("manager@demo.example", "Morgan", "Manager", "manager"),
    ("readonly@demo.example", "Robin", "Reader", "read_only"),
    ("admin@demo.example", "Ash", "Administrator", "administrator"),
)
BATCH: Final = 2000


def make_user(email: str, first: str, last: str, role: str, organisation: Organisation) -> Any:
    user = get_user_model().objects.create_user(
        username=email, email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def team(organisation: Organisation, extra_caseworkers: int) -> list[Any]:
    """The named demo logins plus more caseworkers; returns who can hold cases."""
    users = [make_user(*person, organisation) for person in STAFF]
    for number in range(extra_caseworkers):
        first, last = FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[number % len(LAST_NAMES)]
        email = f"caseworker{number + 2}@demo.example"
        users.append(make_user(email, first, last, "caseworker", organisation))
    return [u for u in users if u.membership.role in ("caseworker", "manager")]


def schools(count: int) -> list[Setting]:
    phases = [Setting.Phase.SCHOOL] * 6 + [Setting.Phase.EARLY_YEARS, Setting.Phase.COLLEGE]
    return Setting.objects.bulk_create(
        Setting(
            name=f"Demo {['Primary', 'Academy', 'High', 'Nursery', 'College'][n % 5]} {n + 1}",
            phase=phases[n % len(phases)],
            urn=f"99{n:05d}",
        )
        for n in range(count)
    )


def write_cases(
    organisation: Organisation,
    stories: list[Story],
    workers: list[Any],
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
    workers: list[Any],
    settings: list[Setting],
    today: date,
) -> None:
    children = Child.objects.bulk_create(_child(organisation, s) for s in stories)
    Carer.objects.bulk_create(
        Carer(child=c, name=f"Parent {c.last_name}", relationship="Parent") for c in children
    )
    cases = Case.objects.bulk_create(
        _case(organisation, story, child, offset + n, workers, settings, today)
        for n, (story, child) in enumerate(zip(stories, children, strict=True))
    )
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            date=event.date,
            name=event.name,
            kind=event.kind or "",
            party=party,
            family_reported=organisation.is_advocacy,
        )
        for case, story in zip(cases, stories, strict=True)
        for event, party in story.events
    )
    AdviceClock.objects.bulk_create(
        AdviceClock(case=case, organisation=organisation, **vars(line))
        for case, story in zip(cases, stories, strict=True)
        for line in with_parties(advice_lines(story.facts(), today), _timeline_rows(story))
    )


def _timeline_rows(story: Story) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(name=e.name, kind=e.kind, date=e.date, party=party)
        for e, party in story.events
    ]


def _child(organisation: Organisation, story: Story) -> Child:
    return Child(
        organisation=organisation,
        first_name=story.first_name,
        last_name=story.last_name,
        date_of_birth=story.date_of_birth,
        upn=story.upn,
        postcode=story.postcode,
    )


def _case(
    organisation: Organisation,
    story: Story,
    child: Child,
    number: int,
    workers: list[Any],
    settings: list[Setting],
    today: date,
) -> Case:
    received = story.events[0][0].date
    prefix = organisation.la_code or "ADV"
    worker = workers[number % len(workers)] if number % 20 else None
    return Case(
        organisation=organisation,
        reference=f"{prefix}-{received.year}-{number + 1:05d}",
        child=child,
        caseworker=worker,
        setting=settings[story.school % len(settings)],
        source=Case.Source.FAMILY if organisation.is_advocacy else Case.Source.COUNCIL,
        council_name="Demo Borough Council" if organisation.is_advocacy else "",
        **vars(summarise(story.facts(), today)),
    )


def build(
    today: date, cases: int = 3000, caseworkers: int = 10, seed: int = 2026
) -> dict[str, int]:
    """The demo: one council with `cases` cases, a SENDIASS and an MP's office, and a second
    council whose cases no demo login can see."""
    generator = Generator(today, seed=seed)
    with transaction.atomic():
        council = Organisation.objects.create(name=COUNCIL[0], kind="council", la_code=COUNCIL[1])
        settings = schools(40)
        workers = team(council, caseworkers)
        made = write_cases(council, generator.caseload(cases), workers, settings, today)
        _advocacy(generator, settings, today)
        _other_council(generator, settings, today)
    return {"cases": made}


def _advocacy(generator: Generator, settings: list[Setting], today: date) -> None:
    for name, email in (
        ("Demo SENDIASS", "sendiass@demo.example"),
        ("Office of the MP for Demo Central", "mp-office@demo.example"),
    ):
        org = Organisation.objects.create(name=name, kind="advocacy")
        worker = make_user(email, "Alex", "Adviser", "caseworker", org)
        write_cases(org, generator.caseload(25), [worker], settings, today)


def _other_council(generator: Generator, settings: list[Setting], today: date) -> None:
    other = Organisation.objects.create(name="Other Demo Council", kind="council", la_code="998")
    worker = make_user("other-council@demo.example", "Olly", "Other", "caseworker", other)
    write_cases(other, generator.caseload(50), [worker], settings, today)
