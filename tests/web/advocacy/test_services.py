from datetime import date

import pytest

from ehcp.web.advocacy import services
from ehcp.web.advocacy.councils import council_choices, council_name
from ehcp.web.advocacy.models import Correspondence
from ehcp.web.cases.models import Case, SearchName
from ehcp.web.cases.services import NewRequest, open_request
from ehcp.web.people.models import Child

from .conftest import consent_for

CHASER = services.NewLetter(kind="chaser", subject="AT, reference 1", dated=date(2026, 11, 2))


def test_the_council_list_comes_from_the_dfe_releases():
    codes = dict(council_choices())
    assert "Bristol" in codes["801"]
    assert "835" not in codes  # Dorset before 2019: kept for old cases, not offered
    assert council_name("835") == "Dorset"
    assert council_name("") == "Council not recorded"


def test_setting_the_council_names_it_on_the_case(office_case, adviser):
    services.set_council(office_case, adviser, "801")
    office_case.refresh_from_db()
    assert office_case.advocacy.council_code == "801"
    assert "Bristol" in office_case.council_name
    with pytest.raises(services.AdvocacyError, match="Select the council"):
        services.set_council(office_case, adviser, "999")


def test_no_letter_to_the_council_without_consent(office_case, adviser, today):
    with pytest.raises(services.AdvocacyError, match="Record the family's consent"):
        services.record_letter(office_case, adviser, CHASER, today)
    assert not Correspondence.objects.exists()


def test_a_letter_to_someone_else_needs_no_consent(office_case, adviser, today):
    letter = services.NewLetter(
        kind="mp_to_department", subject="x", dated=date(2026, 11, 2), to_council=False
    )
    row = services.record_letter(office_case, adviser, letter, today)
    assert row.response_due == date(2026, 11, 30)  # 20 working days


def test_consent_lets_a_chaser_through_with_its_reply_due_in_5_working_days(
    office_case, adviser, today
):
    consent_for(office_case)
    row = services.record_letter(office_case, adviser, CHASER, today)
    assert row.response_due == date(2026, 11, 9)


def test_no_letter_after_consent_is_withdrawn(office_case, adviser, today):
    consent = consent_for(office_case)
    services.withdraw_consent(office_case, adviser, consent, date(2026, 10, 1), today)
    with pytest.raises(services.AdvocacyError, match="no consent in force"):
        services.record_letter(office_case, adviser, CHASER, today)
    # A letter sent before the withdrawal can still be logged.
    earlier = services.NewLetter(kind="chaser", subject="x", dated=date(2026, 9, 1))
    assert services.record_letter(office_case, adviser, earlier, today).pk


def test_withdrawal_dates_are_checked(office_case, adviser, today):
    consent = consent_for(office_case)
    with pytest.raises(services.AdvocacyError, match="between the consent date and today"):
        services.withdraw_consent(office_case, adviser, consent, date(2026, 6, 1), today)


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        ("chaser", date(2026, 11, 9)),
        ("complaint_1", date(2026, 11, 16)),
        ("pre_action", date(2026, 11, 16)),
        ("subject_access", date(2026, 12, 2)),
        ("mp_to_council", date(2026, 11, 16)),
    ],
)
def test_reply_due_defaults(kind, due):
    assert services.default_response_due(kind, date(2026, 11, 2)) == due


def test_an_edited_reply_date_is_kept(office_case, adviser, today):
    consent_for(office_case)
    letter = services.NewLetter(
        kind="chaser", subject="x", dated=date(2026, 11, 2), response_due=date(2026, 11, 20)
    )
    assert services.record_letter(office_case, adviser, letter, today).response_due == date(
        2026, 11, 20
    )


def test_an_unanswered_letter_suggests_the_next_rung(office_case, adviser, today):
    consent_for(office_case)
    row = services.record_letter(office_case, adviser, CHASER, today)
    waiting = list(services.awaiting_reply(Case.objects.all()))
    assert waiting == [row]
    assert services.next_chaser(row, today) == "A formal complaint (stage 1)"
    services.record_reply(office_case, adviser, row, date(2026, 11, 10), "", today)
    assert list(services.awaiting_reply(Case.objects.all())) == []


def test_closed_cases_are_due_for_review_after_the_retention_months(office_case, adviser, today):
    services.close_case(office_case, adviser, date(2025, 11, 21), today)
    assert services.due_for_review(Case.objects.all(), today, 12) == []
    services.close_case(office_case, adviser, date(2025, 11, 20), today)
    assert [r.case for r in services.due_for_review(Case.objects.all(), today, 12)] == [
        office_case
    ]
    assert services.due_for_review(Case.objects.all(), today, 13) == []


def test_deleting_a_closed_case_erases_the_child(office_case, adviser, today):
    consent_for(office_case)
    with pytest.raises(services.AdvocacyError, match="Only a closed case"):
        services.delete_case(office_case, adviser)
    services.close_case(office_case, adviser, date(2025, 1, 1), today)
    services.delete_case(office_case, adviser)
    assert not Case.objects.exists()
    assert not Child.objects.exists()
    assert not SearchName.objects.exists()  # the child's names, kept for search


def test_deleting_a_case_keeps_the_names_another_case_has(office, office_case, adviser, today):
    kept = office_case.child
    new = NewRequest("Kit", kept.last_name, kept.date_of_birth, date(2026, 6, 1))
    open_request(office, adviser, new, today)
    services.close_case(office_case, adviser, date(2025, 1, 1), today)
    services.delete_case(office_case, adviser)
    left = SearchName.objects.filter(organisation=office).values_list("name", flat=True)
    assert set(left) == {"KIT", kept.last_name.upper()}
