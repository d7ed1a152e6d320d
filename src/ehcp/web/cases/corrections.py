"""Putting a case right and handing it over: the caseworker, the child's details, the parents
and carers, who made the request. Each change is checked, written in one transaction and
audited with the value of every field before and after (`audit.services.record_changes`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import partial
from itertools import cycle
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from ehcp.rules import CaseFacts, find_problems
from ehcp.web.audit.services import Change, record_changes
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import adapters, names, validation
from ehcp.web.cases.models import Case
from ehcp.web.cases.services import CaseworkError, refresh_summary
from ehcp.web.organisations.models import Organisation, Setting
from ehcp.web.people.models import Carer, Child


@dataclass(frozen=True)
class ChildDetails:
    """The child's details and who made the request, as the correction form records them."""

    first_name: str
    last_name: str
    date_of_birth: date
    upn: str = ""
    postcode: str = ""
    setting: Setting | None = None
    requested_by: str = ""


LABELS: Final = {
    "first_name": "First name",
    "last_name": "Last name",
    "date_of_birth": "Date of birth",
    "upn": "UPN",
    "postcode": "Postcode",
    "setting": "Setting",
    "requested_by": "Who made the request",
    "caseworker": "Caseworker",
    "name": "Name",
    "relationship": "Relationship",
    "parental_responsibility": "Parental responsibility",
    "email": "Email address",
    "phone": "Phone number",
    "address": "Address",
    "preferred_contact": "Preferred contact",
}


def shown(value: Any) -> str:
    """A value as the audit page shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, User):
        return value.get_full_name() or value.username
    return str(value)


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    return [
        (LABELS[name], shown(before[name]), shown(after[name]))
        for name in after
        if before[name] != after[name]
    ]


def _present(*problems: str | None) -> list[str]:
    return [problem for problem in problems if problem]


def details_problems(case: Case, new: ChildDetails, today: date) -> list[str]:
    problems = _present(
        validation.upn_problem(new.upn),
        validation.date_range_problem("Date of birth", new.date_of_birth),
        *(validation.text_problem(name, getattr(new, name)) for name in CHILD_TEXT),
    )
    if new.setting is not None and new.setting.organisation_id not in (
        None,
        case.organisation_id,
    ):
        problems.append("Select a setting from your register")
    if new.requested_by and new.requested_by not in Case.Requester.values:
        problems.append("Select who made the request")
    if problems:
        return problems
    if new.date_of_birth > today:
        return ["Date of birth must be in the past"]
    received = case.events.filter(
        name="request_received", retracts__isnull=True, retraction__isnull=True
    )
    first = received.order_by("date").values_list("date", flat=True).first()
    return _present(validation.age_problem(new.date_of_birth, first) if first else None)


CHILD_TEXT: Final = ("first_name", "last_name", "postcode")


def correct_details(case: Case, user: User, new: ChildDetails, today: date) -> list[Change]:
    """Correct the child's details (on every case of theirs), the case's setting and who made
    the request, or raise `CaseworkError` saying why not. Returns what changed."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("child").get(pk=case.pk)
        problems = details_problems(case, new, today)
        if problems:
            raise CaseworkError(problems)
        child = case.child
        child_fields = ("first_name", "last_name", "date_of_birth", "upn", "postcode")
        before = {name: getattr(child, name) for name in child_fields}
        before |= {"setting": case.setting, "requested_by": case.get_requested_by_display()}
        after = {name: getattr(new, name) for name in child_fields}
        after |= {"setting": new.setting, "requested_by": _requester_label(new.requested_by)}
        changes = differences(before, after)
        if not changes:
            return []
        dob_changed = child.date_of_birth != new.date_of_birth
        for name in child_fields:
            setattr(child, name, getattr(new, name))
        if dob_changed:
            for other in child.cases.select_for_update().select_related("child"):
                other.child = child
                check_facts(adapters.facts_for(other), today)
        child.save(update_fields=list(child_fields))
        names.rename(child)
        case.setting, case.requested_by = new.setting, new.requested_by
        case.save(update_fields=["setting", "requested_by"])
        for other in child.cases.select_related("child"):
            refresh_summary(other, today)
        record_changes(user, "Corrected the child's details", case.reference, changes)
    return changes


def _requester_label(value: str) -> str:
    return str(Case.Requester(value).label) if value else ""


def check_facts(facts: CaseFacts, today: date) -> None:
    problems = find_problems(facts, today)
    if problems:
        raise CaseworkError(problems)


def team_member(organisation: Organisation, user_id: int | None) -> User | None:
    """The active member of `organisation` with this id, or None."""
    if user_id is None:
        return None
    found = User.objects.filter(pk=user_id, is_active=True, membership__organisation=organisation)
    return found.first()


def reassign(case: Case, user: User, caseworker: User | None) -> list[Change]:
    """Give the case to `caseworker` (None: nobody yet), who must be in its organisation."""
    return hand_over(case.organisation, user, {case.pk: caseworker})


def hand_over(
    organisation: Organisation, user: User, assignments: dict[int, User | None]
) -> list[Change]:
    """Give each case (by id) to its new caseworker, all in one transaction: a leaver's
    caseload to colleagues, or one case to someone else. Returns what changed."""
    for worker in set(assignments.values()):
        if worker is not None and team_member(organisation, worker.pk) is None:
            raise CaseworkError([f"{shown(worker)} is not an active member of your team"])
    changes: list[Change] = []
    with transaction.atomic():
        cases = Case.objects.select_for_update(of=("self",)).filter(
            organisation=organisation, pk__in=list(assignments)
        )
        for case in cases.select_related("caseworker"):
            worker = assignments[case.pk]
            if case.caseworker_id == (worker.pk if worker else None):
                continue
            change = (LABELS["caseworker"], shown(case.caseworker), shown(worker))
            case.caseworker = worker
            case.save(update_fields=["caseworker"])
            record_changes(user, "Changed the caseworker", case.reference, [change])
            changes.append(change)
        if changes:
            transaction.on_commit(partial(caseload_changed, organisation.pk))
    return changes


