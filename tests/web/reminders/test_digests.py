"""The digests: each caseworker's overdue deadlines and those due this week, each manager's
team view, sent through GOV.UK Notify's own client to a fake Notify on loopback (or through
Django's email backend when no Notify key is set)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ehcp.web.organisations.models import Role
from ehcp.web.reminders.models import DigestSent
from ehcp.web.reminders.services import send_digests

from ..conftest import TODAY, make_member
from . import notify
from .helpers import REQUEST, make_case, plan

pytestmark = pytest.mark.django_db

DAILY, WEEKLY = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
# Fri 20 Nov 2026 (the tests' today); this week runs to Thu 26 Nov 2026.
ONE_DUE_THIS_WEEK = (date(2026, 10, 12), "request_received", "")  # 6 weeks: Mon 23 Nov 2026


@pytest.fixture
def fake_notify(settings: Any) -> Iterator[notify.FakeNotify]:
    fake, server = notify.start()
    settings.NOTIFY_API_KEY = notify.API_KEY
    settings.NOTIFY_BASE_URL = fake.url
    settings.NOTIFY_DAILY_DIGEST_TEMPLATE_ID = DAILY
    settings.NOTIFY_WEEKLY_DIGEST_TEMPLATE_ID = WEEKLY
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def team(council: Any, caseworker: Any) -> dict[str, Any]:
    """A caseworker with a case overdue and one due this week; a colleague whose only case
    has nothing due for months; a manager and a read-only member with no cases."""
    quiet = make_member(council, Role.CASEWORKER, "quiet@example.org")
    manager = make_member(council, Role.MANAGER, "manager@example.org")
    make_member(council, Role.READ_ONLY, "reader@example.org")
    overdue = make_case(council, caseworker, REQUEST, caseworker=caseworker)
    soon = make_case(council, caseworker, ONE_DUE_THIS_WEEK, caseworker=caseworker)
    # A plan issued on Thu 5 Mar 2026: its first review is due on Thu 4 Mar 2027.
    make_case(council, quiet, *plan(date(2026, 3, 5)), caseworker=quiet, first="Bo", last="Q")
    return {"caseworker": caseworker, "manager": manager, "overdue": overdue, "soon": soon}


def test_the_daily_digest_goes_to_each_caseworker_with_something_due(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    run = send_digests("daily", TODAY)
    assert [sent["email_address"] for sent in fake_notify.sent] == [team["caseworker"].email]
    assert run.sent == 1
    assert run.nothing_to_say == 2  # the quiet colleague and the manager
    sent = fake_notify.sent[0]
    assert sent["template_id"] == DAILY
    assert sent["reference"] == f"daily-2026-11-20-{team['caseworker'].pk}"
    subject = sent["personalisation"]["subject"]
    assert re.fullmatch(
        r"Your EHC deadlines on Friday 20 November 2026: [1-9]\d* overdue, 1 due this week",
        subject,
    )


def test_no_digest_names_the_child_or_a_diagnosis(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    send_digests("daily", TODAY)
    send_digests("weekly", TODAY)
    assert len(fake_notify.sent) == 2
    for sent in fake_notify.sent:
        subject, body = sent["personalisation"]["subject"], sent["personalisation"]["body"]
        for word in ("Alex", "Testington", "autis", "ADHD", "diagnos"):
            assert word.lower() not in subject.lower()
            assert word not in body


def test_the_daily_digest_lists_each_deadline_by_initials_and_reference_with_its_law(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    send_digests("daily", TODAY)
    body = fake_notify.sent[0]["personalisation"]["body"]
    soon = team["soon"].reference
    assert "Due in the next 7 days:" in body
    assert f"- AT {soon}: " in body
    assert "due Monday 23 November 2026 (" in body
    assert f"http://127.0.0.1:8000/cases/{soon}/" in body
    assert "Overdue (a breach of the law):" in body
    assert f"- AT {team['overdue'].reference}: " in body
    assert "SEND Regs 2014" in body or "CFA 2014" in body


def test_the_weekly_digest_gives_each_manager_the_teams_counts(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    run = send_digests("weekly", TODAY)
    assert run.sent == 1
    (sent,) = fake_notify.sent
    assert sent["email_address"] == "manager@example.org"
    assert sent["template_id"] == WEEKLY
    subject = sent["personalisation"]["subject"]
    assert subject == "Team EHC deadlines, week of Friday 20 November 2026: 1 case overdue"
    body = sent["personalisation"]["body"]
    assert "Council A: 1 case overdue and 1 with a deadline in the next 7 days." in body
    # The request of Mon 2 Jun 2025 is overdue and behind a target; Mon 12 Oct 2026's is due.
    assert "- Caseworker User: 2, 1, 1, 1" in body
    assert "- Caseworker User: 1, 0, 0, 0" in body  # the quiet colleague


def test_a_digest_is_sent_once_a_day_however_often_the_job_runs(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    send_digests("daily", TODAY)
    again = send_digests("daily", TODAY)
    assert again.sent == 0
    assert again.already_sent == 1
    assert len(fake_notify.sent) == 1
    assert DigestSent.objects.filter(kind="daily", day=TODAY).count() == 1


def test_an_address_notify_refuses_is_counted_and_tried_again_next_run(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    fake_notify.refuse.add(team["caseworker"].email)
    run = send_digests("daily", TODAY)
    assert run.failed == 1
    assert not DigestSent.objects.exists()
    fake_notify.refuse.clear()
    assert send_digests("daily", TODAY).sent == 1


def test_without_a_notify_key_the_digest_goes_through_djangos_email(
    settings: Any, team: dict[str, Any]
) -> None:
    settings.NOTIFY_API_KEY = ""
    send_digests("daily", TODAY)
    (message,) = mail.outbox
    assert message.to == [team["caseworker"].email]
    assert message.subject.startswith("Your EHC deadlines on Friday 20 November 2026")
    assert "Testington" not in message.subject


def test_a_deactivated_caseworker_gets_no_digest(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    team["caseworker"].is_active = False
    team["caseworker"].save()
    assert send_digests("daily", TODAY).sent == 0
    assert fake_notify.sent == []


def test_only_daily_and_weekly_digests_exist() -> None:
    with pytest.raises(ValueError, match="daily or weekly"):
        send_digests("monthly", TODAY)


def test_the_command_sends_for_the_day_given(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    out = StringIO()
    call_command("ehcp_digests", "daily", "--today", "2026-11-20", stdout=out)
    assert out.getvalue().startswith("Sent 1 daily digests on 2026-11-20")
    assert DigestSent.objects.get().day == TODAY


def test_the_command_reports_failures(
    fake_notify: notify.FakeNotify, team: dict[str, Any]
) -> None:
    fake_notify.refuse.add(team["caseworker"].email)
    with pytest.raises(CommandError, match="1 digests could not be sent"):
        call_command("ehcp_digests", "daily", stdout=StringIO())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["daily", "--today", "20/11/2026"], "--today must be a date written as YYYY-MM-DD"),
        (["monthly"], "invalid choice"),
    ],
)
def test_the_command_refuses_bad_arguments(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("ehcp_digests", *args, stdout=StringIO())
