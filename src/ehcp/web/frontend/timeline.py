"""The case page's visual timeline: recorded events and the statutory schedule on one
line, in date order. Every deadline and status shown comes from `ehcp.rules`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ehcp.rules import Deadline


@dataclass(frozen=True)
class Item:
    day: date
    kind: str  # "event" or "deadline"
    row: Any = None
    live: bool = True
    deadline: Deadline | None = None
    retract_url: str = ""


def timeline_items(
    rows: list[tuple[Any, bool]], deadlines: tuple[Deadline, ...], retract_url: str = ""
) -> list[Item]:
    """`retract_url` is the retract address of event 0 (`.../events/0/retract/`); each live
    event gets its own (one `reverse` for the page rather than one for each event)."""
    head, _, tail = retract_url.rpartition("/0/")
    events = [
        Item(row.date, "event", row=row, live=live, retract_url=f"{head}/{row.pk}/{tail}")
        for row, live in rows
    ]
    due = [Item(d.due, "deadline", deadline=d) for d in deadlines]
    return sorted(events + due, key=lambda item: (item.day, item.kind != "event"))
