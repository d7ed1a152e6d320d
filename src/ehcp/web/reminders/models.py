"""Each member's calendar subscription. Only a hash of the secret in its address is kept:
the address is shown once, when it is made, and a stolen database reveals no live feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"


class DigestSent(models.Model):
    """A digest that went out: the same digest is never sent twice for a day, however often
    the job runs."""

    class Kind(models.TextChoices):
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly team digest"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "day"], name="one_digest_a_day")
        ]
