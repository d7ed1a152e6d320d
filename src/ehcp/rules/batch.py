"""The clock for a whole caseload at once: columns of dates in, columns of deadlines out.

Covers the new-request clocks (A1-A6 with the derived draft dates, one A2 per contributor)
and the review clocks (R1, R2, R6, R8) for cases without recorded exceptions, each case
holding at most one of each event. Lengths come from the same timescale rows as the per-case
engine, and a test requires both paths to give identical answers.

Input: a mapping of column name to `datetime64[D]` arrays (NaT where the event has not
happened), plus boolean `assessment_refused` and `review_decision_amend` columns.
Output: for each deadline key, its due dates, operational targets and status codes
(`STATUS_CODES`; 0 means the deadline does not apply to that case).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

import numpy as np
import numpy.typing as npt

from ehcp.rules.calendar import WorkingDayCalendar
from ehcp.rules.engine import DUE_SOON_DAYS
from ehcp.rules.events import CaseFacts, Event
from ehcp.rules.schedule import Consequence, Status
from ehcp.rules.timescales import TIMESCALES, Timescale

Dates = npt.NDArray[np.datetime64]
Flags = npt.NDArray[np.bool_]
Codes = npt.NDArray[np.int8]

NAT: Final = np.datetime64("NaT", "D")
STATUS_CODES: Final[tuple[Status | None, ...]] = (None, *Status)
CODE: Final = {status: np.int8(index) for index, status in enumerate(STATUS_CODES)}
CONTRIBUTORS: Final = ("educational_psychology", "health", "social_care", "school")
DATE_COLUMNS: Final = (
    "request_received",
    "decision_to_assess_notified",
    "decision_not_to_issue_notified",
    "draft_plan_served",
    "final_plan_issued",
    "school_consulted",
    "school_consultation_answered",
    "review_meeting_held",
    "review_decision_notified",
    "amendment_notice_served",
    "amended_plan_issued",
    *(f"advice_requested_{who}" for who in CONTRIBUTORS),
    *(f"advice_received_{who}" for who in CONTRIBUTORS),
)
FLAG_COLUMNS: Final = ("assessment_refused", "review_decision_amend")
BATCH_KEYS: Final = ("A1", "A2", "A3", "A4", "A5", "A6", "A6.draft_latest",
                     "A6.draft_practical", "R1", "R2", "R6", "R8")  # fmt: skip


@dataclass(frozen=True)
class DeadlineColumns:
    due: Dates
    operational_target: Dates
    status: Codes


def _row(key: str) -> Timescale:
    return next(row for row in TIMESCALES if row.key == key and row.in_force_to is None)


def _add_days(days: Dates, count: int) -> Dates:
    return days + np.timedelta64(count, "D")


def _end_of_months_starting_with(start: Dates, months: int) -> Dates:
    month = start.astype("datetime64[M]")
    day_of_month = (start - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.timedelta64(months, "M")
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    clamped = target.astype("datetime64[D]") + np.minimum(day_of_month, month_length - 1)
    return np.where(day_of_month < month_length, _add_days(clamped, -1), clamped)


def _happened(event: Dates, start: Dates, today: np.datetime64) -> Flags:
    return (event >= start) & (event <= today)


def _done(event: Dates, start: Dates, today: np.datetime64) -> Dates:
    return np.where(_happened(event, start, today), event, NAT)


def _ends(ending: list[Dates], start: Dates, done: Dates, today: np.datetime64) -> Flags:
    """Where a limit is ended by another event, unless it was met before that event (the
    per-case engine's `void_if`)."""
    happened = [np.where(_happened(event, start, today), event, NAT) for event in ending]
    first = np.fmin.reduce(happened) if len(happened) > 1 else happened[0]
    return ~np.isnat(first) & (np.isnat(done) | (done > first))


def _classify(
    due: Dates,
    completed: Dates,
    today: np.datetime64,
    applies: Flags,
    *,
    window: bool = False,
    late: Status = Status.OVERDUE,
) -> Codes:
    done = ~np.isnat(completed)
    if window:
        status = np.where(
            done,
            np.where(completed < due, CODE[Status.TOO_EARLY], CODE[Status.MET]),
            np.where(today < due, CODE[Status.WINDOW_OPEN], CODE[Status.WINDOW_CLOSED]),
        )
    else:
        days_left = (due - today).astype(np.int64)
        pending = np.where(
            today > due,
            CODE[late],
            np.where(days_left <= DUE_SOON_DAYS, CODE[Status.DUE_SOON], CODE[Status.NOT_YET_DUE]),
        )
        status = np.where(
            done, np.where(completed <= due, CODE[Status.MET], CODE[Status.MET_LATE]), pending
        )
    return np.where(applies & ~np.isnat(due), status, CODE[None]).astype(np.int8)


class _Targets:
    """Operational targets on the caller's calendar, via NumPy's business-day rolling."""

    def __init__(self, calendar: WorkingDayCalendar, dues: list[Dates]) -> None:
        known = np.concatenate([d[~np.isnat(d)] for d in dues])
        if known.size:
            first, last = known.min().item(), known.max().item()
            holidays = calendar.holidays_between(first, last)
        else:
            holidays = []
        self._calendar = np.busdaycalendar(holidays=np.array(holidays, dtype="datetime64[D]"))

    def roll(self, due: Dates, *, forward: bool) -> Dates:
        known = ~np.isnat(due)
        target = np.full(due.shape, NAT)
        target[known] = np.busday_offset(
            due[known], 0, roll="forward" if forward else "backward", busdaycal=self._calendar
        )
        return target


def compute_batch(
    columns: Mapping[str, npt.NDArray[np.generic]], *, today: date, calendar: WorkingDayCalendar
) -> dict[str, DeadlineColumns]:
    """Deadline columns for every key in `BATCH_KEYS` (A2 as `A2.<contributor>`)."""
    c = {name: np.asarray(columns[name], dtype="datetime64[D]") for name in DATE_COLUMNS}
    refused = np.asarray(columns["assessment_refused"], dtype=bool)
    amend = np.asarray(columns["review_decision_amend"], dtype=bool)
    now = np.datetime64(today, "D")
    plans = _new_request(c, refused, now) | _reviews(c, amend, now)
    targets = _Targets(calendar, [due for due, _, _, _ in plans.values()])
    return {
        key: DeadlineColumns(
            due=due,
            operational_target=targets.roll(due, forward=window),
            status=_classify(due, done, now, applies, window=window, late=_late_status(key)),
        )
        for key, (due, done, applies, window) in plans.items()
    }


def _late_status(key: str) -> Status:
    row = _row(key.split(".")[0] if key.startswith("A2.") else key)
    return Status.OVERDUE if row.consequence is Consequence.BREACH else Status.BEHIND_TARGET


Plan = tuple[Dates, Dates, Flags, bool]


def _weeks(key: str, start: Dates) -> Dates:
    row = _row(key)
    return _add_days(start, 7 * row.length + row.offset_days)


def _new_request(c: dict[str, Dates], refused: Flags, now: np.datetime64) -> dict[str, Plan]:
    request = c["request_received"]
    decision = c["decision_to_assess_notified"]
    always = np.ones(request.shape, dtype=np.bool_)
    refusal = np.where(refused, decision, NAT)
    final = _done(c["final_plan_issued"], request, now)
    draft = _done(c["draft_plan_served"], request, now)
    no_plan = _done(c["decision_not_to_issue_notified"], request, now)
    drafted_or_issued = [c["draft_plan_served"], c["final_plan_issued"]]
    void_a3 = _ends([refusal, *drafted_or_issued], request, no_plan, now)
    void_a6 = _ends([refusal, c["decision_not_to_issue_notified"]], request, final, now)
    over = [c["final_plan_issued"], c["decision_not_to_issue_notified"]]
    void_draft = _ends([refusal, *over], request, draft, now)
    plans: dict[str, Plan] = {
        "A1": (_weeks("A1", request), _done(decision, request, now), always, False),
        "A3": (_weeks("A3", request), no_plan, ~void_a3, False),
        "A6": (_weeks("A6", request), final, ~void_a6, False),
        "A6.draft_latest": (_weeks("A6.draft_latest", request), draft, ~void_draft, False),
        "A6.draft_practical": (_weeks("A6.draft_practical", request), draft, ~void_draft, False),
    }
    served = c["draft_plan_served"]
    plans["A4"] = (
        _add_days(served, _row("A4").length),
        _done(c["final_plan_issued"], served, now),
        always,
        True,
    )
    consulted = c["school_consulted"]
    answer = _done(c["school_consultation_answered"], consulted, now)
    ended = _ends([c["final_plan_issued"]], consulted, answer, now)
    plans["A5"] = (_add_days(consulted, _row("A5").length), answer, ~ended, False)
    for who in CONTRIBUTORS:
        asked = c[f"advice_requested_{who}"]
        answered = _done(c[f"advice_received_{who}"], asked, now)
        ended = _ends(over, asked, answered, now)
        plans[f"A2.{who}"] = (_weeks("A2", asked), answered, ~ended, False)
    return plans


def _reviews(c: dict[str, Dates], amend: Flags, now: np.datetime64) -> dict[str, Plan]:
    plan, decision = c["final_plan_issued"], c["review_decision_notified"]
    always = np.ones(plan.shape, dtype=np.bool_)
    never: Dates = np.full(plan.shape, NAT)
    meeting, notice = c["review_meeting_held"], c["amendment_notice_served"]
    months = _row("R1").length
    decided_after_meeting = _done(decision, meeting, now)
    notice_after_meeting = _done(notice, meeting, now)
    r6_done = np.where(
        amend & ~np.isnat(decided_after_meeting),
        np.where(
            np.isnat(notice_after_meeting),
            NAT,
            np.maximum(decided_after_meeting, notice_after_meeting),
        ),
        decided_after_meeting,
    )
    return {
        "R1": (_end_of_months_starting_with(plan, months), _done(decision, plan, now), always,
               False),
        "R2": (_end_of_months_starting_with(decision, months), never,
               always, False),
        "R6": (_weeks("R6", meeting), r6_done, always, False),
        "R8": (_weeks("R8", notice), _done(c["amended_plan_issued"], notice, now), always,
               False),
    }  # fmt: skip


def case_facts_at(columns: Mapping[str, npt.NDArray[np.generic]], index: int) -> CaseFacts:
    """Row `index` of the columns as the per-case engine's facts."""
    events = []
    for name in DATE_COLUMNS:
        value = columns[name][index]
        if np.isnat(value):
            continue
        event_name, kind = _event_for_column(name, columns, index)
        events.append(Event(value.astype("datetime64[D]").item(), event_name, kind))
    return CaseFacts(events=tuple(events))


def _event_for_column(
    name: str, columns: Mapping[str, npt.NDArray[np.generic]], index: int
) -> tuple[str, str | None]:
    for prefix in ("advice_requested", "advice_received"):
        if name.startswith(prefix + "_"):
            return prefix, name.removeprefix(prefix + "_")
    if name == "decision_to_assess_notified":
        return name, "refuse" if columns["assessment_refused"][index] else "assess"
    if name == "review_decision_notified":
        return name, "amend" if columns["review_decision_amend"][index] else "keep"
    return name, None
