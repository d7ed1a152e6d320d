"""The field rules every way into a case shares: the forms, the CSV importer and the services
(which the demo loader and any future API also go through). Each rule answers with a GOV.UK
error message that names the field and says how to put it right, or None.

References are safe in a web address by construction: letters, numbers, hyphens and
underscores only, so `EHC/2024/0001` is refused with a message saying so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from ehcp.web.frontend.forms import EARLIEST_YEAR, LATEST_YEAR

REFERENCE_LENGTH: Final = 30
REFERENCE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
UPN: Final = re.compile(r"[A-Za-z]\d{11}[A-Za-z0-9]")
ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
OLDEST_AT_REQUEST: Final = 25

# (label, longest) for each free-text field, matching the database columns.
TEXT_FIELDS: Final = {
    "first_name": ("First name", 100),
    "last_name": ("Last name", 100),
    "postcode": ("Postcode", 8),
    "council_name": ("Council responsible", 200),
    "kind": ("Kind", 40),
    "party": ("Who (service, school or body)", 200),
    "note": ("Note", 500),
    "setting_name": ("Setting", 200),
    "applies_to": ("Limits it applies to", 200),
    "evidence": ("Evidence", 5000),
    "caseworker_email": ("Caseworker email", 254),
    "title": ("Title", 200),
}


def text_problem(name: str, value: str) -> str | None:
    """Whether the free text `value` fits the column `name` and holds no NUL character."""
    label, longest = TEXT_FIELDS[name]
    if "\x00" in value:
        return f"{label} must not contain a null character"
    if len(value) > longest:
        return f"{label} must be {longest} characters or fewer"
    return None


def reference_problem(value: str) -> str | None:
    if len(value) > REFERENCE_LENGTH:
        return f"Reference must be {REFERENCE_LENGTH} characters or fewer"
    if not REFERENCE.fullmatch(value):
        return (
            "Reference must start with a letter or number and only include letters, "
            "numbers, hyphens and underscores, like EHC-2024-0001"
        )
    return None


def upn_problem(value: str) -> str | None:
    if value and not UPN.fullmatch(value):
        return "Enter a UPN of 13 characters, like A123456789012"
    return None


def date_range_problem(label: str, value: date) -> str | None:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return f"{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR}"
    return None


def iso_date(label: str, text: str) -> tuple[date | None, str | None]:
    """A date written in a file: ISO YYYY-MM-DD only, real, and within the sane range."""
    example = f"{label} must be a real date written as YYYY-MM-DD, like 2015-05-01"
    if not ISO_DATE.fullmatch(text):
        return None, example
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return None, example
    problem = date_range_problem(label, value)
    return (None, problem) if problem else (value, None)


def age_problem(date_of_birth: date, received: date) -> str | None:
    """The child's age when the request was received must be 0 to 25."""
    if received < date_of_birth:
        return "Date of birth must be before the date the request was received"
    years = received.year - date_of_birth.year
    if (received.month, received.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    if years > OLDEST_AT_REQUEST:
        return (
            f"The child or young person must be {OLDEST_AT_REQUEST} or younger when the "
            "request is received"
        )
    return None
