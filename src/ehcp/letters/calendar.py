"""Deadlines as an iCalendar file: one all-day event each, with reminders a week and a day
before, for any calendar app."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from ehcp.rules import Deadline

REMINDERS = (timedelta(days=7), timedelta(days=1))


def new_calendar(name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Open EHCP//statutory clock//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def build_calendar(schedule: Iterable[Deadline], *, reminders: bool = False) -> Calendar:
    calendar = new_calendar()
    add_deadlines(calendar, schedule, reminders=reminders)
    return calendar


def add_deadlines(
    calendar: Calendar,
    schedule: Iterable[Deadline],
    *,
    label: str = "",
    uid_scope: str = "",
    reminders: bool = False,
    cite: bool = False,
) -> None:
    """One event for each deadline. `label` starts each title (a case's reference, say) and
    `uid_scope` keeps the events of different cases apart; `cite` adds the law to each."""
    for deadline in schedule:
        entry = Event()
        scope = f"{uid_scope}-" if uid_scope else ""
        entry.add("uid", f"{scope}{deadline.key}-{deadline.start_date.isoformat()}@open-ehcp")
        prefix = f"{label}: " if label else ""
        entry.add("summary", f"{prefix}Due: {deadline.title}")
        entry.add("dtstart", deadline.due)
        entry.add("dtend", deadline.due + timedelta(days=1))
        description = f"{deadline.explanation} Status: {deadline.status.value}."
        if cite:
            description += f" The law: {deadline.citation}."
        entry.add("description", description)
        for before in REMINDERS if reminders else ():
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{deadline.title}: due in {before.days} day(s)")
            alarm.add("trigger", -before)
            entry.add_component(alarm)
        calendar.add_component(entry)
