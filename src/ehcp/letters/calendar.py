"""Deadlines as an iCalendar file: one all-day event each, with reminders a week and a day
before, for any calendar app."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from ehcp.rules import Deadline

REMINDERS = (timedelta(days=7), timedelta(days=1))


def build_calendar(schedule: Iterable[Deadline], *, reminders: bool = False) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Open EHCP//statutory clock//EN")
    calendar.add("version", "2.0")
    for deadline in schedule:
        entry = Event()
        entry.add("uid", f"{deadline.key}-{deadline.start_date.isoformat()}@open-ehcp")
        entry.add("summary", f"Due: {deadline.title}")
        entry.add("dtstart", deadline.due)
        entry.add("dtend", deadline.due + timedelta(days=1))
        entry.add("description", f"{deadline.explanation} Status: {deadline.status.value}.")
        for before in REMINDERS if reminders else ():
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{deadline.title}: due in {before.days} day(s)")
            alarm.add("trigger", -before)
            entry.add_component(alarm)
        calendar.add_component(entry)
    return calendar
