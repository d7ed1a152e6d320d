"""The nightly refresh: each stale case's stored clock answer and advice clocks worked out
again for the day, in chunks, the same as the per-case path gives."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from ehcp.rules import RULES_VERSION
from ehcp.web.cases import refresh, services
from ehcp.web.cases.models import AdviceClock, Case
from ehcp.web.jobs.models import Job

from ..queue import run_queued_jobs
from ..reminders.helpers import make_case, plan

REQUEST = (date(2026, 6, 1), "request_received", "")  # Mon 1 Jun 2026
ASSESS = (date(2026, 7, 10), "decision_to_assess_notified", "assess")  # Fri 10 Jul 2026
HEALTH = (date(2026, 7, 20), "advice_requested", "health")  # Mon 20 Jul 2026
SCHOOL = (date(2026, 7, 22), "advice_requested", "school")  # Wed 22 Jul 2026


@pytest.fixture
def caseload(council: Any, caseworker: Any) -> list[Case]:
    return [
        make_case(council, caseworker, REQUEST),
        make_case(council, caseworker, REQUEST, ASSESS, HEALTH, SCHOOL, first="Bea"),
        make_case(council, caseworker, *plan(date(2025, 11, 28)), first="Cal"),
        make_case(council, caseworker, REQUEST, ASSESS, first="Dee"),
    ]


def stored(cases: list[Case]) -> dict[str, Any]:
    fields = refresh.SUMMARY_FIELDS
    answer = {}
    for case in Case.objects.filter(pk__in=[c.pk for c in cases]):
        clocks = sorted(AdviceClock.objects.filter(case=case).values_list(*refresh.CLOCK_FIELDS))
        answer[case.reference] = ({name: getattr(case, name) for name in fields}, clocks)
    return answer


def test_a_stale_case_gets_todays_answer(caseload):
    first = caseload[0]
    Case.objects.filter(pk=first.pk).update(
        next_due=None, next_key="", open_breaches=0, summarised_on=date(2026, 6, 1)
    )
    assert refresh.refresh_stale(date(2026, 7, 14)) == 4  # Tue 14 Jul 2026
    first.refresh_from_db()
    # The decision whether to assess was due 6 weeks after the request: Mon 13 Jul 2026.
    assert first.next_key == "A1"
    assert first.next_due == date(2026, 7, 13)
    assert first.open_breaches == 1
    assert first.summarised_on == date(2026, 7, 14)
    assert first.rules_version == RULES_VERSION


def test_cases_already_worked_out_today_by_these_rules_are_left(caseload):
    day = date(2026, 11, 23)  # Mon 23 Nov 2026
    assert refresh.refresh_stale(day) == 4
    assert refresh.refresh_stale(day) == 0
    Case.objects.filter(pk=caseload[2].pk).update(rules_version="an older version")
    assert refresh.refresh_stale(day) == 1


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 7, 31),  # Fri 31 Jul 2026: advice not yet due
        date(2026, 8, 28),  # Fri 28 Aug 2026: health advice due Mon 31 Aug, due soon
        date(2026, 9, 1),  # Tue 1 Sep 2026: health advice overdue, school's due tomorrow
        date(2027, 1, 4),  # Mon 4 Jan 2027
    ],
)
@pytest.mark.parametrize("chunk", [1, 3, 1000])
def test_the_refresh_stores_what_the_per_case_path_stores(caseload, day, chunk):
    refresh.refresh_stale(day, chunk=chunk)
    batch = stored(caseload)
    for case in Case.objects.select_related("child").filter(pk__in=[c.pk for c in caseload]):
        services.refresh_summary(case, day)
    assert batch == stored(caseload)


def test_advice_clocks_are_rewritten_only_when_they_change(caseload):
    bea = caseload[1]
    refresh.refresh_stale(date(2026, 7, 31))  # Fri 31 Jul 2026
    before = set(AdviceClock.objects.filter(case=bea).values_list("pk", flat=True))
    assert len(before) == 2
    refresh.refresh_stale(date(2026, 8, 3))  # Mon 3 Aug 2026: still not yet due
    assert set(AdviceClock.objects.filter(case=bea).values_list("pk", flat=True)) == before
    refresh.refresh_stale(date(2026, 9, 1))  # Tue 1 Sep 2026: the health advice is late
    after = AdviceClock.objects.filter(case=bea)
    assert not set(after.values_list("pk", flat=True)) & before
    assert after.get(contributor="health").status == "overdue"


def test_the_refresh_command_and_the_scheduled_job_both_refresh(caseload, settings):
    Case.objects.update(rules_version="old")
    call_command("ehcp_refresh", verbosity=0)
    assert not Case.objects.exclude(rules_version=RULES_VERSION).exists()
    Case.objects.update(rules_version="old")
    from ehcp.web.jobs import services as jobs

    job = jobs.start(
        kind="nightly-refresh", title="Nightly refresh", work=settings.JOB_SCHEDULE[0]["task"]
    )
    run_queued_jobs()
    job.refresh_from_db()
    assert job.result["summary"] == "Refreshed 4 cases"
    assert job.result["progress"] == {"label": "Refreshed", "done": 4, "total": 4, "unit": "cases"}
    assert not Case.objects.exclude(rules_version=RULES_VERSION).exists()
    assert Job.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_chunks_are_shared_among_processes(council, caseworker):
    if connection.vendor != "postgresql":
        pytest.skip("runs only with DATABASE_URL=postgres://...")
    cases = [
        make_case(council, caseworker, REQUEST, ASSESS, HEALTH, first=f"Kid{n}") for n in range(6)
    ]
    day = date(2026, 9, 1)  # Tue 1 Sep 2026
    assert refresh.refresh_stale(day, workers=2, chunk=2) == 6
    pooled = stored(cases)
    for case in Case.objects.select_related("child").filter(pk__in=[c.pk for c in cases]):
        services.refresh_summary(case, day)
    assert pooled == stored(cases)


def test_a_case_changed_since_it_was_read_keeps_its_own_answer(caseload):
    day = date(2026, 11, 23)  # Mon 23 Nov 2026
    first = caseload[0]
    # As if a caseworker had recorded an event just after the refresh read the case.
    Case.objects.filter(pk=first.pk).update(summarised_on=day, next_title="Their answer")
    AdviceClock.objects.filter(case=first).delete()
    assert refresh.refresh_chunk([first.pk, caseload[1].pk], day) == 2
    first.refresh_from_db()
    assert first.next_title == "Their answer"
    assert Case.objects.get(pk=caseload[1].pk).summarised_on == day
