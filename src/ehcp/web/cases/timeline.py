"""The case page's visual timeline: recorded events and the statutory schedule on one
line, in date order. Every deadline and status shown comes from `ehcp.rules`; the template
`cases/includes/timeline.html` writes each item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ehcp.rules import Deadline
from ehcp.web.cases.queries import CaseView


@dataclass(frozen=True)
class EventItem:
    row: Any  # a named row with `queries.TIMELINE_FIELDS`
    live: bool  # False once a later row retracts it
    recorder: str  # empty for an imported event

    is_event = True


@dataclass(frozen=True)
class DeadlineItem:
    deadline: Deadline

    is_event = False


def timeline_items(view: CaseView) -> list[EventItem | DeadlineItem]:
    """The case's events and deadlines, events before deadlines on the same day."""
    items: list[tuple[date, int, EventItem | DeadlineItem]] = [
        (row.date, 0, EventItem(row, live, view.names.get(row.recorded_by_id or 0, "")))
        for row, live in view.timeline
    ]
    items += [(d.due, 1, DeadlineItem(d)) for d in view.deadlines]
    items.sort(key=lambda item: item[:2])
    return [item for *_, item in items]
