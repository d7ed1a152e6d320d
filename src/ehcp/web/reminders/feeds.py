"""Calendar feeds: a member's secret subscription address, and the deadlines it serves.

The token in the address is the only thing that opens the feed, so it is long and random,
shown once, and kept only as a SHA-256 hash (a 256-bit random secret needs no slow hash).
Issuing a new address replaces the old one; revoking deletes it."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar

from ehcp.letters.calendar import add_deadlines, new_calendar
from ehcp.web.audit.services import record as audit
from ehcp.web.cases.models import Case
from ehcp.web.reminders.models import CalendarFeed
from ehcp.web.reminders.schedules import CaseSchedule, schedules


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_feed(user: User) -> str:
    """A new secret for `user`'s feed (any earlier address stops working). Show it once."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user, defaults={"token_hash": hash_token(token), "last_fetched_at": None}
    )
    audit(user, "change", "Calendar feed address issued")
    return token


@transaction.atomic
def revoke_feed(user: User) -> bool:
    """Stop `user`'s feed address working; whether there was one."""
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    if deleted:
        audit(user, "change", "Calendar feed address revoked")
    return bool(deleted)


def feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def owner_of(token: str) -> User | None:
    """The active member whose feed `token` opens, or None (and the use is recorded)."""
    if not token or len(token) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user__membership__organisation")
        .filter(token_hash=hash_token(token), user__is_active=True)
        .first()
    )
    if feed is None or not hasattr(feed.user, "membership"):
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
    return feed.user


def cases_of(user: User) -> QuerySet[Case]:
    """The cases `user` is the caseworker for, in their own organisation."""
    organisation = user.membership.organisation
    return (
        Case.objects.filter(organisation=organisation, caseworker=user)
        .select_related("child")
        .order_by("reference")
    )


def to_calendar(name: str, found: Iterable[CaseSchedule]) -> Calendar:
    """Each case's next actions, labelled with its initials and reference and cited."""
    calendar = new_calendar(name)
    for item in found:
        add_deadlines(
            calendar,
            item.actions,
            label=item.label,
            uid_scope=item.case.reference,
            reminders=True,
            cite=True,
        )
    return calendar


def member_calendar(user: User, today: date) -> bytes:
    calendar = to_calendar("EHC deadlines", schedules(cases_of(user), today))
    return bytes(calendar.to_ical())


def case_calendar(case: Case, today: date) -> bytes:
    calendar = to_calendar(f"EHC deadlines for {case.reference}", schedules([case], today))
    return bytes(calendar.to_ical())
