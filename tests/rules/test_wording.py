"""Statuses in the words a caseworker or a family reads."""

from __future__ import annotations

import pytest

from ehcp.rules.wording import status_phrase, what_missing_it_means

from .helpers import ev, one, schedule

REFUSAL = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")


@pytest.mark.parametrize(
    ("events", "today", "key", "phrase"),
    [
        ([REFUSAL], "Mon 20 Oct 2025", "AP1", "window open, closes Mon 8 Dec 2025"),
        ([REFUSAL], "Tue 9 Dec 2025", "AP1", "window closed on Mon 8 Dec 2025"),
        (
            [REFUSAL, ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation")],
            "Tue 9 Dec 2025",
            "AP1",
            "pending: not before 1 month after the mediation certificate",
        ),
        (
            [ev("draft_plan_served", "Mon 3 Mar 2025")],
            "Tue 4 Mar 2025",
            "A4",
            "family's window open, the council may act from Tue 18 Mar 2025",
        ),
        (
            [
                ev("draft_plan_served", "Mon 3 Mar 2025"),
                ev("final_plan_issued", "Mon 10 Mar 2025"),
            ],
            "Tue 18 Mar 2025",
            "A4",
            "acted too early, on Mon 10 Mar 2025",
        ),
        (
            [ev("request_received", "Mon 1 Sep 2025"), REFUSAL],
            "Mon 20 Oct 2025",
            "A1",
            "met on Mon 6 Oct 2025",
        ),
        ([ev("request_received", "Mon 1 Sep 2025")], "Tue 14 Oct 2025", "A1", "overdue"),
    ],
)
def test_status_phrases(events: list[object], today: str, key: str, phrase: str) -> None:
    assert status_phrase(one(schedule(*events, today=today), key)) == phrase  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "meaning"),
    [
        ("A1", "Missing it is a breach of statute by the council."),
        ("A6.draft_latest", "Missing it is a missed planning target, not a breach of the law."),
        ("AP1", "This is the family's own time limit, not a duty on anyone."),
    ],
)
def test_what_missing_a_limit_means(key: str, meaning: str) -> None:
    deadlines = schedule(
        ev("request_received", "Mon 1 Sep 2025"), REFUSAL, today="Mon 20 Oct 2025"
    )
    if key == "A6.draft_latest":
        deadlines = schedule(ev("request_received", "Mon 1 Sep 2025"), today="Mon 20 Oct 2025")
    assert what_missing_it_means(one(deadlines, key)) == meaning
