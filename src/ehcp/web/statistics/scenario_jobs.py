"""Forecast scenarios asked for on the public forecast page, worked out by the job queue
(docs/adr/0023): one council's scenario takes the server half a CPU second or more, too long
to hold a web worker for a visitor, and the page can be asked for any number of them. The
result is kept beside the kept baselines, so it is worked out once for those figures."""

from __future__ import annotations

import dataclasses
from typing import Any, Final

from ehcp.web.jobs import services as jobs
from ehcp.web.jobs.models import Job
from ehcp.web.jobs.progress import Progress
from ehcp.web.statistics import forecasts

KIND: Final = "forecast"
WORK: Final = "ehcp.web.statistics.scenario_jobs.work"
# More scenarios than this waiting means the queue is busy: a visitor is asked to come back,
# so no one can fill the queue from the public page.
MOST_WAITING: Final = 20
WAITING: Final = (Job.Status.QUEUED, Job.Status.RUNNING)


def ask_for(request: forecasts.ForecastRequest) -> bool:
    """Put the scenario on the queue unless it is there already. False when the queue has
    too many scenarios waiting to take another."""
    asked = dataclasses.asdict(request)
    waiting = Job.objects.filter(kind=KIND, status__in=WAITING)
    if waiting.filter(arguments__request=asked).exists():
        return True
    if waiting.count() >= MOST_WAITING:
        return False
    jobs.start(kind=KIND, title="Forecast scenario", work=WORK, arguments={"request": asked})
    return True


def work(job: Job, progress: Progress, *, request: dict[str, Any]) -> dict[str, Any]:
    forecasts.run_scenario(forecasts.ForecastRequest(**request))
    return {"summary": "Worked out a forecast scenario"}
