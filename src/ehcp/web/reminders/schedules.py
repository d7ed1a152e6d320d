"""The clock's schedule for many cases at once: each case's timeline read in a few queries
(not three for each case), then worked out by the same functions the case page uses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from ehcp.rules import TIMESCALES, Deadline, Timescale, compute_schedule
from ehcp.web.cases import adapters
from ehcp.web.cases.models import Case, CaseClosure, CaseEvent, CaseException
from ehcp.web.cases.summary import CALENDAR, next_actions

CHUNK: Final = 500


@dataclass(frozen=True)
class CaseSchedule:
    case: Case
    deadlines: tuple[Deadline, ...]

    @property
    def label(self) -> str:
        """What a calendar or an email calls the case: initials and reference, never the
        child's name."""
        return f"{initials(self.case)} {self.case.reference}"

    @property
    def actions(self) -> list[Deadline]:
        """What the case page lists as next actions: still to do, soonest first."""
        return next_actions(self.deadlines)


def initials(case: Case) -> str:
    child = case.child
    return f"{child.first_name[:1]}{child.last_name[:1]}".upper()


def schedules(
    cases: Iterable[Case], today: date, limits: frozenset[str] | None = None
) -> Iterator[CaseSchedule]:
    """Each case (read with its child) with its schedule on `today`: every deadline, or only
    those of the limit ids in `limits` (the clock works each limit out on its own, so a page
    that needs only the reviews' is spared the rest)."""
    rows = TIMESCALES if limits is None else tuple(t for t in TIMESCALES if t.id in limits)
    batch: list[Case] = []
    for case in cases:
        batch.append(case)
        if len(batch) == CHUNK:
            yield from _batch(batch, today, rows)
            batch = []
    yield from _batch(batch, today, rows)


def _grouped(model: Any, ids: list[int], *order: str) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    for row in model.objects.filter(case_id__in=ids).order_by("case_id", *order):
        rows[row.case_id].append(row)
    return rows


def _batch(cases: list[Case], today: date, rows: tuple[Timescale, ...]) -> Iterator[CaseSchedule]:
    if not cases:
        return
    ids = [case.pk for case in cases]
    events = _grouped(CaseEvent, ids, "date", "id")
    exceptions = _grouped(CaseException, ids, "id")
    closures = _grouped(CaseClosure, ids, "id")
    for case in cases:
        facts = adapters.build_facts(
            case.child.date_of_birth, events[case.pk], exceptions[case.pk], closures[case.pk]
        )
        deadlines = compute_schedule(facts, today=today, calendar=CALENDAR, timescales=rows)
        yield CaseSchedule(case, deadlines)
