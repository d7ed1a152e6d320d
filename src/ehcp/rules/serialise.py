"""Case facts from plain data (JSON files, form posts) and deadlines back to plain data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ehcp.rules.events import CaseFacts, Event, RecordedException, SettingClosure
from ehcp.rules.schedule import Deadline
from ehcp.rules.validation import FactsError
from ehcp.rules.wording import status_phrase

# Dates a case can hold: every time limit counted from them still falls in a real year.
EARLIEST = date(1900, 1, 1)  # Monday
LATEST = date(2199, 12, 31)  # Tuesday


def parse_date(text: object, what: str) -> date:
    """An ISO date (YYYY-MM-DD) from 1900 to 2199, or a FactsError naming `what` was wrong."""
    if not isinstance(text, str):
        raise FactsError([f"{what} must be a date written as YYYY-MM-DD."])
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise FactsError([f"{what} '{text}' is not a real date (use YYYY-MM-DD)."]) from None
    if not EARLIEST <= day <= LATEST:
        raise FactsError([f"{what} '{text}' is not between 1900 and 2199."])
    return day


def _optional_date(data: Mapping[str, Any], key: str, what: str) -> date | None:
    return parse_date(data[key], what) if data.get(key) is not None else None


def _require(data: object, keys: tuple[str, ...], what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise FactsError([f"Each {what} must be an object with {', '.join(keys)}."])
    missing = [key for key in keys if key not in data]
    if missing:
        raise FactsError([f"One of the {what}s in the file is missing {', '.join(missing)}."])
    return data


def _event(data: object) -> Event:
    item = _require(data, ("event", "date"), "event")
    name = str(item["event"])
    return Event(parse_date(item["date"], f"The date of {name}"), name, item.get("kind"))


def _exception(data: object) -> RecordedException:
    item = _require(data, ("code", "start"), "exception")
    code = str(item["code"])
    return RecordedException(
        code=code,
        start=parse_date(item["start"], f"The start of exception {code}"),
        end=_optional_date(item, "end", f"The end of exception {code}"),
        setting=item.get("setting"),
        applies_to=tuple(item.get("applies_to", ())),
        evidence=str(item.get("evidence", "")),
    )


def _closure(data: object) -> SettingClosure:
    item = _require(data, ("setting", "first_closed_day", "reopening_day"), "closure")
    setting = str(item["setting"])
    return SettingClosure(
        setting,
        parse_date(item["first_closed_day"], f"The first closed day of {setting}"),
        parse_date(item["reopening_day"], f"The reopening day of {setting}"),
    )


def _list(data: Mapping[str, Any], key: str) -> list[object]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise FactsError([f"'{key}' must be a list."])
    return value


def facts_from_dict(data: object) -> CaseFacts:
    """Build facts from a mapping shaped like `docs/events.md` describes."""
    if not isinstance(data, Mapping):
        raise FactsError(["A case file must hold one JSON object with an 'events' list."])
    return CaseFacts(
        events=tuple(_event(item) for item in _list(data, "events")),
        exceptions=tuple(_exception(item) for item in _list(data, "exceptions")),
        closures=tuple(_closure(item) for item in _list(data, "closures")),
        date_of_birth=_optional_date(data, "date_of_birth", "The date of birth"),
        post16_route=str(data.get("post16_route", "further_education")),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def deadline_to_dict(deadline: Deadline) -> dict[str, object]:
    return {
        "id": deadline.id,
        "step": deadline.step,
        "title": deadline.title,
        "due": deadline.due.isoformat(),
        "operational_target": deadline.operational_target.isoformat(),
        "day_one_date": _iso(deadline.day_one_date),
        "status": deadline.status.value,
        "status_text": status_phrase(deadline),
        "consequence": deadline.consequence.name.lower(),
        "completed_on": _iso(deadline.completed_on),
        "start_event": deadline.start_event,
        "start_date": deadline.start_date.isoformat(),
        "start_kind": deadline.start_kind,
        "basis": deadline.basis,
        "duty_holder": deadline.duty_holder,
        "citation": deadline.citation,
        "exception": deadline.exception,
        "indicative_date": _iso(deadline.indicative_date),
        "warnings": list(deadline.warnings),
        "explanation": deadline.explanation,
    }
