import base64
import logging
from datetime import date

from ehcp.rules import find_problems
from ehcp.web.config.logging import RedactPersonalData
from ehcp.web.demo.synthetic import FIRST_NAMES, LAST_NAMES, Generator

TODAY = date(2026, 11, 20)


def test_synthetic_stories_are_valid_and_roughly_national():
    stories = Generator(TODAY, seed=7).caseload(600)
    assert all(find_problems(s.facts(), TODAY) == [] for s in stories)
    decisions = [
        e for s in stories for e, _ in s.events if e.name == "decision_to_assess_notified"
    ]
    refused = sum(1 for e in decisions if e.kind == "refuse") / len(decisions)
    assert 0.18 < refused < 0.32
    assert {s.last_name for s in stories} <= set(LAST_NAMES)
    assert {s.first_name for s in stories} <= set(FIRST_NAMES)


def test_twenty_week_rate_is_about_half():
    stories = Generator(TODAY, seed=11).caseload(800)
    weeks = []
    for story in stories:
        facts = story.facts()
        final = facts.of("final_plan_issued")
        if final:
            weeks.append((final[0].date - facts.of("request_received")[0].date).days / 7)
    within = sum(1 for w in weeks if w <= 20) / len(weeks)
    assert 0.38 < within < 0.6


def test_query_strings_are_redacted_from_logs():
    line = '"GET /search/?q=Alex+Testington HTTP/1.1" %s'
    record = logging.LogRecord("django.server", logging.INFO, "", 0, line, (200,), None)
    RedactPersonalData().filter(record)
    assert "Testington" not in record.getMessage()
    assert "/search/?[redacted]" in record.getMessage()


def test_the_demo_loads_a_council_with_logins(db):
    from django.contrib.auth import authenticate

    from ehcp.web.cases.models import Case
    from ehcp.web.demo.load import DEMO_PASSWORD, build

    build(TODAY, cases=40, caseworkers=2)
    assert Case.objects.filter(organisation__la_code="999").count() == 40
    assert not Case.objects.filter(next_due__isnull=True, stage="Assessing").exists()
    assert authenticate(username="caseworker@demo.example", password=DEMO_PASSWORD)


def test_the_demo_councils_logins_have_an_app_with_the_published_secret(db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ehcp.web.demo.load import DEMO_TOTP_SECRET, build, demo_code

    build(TODAY, cases=10, caseworkers=1)
    device = TOTPDevice.objects.get(user__username="caseworker@demo.example")
    assert device.confirmed
    assert base64.b32encode(device.bin_key).decode() == DEMO_TOTP_SECRET
    assert device.verify_token(demo_code())
    # The advocates' logins need none (ADR 0021).
    assert not TOTPDevice.objects.filter(user__username="sendiass@demo.example").exists()


def test_the_benchmarks_sessions_give_the_demo_second_factor(
    client, caseworker, real_second_factor
):
    from ehcp.web.demo.load import second_factor_given

    client.force_login(caseworker)
    assert client.get("/dashboard/")["Location"].startswith("/account/second-factor/")
    second_factor_given(client, caseworker)
    assert client.get("/dashboard/").status_code == 200


def test_a_calendar_feeds_secret_is_redacted_from_logs():
    line = '"GET /calendar/feed/s3cr3t-T0ken_x.ics HTTP/1.1" %s'
    record = logging.LogRecord("django.server", logging.INFO, "", 0, line, (200,), None)
    RedactPersonalData().filter(record)
    assert "s3cr3t" not in record.getMessage()
    assert '"GET /calendar/feed/[redacted] HTTP/1.1" 200' == record.getMessage()
