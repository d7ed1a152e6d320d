"""What an advocacy organisation (an MP's office or a SENDIASS) keeps about a case besides
its timeline: the council responsible, consent, the correspondence and when it was closed.

The timeline itself stays in `cases`; these rows hang off the case and go with it when a
closed case is deleted under the retention policy."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcp.web.cases.models import Case


class AdvocacyCase(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="advocacy")
    council_code = models.CharField("Council responsible", max_length=3, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    kept_until = models.DateField(
        null=True, blank=True, help_text="The family asked for the case to be kept until then"
    )

    def __str__(self) -> str:
        return f"Advocacy record for {self.case}"


class Consent(models.Model):
    class For(models.TextChoices):
        CHILD = "child", "A child (a parent or carer with parental responsibility agrees)"
        YOUNG_PERSON = "young_person", "A young person aged 16 or over, in their own right"

    class How(models.TextChoices):
        SIGNED = "signed", "Signed form"
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call (written up afterwards)"
        IN_PERSON = "in_person", "In person"

    class Basis(models.TextChoices):
        # The lawful basis and the special category condition (the spec's section 3).
        ELECTED = (
            "elected_representative",
            "Elected representative: public task, DPA 2018 Sch 1 paras 23-24",
        )
        EXPLICIT = "explicit_consent", "Explicit consent: UK GDPR Art 6(1)(a) and 9(2)(a)"
        PUBLIC_TASK = "public_task_s32", "Public task (CFA 2014 s.32), explicit consent"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField("Who gave consent", max_length=200)
    relationship = models.CharField(
        "Their relationship to the child or young person", max_length=100
    )
    given_for = models.CharField("Whose information", max_length=20, choices=For.choices)
    given_on = models.DateField("Date consent was given")
    how = models.CharField("How it was given", max_length=20, choices=How.choices)
    scope = models.CharField(
        "What it covers", max_length=500, help_text="For example: contact the council's SEN team"
    )
    basis = models.CharField("Data protection basis", max_length=40, choices=Basis.choices)
    capacity_note = models.CharField(
        "Young person's capacity, or why they could not consent",
        max_length=500,
        blank=True,
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["given_on", "pk"]


class Correspondence(models.Model):
    class Kind(models.TextChoices):
        CHASER = "chaser", "Chaser"
        COMPLAINT_1 = "complaint_1", "Formal complaint (stage 1)"
        COMPLAINT_2 = "complaint_2", "Formal complaint (stage 2)"
        PRE_ACTION = "pre_action", "Pre-action letter"
        SUBJECT_ACCESS = "subject_access", "Subject access request"
        MP_TO_COUNCIL = "mp_to_council", "MP's letter to the council"
        MP_TO_DEPARTMENT = "mp_to_department", "MP's letter to a government department"
        OTHER = "other", "Other letter"
        REPLY = "reply", "Reply received"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="correspondence")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    to_council = models.BooleanField(default=True)
    subject = models.CharField(max_length=200)
    letter = models.CharField("Letter from the catalogue", max_length=10, blank=True)
    dated = models.DateField()
    response_due = models.DateField(null=True, blank=True)
    answers = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    note = models.CharField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dated", "pk"]
        indexes = [models.Index(fields=["case", "response_due"])]

    @property
    def is_reply(self) -> bool:
        return self.kind == self.Kind.REPLY
