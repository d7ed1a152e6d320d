"""The batch path must give exactly the per-case engine's answers."""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import pytest

from ehcp.rules import EnglandCalendar, compute_schedule
from ehcp.rules.batch import (
    BATCH_KEYS,
    DATE_COLUMNS,
    STATUS_CODES,
    case_facts_at,
    compute_batch,
)
from ehcp.rules.timescales import TIMESCALES

from .helpers import day

CALENDAR = EnglandCalendar()
BATCH_ROWS = tuple(row for row in TIMESCALES if row.key in BATCH_KEYS)


def random_columns(seed: int, size: int) -> dict[str, npt.NDArray[np.generic]]:
    """Cases with events anywhere around a request, some missing, in any order."""
    rng = np.random.default_rng(seed)
    request = np.datetime64("2022-01-01") + rng.integers(0, 1100, size).astype("timedelta64[D]")
    columns: dict[str, npt.NDArray[np.generic]] = {"request_received": request}
    for name in DATE_COLUMNS[1:]:
        offsets = rng.integers(-30, 500, size).astype("timedelta64[D]")
        dates = request + offsets
        columns[name] = np.where(rng.random(size) < 0.35, np.datetime64("NaT"), dates)
    columns["request_received"] = np.where(rng.random(size) < 0.1, np.datetime64("NaT"), request)
    columns["assessment_refused"] = rng.random(size) < 0.3
    columns["review_decision_amend"] = rng.random(size) < 0.5
    return columns


def per_case_answers(columns: dict[str, npt.NDArray[np.generic]], index: int, today: date):  # type: ignore[no-untyped-def]
    facts = case_facts_at(columns, index)
    answers = {}
    for deadline in compute_schedule(facts, today=today, calendar=CALENDAR, timescales=BATCH_ROWS):
        key = deadline.key
        if key == "A2":
            key = f"A2.{deadline.start_kind}"
        answers[key] = (deadline.due, deadline.operational_target, deadline.status)
    return answers


def batch_answers(result, index: int):  # type: ignore[no-untyped-def]
    answers = {}
    for key, column in result.items():
        status = STATUS_CODES[column.status[index]]
        if status is not None:
            answers[key] = (
                column.due[index].item(),
                column.operational_target[index].item(),
                status,
            )
    return answers


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batch_equals_the_per_case_engine(seed: int) -> None:
    columns = random_columns(seed, 1500)
    today = day("Fri 1 Nov 2024")
    result = compute_batch(columns, today=today, calendar=CALENDAR)
    for index in range(1500):
        assert batch_answers(result, index) == per_case_answers(columns, index, today), index


def test_batch_covers_the_statuses_it_should() -> None:
    columns = random_columns(7, 3000)
    result = compute_batch(columns, today=day("Fri 1 Nov 2024"), calendar=CALENDAR)
    seen = {STATUS_CODES[code] for column in result.values() for code in np.unique(column.status)}
    assert {s.value for s in seen if s} >= {
        "met",
        "met late",
        "overdue",
        "due soon",
        "not yet due",
        "too early",
        "window closed",
    }


def test_an_empty_caseload_gives_empty_columns() -> None:
    columns = random_columns(1, 0)
    result = compute_batch(columns, today=day("Fri 1 Nov 2024"), calendar=CALENDAR)
    assert all(column.due.size == 0 for column in result.values())
