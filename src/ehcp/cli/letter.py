"""`ehcp letter`: a letter for a case, built from its facts and the statutory clock."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ehcp.cli.errors import UserError
from ehcp.letters import (
    Child,
    LetterError,
    Party,
    build_letter,
    load_catalogue,
    offered_letters,
    to_docx,
    to_pdf,
    to_text,
)
from ehcp.letters.templates import TemplateError
from ehcp.rules import EnglandCalendar, FactsError, find_problems
from ehcp.rules.serialise import facts_from_dict, parse_date

EXAMPLES = """examples:
  ehcp letter --list --facts case.json
  ehcp letter F2 --facts case.json --format txt
  ehcp letter C2 --facts case.json --format pdf --out refusal.pdf --details "Our reasons ..."

The facts file is the one `ehcp clock --facts` reads, with optional "child", "sender" and
"recipient" objects: {"child": {"name": "...", "date_of_birth": "YYYY-MM-DD", "reference":
"..."}, "sender": {"name": "...", "address": ["..."], "email": "..."}, "recipient": {...}}."""

WRITERS = {"txt": None, "docx": to_docx, "pdf": to_pdf}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="write a letter for a case (chasers, requests, council notices)",
        description="Write a letter for a case, with every date from the statutory clock.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", nargs="?", metavar="KIND", help="the letter, e.g. F2 or C2")
    parser.add_argument("--facts", metavar="FILE", type=Path, help="the case, as JSON")
    parser.add_argument("--format", choices=sorted(WRITERS), default="txt")
    parser.add_argument("--out", metavar="FILE", type=Path, help="write here (default: stdout)")
    parser.add_argument("--today", metavar="DATE", help="date the letter as this day")
    parser.add_argument("--details", default="", help="your own words, e.g. a council's reasons")
    parser.add_argument(
        "--templates",
        metavar="FOLDER",
        type=Path,
        action="append",
        default=[],
        help="your organisation's own templates, searched first",
    )
    parser.add_argument("--list", action="store_true", help="list the letters for this case")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folders = tuple(args.templates)
    try:
        today = parse_date(args.today, "--today") if args.today else date.today()
        data = _read(args.facts) if args.facts else {}
        facts = facts_from_dict({key: data[key] for key in data if key in FACT_KEYS})
        problems = find_problems(facts, today)
        if problems:
            raise UserError(" ".join(problems))
        if args.list or not args.kind:
            return _list(facts, today, folders)
        letter = build_letter(
            args.kind,
            facts,
            today=today,
            calendar=EnglandCalendar(),
            folders=folders,
            sender=_party(data.get("sender")),
            recipient=_party(data.get("recipient")),
            child=_child(data.get("child")),
            details=args.details,
        )
    except (FactsError, LetterError, TemplateError) as error:
        raise UserError(str(error)) from None
    _write(letter, args.format, args.out)
    return 0


FACT_KEYS = ("events", "exceptions", "closures", "date_of_birth", "post16_route")


def _list(facts: Any, today: date, folders: tuple[Path, ...]) -> int:
    catalogue = load_catalogue(folders)
    offered = offered_letters(catalogue, facts, today=today, calendar=EnglandCalendar())
    for template in offered:
        print(f"{template.id:4} {template.title} (to {template.to})")
    if not offered:
        print("No letter fits this case today.")
    return 0


def _write(letter: Any, format_: str, out: Path | None) -> None:
    writer = WRITERS[format_]
    if writer is None:
        text = to_text(letter)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    if out is None:
        raise UserError(f"A {format_} letter needs --out FILE.")
    out.write_bytes(writer(letter))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"There is no file called {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{path} is not a readable JSON file ({error}).") from None
    if not isinstance(data, dict):
        raise UserError(f"{path} must hold one JSON object.")
    return data


def _text(data: dict[str, Any], key: str, what: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise UserError(f"The {what}'s {key} must be text.")
    return value


def _party(data: object) -> Party:
    if data is None:
        return Party("[Name]")
    if not isinstance(data, dict):
        raise UserError("A sender or recipient must be an object with a name.")
    address = data.get("address", [])
    if not isinstance(address, list) or not all(isinstance(line, str) for line in address):
        raise UserError("An address must be a list of lines of text.")
    return Party(
        name=_text(data, "name", "party") or "[Name]",
        address=tuple(address),
        email=_text(data, "email", "party"),
        role=_text(data, "role", "party"),
        organisation=_text(data, "organisation", "party"),
    )


def _child(data: object) -> Child:
    if data is None:
        return Child("[Child's name]")
    if not isinstance(data, dict):
        raise UserError("The child must be an object with a name.")
    born = data.get("date_of_birth")
    return Child(
        name=_text(data, "name", "child") or "[Child's name]",
        date_of_birth=parse_date(born, "The child's date of birth") if born else None,
        reference=_text(data, "reference", "child"),
        setting=_text(data, "setting", "child"),
    )
