"""Cases and their append-only timeline.

The timeline rows (`CaseEvent`, `CaseException`, `CaseClosure`) are exactly the facts handed
to `ehcp.rules`; see `adapters.py`. The summary columns on `Case` and the `AdviceClock` rows
are a cache of the clock's answer, rewritten by `services.refresh_summary` and stamped with
the rules version that produced them. No date rule lives here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from ehcp.web.organisations.models import Organisation, Setting
from ehcp.web.people.models import Child


class AppendOnlyError(RuntimeError):
    """A timeline row was about to be changed or deleted."""


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Timeline rows cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Timeline rows cannot be deleted.")


class AppendOnly(models.Model):
    """Rows are written once. Mistakes are put right by appending a retraction."""

    objects = AppendOnlyQuerySet.as_manager()

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted.")


class Case(models.Model):
    class Source(models.TextChoices):
        COUNCIL = "council", "Council records"
        FAMILY = "family", "As the family reports them"

    class Requester(models.TextChoices):
        PARENT = "parent", "A parent or carer"
        YOUNG_PERSON = "young_person", "The young person"
        SETTING = "setting", "The school, college or setting"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    reference = models.CharField(max_length=30)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    council_name = models.CharField(
        max_length=200, blank=True, help_text="The council responsible, for advocacy cases"
    )
    setting = models.ForeignKey(Setting, on_delete=models.SET_NULL, null=True, blank=True)
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.COUNCIL)
    requested_by = models.CharField(max_length=20, choices=Requester.choices, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    # A cache of the clock's answer, rewritten whenever the timeline changes.
    stage = models.CharField(max_length=40, blank=True)
    next_due = models.DateField(null=True, blank=True)
    next_key = models.CharField(max_length=40, blank=True)
    next_title = models.CharField(max_length=200, blank=True)
    # Breaches of statute by the council or ICB open now, and guidance or targets behind.
    open_breaches = models.PositiveIntegerField(default=0)
    behind_target = models.PositiveIntegerField(default=0)
    rules_version = models.CharField(max_length=20, blank=True)
    summarised_on = models.DateField(null=True, blank=True)
    # The child's names as search compares them (`names.name_key`; upper case can be longer
    # than the name), kept on the case so that
    # a search counts and ranks cases without joining every matching child (ADR 0031).
    first_name_key = models.CharField(max_length=300, blank=True, editable=False)
    last_name_key = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="unique_ref")
        ]
        # One index for each way the case list is filtered and sorted, so a page of 25 is
        # read straight off an index (no sort of the whole caseload): next deadline (either
        # way, reference breaking ties), within a stage or a caseworker's cases. Latest first
        # (DESC NULLS LAST) has its own index on PostgreSQL only: see migration 0002.
        indexes = [
            models.Index(fields=["organisation", "next_due", "reference"], name="case_due"),
            models.Index(
                fields=["organisation", "stage", "next_due", "reference"], name="case_stage"
            ),
            models.Index(
                fields=["organisation", "caseworker", "next_due", "reference"], name="case_worker"
            ),
            models.Index(fields=["organisation", "first_name_key"], name="case_first_name_key"),
            models.Index(
                fields=["organisation", "last_name_key", "first_name_key"],
                name="case_last_name_key",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class SearchName(models.Model):
    """Each name (`names.name_key`) an organisation's children have, once: a search finds the
    names like what was typed here, in a table of a few thousand rows, then the cases with
    those names through their indexes (ADR 0031). Names no case has are removed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    name = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_search_name")
        ]

    def __str__(self) -> str:
        return self.name


class CaseEvent(AppendOnly):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    date = models.DateField()
    name = models.CharField(max_length=60)
    kind = models.CharField(max_length=40, blank=True)
    party = models.CharField(
        max_length=200, blank=True, help_text="Who acted: the advice service, school or body"
    )
    note = models.CharField(max_length=500, blank=True)
    family_reported = models.BooleanField(default=False)
    retracts = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="retraction"
    )

    class Meta:
        indexes = [models.Index(fields=["case", "date"])]

    def __str__(self) -> str:
        return f"{self.name} on {self.date}"


class CaseException(AppendOnly):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="exceptions")
    code = models.CharField(max_length=30)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    setting_name = models.CharField(max_length=200, blank=True)
    applies_to = models.CharField(max_length=200, blank=True, help_text="Limit ids, e.g. A6 A2")
    evidence = models.TextField()


class CaseClosure(AppendOnly):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="closures")
    setting_name = models.CharField(max_length=200)
    first_closed_day = models.DateField()
    reopening_day = models.DateField()


class AdviceClock(models.Model):
    """One advice request's 6-week clock, as the engine last worked it out (a cache)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advice_clocks")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    contributor = models.CharField(max_length=40)
    party = models.CharField(max_length=200, blank=True)
    requested_on = models.DateField()
    due = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["organisation", "contributor"])]


def documents_storage() -> FileSystemStorage:
    """Private storage: outside every static directory, with no public URL."""
    return FileSystemStorage(location=settings.DOCUMENTS_ROOT, base_url=None)


def document_path(document: Document, filename: str) -> str:
    # `filename` is the token and the extension its content shows (`services.store_document`).
    return f"{document.case.organisation_id}/{document.case_id}/{filename}"


class Document(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_path, storage=documents_storage, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    token = models.CharField(max_length=40, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class ReferenceCounter(models.Model):
    """The last number given to a new case's reference, for each organisation and year. New
    requests lock their row, so two opened at the same moment never get the same reference."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_counter_a_year")
        ]
