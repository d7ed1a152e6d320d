"""Pages and forms: what a caseworker sees and the messages they get."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ehcp.web.accounts.backends import MemberBackend
from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases import services
from ehcp.web.cases.models import Case

from .conftest import PASSWORD, TODAY


def date_fields(prefix, day):
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def test_sign_in_and_out(client, caseworker):
    response = client.post(reverse("sign-in"), {"email": caseworker.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert client.get(reverse("dashboard")).status_code == 200
    client.post(reverse("sign-out"))
    assert client.get(reverse("dashboard")).status_code == 302
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"sign_in", "sign_out"} <= actions


def test_sign_in_is_throttled_after_repeated_failures(client, caseworker):
    for _ in range(5):
        bad = client.post(reverse("sign-in"), {"email": caseworker.email, "password": "wrong"})
        assert "Enter a correct email address and password" in bad.content.decode()
    good = client.post(reverse("sign-in"), {"email": caseworker.email, "password": PASSWORD})
    assert good.status_code == 400
    assert "too many times" in good.content.decode()


def test_sign_in_refuses_an_offsite_next_url(client, caseworker):
    data = {"email": caseworker.email, "password": PASSWORD, "next": "https://evil.example/"}
    assert client.post(reverse("sign-in"), data)["Location"] == "/dashboard/"


def test_security_headers_and_cookies(client, caseworker):
    response = client.post(reverse("sign-in"), {"email": caseworker.email, "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert session["secure"]
    assert session["httponly"]
    page = client.get(reverse("dashboard"))
    assert "default-src 'self'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_forms_need_the_csrf_token(caseworker, case):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(caseworker)
    response = strict.post(reverse("record-event", args=[case.reference]), {"name": "moved"})
    assert response.status_code == 403


def test_recording_the_final_plan_through_the_form(signed_in, case, caseworker):
    for day, name, kind in (
        (date(2026, 7, 6), "decision_to_assess_notified", "assess"),
        (date(2026, 9, 1), "draft_plan_served", ""),
    ):
        services.record_event(case, caseworker, services.NewEvent(day, name, kind), TODAY)
    data = {"name": "final_plan_issued", **date_fields("date", date(2026, 10, 1))}
    response = signed_in.post(reverse("record-event", args=[case.reference]), data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == "Plan in place"
    page = signed_in.get(reverse("case", args=[case.reference])).content.decode()
    assert "Final plan issued" in page


def test_impossible_dates_get_a_plain_message(signed_in, case):
    data = {"name": "draft_plan_served", **date_fields("date", date(2026, 7, 1))}
    data["date_0"] = "31"
    data["date_1"] = "2"
    response = signed_in.post(reverse("record-event", args=[case.reference]), data)
    assert response.status_code == 400
    assert "Date it happened must be a real date" in response.content.decode()


def test_impossible_sequences_get_the_clocks_message(signed_in, case, caseworker):
    decided = services.NewEvent(date(2026, 7, 6), "decision_to_assess_notified", "assess")
    services.record_event(case, caseworker, decided, TODAY)
    data = {"name": "draft_plan_served", **date_fields("date", date(2026, 7, 1))}
    response = signed_in.post(reverse("record-event", args=[case.reference]), data)
    assert response.status_code == 400
    assert "a draft plan cannot be served before the decision to assess" in (
        response.content.decode().lower()
    )


def test_a_wrong_kind_is_refused_with_the_choices(signed_in, case):
    data = {"name": "advice_requested", "kind": "dentist", **date_fields("date", TODAY)}
    response = signed_in.post(reverse("record-event", args=[case.reference]), data)
    assert "Choose a kind this event has: educational psychology" in response.content.decode()


def test_opening_a_new_request(signed_in, caseworker):
    data = {
        "first_name": "Sam",
        "last_name": "Sampleford",
        "caseworker": str(caseworker.pk),
        **date_fields("date_of_birth", date(2016, 2, 1)),
        **date_fields("received_on", date(2026, 11, 2)),
    }
    response = signed_in.post(reverse("new-request"), data)
    case = Case.objects.get(child__last_name="Sampleford")
    assert response["Location"] == reverse("case", args=[case.reference])
    assert case.caseworker == caseworker


def test_a_request_in_the_future_is_refused(signed_in):
    data = {
        "first_name": "Sam",
        "last_name": "Sampleford",
        **date_fields("date_of_birth", date(2016, 2, 1)),
        **date_fields("received_on", date(2099, 1, 1)),
    }
    response = signed_in.post(reverse("new-request"), data)
    assert response.status_code == 400
    assert "after today" in response.content.decode()


def test_viewing_and_exporting_a_case_are_audited(signed_in, case):
    signed_in.get(reverse("case", args=[case.reference]))
    export = signed_in.get(reverse("export-case", args=[case.reference]))
    assert export.content.decode().splitlines()[1].startswith("2026-06-01,request_received")
    actions = set(
        AuditEntry.objects.filter(case_reference=case.reference).values_list("action", flat=True)
    )
    assert {"view", "export", "change"} <= actions


def test_audit_entries_hold_no_personal_details(signed_in, case):
    signed_in.get(reverse("case", args=[case.reference]))
    signed_in.get(reverse("search") + "?q=Testington")
    text = " ".join(AuditEntry.objects.values_list("what", flat=True))
    assert "Testington" not in text
    assert "Alex" not in text


def test_search_by_name_birth_date_upn_and_reference(signed_in, case):
    for query in (
        "Testington",
        "alex testington",
        "01/05/2015",
        "2015-05-01",
        "Z12345678901A",
        case.reference,
    ):
        body = signed_in.get(reverse("search"), {"q": query}).content.decode()
        assert case.reference in body, query
    body = signed_in.get(reverse("search"), {"q": "Nobody"}).content.decode()
    assert "0 cases found" in body


def test_dashboard_counts_and_filters(signed_in, council, caseworker):
    from .conftest import open_case

    due_soon = open_case(council, caseworker, received=date(2026, 10, 20))
    overdue = open_case(council, caseworker, received=date(2026, 6, 1))
    response = signed_in.get(reverse("dashboard"), {"view": "team"})
    assert response.context["counts"]["overdue"] == 1
    assert response.context["counts"]["total"] == 2
    page = signed_in.get(reverse("case-list"), {"due": "overdue"}).content.decode()
    assert overdue.reference in page
    assert due_soon.reference not in page


def test_documents_upload_and_download(signed_in, case, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("ep.txt", b"EP advice", content_type="text/plain")
    signed_in.post(
        reverse("upload-document", args=[case.reference]), {"title": "EP advice", "file": upload}
    )
    document = case.documents.get()
    assert not str(document.file.path).startswith(str(settings.STATIC_ROOT))
    response = signed_in.get(reverse("document", args=[case.reference, document.token]))
    assert b"".join(response.streaming_content) == b"EP advice"


def test_documents_of_the_wrong_type_are_refused(signed_in, case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")
    response = signed_in.post(
        reverse("upload-document", args=[case.reference]), {"title": "Virus", "file": upload}
    )
    assert response.status_code == 400
    assert not case.documents.exists()


def test_the_signed_in_user_is_read_once_at_the_start_of_the_request(
    client, caseworker, monkeypatch
):
    assert type(client.get(reverse("health")).wsgi_request.user) is AnonymousUser
    client.force_login(caseworker)
    reads = []
    original = MemberBackend.get_user
    monkeypatch.setattr(MemberBackend, "get_user", lambda *a: reads.append(1) or original(*a))
    user = client.get(reverse("dashboard")).wsgi_request.user
    assert type(user) is type(caseworker)
    assert user.pk == caseworker.pk
    assert len(reads) == 1
