"""GOV.UK form components: the date input (day, month, year) and its error messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms


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
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1900:
                raise ValueError
            return date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{self.label_text} must be a real date") from None
