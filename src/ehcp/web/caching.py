"""Every cache the web app keeps, with its keys and what forgets it.

- The caseload version: changes whenever a case summary in an organisation changes (or its
  team does); what is cached for the organisation's caseload is kept under it.
- The signed-in member, as a small `MemberRecord`, kept in the shared cache for a minute (see
  `accounts.backends`); saving a user, membership or organisation forgets it.
- Members' names, kept in each process for a few minutes (the case page only shows them).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, TypeVar
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.cache import cache, caches
from django.db import connection
from django.db.models import QuerySet

from ehcp.web.organisations.models import CaseloadVersion, Membership, Organisation

T = TypeVar("T")

CACHE_SECONDS: Final = 300


def caseload_version(organisation: Organisation) -> str:
    """Changes (in the database, so for every server process) whenever a case summary in
    `organisation` changes, or its team does; see `caseload_changed`.

    One line of plain SQL, with the names taken from the model: read on every dashboard and
    case list request, it cost 0.27 ms of CPU through the ORM against 0.07 ms, a tenth of a
    dashboard request (ADR 0010)."""
    meta, quoted = CaseloadVersion._meta, connection.ops.quote_name
    table, key = quoted(meta.db_table), quoted(meta.pk.column)
    sql = f"SELECT version FROM {table} WHERE {key} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation.pk])
        row = cursor.fetchone()
    return str(row[0]) if row is not None else "0"


def caseload_changed(organisation_id: int) -> None:
    """Give the organisation's caseload a new version, so no server process reads the counts
    and pages cached under the old one (see `cached`). Call it once a change to a case, or
    to the team, is committed."""
    token = secrets.token_hex(8)
    versions = CaseloadVersion.objects.filter(pk=organisation_id)
    if not versions.update(version=token):
        row = CaseloadVersion(organisation_id=organisation_id, version=token)
        CaseloadVersion.objects.bulk_create([row], ignore_conflicts=True)
        versions.update(version=token)


def cached(
    organisation: Organisation, version: str, today: date, name: str, compute: Callable[[], T]
) -> T:
    """`compute()`, kept for `organisation`'s caseload as it stands at `version` on `today`.
    The time limit is only a backstop for changes made outside the services."""
    key = f"ehcp:caseload:{organisation.pk}:{version}:{today.isoformat()}:{quote(name)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


MEMBER_CACHE_SECONDS: Final = 60


@dataclass(frozen=True)
class MemberRecord:
    """What every page needs to know about the signed-in member, kept in the shared cache for a
    minute in place of their `User`: the user, their role, and their organisation.

    `password` is the password's hash (never the password), which Django compares with the
    session's on every request so that changing a password signs out every other session."""

    user_id: int
    username: str
    email: str
    first_name: str
    last_name: str
    password: str
    is_active: bool
    membership_id: int
    role: str
    organisation_id: int
    organisation_name: str
    organisation_kind: str
    la_code: str

    @classmethod
    def of(cls, user: User) -> MemberRecord:
        membership = user.membership
        organisation = membership.organisation
        return cls(
            user_id=user.pk,
            username=user.username,
            email=user.email,
            first_name=user.first_name,
            last_name=user.last_name,
            password=user.password,
            is_active=user.is_active,
            membership_id=membership.pk,
            role=membership.role,
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
            organisation_kind=organisation.kind,
            la_code=organisation.la_code,
        )

    def user(self) -> Any:
        """The member as a `User` with their membership and organisation attached, as
        `select_related` would give them, without reading the database."""
        organisation = Organisation(
            pk=self.organisation_id,
            name=self.organisation_name,
            kind=self.organisation_kind,
            la_code=self.la_code,
        )
        membership = Membership(pk=self.membership_id, organisation=organisation, role=self.role)
        user = get_user_model()(
            pk=self.user_id,
            username=self.username,
            email=self.email,
            first_name=self.first_name,
            last_name=self.last_name,
            password=self.password,
            is_active=self.is_active,
        )
        for instance in (organisation, membership, user):
            instance._state.adding = False  # they are rows read earlier, not new ones
        membership.user = user
        user.membership = membership
        return user


def member_key(user_id: Any) -> str:
    return f"ehcp:member-record:{user_id}"


def kept_member(user_id: Any) -> MemberRecord | None:
    record = cache.get(member_key(user_id))
    return record if isinstance(record, MemberRecord) else None


def keep_member(record: MemberRecord) -> None:
    cache.set(member_key(record.user_id), record, MEMBER_CACHE_SECONDS)


def forget_member(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Signal receiver for users and memberships: drop the kept copy of that member."""
    user_id = instance.pk if isinstance(instance, get_user_model()) else instance.user_id
    cache.delete(member_key(user_id))


def forget_organisation_members(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Signal receiver for organisations: drop the kept copy of each of its members."""
    members = instance.memberships.values_list("user_id", flat=True)
    cache.delete_many([member_key(user_id) for user_id in members])


NAMES_CACHE_SECONDS: Final = 300


def member_names(organisation_id: int, user_ids: set[int]) -> dict[int, str]:
    """Full names of `user_ids` (the caseworker and whoever recorded events on a case). The
    names of the organisation's members are kept in each process for a few minutes (they are
    only shown, so a new name may take that long to appear); anyone not among them is read
    afresh."""
    key = f"ehcp:names:{organisation_id}"
    local = caches["local"]
    names = local.get(key)
    if names is None:
        names = _full_names(
            get_user_model().objects.filter(membership__organisation_id=organisation_id)
        )
        local.set(key, names, NAMES_CACHE_SECONDS)
    missing = user_ids - names.keys()
    if missing:
        names = names | _full_names(get_user_model().objects.filter(pk__in=missing))
    return {pk: names[pk] for pk in user_ids if pk in names}


def _full_names(users: QuerySet[Any]) -> dict[int, str]:
    rows = users.values_list("pk", "first_name", "last_name")
    return {pk: f"{first} {last}".strip() for pk, first, last in rows}
