"""The nightly refresh: every case's stored clock answer worked out again for today.

Cases are read a chunk at a time with their whole timeline (five queries a chunk); each
chunk's answers are written in one transaction, rewriting only what changed: every case gets
today's date and rules version in one statement, the cases whose summary moved are updated in
bulk, and the advice clocks of a case are replaced only when they differ. On PostgreSQL the
chunks are shared among one process per core."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
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
from ehcp.web.cases.models import AdviceClock, Case
from ehcp.web.cases.services import advice_clocks
from ehcp.web.cases.summary import Summary, schedule, summarise

CHUNK: Final = 1000
SUMMARY_FIELDS: Final = tuple(f.name for f in fields(Summary))
# What marks a case as refreshed, written for every case in a chunk at once.
STAMP: Final = ("rules_version", "summarised_on")
CHANGING: Final = tuple(name for name in SUMMARY_FIELDS if name not in STAMP)
CLOCK_FIELDS: Final = ("contributor", "party", "requested_on", "due", "received_on", "status")

Progress = Callable[[str, int, int, str], None]


def _quiet(label: str, done: int, total: int, unit: str) -> None:
    """Progress nobody watches."""


def stale_cases(today: date) -> QuerySet[Case]:
    """The cases worked out before `today`, or by another version of the rules."""
    return Case.objects.filter(~Q(rules_version=RULES_VERSION) | ~Q(summarised_on=today))


def refresh_stale(
    today: date, *, progress: Progress = _quiet, workers: int | None = None, chunk: int = CHUNK
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


def refresh_chunk(ids: list[int], today: date) -> int:
    """Work out again, and store, the summaries and advice clocks of the cases `ids`."""
    cases = list(
        Case.objects.filter(pk__in=ids)
        .select_related("child")
        .prefetch_related("events", "exceptions", "closures", "advice_clocks")
    )
    moved: list[Case] = []
    replaced: list[int] = []
    clocks: list[AdviceClock] = []
    for case in cases:
        facts = adapters.facts_for(case)
        deadlines = schedule(facts, today)
        if _store(case, summarise(facts, today, deadlines)):
            moved.append(case)
        new = advice_clocks(case, deadlines)
        if _clock_rows(new) != _clock_rows(case.advice_clocks.all()):
            replaced.append(case.pk)
            clocks += new
    with transaction.atomic():
        Case.objects.filter(pk__in=[case.pk for case in cases]).update(
            rules_version=RULES_VERSION, summarised_on=today
        )
        Case.objects.bulk_update(moved, CHANGING, batch_size=500)
        AdviceClock.objects.filter(case_id__in=replaced).delete()
        AdviceClock.objects.bulk_create(clocks, batch_size=1000)
        for organisation_id in {case.organisation_id for case in moved} | {
            case.organisation_id for case in cases if case.pk in set(replaced)
        }:
            transaction.on_commit(partial(caseload_changed, organisation_id))
    return len(cases)


def _store(case: Case, summary: Summary) -> bool:
    """Put `summary` on `case`; whether anything but the date and rules version changed."""
    moved = any(getattr(case, name) != getattr(summary, name) for name in CHANGING)
    for name in SUMMARY_FIELDS:
        setattr(case, name, getattr(summary, name))
    return moved


def _clock_rows(clocks: Iterable[AdviceClock]) -> list[tuple[Any, ...]]:
    return sorted(tuple(getattr(clock, name) for name in CLOCK_FIELDS) for clock in clocks)