def caseload_of(organisation: Organisation, worker: User) -> QuerySet[Case]:
    """The worker's cases, soonest deadline first."""
    return (
        Case.objects.filter(organisation=organisation, caseworker=worker)
        .select_related("child")
        .order_by("next_due", "reference")
    )


def in_turn(cases: Iterable[Case], colleagues: Sequence[User]) -> dict[int, User | None]:
    """Share the cases out among `colleagues` in turn (round robin), in the order given."""
    if not colleagues:
        raise CaseworkError(["Select at least one colleague to hand the cases to"])
    return dict(zip((case.pk for case in cases), cycle(colleagues), strict=False))


@dataclass(frozen=True)
class CarerDetails:
    name: str
    relationship: str = ""
    parental_responsibility: bool = False
    email: str = ""
    phone: str = ""
    address: str = ""
    preferred_contact: str = ""


CARER_LIMITS: Final = {
    "name": ("Full name", 200),
    "relationship": ("Relationship to the child", 50),
    "email": ("Email address", 254),
    "phone": ("Phone number", 30),
    "address": ("Address", 500),
}


def carer_problems(new: CarerDetails) -> list[str]:
    problems = []
    if not new.name.strip():
        problems.append("Enter the parent or carer's full name")
    for name, (label, longest) in CARER_LIMITS.items():
        value = getattr(new, name)
        if "\x00" in value:
            problems.append(f"{label} must not contain a null character")
        elif len(value) > longest:
            problems.append(f"{label} must be {longest} characters or fewer")
    if new.preferred_contact and new.preferred_contact not in Carer.Contact.values:
        problems.append("Select how they prefer to be contacted")
    contact = {"email": new.email, "phone": new.phone, "post": new.address}
    if new.preferred_contact and not contact.get(new.preferred_contact):
        wanted = CONTACT_FIELD[new.preferred_contact]
        problems.append(f"Enter their {wanted}, or choose another way to contact them")
    return problems


CONTACT_FIELD: Final = {"email": "email address", "phone": "phone number", "post": "address"}


def _carer_values(carer: Carer | CarerDetails) -> dict[str, Any]:
    values = {f.name: getattr(carer, f.name) for f in fields(CarerDetails)}
    values["preferred_contact"] = _contact_label(values["preferred_contact"])
    return values


def _contact_label(value: str) -> str:
    return str(Carer.Contact(value).label) if value else ""


def add_carer(case: Case, user: User, new: CarerDetails) -> Carer:
    problems = carer_problems(new)
    if problems:
        raise CaseworkError(problems)
    with transaction.atomic():
        carer = Carer.objects.create(child_id=case.child_id, **vars(new))
        changes = differences(dict.fromkeys(_carer_values(new)), _carer_values(new))
        record_changes(user, "Added a parent or carer", case.reference, changes)
    return carer


def edit_carer(case: Case, user: User, carer: Carer, new: CarerDetails) -> list[Change]:
    problems = carer_problems(new)
    if problems:
        raise CaseworkError(problems)
    with transaction.atomic():
        carer = Carer.objects.select_for_update().get(pk=carer.pk, child_id=case.child_id)
        changes = differences(_carer_values(carer), _carer_values(new))
        if changes:
            for name, value in vars(new).items():
                setattr(carer, name, value)
            carer.save()
            record_changes(user, "Changed a parent or carer's details", case.reference, changes)
    return changes


def remove_carer(case: Case, user: User, carer: Carer) -> None:
    with transaction.atomic():
        carer = Carer.objects.select_for_update().get(pk=carer.pk, child_id=case.child_id)
        before = _carer_values(carer)
        changes = differences(before, dict.fromkeys(before))
        carer.delete()
        record_changes(user, "Removed a parent or carer", case.reference, changes)


def carers_for(case: Case) -> QuerySet[Carer]:
    return Carer.objects.filter(child_id=case.child_id).order_by("id")


def possible_duplicates(
    organisation: Organisation, first_name: str, last_name: str, born: date, upn: str
) -> list[Case]:
    """Cases already open for what may be the same child: the same UPN, or the same date of
    birth and the same name but for capitals, accents, spaces, hyphens and apostrophes
    (Zoë O'Neil-Smith and ZOE ONEIL SMITH)."""
    children = Child.objects.filter(organisation=organisation, date_of_birth=born)
    matches = [child.pk for child in children if _same_name(child, first_name, last_name)]
    if upn:
        same_upn = Child.objects.filter(organisation=organisation, upn__iexact=upn)
        matches += list(same_upn.values_list("pk", flat=True))
    found = Case.objects.filter(organisation=organisation, child_id__in=matches)
    return list(found.select_related("child").order_by("reference")[:20])


def _plain(name: str) -> str:
    letters = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in letters if ch.isalnum())


def _same_name(child: Child, first_name: str, last_name: str) -> bool:
    return (_plain(child.first_name), _plain(child.last_name)) == (
        _plain(first_name),
        _plain(last_name),
    )
