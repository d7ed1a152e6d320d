"""Every cache the web app keeps, with its keys and what forgets it.

- The caseload version: changes whenever a case summary in an organisation changes (or its
  team does); what is cached for the organisation's caseload is kept under it.
- The signed-in member, kept in the shared cache for a minute (see `accounts.backends`).
- Members' names, kept in each process for a few minutes (the case page only shows them).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from typing import Any, Final, TypeVar
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.db import connection
from django.db.models import QuerySet

from ehcp.web.organisations.models import CaseloadVersion, Organisation

T = TypeVar("T")

CACHE_SECONDS: Final = 300


def caseload_version(organisation: Organisation) -> str:
    """Changes (in the database, so for every server process) whenever a case summary in
    `organisation` changes; see `caseload_changed`."""
    relation = Organisation.caseload_version.related
    if relation.is_cached(organisation):  # read with the signed-in member (MemberBackend)
        cached_row = relation.get_cached_value(organisation)
        return cached_row.version if cached_row is not None else "0"
    # Read on every dashboard and case list request: plain SQL costs a fifth of the ORM's.
    meta, quoted = CaseloadVersion._meta, connection.ops.quote_name
    table, key = quoted(meta.db_table), quoted(meta.pk.column)
    sql = f"SELECT version FROM {table} WHERE {key} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation.pk])
        row = cursor.fetchone()
    return row[0] if row is not None else "0"


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


def member_key(user_id: Any) -> str:
    return f"ehcp:member:{user_id}"


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


def _full_names(users: QuerySet) -> dict[int, str]:
    rows = users.values_list("pk", "first_name", "last_name")
    return {pk: f"{first} {last}".strip() for pk, first, last in rows}
