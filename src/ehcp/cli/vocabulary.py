"""The event vocabulary, printed for `ehcp clock --list-events`. The reference documents
(docs/events.md and the rest) are built by `ehcp.rules.reference`."""

from __future__ import annotations

from ehcp.rules import EVENT_TYPES


def print_events() -> None:
    for event in EVENT_TYPES.values():
        kinds = f" [{', '.join(event.kinds)}]" if event.kinds else ""
        print(f"{event.name}{kinds}\n    {event.description}")
