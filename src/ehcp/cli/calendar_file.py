"""`ehcp clock --ics`: the deadlines written as an iCalendar file."""

from __future__ import annotations

from pathlib import Path

from ehcp.cli.errors import UserError
from ehcp.letters.calendar import build_calendar
from ehcp.rules import Deadline


def write_ics(schedule: tuple[Deadline, ...], path: Path) -> None:
    try:
        path.write_bytes(build_calendar(schedule).to_ical())
    except OSError as error:
        raise UserError(f"Could not write {path} ({error.strerror}).") from None
