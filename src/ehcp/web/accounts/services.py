"""Every change to a team goes through here: written in one transaction, audited, and the
caseload given a new version once committed (the cached dashboard and case list name the
team in their caseworker filter)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac

from ehcp.web.audit.models import AuditEntry
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
) -> User:
    """Give `new` an account in `organisation` and return it. Raise `TeamError` if the email
    address is taken.

    Without `password` (an administrator adding a colleague) the account has no usable
    password: the new member sets their own from an invitation link (`invitations`). Only the
    demo's loader gives one, which it prints for the local demo."""
    email = new.email.strip().lower()
    if User.objects.filter(username=email).exists():
        raise TeamError("email", "Someone already has an account with this email address")
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
    return user


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


def record_failed_sign_in(email: str, address: str, why: str) -> None:
    """Audit a failed sign-in: against the account tried, if there is one (so it shows to its
    organisation's administrators), with a keyed hash of the client's address. Neither the
    address nor anything typed as a password is kept."""
    user = load_member_by_email(email)
    audit(user, "sign_in_failed", f"{why} (from address {address_code(address)})")


def address_code(address: str) -> str:
    """A short keyed hash (HMAC with SECRET_KEY) of a client address: the same address gives
    the same code, and the code does not give the address back."""
    return salted_hmac("ehcp.sign-in-address", address).hexdigest()[:12]


def load_member_by_email(email: str) -> User | None:
    users = User.objects.select_related("membership__organisation")
    return users.filter(username=email.strip().lower(), membership__isnull=False).first()


def failed_sign_ins(organisation: Organisation, limit: int = 50) -> QuerySet[AuditEntry]:
    """The latest failed sign-ins for the organisation's accounts, newest first."""
    entries = AuditEntry.objects.filter(
        organisation=organisation, action=AuditEntry.Action.SIGN_IN_FAILED
    )
    return entries.select_related("user").order_by("-at")[:limit]
