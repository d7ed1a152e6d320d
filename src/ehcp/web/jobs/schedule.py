"""The jobs the worker starts by itself (settings.JOB_SCHEDULE): the nightly refresh of every
case, the daily and weekly digests, the clear-out of old jobs.

Each entry runs at a time of day in England's time, every day or on one weekday (0 is
Monday). A worker that was not running at that time starts the run when it next looks, up to
CATCH_UP later; every worker looks, and the unique slot means only one starts it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any, Final, cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ehcp.web.jobs import services
from ehcp.web.jobs.models import ScheduledRun

CATCH_UP: Final = timedelta(hours=12)


@dataclass(frozen=True)
class Entry:
    name: str
    at: time
    task: str
    weekday: int | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)

    def last_slot(self, now: datetime) -> datetime:
        """The latest time at or before `now` this entry was due (in `now`'s time zone)."""
        day = now.date()
        while True:
            slot = timezone.make_aware(datetime.combine(day, self.at), now.tzinfo)
            if slot <= now and (self.weekday is None or day.weekday() == self.weekday):
                return slot
            day -= timedelta(days=1)


def entries() -> list[Entry]:
    items = cast(list[dict[str, Any]], settings.JOB_SCHEDULE)
    return [
        Entry(
            name=item["name"],
            at=time.fromisoformat(item["at"]),
            task=item["task"],
            weekday=item.get("weekday"),
            kwargs=item.get("kwargs", {}),
        )
        for item in items
    ]


def tick(now: datetime | None = None) -> list[str]:
    """Start every entry due since its last run (within CATCH_UP); the names started."""
    now = timezone.localtime(now or timezone.now())
    started = []
    for entry in entries():
        slot = entry.last_slot(now)
        if now - slot > CATCH_UP:
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(name=entry.name, slot=slot)
                run.job = services.start(
                    kind=entry.name, title=_title(entry), work=entry.task, arguments=entry.kwargs
                )
                run.save(update_fields=["job"])
        except IntegrityError:  # another worker started this run
            continue
        started.append(entry.name)
    return started


def _title(entry: Entry) -> str:
    return entry.name.replace("-", " ").capitalize()
