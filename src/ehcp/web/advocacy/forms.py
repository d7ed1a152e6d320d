"""The advocacy workspace's forms, with GOV.UK error messages. Checks that need the case
(consent in force, dates in order) are the services'."""

from __future__ import annotations

from django import forms

from ehcp.web.advocacy.councils import council_choices
from ehcp.web.advocacy.models import Consent, Correspondence
from ehcp.web.frontend.forms import GovDateField, GovForm


class CouncilForm(GovForm):
    la_code = forms.ChoiceField(
        label="Council responsible",
        choices=lambda: [("", "Choose a council"), *council_choices()],
        error_messages={"required": "Select the council responsible"},
    )


class ConsentForm(GovForm):
    given_by = forms.CharField(
        label="Who gave consent",
        max_length=200,
        error_messages={"required": "Enter who gave consent"},
    )
    relationship = forms.CharField(
        label="Their relationship to the child or young person",
        max_length=100,
        error_messages={
            "required": "Enter their relationship, for example parent or the young person"
        },
    )
    given_for = forms.ChoiceField(
        label="Whose information it is",
        choices=Consent.For.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whose information it is"},
    )
    given_on = GovDateField("Date consent was given")
    how = forms.ChoiceField(
        label="How it was given",
        choices=[("", "Choose how"), *Consent.How.choices],
        error_messages={"required": "Select how consent was given"},
    )
    scope = forms.CharField(
        label="What it covers",
        max_length=500,
        error_messages={"required": "Enter what the consent covers"},
    )
    basis = forms.ChoiceField(
        label="Data protection basis",
        choices=Consent.Basis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the data protection basis"},
    )
    capacity_note = forms.CharField(
        label="Young person's capacity, or why their own consent could not be obtained",
        max_length=500,
        required=False,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("given_for") == Consent.For.YOUNG_PERSON:
            own = str(data.get("relationship", "")).strip().lower() == "young person"
            if not own and not data.get("capacity_note"):
                self.add_error(
                    "capacity_note",
                    "Say why the young person's own consent could not be obtained",
                )
        return data


class DateForm(GovForm):
    """One date: withdrawal of consent, or closing the case."""

    on = GovDateField("Date")

    def __init__(self, *args: object, label: str = "Date", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["on"] = GovDateField(label)


SENT_KINDS = [(value, label) for value, label in Correspondence.Kind.choices if value != "reply"]


class LetterForm(GovForm):
    kind = forms.ChoiceField(
        label="What kind of letter",
        choices=[("", "Choose a kind"), *SENT_KINDS],
        error_messages={"required": "Select what kind of letter was sent"},
    )
    subject = forms.CharField(
        label="Subject line",
        max_length=200,
        error_messages={"required": "Enter the letter's subject line"},
    )
    to_council = forms.TypedChoiceField(
        label="Who it went to",
        choices=[
            ("yes", "The council"),
            ("no", "Someone else (a government department, the school)"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the letter went to"},
    )
    dated = GovDateField("Date it was sent")
    response_due = GovDateField("Reply due by", required=False)
    letter = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)
    note = forms.CharField(label="Note (no personal details)", max_length=500, required=False)


class ReplyForm(GovForm):
    dated = GovDateField("Date the reply was received")
    note = forms.CharField(label="What the reply said, briefly", max_length=500, required=False)
