"""`ehcp clock`: the statutory schedule for one case, as a table, JSON or a calendar file."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from ehcp.cli.calendar_file import write_ics
from ehcp.cli.errors import UserError
from ehcp.cli.vocabulary import print_events
from ehcp.rules import (
    CaseFacts,
    Deadline,
    EnglandCalendar,
    Event,
    RecordedException,
    SettingClosure,
    compute_schedule,
)
from ehcp.rules.reckon import fmt
from ehcp.rules.serialise import deadline_to_dict, facts_from_dict, parse_date
from ehcp.rules.validation import FactsError, find_problems
from ehcp.rules.wording import status_phrase

EXAMPLES = """examples:
  ehcp clock --received 2024-01-08
  ehcp clock --received 2024-01-08 --event decision_to_assess_notified=2024-02-16 --json
  ehcp clock --event review_meeting_held=2025-06-10 \\
      --event review_decision_notified:amend=2025-07-01
  ehcp clock --facts case.json --today 2025-03-01 --ics deadlines.ics
  ehcp clock --received 2024-06-03 --dob 2019-05-01 \
      --closure "Oak Primary:2024-07-23:2024-09-04" \
      --exception "E1:2024-07-16::Oak Primary" --exception E3:2024-09-02:2024-09-20

Events are NAME=DATE or NAME:KIND=DATE; `ehcp clock --list-events` shows them all.
An exception is CODE:START[:END[:SETTING]]; a closure is SETTING:FIRST_CLOSED_DAY:REOPENING_DAY.
A limit with several steps shows as ID.STEP (A6.draft_latest is A6's latest draft date)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "clock",
        help="statutory deadlines for a case",
        description="Work out every statutory deadline for a case, with its status and law.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--received", metavar="DATE", help="date the council received the request")
    parser.add_argument(
        "--event", action="append", default=[], metavar="NAME[:KIND]=DATE", help="add a fact"
    )
    parser.add_argument("--facts", metavar="FILE", type=Path, help="read the case from JSON")
    parser.add_argument("--dob", metavar="DATE", help="the child's or young person's birth date")
    parser.add_argument(
        "--exception",
        action="append",
        default=[],
        metavar="CODE:START[:END[:SETTING]]",
        help="an exception relied on (E1-E4, REG8_..., REG44_..., COVID)",
    )
    parser.add_argument(
        "--closure",
        action="append",
        default=[],
        metavar="SETTING:FIRST:REOPENING",
        help="a setting closed from FIRST until it reopened on REOPENING (for E1/E2)",
    )
    parser.add_argument("--today", metavar="DATE", help="judge statuses as on this date")
    parser.add_argument("--json", action="store_true", help="print the deadlines as JSON")
    parser.add_argument("--ics", metavar="FILE", type=Path, help="write an iCalendar file")
    parser.add_argument("--list-events", action="store_true", help="list the event names")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.list_events:
        print_events()
        return 0
    try:
        today = parse_date(args.today, "--today") if args.today else date.today()
        facts = _gather_facts(args)
    except FactsError as error:
        raise UserError(str(error)) from None
    problems = find_problems(facts, today)
    if problems:
        raise UserError(" ".join(problems))
    if not facts.events and facts.date_of_birth is None:
        raise UserError("Give at least one fact, for example --received 2024-01-08.")
    schedule = compute_schedule(facts, today=today, calendar=EnglandCalendar())
    if args.ics:
        write_ics(schedule, args.ics)
    if args.json:
        print(json.dumps([deadline_to_dict(d) for d in schedule], indent=2))
    else:
        print_table(schedule, today)
    return 0


def _gather_facts(args: argparse.Namespace) -> CaseFacts:
    base = _read_facts_file(args.facts) if args.facts else CaseFacts()
    extra = [parse_event_argument(text) for text in args.event]
    if args.received:
        extra.append(Event(parse_date(args.received, "--received"), "request_received"))
    return CaseFacts(
        events=base.events + tuple(extra),
        exceptions=base.exceptions + tuple(parse_exception(text) for text in args.exception),
        closures=base.closures + tuple(parse_closure(text) for text in args.closure),
        date_of_birth=parse_date(args.dob, "--dob") if args.dob else base.date_of_birth,
        post16_route=base.post16_route,
    )


def parse_exception(text: str) -> RecordedException:
    """CODE:START[:END[:SETTING]], e.g. E3:2024-09-02:2024-09-20 or E1:2024-07-16::Oak."""
    parts = text.split(":", 3)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise FactsError([f"--exception '{text}' should look like CODE:START[:END[:SETTING]]."])
    code, start, end, setting = (parts + ["", ""])[:4]
    return RecordedException(
        code=code,
        start=parse_date(start, f"The start of exception {code}"),
        end=parse_date(end, f"The end of exception {code}") if end else None,
        setting=setting or None,
    )


def parse_closure(text: str) -> SettingClosure:
    """SETTING:FIRST_CLOSED_DAY:REOPENING_DAY (the setting's name may not contain a colon)."""
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise FactsError([f"--closure '{text}' should look like SETTING:FIRST:REOPENING."])
    setting, first, reopening = parts
    return SettingClosure(
        setting,
        parse_date(first, f"The first closed day of {setting}"),
        parse_date(reopening, f"The reopening day of {setting}"),
    )


def _read_facts_file(path: Path) -> CaseFacts:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"There is no file called {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{path} is not a readable JSON file ({error}).") from None
    return facts_from_dict(data)


def parse_event_argument(text: str) -> Event:
    name_part, equals, date_text = text.partition("=")
    if not equals or not name_part or not date_text:
        raise FactsError([f"--event '{text}' should look like NAME=DATE or NAME:KIND=DATE."])
    name, _, kind = name_part.partition(":")
    return Event(parse_date(date_text, f"The date of {name}"), name, kind or None)


def print_table(schedule: tuple[Deadline, ...], today: date) -> None:
    print(f"Statutory schedule, statuses as on {fmt(today)}")
    print(headline(schedule))
    rows = [("Limit", "Due", "Last working day", "Status", "What")]
    rows += [(d.key, fmt(d.due), fmt(d.operational_target), _status(d), d.title) for d in schedule]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[4]]))
    print(
        "\nDates are statutory unless marked guidance, target or family; use --json for the law."
    )


def headline(schedule: tuple[Deadline, ...]) -> str:
    """Overdue counts only breaches of statute by the council or the ICB."""
    overdue = sum(1 for d in schedule if d.is_council_breach)
    behind = sum(1 for d in schedule if d.is_behind_target)
    return f"Overdue (breaches by the council or ICB): {overdue}. Behind target: {behind}."


LABELS = {"guidance": " [guidance]", "derived": " [target]"}


def _status(deadline: Deadline) -> str:
    label = " [family]" if deadline.duty_holder == "family" else LABELS.get(deadline.basis, "")
    return status_phrase(deadline) + label
