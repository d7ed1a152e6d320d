"""The generated reference documents: docs/events.md (the event vocabulary), docs/timescales.md
(every time limit: what starts, meets and cancels it, and its law, linked) and docs/verify.md
(the citations still to be checked against the legal text). A test keeps each in step."""

from __future__ import annotations

import re

from ehcp.rules.dates import MONTHS
from ehcp.rules.events import EVENT_TYPES
from ehcp.rules.soft import SOFT_OBLIGATIONS
from ehcp.rules.timescales import TIMESCALES, Timescale

# The last part of a source's address, and how the reference names it.
SOURCE_NAMES = (
    (re.compile(r"/uksi/2014/1530/regulation/(\w+)$"), "SEND Regs reg {}"),
    (re.compile(r"/ukpga/2014/6/section/(\w+)$"), "CFA s.{}"),
    (re.compile(r"/uksi/2008/2699/rule/(\w+)$"), "HESC Rules r.{}"),
    (re.compile(r"/uksi/(\d{4}/\d+)/regulation/(\w+)$"), "SI {} reg {}"),
    (re.compile(r"send-code-of-practice"), "Code of Practice"),
    (re.compile(r"caselaw\.nationalarchives"), "judgment"),
)


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


def source_name(url: str) -> str:
    """`SEND Regs reg 13` for that regulation's address (every source is one of those in
    `SOURCE_NAMES`: a test checks every row's)."""
    name, found = next(
        (name, found) for pattern, name in SOURCE_NAMES if (found := pattern.search(url))
    )
    return name.format(*found.groups())


def _events(pairs: tuple[tuple[str, str | None], ...]) -> str:
    return ", ".join(f"`{name}:{kind}`" if kind else f"`{name}`" for name, kind in pairs)


def limit_text(row: Timescale) -> str:
    """`20 weeks`, `20 weeks, then 15 days earlier`, `fixed date: 15 February` …"""
    if row.fixed_month_day is not None:
        month, day = row.fixed_month_day
        text = f"{row.unit}: {day} {MONTHS[month - 1]}"
    else:
        text = f"{row.length} {row.unit}"
    if row.offset_days:
        direction = "earlier" if row.offset_days < 0 else "later"
        text += f", then {abs(row.offset_days)} days {direction}"
    return text


def law_text(row: Timescale) -> str:
    links = [f"[{source_name(url)}]({url})" for url in (row.source_url, *row.further_sources)]
    return f"{row.citation} ({', '.join(links)})"


def timescales_markdown() -> str:
    lines = [
        "# Statutory time limits the clock computes",
        "",
        "Generated from `ehcp.rules.timescales.TIMESCALES` (a test keeps it in step). Ids are",
        "the specification's; counting rules C1-C8 are defined there. *Starts with* is the event",
        "(and its kinds) that starts the clock; *met by* the events that meet the limit;",
        "*cancelled by* the events after which the limit no longer applies.",
        "",
        "| id | what | starts with | limit | counting | met by | cancelled by | basis | "
        "exceptions | in force | law |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in TIMESCALES:
        kinds = f" ({', '.join(row.start_kinds)})" if row.start_kinds else ""
        until = f" to {row.in_force_to}" if row.in_force_to else ""
        met_by = ", ".join(f"`{name}`" for name in row.completed_by) or "none"
        cancelled_by = _events(row.void_if) or "none"
        exceptions = ", ".join(row.exceptions) or "none"
        lines.append(
            f"| {row.key} | {row.title} | `{row.start_event}`{kinds} | {limit_text(row)} "
            f"| {row.counting} | {met_by} | {cancelled_by} | {row.basis.value} | {exceptions} "
            f"| from {row.in_force_from}{until} | {law_text(row)} |"
        )
    lines += ["", "## Duties with no number of days", "", "| id | duty | law |", "|---|---|---|"]
    lines += [f"| {duty.id} | {duty.duty} | {duty.citation} |" for duty in SOFT_OBLIGATIONS]
    return "\n".join(lines) + "\n"


def verify_markdown() -> str:
    """The review list: every citation still to be checked against the legal text."""
    lines = [
        "# Citations to check against the legal text",
        "",
        "Generated from the `verify` notes in `ehcp.rules.timescales.TIMESCALES` (a test keeps",
        "it in step). These notes appear nowhere else: not on any page a caseworker or family",
        "reads, nor in docs/timescales.md. Check each against legislation.gov.uk, correct the",
        "row if need be, and remove its note.",
        "",
        "| id | citation | to check | source |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {row.key} | {row.citation} | {row.verify} | {row.source_url} |"
        for row in TIMESCALES
        if row.verify
    ]
    return "\n".join(lines) + "\n"
