"""Test helpers: dates written with weekday names, and a one-line schedule builder."""

from __future__ import annotations

from datetime import date, datetime

from ehcp.rules import CaseFacts, Deadline, EnglandCalendar, Event, compute_schedule

CALENDAR = EnglandCalendar()


def day(text: str) -> date:
    """'Mon 8 Jan 2024' -> date(2024, 1, 8), failing if the weekday name is wrong."""
    parsed = datetime.strptime(text, "%a %d %b %Y").date()
    assert f"{parsed:%a}" == text.split()[0], f"{text} is really a {parsed:%A}"
    return parsed


def ev(name: str, when: str, kind: str | None = None) -> Event:
    return Event(day(when), name, kind)


def schedule(*events: Event, today: str = "Sun 22 Nov 2026", **facts: object) -> list[Deadline]:
    case = CaseFacts(events=events, **facts)  # type: ignore[arg-type]
    return list(compute_schedule(case, today=day(today), calendar=CALENDAR))


def one(deadlines: list[Deadline], key: str) -> Deadline:
    found = [d for d in deadlines if d.key == key]
    assert len(found) == 1, f"expected one {key}, found {[d.key for d in deadlines]}"
    return found[0]


def keys(deadlines: list[Deadline]) -> set[str]:
    return {d.key for d in deadlines}
