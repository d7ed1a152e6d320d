"""The nightly refresh: every case's stored clock answer worked out again for today.

Cases are read a chunk at a time with their whole timeline (five queries a chunk, as plain
columns rather than models, which cost more to build than the clock costs to run); each
chunk's answers are written in one transaction, rewriting only what changed: every case gets
today's date and rules version in one statement, the cases whose summary moved are updated in
bulk, and the advice clocks of a case are replaced only when they differ. On PostgreSQL the
chunks are shared among one process per core."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from datetime import date
from functools import partial
from itertools import repeat
from multiprocessing import get_context
from typing import Any, Final

from django.db import connection, connections, transaction
from django.db.models import Q, QuerySet

from ehcp.rules import RULES_VERSION
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import adapters, refresh_pool
from ehcp.web.cases.models import AdviceClock, Case, CaseClosure, CaseEvent, CaseException
from ehcp.web.cases.summary import (
    AdviceLine,
    Summary,
    advice_from,
    schedule,
    summarise,
    with_parties,
)
from ehcp.web.jobs.progress import Report, unwatched

CHUNK: Final = 1000
SUMMARY_FIELDS: Final = tuple(f.name for f in fields(Summary))
# What marks a case as refreshed, written for every case in a chunk at once.
STAMP: Final = ("rules_version", "summarised_on")
CHANGING: Final = tuple(name for name in SUMMARY_FIELDS if name not in STAMP)
CLOCK_FIELDS: Final = ("contributor", "party", "requested_on", "due", "received_on", "status")


def stale_cases(today: date) -> QuerySet[Case]:
    """The cases worked out before `today`, or by another version of the rules."""
    return Case.objects.filter(~Q(rules_version=RULES_VERSION) | ~Q(summarised_on=today))


def refresh_stale(
    today: date, *, progress: Report = unwatched, workers: int | None = None, chunk: int = CHUNK
) -> int:
    """Refresh every stale case; how many there were."""
    ids = list(stale_cases(today).order_by("pk").values_list("pk", flat=True))
    chunks = [ids[start : start + chunk] for start in range(0, len(ids), chunk)]
    workers = min(workers or _workers(), len(chunks))
    done = 0
    progress("Refreshed", 0, len(ids), "cases")
    for count in _map(chunks, today, workers):
        done += count
        progress("Refreshed", done, len(ids), "cases")
    return done


def _workers() -> int:
    """One process per core on PostgreSQL; SQLite has one writer, and a transaction already
    open (a test's) would be invisible to other processes."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    return os.cpu_count() or 1


def _map(chunks: list[list[int]], today: date, workers: int) -> Iterable[int]:
    if workers <= 1:
        return map(partial(refresh_chunk, today=today), chunks)
    # Each process opens its own connections (to this database: a test's has another
    # name); none may share the parent's.
    name = connection.settings_dict["NAME"]
    connections.close_all()
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=refresh_pool.set_up, initargs=(name,)
    )
    return _pooled(pool, chunks, today)


def _pooled(pool: ProcessPoolExecutor, chunks: list[list[int]], today: date) -> Iterable[int]:
    with pool:
        yield from pool.map(refresh_pool.refresh_chunk, chunks, repeat(today))


@dataclass(frozen=True, slots=True)
class EventRow:
    """The columns of a timeline row the clock and the advice clocks read: lighter than the
    model, since the refresh reads every row of every case."""

    pk: int
    date: date
    name: str
    kind: str
    party: str
    retracts_id: int | None


def _grouped(rows: Iterable[tuple[Any, ...]], make: Callable[..., Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for case_id, *columns in rows:
        grouped[case_id].append(make(*columns))
    return grouped


def _by_case(queryset: QuerySet[Any], ids: list[int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in queryset.filter(case_id__in=ids).order_by("case_id", "pk"):
        grouped[row.case_id].append(row)
    return grouped


CASE_COLUMNS: Final = ("pk", "organisation_id", "child__date_of_birth", *CHANGING)


def refresh_chunk(ids: list[int], today: date) -> int:
    """Work out again, and store, the summaries and advice clocks of the cases `ids`."""
    cases = list(Case.objects.filter(pk__in=ids).values_list(*CASE_COLUMNS))
    events = _grouped(
        CaseEvent.objects.filter(case_id__in=ids)
        .order_by("case_id", "pk")
        .values_list("case_id", "pk", "date", "name", "kind", "party", "retracts_id"),
        EventRow,
    )
    exceptions = _by_case(CaseException.objects.all(), ids)
    closures = _by_case(CaseClosure.objects.all(), ids)
    clocks_now = _grouped(
        AdviceClock.objects.filter(case_id__in=ids).values_list("case_id", *CLOCK_FIELDS),
        lambda *columns: tuple(columns),
    )
    moved: list[Case] = []
    replaced: list[int] = []
    clocks: list[AdviceClock] = []
    touched: set[int] = set()
    for pk, organisation_id, born, *stored in cases:
        rows = events.get(pk, [])
        facts = adapters.build_facts(born, rows, exceptions.get(pk, ()), closures.get(pk, ()))
        deadlines = schedule(facts, today)
        summary = summarise(facts, today, deadlines)
        if tuple(stored) != tuple(getattr(summary, name) for name in CHANGING):
            moved.append(Case(pk=pk, **{name: getattr(summary, name) for name in CHANGING}))
            touched.add(organisation_id)
        advice = with_parties(advice_from(deadlines), rows)
        lines = [_line(line) for line in advice]
        if sorted(lines) != sorted(clocks_now.get(pk, [])):
            replaced.append(pk)
            touched.add(organisation_id)
            clocks += [
                AdviceClock(case_id=pk, organisation_id=organisation_id, **_clock(line))
                for line in advice
            ]
    with transaction.atomic():
        # A case changed since it was read (a caseworker recorded an event) has its own fresh
        # answer: leave it. The rows stay locked until this commits.
        stale = set(
            stale_cases(today)
            .filter(pk__in=[case[0] for case in cases])
            .select_for_update()
            .values_list("pk", flat=True)
        )
        Case.objects.filter(pk__in=stale).update(rules_version=RULES_VERSION, summarised_on=today)
        Case.objects.bulk_update([c for c in moved if c.pk in stale], CHANGING, batch_size=500)
        AdviceClock.objects.filter(case_id__in=stale.intersection(replaced)).delete()
        AdviceClock.objects.bulk_create([c for c in clocks if c.case_id in stale], batch_size=1000)
        for organisation_id in touched:
            transaction.on_commit(partial(caseload_changed, organisation_id))
    return len(cases)


def _line(line: AdviceLine) -> tuple[Any, ...]:
    return tuple(_clock(line).values())


def _clock(line: AdviceLine) -> dict[str, Any]:
    """An advice line as the advice clock's columns (CLOCK_FIELDS, in that order)."""
    return {
        "contributor": line.contributor,
        "party": line.party,
        "requested_on": line.requested_on,
        "due": line.due,
        "received_on": line.received_on,
        "status": line.status,
    }
