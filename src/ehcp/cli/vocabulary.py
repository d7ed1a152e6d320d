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


def timescales_markdown() -> str:
    from ehcp.rules import TIMESCALES
    from ehcp.rules.soft import SOFT_OBLIGATIONS

    lines = [
        "# Statutory time limits the clock computes",
        "",
        "Generated from `ehcp.rules.timescales.TIMESCALES` (a test keeps it in step). Ids are",
        "the specification's; counting rules C1-C8 are defined there.",
        "",
        "| id | what | starts with | limit | counting | basis | exceptions | in force | law |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in TIMESCALES:
        kinds = f" ({', '.join(row.start_kinds)})" if row.start_kinds else ""
        until = f" to {row.in_force_to}" if row.in_force_to else ""
        exceptions = ", ".join(row.exceptions) or "none"
        lines.append(
            f"| {row.key} | {row.title} | `{row.start_event}`{kinds} | {row.length} {row.unit} "
            f"| {row.counting} | {row.basis.value} | {exceptions} | from {row.in_force_from}"
            f"{until} | {row.citation} |"
        )
    lines += ["", "## Duties with no number of days", "", "| id | duty | law |", "|---|---|---|"]
    lines += [f"| {duty.id} | {duty.duty} | {duty.citation} |" for duty in SOFT_OBLIGATIONS]
    return "\n".join(lines) + "\n"


def letters_markdown() -> str:
    from ehcp.letters import load_catalogue

    lines = [
        "# Letter catalogue",
        "",
        "Generated from the templates in `src/ehcp/letters/catalogue/` (a test keeps it in step).",
        "A letter with a clock condition is offered only when the schedule shows it (a bare id",
        "means that limit is overdue with no exception); a notice only once its event is on",
        "record. Write one with `ehcp letter ID --facts case.json`.",
        "",
        "| id | letter | from | to | offered when | needs on record | law |",
        "|---|---|---|---|---|---|---|",
    ]
    for template in load_catalogue().values():
        offered = ", ".join(f"`{c}`" for c in template.offered_when) or "—"
        needs = ", ".join(f"`{e}`" for e in template.needs_events) or "—"
        title = template.title + (" (outline only)" if template.outline_only else "")
        lines.append(
            f"| {template.id} | {title} | {template.audience} | {template.to} | {offered} "
            f"| {needs} | {'; '.join(template.citations)} |"
        )
    return "\n".join(lines) + "\n"
