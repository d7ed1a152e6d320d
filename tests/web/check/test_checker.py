"""Check your child's EHC dates: the questions, the result, the downloads, and that nothing a
family enters is kept."""

from __future__ import annotations

import json
import logging
from datetime import date

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from ehcp.web.check import views

TODAY = date(2025, 12, 10)  # a Wednesday


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: TODAY)


def post(client, data, name="check-question", **kwargs):
    return client.post(reverse(name, kwargs=kwargs or None), data)


REFUSED = {
    "a:start": "request",
    "a:sent": "email",
    "a:sent_on": "2025-09-01",
    "a:decision": "refuse",
    "a:decision_on": "2025-10-06",
    "a:adviser": "no",
    "a:appeal": "no",
}


def answer(client, answers, key, choice, day=None):
    data = {**answers, "q": key, "answer": choice}
    if day:
        data |= {"day_0": str(day.day), "day_1": str(day.month), "day_2": str(day.year)}
    return post(client, data)


def test_the_start_page_needs_no_sign_in(client):
    response = client.get(reverse("check"))
    assert response.status_code == 200
    assert "Check your child's EHC dates" in response.content.decode()


def test_one_question_per_page_in_plain_words(client):
    first = client.get(reverse("check-question")).content.decode()
    assert "Where are you in the process?" in first
    second = answer(client, {}, "start", "request").content.decode()
    assert "How did you send your request to the council?" in second
    assert 'name="a:start" value="request"' in second
    assert "request_received" not in second
    assert "A1" not in second


def test_a_refused_request_shows_the_appeal_date_first(client):
    page = post(client, REFUSED).content.decode()
    family = page.index("The dates you must act by")
    council = page.index("What the council must do")
    appeal = page.index("Latest date for the Tribunal to receive an appeal")
    assert family < appeal < council
    assert "Monday 8 December 2025" in page  # 2 months after Mon 6 Oct, moved off Saturday
    assert "Window closed on Mon 8 Dec 2025" in page
    assert "How this was worked out" in page
    assert "decision_to_assess_notified" not in page


def test_a_missed_decision_offers_the_chaser(client):
    answers = {**REFUSED, "a:decision": "no"}
    del answers["a:decision_on"], answers["a:adviser"], answers["a:appeal"]
    page = post(client, answers).content.decode()
    assert "Chaser: the decision on assessment is late" in page
    response = post(client, answers | {"your_name": "Sam", "letter": "F2.pdf"}, "check-letter")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"


def test_a_letter_the_clock_does_not_allow_is_explained(client):
    response = post(client, REFUSED | {"letter": "F2.docx"}, "check-letter")
    assert response.status_code == 400
    assert "only for when the clock says overdue" in response.content.decode()


@pytest.mark.parametrize("chosen", [None, "F2", "F2.exe", ".pdf", "F99.pdf"])
def test_a_letter_not_on_offer_in_word_or_pdf_is_refused_plainly(client, chosen):
    data = REFUSED | ({"letter": chosen} if chosen else {})
    response = post(client, {**data, "a:decision": "no"}, "check-letter")
    assert response.status_code == 400
    assert "This letter is not ready" in response.content.decode()


def test_a_posted_request_arrives_on_the_second_working_day(client):
    answers = {**REFUSED, "a:sent": "post", "a:sent_on": "2025-08-29"}  # a Friday
    page = post(client, answers).content.decode()
    # Received Tue 2 Sep 2025: the 6 weeks end on Tue 14 Oct.
    assert "Tuesday 14 October 2025" in page


def test_the_calendar_file_has_each_date_with_reminders(client):
    response = post(client, REFUSED, "check-calendar")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar"
    assert "DTSTART;VALUE=DATE:20251208" in body
    assert body.count("BEGIN:VALARM") == 2 * body.count("BEGIN:VEVENT")


