"""Sending the digests: `send_digests("daily", today)` for every caseworker, `"weekly"` for
every manager. Safe to run again: a digest already sent for the day is not sent twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from ehcp.web.organisations.models import Role
from ehcp.web.reminders import digests, mail
from ehcp.web.reminders.models import DigestSent

logger = logging.getLogger(__name__)

KINDS: Final[dict[str, tuple[tuple[str, ...], Callable[[User, date], digests.Digest | None]]]] = {
    # Who gets it: the roles that hold cases, or that run the team.
    "daily": ((Role.CASEWORKER, Role.MANAGER), digests.daily),
    "weekly": ((Role.MANAGER,), digests.weekly),
}


@dataclass(frozen=True)
class DigestRun:
    sent: int = 0
    nothing_to_say: int = 0
    already_sent: int = 0
    failed: int = 0


def recipients(roles: tuple[str, ...]) -> QuerySet[User]:
    return (
        get_user_model()
        .objects.filter(is_active=True, membership__role__in=roles)
        .exclude(email="")
        .select_related("membership__organisation")
        .order_by("pk")
    )


def send_digests(kind: str, today: date) -> DigestRun:
    """Send today's `kind` digest ("daily" or "weekly") to everyone who should have it."""
    if kind not in KINDS:
        raise ValueError(f"A digest is daily or weekly, not {kind!r}.")
    roles, write = KINDS[kind]
    counts = {"sent": 0, "nothing_to_say": 0, "already_sent": 0, "failed": 0}
    send = mail.sender()
    for user in recipients(roles):
        counts[_send_one(send, user, kind, today, write)] += 1
    return DigestRun(**counts)


def _send_one(
    send: mail.Sender,
    user: User,
    kind: str,
    today: date,
    write: Callable[[User, date], digests.Digest | None],
) -> str:
    if DigestSent.objects.filter(user=user, kind=kind, day=today).exists():
        return "already_sent"
    digest = write(user, today)
    if digest is None:
        return "nothing_to_say"
    reference = f"{kind}-{today.isoformat()}-{user.pk}"
    message = mail.Message(user.email, digest.subject, digest.body, kind, reference)
    try:
        with transaction.atomic():
            DigestSent.objects.create(user=user, kind=kind, day=today)
            send.send(message)
    except Exception as error:  # one failed address must not stop the others
        # The error's type only: its message may quote the address.
        logger.warning(
            "The %s digest for user %s was not sent (%s)", kind, user.pk, type(error).__name__
        )
        return "failed"
    return "sent"
