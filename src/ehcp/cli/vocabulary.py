"""The event vocabulary, printed for `ehcp clock --list-events` and written to docs/events.md."""

from __future__ import annotations

from ehcp.rules import EVENT_TYPES


def events_markdown() -> str:
    lines = [
        "# Event vocabulary",
        "",
        "Generated from `ehcp.rules.events.EVENT_TYPES` (a test keeps it in step).",
        "Use `NAME=DATE` or `NAME:KIND=DATE` with `ehcp clock --event`, or",
        '`{"event": NAME, "kind": KIND, "date": "YYYY-MM-DD"}` in a `--facts` file.',
        "",
        "| event | what happened | kinds (default first) |",
        "|---|---|---|",
    ]
    for event in EVENT_TYPES.values():
        kinds = list(event.kinds)
        if event.default_kind:
            kinds.remove(event.default_kind)
            kinds.insert(0, f"**{event.default_kind}**")
        future = " May be a future (planned) date." if event.may_be_future else ""
        lines.append(f"| `{event.name}` | {event.description}{future} | {', '.join(kinds)} |")
    return "\n".join(lines) + "\n"


def print_events() -> None:
    for event in EVENT_TYPES.values():
        kinds = f" [{', '.join(event.kinds)}]" if event.kinds else ""
        print(f"{event.name}{kinds}\n    {event.description}")
