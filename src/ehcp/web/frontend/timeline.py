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


def timeline_items(rows: list[tuple[Any, bool]], deadlines: tuple[Deadline, ...]) -> list[Item]:
    events = [Item(row.date, "event", row=row, live=live) for row, live in rows]
    due = [Item(d.due, "deadline", deadline=d) for d in deadlines]
    return sorted(events + due, key=lambda item: (item.day, item.kind != "event"))
