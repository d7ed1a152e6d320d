"""A letter for a case: its template, filled in from the facts and the clock's schedule."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Final

from jinja2 import TemplateError as JinjaError

from ehcp.letters.blocks import Block, to_blocks
from ehcp.letters.parties import Child, Party
from ehcp.letters.templates import LetterTemplate, compile_body, environment, load_catalogue
from ehcp.rules import CaseFacts, Deadline, Event, Status, WorkingDayCalendar, compute_schedule
from ehcp.rules.calendar import working_days_after
from ehcp.rules.reckon import fmt

# The statuses a template's `offered_when` means when it names only a limit.
DEFAULT_STATES: Final = frozenset({Status.OVERDUE})


class LetterError(ValueError):
    """The letter cannot be written for these facts, said in one plain sentence."""


@dataclass(frozen=True)
class Letter:
    template: LetterTemplate
    text: str
    blocks: tuple[Block, ...]
    reply_by: date | None

    @property
    def title(self) -> str:
        return self.template.title


def _conditions(template: LetterTemplate) -> tuple[tuple[str, frozenset[Status]], ...]:
    return _parsed(template.offered_when)


@functools.cache
def _parsed(offered_when: tuple[str, ...]) -> tuple[tuple[str, frozenset[Status]], ...]:
    """Each `KEY` or `KEY:STATE` of a template's header as the key and the statuses it means."""
    found = []
    for condition in offered_when:
        key, _, state = condition.partition(":")
        states = frozenset({Status(state)}) if state else DEFAULT_STATES
        found.append((key, states))
    return tuple(found)


def trigger(template: LetterTemplate, schedule: tuple[Deadline, ...]) -> Deadline | None:
    """The deadline whose state makes this letter the right one now, if it needs one."""
    for key, states in _conditions(template):
        for deadline in schedule:
            if deadline.key == key and deadline.status in states:
                return deadline
    return None


def _recorded(facts: CaseFacts) -> dict[str, Event]:
    """The latest event of each name (and of each name:kind), its kind filled in where the
    event type has a default, so a template can ask `recorded[name].kind`."""
    latest: dict[str, Event] = {}
    for event in facts.of_all():
        kind = facts.kind_of(event)
        event = replace(event, kind=kind)
        latest[event.name] = event
        if kind:
            latest[f"{event.name}:{kind}"] = event
    return latest


def why_not(
    template: LetterTemplate, facts: CaseFacts, schedule: tuple[Deadline, ...], today: date
) -> str | None:
    """Why this letter cannot be written for these facts today, or None if it can."""
    if not template.in_force_on(today):
        until = fmt(template.law_to or today)
        return f"The {template.title.lower()} letter is for the law as it stood until {until}."
    recorded = _recorded(facts)
    missing = [name for name in template.needs_events if name not in recorded]
    if missing:
        return f"This letter needs {', '.join(missing)} on the case first."
    if template.offered_when and trigger(template, schedule) is None:
        return _not_yet(template, schedule, today)
    return None


def _can_write(
    template: LetterTemplate,
    recorded: Mapping[str, Event],
    states: Mapping[str, set[Status]],
    today: date,
) -> bool:
    """`why_not(...) is None`, without the words: what `offered_letters` asks of every
    template on every page that lists letters."""
    if not template.in_force_on(today) or any(n not in recorded for n in template.needs_events):
        return False
    if not template.offered_when:
        return True
    return any(
        key in states and not states[key].isdisjoint(wanted)
        for key, wanted in _conditions(template)
    )


def _not_yet(template: LetterTemplate, schedule: tuple[Deadline, ...], today: date) -> str:
    keys = [key for key, _ in _conditions(template)]
    shown = [d for d in schedule if d.key in keys]
    wanted = " or ".join(sorted({s.value for _, states in _conditions(template) for s in states}))
    if not shown:
        return (
            f"This letter is for when {' or '.join(keys)} is {wanted}; "
            "no such time limit applies to this case."
        )
    states = "; ".join(f"'{d.title}' is {d.status.value} (due {fmt(d.due)})" for d in shown)
    return (
        f"The {template.title.lower()} letter is only for when the clock says {wanted} "
        f"with no exception: on {fmt(today)}, {states}."
    )


def offered_letters(
    catalogue: Mapping[str, LetterTemplate],
    facts: CaseFacts,
    *,
    today: date,
    calendar: WorkingDayCalendar,
    schedule: tuple[Deadline, ...] | None = None,
) -> list[LetterTemplate]:
    """The templates that can be written for this case today, in catalogue order. Pass the
    `schedule` when the clock has already been run for these facts and this day."""
    if schedule is None:
        schedule = compute_schedule(facts, today=today, calendar=calendar)
    recorded = _recorded(facts)
    states: dict[str, set[Status]] = {}
    for deadline in schedule:
        states.setdefault(deadline.key, set()).add(deadline.status)
    return [t for t in catalogue.values() if _can_write(t, recorded, states, today)]


def build_letter(
    kind: str,
    facts: CaseFacts,
    *,
    today: date,
    calendar: WorkingDayCalendar,
    sender: Party,
    recipient: Party,
    child: Child,
    folders: tuple[Path, ...] = (),
    details: str = "",
) -> Letter:
    """The letter `kind` (F2, C2 …) for this case, or a LetterError saying why it cannot be.
    `details` is the sender's own words where a letter needs them (a council's reasons)."""
    catalogue = load_catalogue(folders)
    template = catalogue.get(kind.upper())
    if template is None:
        raise LetterError(
            f"'{kind}' is not a letter this system knows (letters: {', '.join(catalogue)})."
        )
    schedule = compute_schedule(facts, today=today, calendar=calendar)
    problem = why_not(template, facts, schedule, today)
    if problem:
        raise LetterError(problem)
    reply_by = (
        working_days_after(calendar, today, template.response_working_days)
        if template.response_working_days
        else None
    )
    context = {
        "today": today,
        "reply_by": reply_by,
        "sender": sender,
        "recipient": recipient,
        "child": child,
        "letter": template,
        # Where a limit runs more than once (an appeal for each decision), the latest start.
        "limits": {d.key: d for d in sorted(schedule, key=lambda d: d.start_date)},
        "details": details,
        "recorded": _recorded(facts),
        "breach": trigger(template, schedule),
    }
    env = environment(folders)
    try:
        text = compile_body(env, template).render(context)
    except JinjaError as error:
        raise LetterError(f"The {template.id} template could not be filled in: {error}.") from None
    return Letter(template, text, to_blocks(text), reply_by)
