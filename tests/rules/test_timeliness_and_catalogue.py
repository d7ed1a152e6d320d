"""DfE's 20-week measure; the timescale table and soft duties as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ehcp.rules import EVENT_TYPES, TIMESCALES, CaseFacts, RecordedException
from ehcp.rules.soft import SOFT_OBLIGATIONS
from ehcp.rules.timeliness import dfe_timeliness
from ehcp.rules.timescales import APPEALABLE_DECISION

from .helpers import day, ev

REQUIRED_IDS = (
    [f"A{n}" for n in range(1, 7)]
    + [f"R{n}" for n in range(1, 10)]
    + ["P1", "P2", "P3", "Q1", "Q2", "Q3", "Q6", "T1", "T2", "T3", "T5", "T6", "T7"]
    + [f"M{n}" for n in range(1, 10)]
    + ["AP1"]
    + [f"O{n}" for n in range(1, 8)]
    + [f"U{n}" for n in range(1, 6)]
    + ["REC", "PB1"]
)


def test_every_required_limit_is_in_the_table() -> None:
    assert sorted(set(REQUIRED_IDS) - {row.id for row in TIMESCALES}) == []


def test_every_row_has_a_citation_a_title_and_known_events() -> None:
    for row in TIMESCALES:
        assert re.search(r"(Regs|Act|CFA|CoP|Rules) ", row.citation), row.key
        assert row.title
        assert row.counting
        assert row.start_event in (*EVENT_TYPES, "birthday_25", APPEALABLE_DECISION), row.key
        assert all(name in EVENT_TYPES for name in row.completed_by), row.key
        kinds = EVENT_TYPES.get(row.start_event)
        assert all(kind in kinds.kinds for kind in row.start_kinds), row.key  # type: ignore[union-attr]


def test_row_keys_are_unique_within_any_period_in_force() -> None:
    current = [(row.key, row.start_kinds) for row in TIMESCALES if row.in_force_to is None]
    assert len(current) == len(set(current))


def test_soft_duties_carry_citations() -> None:
    assert {"M0", "R10", "R11", "Q4", "T4"} <= {duty.id for duty in SOFT_OBLIGATIONS}
    assert all(re.search(r"(Regs|Act|CFA|CoP) ", duty.citation) for duty in SOFT_OBLIGATIONS)


@pytest.mark.parametrize(
    ("name", "builder"),
    [
        ("events.md", "events_markdown"),
        ("timescales.md", "timescales_markdown"),
        ("verify.md", "verify_markdown"),
    ],
)
def test_the_generated_reference_documents_are_up_to_date(name: str, builder: str) -> None:
    from ehcp.rules import reference as vocabulary

    document = Path(__file__).resolve().parents[2] / "docs" / name
    expected = getattr(vocabulary, builder)()
    assert document.read_text(encoding="utf-8") == expected, f"regenerate docs/{name}"


@pytest.mark.parametrize(
    ("issued", "days", "within", "within_day_one"),
    [
        ("Mon 27 May 2024", 140, True, False),
        ("Sun 26 May 2024", 139, True, True),
        ("Tue 28 May 2024", 141, False, False),
    ],
)
def test_20_week_timeliness_as_dfe_counts_it(
    issued: str, days: int, within: bool, within_day_one: bool
) -> None:
    facts = CaseFacts(
        events=(ev("request_received", "Mon 8 Jan 2024"), ev("final_plan_issued", issued))
    )
    result = dfe_timeliness(facts)
    assert result is not None
    assert (result.days_to_issue, result.within_20_weeks) == (days, within)
    assert result.within_20_weeks_day_one_convention is within_day_one
    assert result.weeks_to_issue == pytest.approx(days / 7)
    assert result.within_20_weeks_excluding_exceptions is within


def test_an_exception_at_any_phase_takes_the_plan_out_of_the_excluding_measure() -> None:
    facts = CaseFacts(
        events=(
            ev("request_received", "Mon 8 Jan 2024"),
            ev("final_plan_issued", "Mon 3 Jun 2024"),
        ),
        exceptions=(
            # 28 days away, all inside A1's period (Tue 9 Jan to Mon 19 Feb 2024)
            RecordedException(
                "E4", day("Mon 22 Jan 2024"), day("Sun 18 Feb 2024"), applies_to=("A1",)
            ),
        ),
    )
    result = dfe_timeliness(facts)
    assert result is not None
    assert result.exception_recorded
    assert result.within_20_weeks_excluding_exceptions is None


def test_an_absence_mostly_after_the_decision_deadline_keeps_the_plan_in_the_measure() -> None:
    # Mon 5 Feb to Mon 11 Mar 2024: only 15 of its days fall inside A1's period, and A1 is the
    # only limit it was recorded against, so it excuses nothing.
    facts = CaseFacts(
        events=(
            ev("request_received", "Mon 8 Jan 2024"),
            ev("final_plan_issued", "Mon 3 Jun 2024"),
        ),
        exceptions=(
            RecordedException(
                "E4", day("Mon 5 Feb 2024"), day("Mon 11 Mar 2024"), applies_to=("A1",)
            ),
        ),
    )
    result = dfe_timeliness(facts)
    assert result is not None
    assert not result.exception_recorded
    assert result.within_20_weeks_excluding_exceptions is False


def test_an_advice_givers_exception_does_not_count_for_the_plan() -> None:
    facts = CaseFacts(
        events=(
            ev("request_received", "Mon 8 Jan 2024"),
            ev("final_plan_issued", "Mon 3 Jun 2024"),
        ),
        exceptions=(RecordedException("REG8_MISSED_APPOINTMENT", day("Mon 5 Feb 2024")),),
    )
    result = dfe_timeliness(facts)
    assert result is not None
    assert not result.exception_recorded


def test_no_timeliness_until_a_plan_is_issued() -> None:
    assert dfe_timeliness(CaseFacts(events=(ev("request_received", "Mon 8 Jan 2024"),))) is None
