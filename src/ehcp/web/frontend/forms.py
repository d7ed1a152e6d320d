"""GOV.UK form components: the date input (day, month, year) and its error messages."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from django import forms

# The years a date typed into the app may have: anything else is a typing mistake.
EARLIEST_YEAR: Final = 1900
LATEST_YEAR: Final = 2100
PART_LENGTHS: Final = (2, 2, 40)


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
