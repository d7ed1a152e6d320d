"""Every change to a team goes through here: written in one transaction, audited, and the
caseload given a new version once committed (the cached dashboard and case list name the
team in their caseworker filter)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from ehcp.web.audit.services import record as audit
from ehcp.web.caching import caseload_changed
from ehcp.web.organisations.models import Membership, Organisation


class TeamError(ValueError):
    """The change would leave the team in a state it must not be in."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field, self.problem = field, problem


@dataclass(frozen=True)
class NewMember:
    email: str
    first_name: str
    last_name: str
    role: str


def members(organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def add_member(
    organisation: Organisation, by: User | None, new: NewMember, password: str | None = None
) -> tuple[User, str]:
    """Give `new` an account in `organisation`; return it with its first password (a random
    one unless `password` is given). Raise `TeamError` if the email address is taken."""
    email = new.email.strip().lower()
    if User.objects.filter(username=email).exists():
        raise TeamError("email", "Someone already has an account with this email address")
    password = password or secrets.token_urlsafe(12)
    with transaction.atomic():
        user = User.objects.create_user(
            username=email,
            email=email,
            password=password,
            first_name=new.first_name,
            last_name=new.last_name,
        )
        Membership.objects.create(user=user, organisation=organisation, role=new.role)
        audit(by, "change", f"Added team member {user.pk}")
        transaction.on_commit(partial(caseload_changed, organisation.pk))
    return user, password


def change_member(member: Membership, by: User, role: str, active: bool) -> None:
    """Give `member` a new role, or deactivate them (no one may do either to themselves)."""
    if member.user_id == by.pk:
        raise TeamError("role", "You cannot change your own role or deactivate yourself")
    with transaction.atomic():
        member.role = role
        member.save(update_fields=["role"])
        member.user.is_active = active
        member.user.save(update_fields=["is_active"])
        audit(by, "change", f"Changed team member {member.user.pk}")
        transaction.on_commit(partial(caseload_changed, member.organisation_id))
