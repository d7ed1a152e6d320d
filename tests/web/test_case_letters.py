"""The council's letters on a case: the notice that fits, its dates from the clock, a check
before sending, and an audit entry for every letter written."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases import services

from .conftest import TODAY


def test_the_letters_page_offers_the_acknowledgement_for_a_new_request(signed_in, case):
    page = signed_in.get(reverse("case-letters", args=[case.reference])).content.decode()
    assert "Acknowledgement: we are considering an EHC needs assessment" in page
    assert "The subject line does not name the child" in page
    assert "Alex Testington" not in page.split("Subject line")[1].split("</dd>")[0]


def test_a_refusal_notice_is_offered_once_the_refusal_is_recorded(signed_in, case, caseworker):
    refusal = services.NewEvent(date(2026, 7, 6), "decision_to_assess_notified", "refuse")
    services.record_event(case, caseworker, refusal, TODAY)
    page = signed_in.get(reverse("case-letters", args=[case.reference])).content.decode()
    assert "Notice of a decision not to carry out an EHC needs assessment" in page
    assert "Complete in the letter:" in page  # the reasons are the council's to write


def test_writing_a_letter_is_audited_and_not_cached(signed_in, case):
    url = reverse("case-letter", args=[case.reference, "C1", "pdf"])
    response = signed_in.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.filter(action="export", case_reference=case.reference).exists()


def test_a_letter_that_does_not_fit_the_case_is_not_found(signed_in, case):
    assert (
        signed_in.get(reverse("case-letter", args=[case.reference, "C5", "pdf"])).status_code
        == 404
    )
    assert (
        signed_in.get(reverse("case-letter", args=[case.reference, "C1", "exe"])).status_code
        == 404
    )
