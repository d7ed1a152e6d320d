"""Planning: annual reviews due in the next 1, 3 or 6 months by caseworker and setting, the
phase transfer cohort for next September, and a setting's review invitations in one go."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from ehcp.rules import Status
from ehcp.web.audit.models import AuditEntry
from ehcp.web.organisations.models import Setting
from ehcp.web.reminders import planning

from ..conftest import TODAY
from ..queue import run_queued_jobs
from .helpers import REQUEST, make_case, plan

pytestmark = pytest.mark.django_db

# Today is Fri 20 Nov 2026: 1 month ahead is Sun 20 Dec 2026, 3 months Sat 20 Feb 2027 and
# 6 months Thu 20 May 2027. A first review is due 12 months from the plan, counting the day
# it was issued as the first.
TO_SECONDARY = (date(2027, 9, 1), "phase_transfer", "primary_to_secondary")  # Wed 1 Sep 2027
TO_POST16 = (date(2027, 9, 1), "phase_transfer", "secondary_to_post16")
LAST_YEAR = (date(2026, 9, 1), "phase_transfer", "primary_to_secondary")  # Tue 1 Sep 2026


@pytest.fixture
def settings_register(db: None) -> dict[str, Setting]:
    return {
        "oak": Setting.objects.create(name="Oak Primary", urn="100001"),
        "elm": Setting.objects.create(name="Elm Academy", urn="100002"),
    }


@pytest.fixture
def reviews(council: Any, caseworker: Any, settings_register: dict[str, Setting]) -> dict:
    oak, elm = settings_register["oak"], settings_register["elm"]

    def case(issued: date, setting: Setting, first: str) -> Any:
        events = plan(issued)
        return make_case(
            council, caseworker, *events, caseworker=caseworker, setting=setting, first=first
        )

    return {
        "late": case(date(2025, 11, 3), oak, "Ann"),  # due Mon 2 Nov 2026: overdue
        "soon": case(date(2025, 12, 1), oak, "Ben"),  # due Mon 30 Nov 2026
        "edge": case(date(2025, 12, 21), oak, "Cat"),  # due Sun 20 Dec 2026: the last day in
        "after": case(date(2025, 12, 22), elm, "Dan"),  # due Mon 21 Dec 2026: 3 months
        "spring": case(date(2026, 3, 5), elm, "Eve"),  # due Thu 4 Mar 2027: 6 months
        "no_plan": make_case(council, caseworker, REQUEST, caseworker=caseworker, first="Fay"),
    }


def references(rows: list[planning.Row]) -> list[str]:
    return [row.reference for row in rows]


def test_reviews_due_within_a_month_include_the_overdue_and_the_last_day(
    council: Any, reviews: dict
) -> None:
    rows = planning.reviews_due(council, TODAY, 1)
    assert references(rows) == [reviews[k].reference for k in ("late", "soon", "edge")]
    assert [row.deadline.due for row in rows] == [
        date(2026, 11, 2),
        date(2026, 11, 30),
        date(2026, 12, 20),
    ]
    assert rows[0].deadline.status is Status.OVERDUE
    assert rows[0].setting == "Oak Primary"
    assert rows[0].child_name == "Ann Testington"


def test_a_longer_horizon_takes_in_the_later_reviews(council: Any, reviews: dict) -> None:
    three = references(planning.reviews_due(council, TODAY, 3))
    six = references(planning.reviews_due(council, TODAY, 6))
    assert reviews["after"].reference in three
    assert reviews["spring"].reference not in three
    assert reviews["spring"].reference in six
    assert reviews["no_plan"].reference not in six


def test_reviews_are_counted_by_caseworker_and_setting(council: Any, reviews: dict) -> None:
    rows = planning.reviews_due(council, TODAY, 3)
    assert planning.counts(rows, "setting") == [("Oak Primary", 3), ("Elm Academy", 1)]
    assert planning.counts(rows, "caseworker") == [("Caseworker User", 4)]


def test_another_organisations_reviews_are_not_shown(
    signed_in: Any, reviews: dict, other_council: Any, settings_register: dict
) -> None:
    from ehcp.web.organisations.models import Role

    from ..conftest import make_member

    stranger = make_member(other_council, Role.CASEWORKER)
    theirs = make_case(other_council, stranger, *plan(date(2025, 12, 1)), first="Zed")
    page = signed_in.get(reverse("review-planning") + "?within=6").content.decode()
    assert reviews["soon"].reference in page
    assert theirs.reference not in page


def test_the_review_page_filters_by_horizon_and_setting(
    signed_in: Any, reviews: dict, settings_register: dict
) -> None:
    elm = settings_register["elm"]
    page = signed_in.get(reverse("review-planning") + "?within=1").content.decode()
    assert reviews["edge"].reference in page
    assert reviews["after"].reference not in page
    assert ">20 December 2026<" in page  # Sun 20 Dec 2026
    page = signed_in.get(reverse("review-planning") + f"?within=6&setting={elm.pk}")
    text = page.content.decode()
    assert reviews["spring"].reference in text
    assert reviews["soon"].reference not in text
    assert "Download the review invitations for Elm Academy" in text
    assert AuditEntry.objects.filter(what="Annual reviews due within 6 months").exists()


@pytest.mark.parametrize("within", ["", "2", "abc", "-1"])
def test_an_unknown_horizon_shows_three_months(signed_in: Any, reviews: dict, within: str) -> None:
    response = signed_in.get(reverse("review-planning") + f"?within={within}&setting=x")
    assert response.status_code == 200
    page = response.content.decode()
    assert reviews["after"].reference in page
    assert reviews["spring"].reference not in page


def test_a_settings_invitations_come_in_one_zip_each_audited(
    signed_in: Any, reviews: dict, settings_register: dict
) -> None:
    oak = settings_register["oak"]
    response = signed_in.post(reverse("review-letters"), {"within": "1", "setting": oak.pk})
    assert response.status_code == 302
    job = response["Location"]
    assert "Waiting to start" in signed_in.get(job).content.decode()
    assert run_queued_jobs() == 1
    page = signed_in.get(job).content.decode()
    assert "3 invitation letters written" in page
    assert "Written 3 of 3 letters." in page
    response = signed_in.get(job + "download/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    expected = sorted(f"{reviews[k].reference}-C11.docx" for k in ("late", "soon", "edge"))
    assert sorted(archive.namelist()) == expected
    soon = archive.read(f"{reviews['soon'].reference}-C11.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(soon)).paragraphs)
    assert "Invitation to Ben Testington's annual review" in text
    assert "This review must be completed by Monday 30 November 2026." in text
    assert "SEND Regulations 2014 reg 20" in text
    audited = AuditEntry.objects.filter(action="letter", what__startswith="C11")
    assert sorted(audited.values_list("case_reference", flat=True)) == sorted(
        reviews[k].reference for k in ("late", "soon", "edge")
    )


@pytest.mark.parametrize("setting", ["", "abc", "999999"])
def test_invitations_without_a_setting_with_reviews_say_what_to_do(
    signed_in: Any, reviews: dict, setting: str
) -> None:
    response = signed_in.post(
        reverse("review-letters"), {"within": "3", "setting": setting}, follow=True
    )
    assert response.status_code == 200
    assert "Choose a setting with reviews due to write its invitations" in (
        response.content.decode()
    )


def test_a_read_only_member_cannot_write_invitations(
    client: Any, members: dict, reviews: dict, settings_register: dict
) -> None:
    client.force_login(members["read_only"])
    data = {"within": "1", "setting": settings_register["oak"].pk}
    assert client.post(reverse("review-letters"), data).status_code == 403


@pytest.mark.parametrize(
    ("today", "september"),
    [
        (date(2026, 8, 31), date(2026, 9, 1)),  # Mon 31 Aug 2026: this year's
        (date(2026, 9, 1), date(2027, 9, 1)),  # Tue 1 Sep 2026: next year's
        (date(2027, 1, 15), date(2027, 9, 1)),  # Fri 15 Jan 2027
    ],
)
def test_next_september_turns_over_on_the_first(today: date, september: date) -> None:
    assert planning.next_september(today) == september


@pytest.fixture
def cohort(council: Any, caseworker: Any) -> dict:
    def case(first: str, *extra: tuple[date, str, str]) -> Any:
        events = (*plan(date(2025, 12, 1)), *extra)
        return make_case(council, caseworker, *events, caseworker=caseworker, first=first)

    return {
        "secondary": case("Gus", TO_SECONDARY),
        "post16": case("Hal", TO_POST16),
        "last_year": case("Ivy", LAST_YEAR),
        "none": case("Jo"),
    }


def test_the_cohort_is_next_septembers_moves_with_their_deadlines(
    council: Any, cohort: dict
) -> None:
    rows = planning.transfer_cohort(council, TODAY)
    assert references(rows) == [cohort["secondary"].reference, cohort["post16"].reference]
    secondary, post16 = rows
    # Before 15 February: by Sun 14 Feb 2027, the notice by Sat 30 Jan 2027 to leave 15 days.
    assert secondary.deadline.key == "P1"
    assert secondary.deadline.due == date(2027, 2, 14)
    assert secondary.deadline.status is Status.NOT_YET_DUE
    assert secondary.notice_by is not None
    assert secondary.notice_by.due == date(2027, 1, 30)
    # Before 31 March: by Tue 30 Mar 2027, the notice by Mon 15 Mar 2027.
    assert post16.deadline.key == "P2"
    assert post16.deadline.due == date(2027, 3, 30)
    assert post16.notice_by is not None
    assert post16.notice_by.due == date(2027, 3, 15)


@pytest.mark.parametrize(
    ("age", "first", "last"),
    [
        (4, date(2022, 9, 1), date(2023, 8, 31)),  # Thu 1 Sep 2022 to Thu 31 Aug 2023
        (11, date(2015, 9, 1), date(2016, 8, 31)),  # Tue 1 Sep 2015 to Wed 31 Aug 2016
        (16, date(2010, 9, 1), date(2011, 8, 31)),  # Wed 1 Sep 2010 to Wed 31 Aug 2011
    ],
)
def test_the_year_group_that_moves_in_september_2027(age: int, first: date, last: date) -> None:
    assert planning.born_for_move(date(2027, 9, 1), age) == (first, last)


def test_children_moving_by_age_with_no_move_recorded_are_listed(
    council: Any, caseworker: Any, cohort: dict
) -> None:
    def child(first: str, born: date, *events: tuple[date, str, str]) -> Any:
        return make_case(
            council, caseworker, *events, caseworker=caseworker, first=first, born=born
        )

    first_day = child("Kai", date(2015, 9, 1), *plan(date(2025, 12, 1)))
    last_day = child("Kim", date(2016, 8, 31), *plan(date(2025, 12, 1)))
    child("Lea", date(2015, 8, 31), *plan(date(2025, 12, 1)))  # moved in September 2026
    child("Mo", date(2015, 9, 1), REQUEST)  # no plan yet
    rows, unrecorded = planning.cohort_and_unrecorded(council, TODAY)
    assert [row.reference for row in unrecorded] == [first_day.reference, last_day.reference]
    assert {row.move for row in unrecorded} == {"Primary to secondary"}
    assert cohort["secondary"].reference not in [row.reference for row in unrecorded]


def test_the_cohort_page_shows_each_status(signed_in: Any, cohort: dict) -> None:
    page = signed_in.get(reverse("transfer-planning")).content.decode()
    assert "Phase transfers for September 2027" in page
    assert cohort["secondary"].reference in page
    assert cohort["last_year"].reference not in page
    assert cohort["none"].reference not in page
    assert "2 moves in September 2027" in page
    assert "Moving by age, with no move recorded" in page
    assert AuditEntry.objects.filter(what="Phase transfer cohort").exists()


def test_the_dashboard_links_to_the_planning_pages_and_the_feed(signed_in: Any) -> None:
    page = signed_in.get(reverse("dashboard")).content.decode()
    for name in ("review-planning", "transfer-planning", "calendar-subscription"):
        assert reverse(name) in page


MEETING = (date(2026, 10, 19), "review_meeting_held", "")  # Mon 19 Oct 2026
KEPT = (date(2026, 11, 2), "review_decision_notified", "keep")  # Mon 2 Nov 2026


def test_a_review_decided_this_autumn_is_not_due_for_a_year(council: Any, caseworker: Any) -> None:
    case = make_case(council, caseworker, *plan(date(2025, 12, 1)), MEETING, KEPT)
    assert case.reference not in references(planning.reviews_due(council, TODAY, 6))
    # The next review runs from the decision: due by Mon 1 Nov 2027.
    assert case.reference in references(planning.reviews_due(council, date(2027, 9, 6), 3))


def test_a_retracted_review_decision_leaves_the_review_due(council: Any, caseworker: Any) -> None:
    from ehcp.web.cases import services

    case = make_case(council, caseworker, *plan(date(2025, 12, 1)), MEETING, KEPT)
    decision = case.events.get(name="review_decision_notified")
    services.retract_event(case, caseworker, decision, TODAY)
    rows = planning.reviews_due(council, TODAY, 1)
    assert references(rows) == [case.reference]
    assert rows[0].deadline.due == date(2026, 11, 30)  # Mon 30 Nov 2026, from the plan


def test_the_reviews_only_schedule_agrees_with_the_whole_clock(
    council: Any, reviews: dict
) -> None:
    from ehcp.web.cases import queries

    for row in planning.reviews_due(council, TODAY, 6):
        case = queries.get_case(council, row.reference)
        whole = [d for d in queries.case_view(case, TODAY).deadlines if d.key == row.deadline.key]
        assert whole == [row.deadline]


def test_no_invitation_is_written_for_a_case_with_no_review_to_hold(
    council: Any, caseworker: Any
) -> None:
    from ehcp.web.reminders import letters

    case = make_case(council, caseworker, REQUEST)
    assert letters.invitation(council, case.reference, TODAY) is None
    row = planning.Row(case.reference, "", None, "", None, "", deadline=None)  # type: ignore[arg-type]
    body, written = letters.invitations_zip(council, caseworker, [row], TODAY)
    assert written == 0
    assert zipfile.ZipFile(io.BytesIO(body)).namelist() == []


def test_schedules_are_read_in_chunks_with_the_same_answer(
    council: Any, reviews: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ehcp.web.reminders import schedules

    whole = planning.reviews_due(council, TODAY, 6)
    monkeypatch.setattr(schedules, "CHUNK", 2)
    assert planning.reviews_due(council, TODAY, 6) == whole