def test_answers_saved_to_a_file_can_be_uploaded_again(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    saved = post(client, REFUSED, "check-answers").content
    assert json.loads(saved)["answers"]["decision_on"] == "2025-10-06"
    upload = SimpleUploadedFile("ehc-answers.json", saved, content_type="application/json")
    page = client.post(reverse("check-load"), {"answers": upload}).content.decode()
    assert "Monday 8 December 2025" in page


@pytest.mark.parametrize(
    "content", [b"not json", b'{"answers": 3}', b'{"answers": {"sent_on": "x"}}']
)
def test_a_file_that_is_not_saved_answers_is_refused_plainly(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("x.json", content, content_type="application/json")
    response = client.post(reverse("check-load"), {"answers": upload})
    assert response.status_code == 400
    assert "Choose a file of answers saved from this service" in response.content.decode()


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date, with a day, month and year"),
        (("31", "2", "2025"), "Enter a real date"),
        (("1", "1", "2030"), "The date must be today or in the past"),
        (("1", "1", "2013"), "on or after 1 September 2014"),
        (("x", "1", "2025"), "Enter the date using numbers"),
        (("1", "1", "99999999999999999999"), "Enter the date using numbers"),
    ],
)
def test_a_bad_date_gets_a_govuk_error_and_keeps_the_question(client, parts, message):
    data = {"a:start": "request", "q": "sent", "answer": "email"}
    data |= {f"day_{n}": part for n, part in enumerate(parts)}
    response = post(client, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "There is a problem" in page
    assert "How did you send your request to the council?" in page


def test_no_choice_is_an_error(client):
    response = post(client, {"a:start": "request", "q": "sent"})
    assert response.status_code == 400
    assert "Select one of the options" in response.content.decode()


def test_answers_that_cannot_all_be_right_are_said_in_words(client):
    answers = {**REFUSED, "a:decision_on": "2025-08-01"}  # before the request was sent
    page = post(client, answers).content.decode()
    assert "Some of your answers cannot all be right" in page
    assert "the decision on assessment" in page
    assert "decision_to_assess_notified" not in page


def test_changing_an_answer_asks_that_question_again(client):
    page = post(client, {**REFUSED, "change": "decision"}).content.decode()
    assert "Has the council told you whether it will carry out an assessment?" in page
    assert 'name="a:decision"' not in page


@pytest.mark.django_db
def test_nothing_a_family_enters_is_kept(client, caplog):
    caches["default"].clear()
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        before = {t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    with caplog.at_level(logging.DEBUG):
        post(
            client,
            REFUSED | {"your_name": "Unforgettable Name", "letter": "F2.pdf"},
            "check-letter",
        )
        post(client, REFUSED)
        post(client, REFUSED, "check-calendar")
    with connection.cursor() as cursor:
        after = {t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert after == before
    assert "Unforgettable Name" not in caplog.text
    assert "2025-10-06" not in caplog.text
    assert not client.cookies.get("sessionid")
    assert caches["default"].get("anything") is None


def test_tampered_hidden_answers_are_asked_again_not_a_server_error(client):
    page = post(client, {**REFUSED, "a:decision_on": "2025-02-31", "a:start": "request"})
    assert page.status_code == 200
    assert "Has the council told you whether it will carry out an assessment?" in (
        page.content.decode()
    )


DRAFTED = {
    "a:start": "request",
    "a:sent": "email",
    "a:sent_on": "2025-06-02",  # a Monday: the 20 weeks end on Mon 20 Oct 2025
    "a:decision": "assess",
    "a:decision_on": "2025-07-07",
    "a:draft": "yes",
    "a:draft_on": "2025-09-01",
}


def test_after_the_draft_the_family_is_asked_when_they_sent_comments(client):
    page = post(client, DRAFTED).content.decode()
    assert "Have you sent the council your comments on the draft plan?" in page


def test_the_plan_chaser_gives_the_date_the_family_sent_comments(client):
    import io
    import zipfile

    answers = DRAFTED | {"a:comments": "yes", "a:comments_on": "2025-09-12", "a:final": "no"}
    answers |= {"a:no_plan": "no"}
    page = post(client, answers).content.decode()
    assert "Chaser: the draft or final EHC plan is late" in page
    response = post(client, answers | {"letter": "F3.docx"}, "check-letter")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
        words = docx.read("word/document.xml").decode()
    assert "I sent you my comments on it on Friday 12 September 2025" in words


def test_comments_dated_before_the_draft_are_said_in_words(client):
    answers = DRAFTED | {"a:comments": "yes", "a:comments_on": "2025-08-29", "a:final": "no"}
    page = post(client, answers | {"a:no_plan": "no"}).content.decode()
    assert "Some of your answers cannot all be right" in page
    assert "Comments on the draft plan cannot be sent before the draft plan was served" in page
    assert "draft_comments_sent" not in page


def test_the_result_page_has_the_same_layout_as_the_other_checker_pages(client):
    """The result page's layout is written in Jinja2 (ADR 0026), the others' in Django's
    template language: everything but the title and the main content must be the same."""
    import re

    def layout(html):
        html = re.sub(r"<title>.*?</title>", "", html, flags=re.S)
        html = re.sub(r"<main .*?</main>", "", html, flags=re.S)
        return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))

    django_page = client.get(reverse("check")).content.decode()
    jinja_page = post(client, REFUSED).content.decode()
    assert "<main " in jinja_page
    assert layout(jinja_page) == layout(django_page)
    assert "<title>Your child's EHC dates – Open EHCP</title>" in jinja_page


def test_the_checker_sets_no_cookie_and_needs_no_token():
    """It keeps nothing and changes nothing, so it asks for no CSRF token (ADR 0026)."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    for response in (
        strict.get(reverse("check")),
        strict.get(reverse("check-question")),
        strict.post(reverse("check-question"), REFUSED),
        strict.post(reverse("check-calendar"), REFUSED),
    ):
        assert response.status_code == 200
        assert not response.cookies
    assert (
        "csrfmiddlewaretoken"
        not in strict.post(reverse("check-question"), REFUSED).content.decode()
    )
