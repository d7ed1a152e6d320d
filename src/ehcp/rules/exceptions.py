"""Whether a recorded exception disapplies a time limit (E1-E4, reg 8(2), reg 44(3), 2020).

An exception does not extend a limit by a fixed number of days: it removes the limit, and the
duty becomes "as soon as practicable". Each limit is judged on its own (CoP 9.43): a ground
counts for a limit only if it arises inside that limit's own running period, because only
then can it make meeting that limit impractical ("impractical ... because of", regs 5(4),
8(2), 10(4), 13(3), 27(3), 44(3)). So a closure or an absence after a deadline has passed never
excuses it. For monitoring, an indicative date (never statutory) adds the days the ground
overlapped the running period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from ehcp.rules import dates
from ehcp.rules.events import CaseFacts, RecordedException
from ehcp.rules.reckon import CORONAVIRUS_WINDOW, fmt
from ehcp.rules.timescales import Timescale

CLOSURE_QUALIFYING_DAYS: Final = 28
CLOSURE_WINDOW_LEAD_DAYS: Final = 7
LONG_ABSENCE_DAYS: Final = 28
REG_44_ABSENCE_DAYS: Final = 14

EXCEPTION_GROUNDS: Final[dict[str, str]] = {
    "E1": "School or post-16 institution closed for 4 weeks or more when advice was asked "
    "(SEND Regs 2014 regs 5(4)(a), 10(4)(a), 27(3))",
    "E2": "Early years provider closed for 4 weeks or more when advice was asked "
    "(SEND Regs 2014 regs 5(4)(b), 10(4)(b), 27(3))",
    "E3": "Exceptional personal circumstances of the child, parent or young person "
    "(SEND Regs 2014 regs 5(4)(c), 10(4)(c), 27(3))",
    "E4": "Child, parent or young person away from the area for 4 weeks or more "
    "(SEND Regs 2014 regs 5(4)(d), 10(4)(d), 27(3))",
    "REG8_EXCEPTIONAL": "Exceptional circumstances affecting the child, parent or young "
    "person (SEND Regs 2014 reg 8(2)(a))",
    "REG8_ABSENCE": "Away from the area for 4 weeks or more (SEND Regs 2014 reg 8(2)(b))",
    "REG8_MISSED_APPOINTMENT": "An examination or test appointment was missed "
    "(SEND Regs 2014 reg 8(2)(c))",
    "REG44_EXCEPTIONAL": "Exceptional personal circumstances (SEND Regs 2014 reg 44(3))",
    "REG44_ABSENCE": "Away from the area for 2 weeks or more (SEND Regs 2014 reg 44(3))",
    "REG44_REPRESENTATIONS": "The family wants to make representations about the plan after "
    "the period (SEND Regs 2014 reg 44(3))",
    "COVID": "A reason relating to coronavirus, 1 May-25 Sep 2020 (SI 2020/471)",
}


@dataclass(frozen=True)
class Finding:
    """What a recorded exception means for one limit."""

    code: str
    applies: bool
    reason: str
    indicative_days: int | None = None


Period = tuple[date, date]
Test = Callable[[RecordedException, Period, CaseFacts], Finding]


def _overlap(recorded: RecordedException, period: Period) -> int:
    return dates.overlap_days((recorded.start, recorded.end or recorded.start), period)


def _circumstances(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    days = _overlap(recorded, period)
    if days == 0:
        return Finding(recorded.code, False, "the circumstances fall outside the period")
    return Finding(recorded.code, True, f"{days} days of the period affected", days)


def _away_for(recorded: RecordedException, period: Period, minimum: int) -> Finding:
    days = _overlap(recorded, period)
    if days < minimum:
        return Finding(
            recorded.code,
            False,
            f"{days} days away within the period; at least {minimum} continuous days are needed",
        )
    return Finding(recorded.code, True, f"{days} days away within the period", days)


def _long_absence(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    """Away for 4 weeks or more (regs 5(4)(d), 8(2)(b), 10(4)(d))."""
    return _away_for(recorded, period, LONG_ABSENCE_DAYS)


def _short_absence(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    """Away for 2 weeks or more (reg 44(3))."""
    return _away_for(recorded, period, REG_44_ABSENCE_DAYS)


def _single_day(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    if period[0] <= recorded.start <= period[1]:
        return Finding(recorded.code, True, f"on {fmt(recorded.start)}, within the period")
    return Finding(recorded.code, False, f"{fmt(recorded.start)} is outside the period")


def _closure(recorded: RecordedException, period: Period, facts: CaseFacts) -> Finding:
    asked = recorded.start
    if not period[0] <= asked <= period[1]:
        return Finding(
            recorded.code,
            False,
            f"advice asked {fmt(asked)} is outside this limit's period "
            f"{fmt(period[0])} to {fmt(period[1])}",
        )
    for closure in facts.closures:
        if closure.setting != recorded.setting:
            continue
        window = (
            dates.add_days(closure.first_closed_day, -CLOSURE_WINDOW_LEAD_DAYS),
            dates.add_days(closure.reopening_day, -CLOSURE_WINDOW_LEAD_DAYS),
        )
        if closure.length_days < CLOSURE_QUALIFYING_DAYS or not window[0] <= asked <= window[1]:
            continue
        days = dates.overlap_days(window, period)
        return Finding(
            recorded.code,
            True,
            f"advice asked {fmt(asked)}, inside the closure window "
            f"{fmt(window[0])} to {fmt(window[1])}",
            days,
        )
    return Finding(
        recorded.code,
        False,
        f"advice asked {fmt(asked)} is not inside the window of a "
        f"closure of 4 weeks or more at {recorded.setting or 'the setting'}",
    )


def _after_order(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    if recorded.start < period[0]:
        return Finding(recorded.code, False, f"{fmt(recorded.start)} is before the order")
    if recorded.start > period[1]:
        return Finding(recorded.code, False, f"{fmt(recorded.start)} is after the period ended")
    return Finding(recorded.code, True, f"representations wanted from {fmt(recorded.start)}")


def _coronavirus(recorded: RecordedException, period: Period, _: CaseFacts) -> Finding:
    first, last = CORONAVIRUS_WINDOW
    if _overlap(recorded, period) == 0:
        return Finding(
            recorded.code, False, "the coronavirus reason recorded falls outside the period"
        )
    if first <= period[1] <= last:
        return Finding(recorded.code, True, "the deadline fell between 1 May and 25 Sep 2020")
    return Finding(
        recorded.code,
        False,
        "the deadline fell outside 1 May-25 Sep 2020, so the normal limit applies",
    )


TESTS: Final[dict[str, Test]] = {
    "E1": _closure,
    "E2": _closure,
    "E3": _circumstances,
    "E4": _long_absence,
    "REG8_EXCEPTIONAL": _circumstances,
    "REG8_ABSENCE": _long_absence,
    "REG8_MISSED_APPOINTMENT": _single_day,
    "REG44_EXCEPTIONAL": _circumstances,
    "REG44_ABSENCE": _short_absence,
    "REG44_REPRESENTATIONS": _after_order,
    "COVID": _coronavirus,
}


def grounds_for(row: Timescale) -> tuple[str, ...]:
    return row.exceptions + (("COVID",) if row.coronavirus_exception else ())


def assess_exceptions(
    row: Timescale, start: date, due: date, facts: CaseFacts
) -> tuple[Finding, ...]:
    """Findings for every recorded exception that names a ground this limit allows."""
    period = (dates.add_days(start, 1), due)
    allowed = grounds_for(row)
    return tuple(
        TESTS[recorded.code](recorded, period, facts)
        for recorded in facts.exceptions
        if recorded.code in allowed and (not recorded.applies_to or row.id in recorded.applies_to)
    )
