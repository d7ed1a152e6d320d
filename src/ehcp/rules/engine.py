"""Facts in, schedule out: every applicable deadline for a case, with status and reasons.

The engine never reads the clock or any setting: `today` and the working-day calendar are
parameters. Events dated after `today` have not happened yet, so they meet nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final

from ehcp.rules import dates
from ehcp.rules.appeals import appealable_decisions, awaiting_certificate
from ehcp.rules.calendar import (
    WorkingDayCalendar,
    working_day_on_or_after,
    working_day_on_or_before,
)
from ehcp.rules.events import CaseFacts, Event
from ehcp.rules.exceptions import Finding, assess_exceptions
from ehcp.rules.reckon import fmt, reckon
from ehcp.rules.schedule import Deadline, Status, classify
from ehcp.rules.timescales import APPEALABLE_DECISION, TIMESCALES, Reckoning, Timescale

DUE_SOON_DAYS: Final = 14
LOOK_BACK: Final = timedelta(days=366)
FIVE_YEARS_IN_MONTHS: Final = 60
TWENTY_FOUR_YEARS_IN_MONTHS: Final = 24 * 12
TWENTY_FIVE_YEARS_IN_MONTHS: Final = 25 * 12


def compute_schedule(
    facts: CaseFacts,
    *,
    today: date,
    calendar: WorkingDayCalendar,
    due_soon_days: int = DUE_SOON_DAYS,
    timescales: tuple[Timescale, ...] = TIMESCALES,
) -> tuple[Deadline, ...]:
    """Every deadline that applies to `facts`, in due-date order."""
    found = []
    for row in timescales:
        for start in _starts(row, facts, today):
            if not row.in_force_on(start.date):
                continue
            completed_on = _completion(row, start, facts, today)
            if _voided(row, start, facts, today, completed_on):
                continue
            deadline = _deadline(row, start, completed_on, facts, today, calendar, due_soon_days)
            if row.only_under_five and not _under_five_on(facts, deadline.due):
                continue  # interim reviews are for the under-fives only (CoP 9.178)
            found.append(deadline)
    return tuple(sorted(found, key=lambda d: (d.due, d.id, d.step)))


# Events that show a plan is being maintained on their date.
PLAN_EVIDENCE: Final = (
    "final_plan_issued",
    "plan_transferred_in",
    "review_meeting_held",
    "review_decision_notified",
    "amendment_notice_served",
    "amended_plan_issued",
    "interim_review_held",
)


def _starts(row: Timescale, facts: CaseFacts, today: date) -> Iterator[Event]:
    if row.reckoning is Reckoning.END_OF_PLAN_AT_25:
        yield from _twenty_fifth_birthday(facts, today)
        return
    if row.start_event == APPEALABLE_DECISION:
        starts = appealable_decisions(facts)
    else:
        starts = facts.of(row.start_event, row.start_kinds)
    if not starts and row.start_fallback:
        starts = facts.of(row.start_fallback)  # no earlier notice: the council learns on the day
    for start in starts:
        if row.requires_plan and not _plan_maintained_on(facts, min(start.date, today)):
            continue
        if row.preceded_by and not _preceded_by(facts, start, *row.preceded_by):
            continue
        if not row.only_under_five or _under_five_on(facts, start.date):
            yield start


def _plan_maintained_on(facts: CaseFacts, day: date) -> bool:
    """Whether a plan is being maintained on `day`: the last plan event on record then, unless
    the plan has ceased since. With no plan event at all, a case whose request (or whose
    ceasing) is on record has no plan; a case that starts later, say with a review or a phase
    transfer, is about a plan made before its first recorded event."""
    shown = [e.date for name in PLAN_EVIDENCE for e in facts.of(name) if e.date <= day]
    ceased = [e.date for e in facts.of("plan_ceased") if e.date <= day]
    if not shown:
        requested = any(e.date <= day for e in facts.of("request_received"))
        return not requested and not ceased
    return not ceased or max(ceased) < max(shown)


def _preceded_by(facts: CaseFacts, start: Event, name: str, kinds: tuple[str, ...]) -> bool:
    """The latest `name` event on or before `start` is of one of `kinds`."""
    earlier = [event for event in facts.of(name) if event.date <= start.date]
    return bool(earlier) and facts.kind_of(earlier[-1]) in kinds


def _twenty_fifth_birthday(facts: CaseFacts, today: date) -> Iterator[Event]:
    born = facts.date_of_birth
    if born is not None and today >= dates.months_after(born, TWENTY_FOUR_YEARS_IN_MONTHS):
        yield Event(dates.months_after(born, TWENTY_FIVE_YEARS_IN_MONTHS), "birthday_25")


def _under_five_on(facts: CaseFacts, day: date) -> bool:
    born = facts.date_of_birth
    return born is not None and day < dates.months_after(born, FIVE_YEARS_IN_MONTHS)


def _voided(
    row: Timescale, start: Event, facts: CaseFacts, today: date, completed_on: date | None
) -> bool:
    """An event that ends the limit (another route taken, the plan ceased) removes it, unless
    the limit was already met before that event."""
    ended = [
        event.date
        for name, kind in row.void_if
        for event in facts.of(name, (kind,) if kind else ())
        if start.date <= event.date <= today and event is not start
    ]
    return bool(ended) and (completed_on is None or completed_on > min(ended))


def _completion(row: Timescale, start: Event, facts: CaseFacts, today: date) -> date | None:
    kinds = (facts.kind_of(start) or "",) if row.match_kind else ()
    candidates = [
        event.date
        for name in row.completed_by
        for event in facts.of(name, kinds)
        if event is not start and event.date <= today
    ]
    if row.reckoning.looks_back:
        earliest = start.date - LOOK_BACK
        return min((day for day in candidates if earliest <= day <= start.date), default=None)
    return min((day for day in candidates if day >= start.date), default=None)


def _review_decision_completion(
    start: Event, decided: date | None, facts: CaseFacts, today: date
) -> tuple[date | None, tuple[str, ...]]:
    """R6: a decision to amend is complete only once the proposed amendments are sent too."""
    decisions = [e for e in facts.of("review_decision_notified") if e.date == decided]
    if decided is None or facts.kind_of(decisions[0]) != "amend":
        return decided, ()
    notices = [
        e.date for e in facts.of("amendment_notice_served") if start.date <= e.date <= today
    ]
    if not notices:
        return None, ("Decision to amend sent without the proposed amendments (Devon).",)
    return max(decided, min(notices)), ()


def _deadline(
    row: Timescale,
    start: Event,
    completed_on: date | None,
    facts: CaseFacts,
    today: date,
    calendar: WorkingDayCalendar,
    due_soon_days: int,
) -> Deadline:
    due, arithmetic = reckon(row, start, facts, calendar)
    warnings: tuple[str, ...] = ()
    if row.id == "R6":
        completed_on, warnings = _review_decision_completion(start, completed_on, facts, today)
    findings = assess_exceptions(row, start.date, due, facts)
    excuse = next((finding for finding in findings if finding.applies), None)
    pending = row.reckoning is Reckoning.TRIBUNAL_APPEAL and awaiting_certificate(
        facts, start, today
    )
    missing = _missing_facts(row, start, facts)
    status = classify(
        due=due,
        completed_on=completed_on,
        today=today,
        excused=excuse is not None,
        is_window=row.reckoning.is_window,
        due_soon_days=due_soon_days,
        consequence=row.consequence,
        pending=pending,
    )
    if missing and completed_on is None:
        status = Status.NEEDS_FACTS
    if pending:
        warnings += (
            "Not before 1 month after the mediation certificate: the family has contacted the "
            "mediation adviser and no certificate is recorded yet, and no appeal can be made "
            "without one (CFA 2014 s.55(3); HESC Rules 2008 r.20(1)(c)).",
        )
    return Deadline(
        id=row.id,
        step=row.step,
        title=row.title,
        basis=row.basis.value,
        duty_holder=row.duty_holder,
        start_event=start.name,
        start_date=start.date,
        start_kind=facts.kind_of(start),
        due=due,
        operational_target=_operational_target(row, due, calendar),
        status=status,
        citation=row.citation,
        explanation=_explain(row, due, arithmetic, findings),
        completed_on=completed_on,
        day_one_date=dates.add_days(due, -1) if row.day_one_convention else None,
        exception=excuse.code if excuse else None,
        indicative_date=_indicative(due, excuse),
        consequence=row.consequence,
        warnings=warnings
        + missing
        + _warnings(row, due, completed_on)
        + _logged_date_warnings(row, start, due, completed_on, facts, calendar),
    )


def _missing_facts(row: Timescale, start: Event, facts: CaseFacts) -> tuple[str, ...]:
    """Facts without which the due date cannot be known: the clock says so, not "overdue"."""
    if row.reckoning is not Reckoning.TRANSFER_REVIEW:
        return ()
    earlier = ("review_decision_notified", "final_plan_issued")
    if any(e.date < start.date for name in earlier for e in facts.of(name)):
        return ()
    return (
        "Record the date the plan was made or last reviewed: reg 15(5) takes the later of 12 "
        "months from it and 3 months from the transfer, so the date shown is only the earliest.",
    )


def _operational_target(row: Timescale, due: date, calendar: WorkingDayCalendar) -> date:
    if row.reckoning.is_window:
        return working_day_on_or_after(calendar, due)
    return working_day_on_or_before(calendar, due)


def _indicative(due: date, excuse: Finding | None) -> date | None:
    if excuse is None or excuse.indicative_days is None:
        return None
    return dates.add_days(due, excuse.indicative_days)


def _warnings(row: Timescale, due: date, completed_on: date | None) -> tuple[str, ...]:
    if completed_on is None:
        return ()
    on_the_date_itself = completed_on == dates.add_days(due, 1)
    if row.reckoning is Reckoning.FIXED_DATE and not row.offset_days and on_the_date_itself:
        return ("Amber: issued on the date itself; the regulation says 'before'.",)
    if row.reckoning is Reckoning.WEEKS_BEFORE and completed_on == due:
        return ("Exactly two weeks: a breach if 'clear days' are required.",)
    return ()


def _logged_date_warnings(
    row: Timescale,
    start: Event,
    due: date,
    completed_on: date | None,
    facts: CaseFacts,
    calendar: WorkingDayCalendar,
) -> tuple[str, ...]:
    """The clock runs from actual receipt; a later logged date is shown, never used."""
    logged = [e.date for e in facts.of("request_logged") if e.date > start.date]
    if start.name != "request_received" or not row.day_one_convention or not logged:
        return ()
    logged_due, _ = reckon(row, Event(logged[0], start.name), facts, calendar)
    if completed_on is not None and due < completed_on <= logged_due:
        return (
            f"Disputed: late by the legal date, in time by the date the council logged the "
            f"request ({fmt(logged_due)}).",
        )
    return (f"The council's logged date gives {fmt(logged_due)}; the legal date stands.",)


def _explain(row: Timescale, due: date, arithmetic: str, findings: tuple[Finding, ...]) -> str:
    basis = "" if row.basis.value == "statute" else f" ({row.basis.value} only, not statute)"
    text = f"{row.id}: {row.title}{basis}. {arithmetic} = {fmt(due)}. {row.citation}."
    for finding in findings:
        verdict = "applies" if finding.applies else "does not apply"
        text += f" Exception {finding.code} {verdict}: {finding.reason}."
        if finding.applies:
            text += " The limit falls away; the duty is now 'as soon as practicable'."
    return text
