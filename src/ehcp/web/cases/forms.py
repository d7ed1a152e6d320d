"""Casework forms, with GOV.UK error messages. Date checks that depend on the case's other events
are left to `ehcp.rules.find_problems`, through the services."""

from __future__ import annotations

from typing import Any

from django import forms

from ehcp.rules import EVENT_TYPES
from ehcp.web.cases import uploads
from ehcp.web.cases.models import Case
from ehcp.web.frontend.forms import GovDateField, GovForm
from ehcp.web.people.models import Carer


def event_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ").capitalize()) for name in EVENT_TYPES]


class EventForm(GovForm):
    name = forms.ChoiceField(
        label="What happened",
        choices=event_choices,
        error_messages={"required": "Select what happened"},
    )
    kind = forms.CharField(label="Which kind (if it has one)", required=False, max_length=40)
    date = GovDateField("Date it happened")
    party = forms.CharField(label="Who (service, school or body)", required=False, max_length=200)
    note = forms.CharField(label="Note (no personal details)", required=False, max_length=500)

    def clean_kind(self) -> str:
        return str(self.cleaned_data.get("kind", "")).strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        event_type = EVENT_TYPES.get(data.get("name", ""))
        kind = data.get("kind", "")
        if event_type and kind and kind not in event_type.kinds:
            allowed = ", ".join(k.replace("_", " ") for k in event_type.kinds) or "none"
            self.add_error("kind", f"Choose a kind this event has: {allowed}")
        return data


class ChildDetailsFields(GovForm):
    """The child's own details, the same on a new request and on a correction."""

    first_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the child's first name"}
    )
    last_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the child's last name"}
    )
    date_of_birth = GovDateField("Date of birth")
    upn = forms.RegexField(
        label="Unique pupil number (UPN)",
        regex=r"^[A-Za-z]\d{11}[A-Za-z0-9]$",
        required=False,
        error_messages={"invalid": "Enter a UPN of 13 characters, like A123456789012"},
    )
    postcode = forms.CharField(max_length=8, required=False)


class NewRequestForm(ChildDetailsFields):
    received_on = GovDateField("Date the request was received")
    council_name = forms.CharField(label="Council responsible", max_length=200, required=False)
    caseworker = forms.TypedChoiceField(
        label="Caseworker", required=False, coerce=int, empty_value=None
    )
    setting = forms.TypedChoiceField(
        label="School, college or setting", required=False, coerce=int, empty_value=None
    )
    requested_by = forms.ChoiceField(
        label="Who made the request", required=False, choices=lambda: requester_choices()
    )
    not_duplicate = forms.BooleanField(
        label="I have checked: this is a different child or young person", required=False
    )

    def __init__(
        self,
        *args: Any,
        caseworkers: list[tuple[int, str]],
        settings: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["caseworker"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Not assigned yet"), *caseworkers]
        setting = self.fields["setting"]
        assert isinstance(setting, forms.ChoiceField)
        setting.choices = [("", "Not recorded"), *(settings or [])]


class ExceptionForm(GovForm):
    code = forms.ChoiceField(label="Exception", error_messages={"required": "Select a ground"})
    start = GovDateField("Start date")
    end = GovDateField("End date", required=False)
    setting_name = forms.CharField(label="Setting (for closures)", required=False, max_length=200)
    applies_to = forms.CharField(
        label="Limits it applies to (e.g. A6)", required=False, max_length=200
    )
    evidence = forms.CharField(
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Describe the evidence"},
    )

    def __init__(self, *args: Any, grounds: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a ground"), *grounds.items()]


class DocumentForm(GovForm):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    file = forms.FileField(error_messages={"required": "Choose a file to upload"})

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > uploads.LARGEST:
            raise forms.ValidationError("The selected file must be smaller than 5MB")
        if uploads.kind_of(upload) is None:
            raise forms.ValidationError(
                "The selected file must be a PDF, Word document (DOCX), image (PNG, JPEG, "
                "GIF or WebP) or plain text file"
            )
        return upload


class ImportForm(GovForm):
    file = forms.FileField(label="CSV file", error_messages={"required": "Choose a CSV file"})
    confirm = forms.BooleanField(required=False)


def requester_choices() -> list[tuple[str, str]]:
    return [("", "Not recorded"), *Case.Requester.choices]


class DetailsForm(ChildDetailsFields):
    """The child's details, the setting and who made the request, as a correction."""

    setting = forms.TypedChoiceField(
        label="School, college or setting", required=False, coerce=int, empty_value=None
    )
    requested_by = forms.ChoiceField(
        label="Who made the request", required=False, choices=requester_choices
    )

    def __init__(self, *args: Any, settings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["setting"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Not recorded"), *settings]


class ReassignForm(GovForm):
    caseworker = forms.TypedChoiceField(
        label="New caseworker",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Select a caseworker from the list"},
    )

    def __init__(self, *args: Any, caseworkers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["caseworker"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Not assigned"), *caseworkers]


class CarerForm(GovForm):
    name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter their full name"}
    )
    relationship = forms.CharField(
        label="Relationship to the child", max_length=50, required=False
    )
    parental_responsibility = forms.TypedChoiceField(
        label="Do they have parental responsibility?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        error_messages={"required": "Select yes if they have parental responsibility"},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    phone = forms.CharField(label="Phone number", max_length=30, required=False)
    address = forms.CharField(
        label="Address", max_length=500, required=False, widget=forms.Textarea
    )
    preferred_contact = forms.ChoiceField(
        label="How they prefer to be contacted",
        required=False,
        choices=[("", "No preference"), *Carer.Contact.choices],
    )


class HandOverForm(GovForm):
    leaver = forms.TypedChoiceField(
        label="Whose cases",
        coerce=int,
        error_messages={"required": "Select whose cases to hand over"},
    )
    colleagues = forms.TypedMultipleChoiceField(
        label="Colleagues to share them between",
        coerce=int,
        error_messages={"required": "Select at least one colleague to hand the cases to"},
    )

    def __init__(self, *args: Any, members: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("leaver", "colleagues"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = members

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("leaver") in data.get("colleagues", []):
            self.add_error("colleagues", "Select colleagues other than the person leaving")
        return data


class RegisterForm(GovForm):
    file = forms.FileField(label="CSV file", error_messages={"required": "Choose a CSV file"})
