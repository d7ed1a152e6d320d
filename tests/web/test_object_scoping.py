"""Object-level scoping through one's own case's URLs: an id or token that belongs to another
organisation's case reaches nothing, even on a page one may open. And the lists that filter
by organisation or caseworker show exactly their own rows, checked against a positive control
so that a filter that was dropped would fail."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcp.web import caching
from ehcp.web.audit.models import AuditEntry
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries, services
from ehcp.web.cases.models import CaseEvent
from ehcp.web.organisations.models import Role

from .conftest import TODAY, make_member, open_case


def test_another_organisations_event_cannot_be_retracted_through_ones_own_case(
    signed_in, case, other_case
):
    theirs = other_case.events.get()
    response = signed_in.post(reverse("retract-event", args=[case.reference, theirs.pk]))
    assert response.status_code == 404
    assert CaseEvent.objects.filter(retracts=theirs).count() == 0
    # The positive control: one's own event is retracted through the same URL.
    mine = case.events.get()
    signed_in.post(reverse("retract-event", args=[case.reference, mine.pk]))
    assert CaseEvent.objects.filter(retracts=mine).count() == 1


def test_another_organisations_document_cannot_be_read_through_ones_own_case(
    signed_in, case, other_case, caseworker
):
    upload = SimpleUploadedFile("plan.txt", b"theirs", content_type="text/plain")
    outsider = make_member(other_case.organisation, Role.MANAGER, "outsider@902.example")
    theirs = services.store_document(other_case, outsider, "Plan", upload)
    url = reverse("document", args=[case.reference, theirs.token])
    assert signed_in.get(url).status_code == 404
    upload = SimpleUploadedFile("plan.txt", b"mine", content_type="text/plain")
    mine = services.store_document(case, caseworker, "Plan", upload)
    response = signed_in.get(reverse("document", args=[case.reference, mine.token]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"mine"


def _advice_asked(case, user):
    # Advice asked for on Monday 8 June 2026 (due Monday 20 July 2026, long overdue by
    # Friday 20 November 2026), on a request received Monday 1 June 2026.
    new = services.NewEvent(date(2026, 6, 8), "advice_requested", "health", party="EP")
    services.record_event(case, user, new, TODAY)


def test_both_advice_tracker_queries_count_only_the_organisations_own_advice(
    case, caseworker, other_case
):
    _advice_asked(case, caseworker)
    _advice_asked(
        other_case, make_member(other_case.organisation, Role.MANAGER, "adviser@902.example")
    )
    (line,) = queries.advice_by_service(case.organisation, TODAY)
    assert (line["total"], line["waiting"], line["overdue_now"]) == (1, 1, 1)
    overdue = list(queries.overdue_advice(case.organisation, TODAY))
    assert [clock.case_id for clock in overdue] == [case.pk]


def test_the_advice_tracker_page_shows_only_the_organisations_own_cases(
    signed_in, case, caseworker, other_case
):
    _advice_asked(case, caseworker)
    _advice_asked(
        other_case, make_member(other_case.organisation, Role.MANAGER, "adviser@902.example")
    )
    body = signed_in.get(reverse("advice")).content.decode()
    assert case.reference in body
    assert other_case.reference not in body


def test_the_case_list_caseworker_filter_shows_only_their_cases(client, council, caseworker):
    colleague = make_member(council, Role.CASEWORKER, "colleague@council.example")
    mine = open_case(council, caseworker)
    mine.caseworker = caseworker
    mine.save(update_fields=["caseworker"])
    caching.caseload_changed(council.pk)
    theirs = open_case(council, colleague, date(2026, 6, 2))
    theirs.caseworker = colleague
    theirs.save(update_fields=["caseworker"])
    caching.caseload_changed(council.pk)
    client.force_login(caseworker)
    body = client.get(reverse("case-list") + f"?caseworker={caseworker.pk}").content.decode()
    assert mine.reference in body
    assert theirs.reference not in body
    everyone = client.get(reverse("case-list")).content.decode()
    assert mine.reference in everyone
    assert theirs.reference in everyone


def test_the_audit_log_shows_the_organisations_own_entries_and_no_others(
    client, council, other_case
):
    manager = make_member(council, Role.MANAGER)
    audit(manager, "view", "Own page marker", "901-OWN-1")
    stranger = make_member(other_case.organisation, Role.MANAGER)
    audit(stranger, "view", "Their page marker", "902-THEIRS-1")
    client.force_login(manager)
    body = client.get(reverse("audit")).content.decode()
    assert "901-OWN-1" in body  # the positive control: the log does show entries
    assert "902-THEIRS-1" not in body
    assert AuditEntry.objects.filter(case_reference="902-THEIRS-1").exists()
    filtered = client.get(reverse("audit") + "?case=902-THEIRS-1").content.decode()
    assert "902-THEIRS-1" not in filtered.split("<table", 1)[-1]
