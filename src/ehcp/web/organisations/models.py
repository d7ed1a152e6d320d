"""Who works here: councils and advocacy organisations, their members and roles, and the
schools, colleges and early years settings cases name."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        ADVOCACY = "advocacy", "Advocacy organisation"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    la_code = models.CharField(
        "DfE local authority code", max_length=3, blank=True, help_text="For example 201"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["la_code"],
                condition=~models.Q(la_code=""),
                name="unique_la_code",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_advocacy(self) -> bool:
        return self.kind == self.Kind.ADVOCACY


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    MANAGER = "manager", "Manager"
    READ_ONLY = "read_only", "Read only"
    ADMINISTRATOR = "administrator", "Administrator"


class Membership(models.Model):
    """A user belongs to exactly one organisation, with one role there."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CASEWORKER)

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"


class Setting(models.Model):
    """A school, college or early years setting, identified by URN or UKPRN. Each organisation
    keeps its own register (loaded from a CSV file by an administrator); a setting with no
    organisation belongs to no register (the demo's shared ones, and settings made before
    registers)."""

    class Phase(models.TextChoices):
        EARLY_YEARS = "early_years", "Early years"
        SCHOOL = "school", "School"
        COLLEGE = "college", "College"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="settings"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField("Type", max_length=100, blank=True, help_text="For example Academy")
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.SCHOOL)
    urn = models.CharField("URN", max_length=7, blank=True)
    ukprn = models.CharField("UKPRN", max_length=8, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "urn"], condition=~models.Q(urn=""), name="one_urn"
            ),
            models.UniqueConstraint(
                fields=["organisation", "ukprn"], condition=~models.Q(ukprn=""), name="one_ukprn"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CaseloadVersion(models.Model):
    """Changes whenever a case summary in the organisation changes, or its team does. The
    dashboard's counts and pages are cached under it (see `ehcp.web.caching`), so every server
    process sees a change at once.

    It was declared in the `cases` app at first; only its declaration moved here, so its table
    keeps that app's name (`cases/migrations/0004` and `organisations/migrations/0002` move it
    between the apps' states without touching the database)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="caseload_version"
    )
    version = models.CharField(max_length=32)

    class Meta:
        db_table = "cases_caseloadversion"
