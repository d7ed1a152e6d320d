"""The GOV.UK date input component: its parts, and the Design System's error messages."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms

from ehcp.web.frontend.forms import DateParts, GovDateField


def test_a_date_is_shown_as_its_day_month_and_year():
    assert DateParts().decompress(date(2026, 3, 2)) == [2, 3, 2026]
    assert DateParts().decompress(None) == [None, None, None]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (["", "3", "2026"], "Date of birth must include a day"),
        (["31", "2", "2026"], "Date of birth must be a real date"),
        (["1", "2", "1800"], "Date of birth must be between 1900 and 2100"),
        (["a", "2", "2026"], "Date of birth must be a real date"),
    ],
)
def test_the_design_systems_error_messages(parts, message):
    with pytest.raises(forms.ValidationError, match=message):
        GovDateField("Date of birth").compress(parts)


def test_a_real_date_and_an_empty_one():
    field = GovDateField("Date of birth", required=False)
    assert field.compress(["2", "3", "2026"]) == date(2026, 3, 2)  # Monday 2 March 2026
    assert field.compress(["", "", ""]) is None
