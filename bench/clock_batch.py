"""Benchmark: the batch clock over 1,000,000 synthetic cases against a plain per-case loop.

The caseload mixes new requests (about a quarter refused, about half of plans within 20
weeks, advice often late) with annual reviews, roughly as England's national figures do.
The per-case loop runs over a sample of the same cases (all of them with --loop-cases N)
and its rate is compared with the batch rate measured in the same run.

    .venv/bin/python bench/clock_batch.py [--cases N] [--loop-cases N]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import numpy as np
import numpy.typing as npt

from ehcp.rules import EnglandCalendar, compute_schedule
from ehcp.rules.batch import BATCH_KEYS, CONTRIBUTORS, case_facts_at, compute_batch
from ehcp.rules.timescales import TIMESCALES

TODAY = date(2025, 1, 31)
NAT = np.datetime64("NaT", "D")
Columns = dict[str, npt.NDArray[np.generic]]


def _days(rng: np.random.Generator, mean: float, spread: float, size: int) -> np.ndarray:
    return np.maximum(1, rng.normal(mean, spread, size)).astype("timedelta64[D]")


def synthetic_caseload(size: int, seed: int = 2024) -> Columns:
    rng = np.random.default_rng(seed)
    request = np.datetime64("2022-01-01") + rng.integers(0, 1125, size).astype("timedelta64[D]")
    decision = request + _days(rng, 40, 12, size)
    refused = rng.random(size) < 0.25
    not_issuing = ~refused & (rng.random(size) < 0.06)
    issuing = ~refused & ~not_issuing
    draft = request + _days(rng, 118, 30, size)
    final = draft + _days(rng, 24, 10, size)
    meeting = final + _days(rng, 330, 40, size)
    review_decision = meeting + _days(rng, 24, 10, size)
    amend = rng.random(size) < 0.45
    notice = review_decision + _days(rng, 3, 2, size)
    columns: Columns = {
        "request_received": request,
        "decision_to_assess_notified": decision,
        "assessment_refused": refused,
        "decision_not_to_issue_notified": np.where(
            not_issuing, request + _days(rng, 105, 20, size), NAT
        ),
        "draft_plan_served": np.where(issuing, draft, NAT),
        "final_plan_issued": np.where(issuing, final, NAT),
        "school_consulted": np.where(issuing, draft + _days(rng, 5, 3, size), NAT),
        "school_consultation_answered": np.where(issuing, draft + _days(rng, 20, 8, size), NAT),
        "review_meeting_held": np.where(issuing, meeting, NAT),
        "review_decision_notified": np.where(issuing, review_decision, NAT),
        "review_decision_amend": amend,
        "amendment_notice_served": np.where(issuing & amend, notice, NAT),
        "amended_plan_issued": np.where(issuing & amend, notice + _days(rng, 50, 20, size), NAT),
    }
    for who in CONTRIBUTORS:
        asked = decision + _days(rng, 3, 2, size)
        columns[f"advice_requested_{who}"] = np.where(~refused, asked, NAT)
        columns[f"advice_received_{who}"] = np.where(
            ~refused, asked + _days(rng, 40, 15, size), NAT
        )
    return columns


def time_batch(columns: Columns, calendar: EnglandCalendar, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        compute_batch(columns, today=TODAY, calendar=calendar)
        best = min(best, time.perf_counter() - started)
    return best


def time_loop(columns: Columns, calendar: EnglandCalendar, cases: int) -> float:
    """Seconds for the per-case engine alone (facts are built before the clock starts)."""
    rows = tuple(row for row in TIMESCALES if row.key in BATCH_KEYS)
    all_facts = [case_facts_at(columns, index) for index in range(cases)]
    started = time.perf_counter()
    for facts in all_facts:
        compute_schedule(facts, today=TODAY, calendar=calendar, timescales=rows)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--loop-cases", type=int, default=20_000)
    args = parser.parse_args()
    calendar = EnglandCalendar()
    columns = synthetic_caseload(args.cases)
    compute_batch(synthetic_caseload(1000), today=TODAY, calendar=calendar)  # warm up
    batch_s = time_batch(columns, calendar)
    loop_cases = min(args.loop_cases, args.cases)
    loop_s = time_loop(columns, calendar, loop_cases)
    batch_rate, loop_rate = args.cases / batch_s, loop_cases / loop_s
    print(f"batch: {args.cases:,} cases in {batch_s:.3f} s ({batch_rate:,.0f} cases/s, best of 3)")
    print(f"loop:  {loop_cases:,} of the same cases in {loop_s:.3f} s ({loop_rate:,.0f} cases/s)")
    print(f"batch is {batch_rate / loop_rate:.1f}x the per-case loop")
    print(
        f"RESULT cases={args.cases} batch_s={batch_s:.3f} batch_cases_per_s={batch_rate:.0f} "
        f"loop_cases={loop_cases} loop_cases_per_s={loop_rate:.0f} "
        f"ratio={batch_rate / loop_rate:.1f}"
    )


if __name__ == "__main__":
    main()
