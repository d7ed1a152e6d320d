"""GOV.UK form components: Django's own error messages in GOV.UK words, and the date input
(day, month, year) with its error messages."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from django import forms
from django.core import validators
from django.forms.utils import pretty_name

# The years a date typed into the app may have: anything else is a typing mistake.
EARLIEST_YEAR: Final = 1900
LATEST_YEAR: Final = 2100
PART_LENGTHS: Final = (2, 2, 40)


# Django's own messages, which every field starts with (and a form's own words replace).
DJANGO_REQUIRED: Final = str(forms.Field.default_error_messages["required"])
DJANGO_CHOICE: Final = str(forms.ChoiceField.default_error_messages["invalid_choice"])
DJANGO_EMAIL: Final = str(validators.EmailValidator.message)


class GovukMessages:
    """Put Django's built-in form errors in GOV.UK words, naming the field and what to do
    ("Reason must be 200 characters or fewer", not "Ensure this value has at most 200
    characters"). Every form in the app has it first among its bases (a test checks); the
    messages a form gives its fields itself are kept."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        # Here rather than in __init__, so fields a form adds or replaces there have them too.
        for name, field in self.fields.items():
            in_govuk_words(field, str(field.label or pretty_name(name)))
        super().full_clean()  # type: ignore[misc]


def in_govuk_words(field: forms.Field, label: str) -> None:
    """Set `field`'s messages for Django's own checks in GOV.UK words about `label`."""
    # Messages for checks with values (a limit, the choice given) are %-formatted with them.
    name = label.replace("%", "%%")
    messages = field.error_messages
    if isinstance(field, forms.FileField):
        messages["max_length"] = "The selected file's name must be %(max)d characters or fewer"
        messages["empty"] = "The selected file is empty"
        messages["invalid"] = "The selected file could not be read. Choose the file again"
        messages["contradiction"] = "Choose a file or tick the box to clear it, not both"
    else:
        messages.setdefault("max_length", f"{name} must be %(limit_value)d characters or fewer")
        messages.setdefault("min_length", f"{name} must be %(limit_value)d characters or more")
    messages["null_characters_not_allowed"] = (
        f"{label} must not contain the null character. Type it again rather than pasting it"
    )
    choosing = isinstance(field, forms.ChoiceField)
    # A choice the form already words ("Select yes if ...") is asked for the same way when
    # the answer given is not one of its options.
    listed = f"Select {_lower(name)} from the list"  # noqa: S608 - words, not SQL
    if messages.get("required") == DJANGO_REQUIRED:
        messages["required"] = f"{'Select' if choosing else 'Enter'} {_lower(label)}"
    elif choosing:
        listed = str(messages["required"]).replace("%", "%%")
    if messages.get("invalid_choice") == DJANGO_CHOICE:
        messages["invalid_choice"] = listed
    if isinstance(field, forms.MultipleChoiceField):
        messages["invalid_list"] = listed
    if (
        isinstance(field, forms.EmailField)
        and messages.get("invalid", DJANGO_EMAIL) == DJANGO_EMAIL
    ):
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
    for part in getattr(field, "fields", ()):  # the parts of a date
        in_govuk_words(part, label)


def _lower(label: str) -> str:
    """A label inside a sentence: "Select the council", "Enter full name" (an abbreviation
    like "UPN" keeps its capitals)."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]


class GovForm(GovukMessages, forms.Form):
    """A form whose every error is in GOV.UK words."""


class DateParts(forms.MultiWidget):
    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovDateField(forms.MultiValueField):
    """A GOV.UK date input (day, month, year) with the Design System's error messages."""

    widget = DateParts

    def __init__(self, label: str, **kwargs: Any) -> None:
        self.label_text = label
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, label=label, require_all_fields=False, **kwargs)
        self.error_messages["required"] = f"Enter {label.lower()}"
        self.error_messages["incomplete"] = f"{label} must include a day, month and year"

    def compress(self, data_list: list[Any]) -> date | None:
        if not data_list or not any(data_list):
            return None
        parts = [str(part or "").strip() for part in data_list]
        names = ("day", "month", "year")
        missing = [name for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise forms.ValidationError(f"{self.label_text} must include a {missing[0]}")
        if not all(_is_number(part, most) for part, most in zip(parts, PART_LENGTHS, strict=True)):
            raise forms.ValidationError(f"{self.label_text} must be a real date")
        day, month, year = (int(part) for part in parts)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise forms.ValidationError(
                f"{self.label_text} must be between {EARLIEST_YEAR} and {LATEST_YEAR}"
            )
        try:
            return date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{self.label_text} must be a real date") from None


def _is_number(part: str, most: int) -> bool:
    """Whether `part` is 1 to `most` of the digits 0 to 9 (not other scripts' digits)."""
    return part.isascii() and part.isdigit() and len(part) <= most
