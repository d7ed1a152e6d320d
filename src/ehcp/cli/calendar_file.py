"""Deadlines as an iCalendar file, one all-day event each, for any calendar app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from icalendar import Calendar, Event

from ehcp.cli.errors import UserError
from ehcp.rules import Deadline


def build_calendar(schedule: tuple[Deadline, ...]) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Open EHCP//statutory clock//EN")
    calendar.add("version", "2.0")
    for deadline in schedule:
        entry = Event()
        entry.add("uid", f"{deadline.key}-{deadline.start_date.isoformat()}@open-ehcp")
        entry.add("summary", f"{deadline.key} due: {deadline.title}")
        entry.add("dtstart", deadline.due)
        entry.add("dtend", deadline.due + timedelta(days=1))
        entry.add("description", f"{deadline.explanation} Status: {deadline.status.value}.")
        calendar.add_component(entry)
    return calendar


def write_ics(schedule: tuple[Deadline, ...], path: Path) -> None:
    try:
        path.write_bytes(build_calendar(schedule).to_ical())
    except OSError as error:
        raise UserError(f"Could not write {path} ({error.strerror}).") from None
