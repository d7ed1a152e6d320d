import subprocess
from datetime import date

from django.urls import reverse

from ehcp.web.advocacy import reports, services
from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases.models import Case
from tests.web.conftest import make_member, open_case

from .conftest import consent_for


def test_a_councils_member_cannot_open_the_workspace(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("advocacy-dashboard")).status_code == 404


def test_another_offices_case_is_not_found(client, office_case, db):
    from ehcp.web.organisations.models import Organisation

    other = Organisation.objects.create(name="SENDIASS Elsewhere", kind="advocacy")
    client.force_login(make_member(other, "caseworker"))
    url = reverse("advocacy-case", args=[office_case.reference])
    assert client.get(url).status_code == 404


def test_the_dashboard_shows_councils_and_replies_due(client, adviser, office_case, today):
    services.set_council(office_case, adviser, "801")
    consent_for(office_case)
    letter = services.NewLetter(kind="chaser", subject="AT, reference 1", dated=date(2026, 11, 2))
    services.record_letter(office_case, adviser, letter, today)
    client.force_login(adviser)
    page = client.get(reverse("advocacy-dashboard")).content.decode()
    assert "/statistics/councils/801/" in page
    assert "9 November 2026" in page
    assert "Overdue" in page
    assert "A formal complaint (stage 1)" in page
    assert AuditEntry.objects.filter(what="Advocacy dashboard").exists()


def test_recording_consent_through_the_form(client, adviser, office_case):
    client.force_login(adviser)
    url = reverse("advocacy-consent", args=[office_case.reference])
    form = {
        "given_by": "Pat Testington",
        "relationship": "parent",
        "given_for": "young_person",
        "given_on_0": "1",
        "given_on_1": "7",
        "given_on_2": "2026",
        "how": "email",
        "scope": "Contact the council",
        "basis": "elected_representative",
    }
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert "could not be obtained" in refused.content.decode()
    assert client.post(url, form | {"capacity_note": "Lacks capacity"}).status_code == 302
    assert office_case.consents.get().capacity_note == "Lacks capacity"


def test_the_letter_pdf_waits_for_consent(client, adviser, office_case):
    client.force_login(adviser)
    url = reverse("advocacy-letter-pdf", args=[office_case.reference, "F12"])
    assert client.get(url).status_code == 302
    consent_for(office_case)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert AuditEntry.objects.filter(action="export", what="Letter F12 PDF").exists()


def test_the_family_summary_marks_each_deadline(client, adviser, office_case, tmp_path):
    client.force_login(adviser)
    response = client.get(reverse("advocacy-summary", args=[office_case.reference]))
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Summary of Alex Testington" in text
    assert "Missed: not done yet" in text  # the decision on assessment (A1)
    assert "Next steps" in text
    assert "Page 2" not in text
    assert text.count("\f") == 1


def test_figures_suppress_small_numbers(office, adviser, today):
    cases = [open_case(office, adviser, received=date(2026, 1, 5)) for _ in range(5)]
    for case in cases[:4]:
        services.set_council(case, adviser, "801")
    services.set_council(cases[4], adviser, "302")
    rows = reports.figures(Case.objects.filter(organisation=office), today)
    bristol = next(r for r in rows if "Bristol" in r.council and r.month == "2026-02")
    assert bristol.counts["decision"] == 4
    assert bristol.shown("decision") == "fewer than 5"
    assert bristol.shown("review") == "0"
    csv = reports.figures_csv(rows)
    assert "fewer than 5" in csv
    assert ",4," not in csv


def test_figures_at_five_are_shown(office, adviser, today):
    for _ in range(5):
        services.set_council(open_case(office, adviser, received=date(2026, 1, 5)), adviser, "801")
    rows = reports.figures(Case.objects.filter(organisation=office), today)
    assert next(r for r in rows if r.month == "2026-02").shown("decision") == "5"


def test_csv_cells_cannot_run_as_formulas():
    row = reports.FigureRow("=HYPERLINK(1)", "2026-02", {"decision": 7})
    text = reports.figures_csv([row])
    assert "'=HYPERLINK(1)" in text
    assert reports.safe_cell("-1") == "'-1"
    assert reports.safe_cell("Bristol") == "Bristol"


def test_the_figures_csv_download_is_audited(client, adviser, office_case):
    client.force_login(adviser)
    response = client.get(reverse("advocacy-figures") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert AuditEntry.objects.filter(action="export", what="Missed time limits CSV").exists()


def test_a_manager_deletes_a_closed_case(client, office, adviser, office_case, today):
    services.close_case(office_case, adviser, date(2025, 1, 1), today)
    manager = make_member(office, "manager")
    client.force_login(manager)
    assert office_case.reference in client.get(reverse("advocacy-retention")).content.decode()
    response = client.post(reverse("advocacy-delete", args=[office_case.reference]))
    assert response.status_code == 302
    assert not Case.objects.filter(pk=office_case.pk).exists()
    assert AuditEntry.objects.filter(what__startswith="Case deleted").exists()
