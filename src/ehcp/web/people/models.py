"""Children and young people, and their parents and carers. Each belongs to one organisation's
records: the same child supported by a council and a SENDIASS is two separate records."""

from __future__ import annotations

from django.db import models

from ehcp.web.organisations.models import Organisation


class Child(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    upn = models.CharField("UPN", max_length=13, blank=True)
    postcode = models.CharField(max_length=8, blank=True)

    class Meta:
        verbose_name_plural = "children"
        indexes = [
            # Also the case list sorted by name (last, then first).
            models.Index(fields=["organisation", "last_name", "first_name"], name="child_name"),
            models.Index(fields=["organisation", "date_of_birth"]),
            models.Index(fields=["organisation", "upn"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Carer(models.Model):
    """A parent or carer of the child, and how they would like to be contacted."""

    class Contact(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        POST = "post", "Post"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="carers")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=50, blank=True)
    parental_responsibility = models.BooleanField(default=False)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.CharField(max_length=500, blank=True)
    preferred_contact = models.CharField(max_length=10, choices=Contact.choices, blank=True)

    def __str__(self) -> str:
        return self.name
