"""Who viewed, changed or exported what, and when. Rows hold ids and action names, never a
child's personal details."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcp.web.organisations.models import Organisation


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed"
        EXPORT = "export", "Exported"
        SEARCH = "search", "Searched"
        DENIED = "denied", "Refused access"
        NOT_FOUND = "not_found", "Not found"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    case_reference = models.CharField(max_length=30, blank=True)
    what = models.CharField(max_length=200)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["organisation", "-at"])]
        verbose_name_plural = "audit entries"


class AuditChange(models.Model):
    """One field a correction changed, with its value before and after. Unlike the entry it
    belongs to, it holds personal data (a child's name, date of birth), so it is shown only on
    the organisation's own audit page, to the members allowed to read it, and never written to
    a log. It goes with the entry."""

    entry = models.ForeignKey(AuditEntry, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=100)
    before = models.CharField(max_length=500, blank=True)
    after = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
