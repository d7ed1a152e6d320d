"""Template filters for GOV.UK markup."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from ehcp.rules import Deadline, Status
from ehcp.rules.dates import MONTHS, WEEKDAYS
from ehcp.rules.wording import status_phrase as rules_status_phrase
from ehcp.rules.wording import what_missing_it_means

register = template.Library()

TAG_COLOURS = {
    Status.OVERDUE: "govuk-tag--red",
    Status.DUE_SOON: "govuk-tag--orange",
    Status.NOT_YET_DUE: "govuk-tag--grey",
    Status.MET: "govuk-tag--green",
    Status.MET_LATE: "govuk-tag--pink",
    Status.EXCUSED: "govuk-tag--purple",
    Status.WINDOW_OPEN: "govuk-tag--blue",
    Status.WINDOW_CLOSED: "govuk-tag--grey",
    Status.TOO_EARLY: "govuk-tag--red",
    Status.BEHIND_TARGET: "govuk-tag--yellow",
    Status.PENDING: "govuk-tag--light-blue",
    Status.NEEDS_FACTS: "govuk-tag--yellow",
}
BY_TEXT = {status.value: colour for status, colour in TAG_COLOURS.items()}


@register.filter
def tag_colour(status: Any) -> str:
    """The GOV.UK tag colour for a `Status` or its text."""
    if isinstance(status, Status):
        return TAG_COLOURS[status]
    return BY_TEXT.get(str(status), "govuk-tag--grey")


@register.filter
def status_text(status: Any) -> str:
    text = status.value if isinstance(status, Status) else str(status)
    return text.capitalize()


@register.filter
def consequence_text(deadline: Deadline) -> str:
    """`a breach of statute by the council`, `a missed planning target` …"""
    return what_missing_it_means(deadline)


@register.filter
def status_phrase(deadline: Deadline) -> str:
    """`Overdue`, `Met on mon 6 oct 2025` …: the clock's own words for a deadline's status,
    as its tag shows them (`str.capitalize`)."""
    return rules_status_phrase(deadline).capitalize()


@register.filter
def humanise(name: str) -> str:
    """`decision_to_assess_notified` -> `Decision to assess notified`."""
    return str(name or "").replace("_", " ").capitalize()


@register.filter
def date_parts(field: Any) -> list[str]:
    """Day, month and year strings for a GOV.UK date input, from a bound date field."""
    value = field.value()
    if isinstance(value, date):
        return [str(value.day), str(value.month), str(value.year)]
    if isinstance(value, list | tuple):
        return [str(part or "") for part in (list(value) + ["", "", ""])[:3]]
    return ["", "", ""]


@register.filter
def days_from(day: date | None, today: date) -> str:
    """`3 days overdue`, `due today`, `in 5 days`: plain words for the gap."""
    if day is None:
        return ""
    gap = (day - today).days
    if gap == 0:
        return "due today"
    unit = "day" if abs(gap) == 1 else "days"
    return f"{-gap} {unit} overdue" if gap < 0 else f"in {gap} {unit}"


# Fast equivalents of Django's `date` filter for the formats the busiest pages print many
# times over (a `date` filter call costs tens of microseconds). Dates only, no times.


@register.filter
def long_date(day: date | None) -> str:
    """`3 March 2026`: the same as `|date:"j F Y"`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


@register.filter
def words_date(day: date | None) -> str:
    """`Tuesday 3 March 2026`: the same as `|date:"l j F Y"`."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}" if day else ""


@register.filter
def short_date(day: date | None) -> str:
    """`3 Mar 2026`: the same as `|date:"j M Y"`."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else ""


@register.filter
def iso_date(day: date | None) -> str:
    """`2026-03-03`: the same as `|date:"Y-m-d"`."""
    return day.isoformat() if day else ""
