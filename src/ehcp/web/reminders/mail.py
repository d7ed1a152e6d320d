"""Sending a digest: through GOV.UK Notify when an API key is set (production), otherwise
through Django's email backend (the console locally, the outbox in tests).

Notify sends with one template for each kind of digest, whose subject and body are the
placeholders ((subject)) and ((body)); the template ids and the key come from the
environment (see settings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from notifications_python_client.notifications import NotificationsAPIClient


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str
    kind: str
    reference: str  # ours for Notify's records: ids only, never personal data


class Sender(Protocol):
    def send(self, message: Message) -> None: ...


class NotifySender:
    def __init__(self, api_key: str, base_url: str, templates: dict[str, str]) -> None:
        # The client has no type hints.
        self.client = NotificationsAPIClient(api_key, base_url=base_url)  # type: ignore[no-untyped-call]
        self.templates = templates

    def send(self, message: Message) -> None:
        self.client.send_email_notification(  # type: ignore[no-untyped-call]
            email_address=message.to,
            template_id=self.templates[message.kind],
            personalisation={"subject": message.subject, "body": message.body},
            reference=message.reference,
        )


class DjangoMailSender:
    def send(self, message: Message) -> None:
        send_mail(message.subject, message.body, None, [message.to], fail_silently=False)


def sender() -> Sender:
    if settings.NOTIFY_API_KEY:
        templates = {
            "daily": settings.NOTIFY_DAILY_DIGEST_TEMPLATE_ID,
            "weekly": settings.NOTIFY_WEEKLY_DIGEST_TEMPLATE_ID,
        }
        return NotifySender(settings.NOTIFY_API_KEY, settings.NOTIFY_BASE_URL, templates)
    return DjangoMailSender()
