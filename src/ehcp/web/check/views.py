"""Check your child's EHC dates: public, no sign-in, and nothing kept on the server.

Every answer travels in the form (hidden fields, POST so that nothing is in a web address or
an access log); the clock runs on each request and is forgotten. Views here never touch the
database, the cache or the session, and log nothing about what was entered.

The forms carry no CSRF token and the pages set no cookie (`csrf_exempt`): a forged request
could only show a visitor dates worked out from someone else's answers, since these views
use no sign-in, session or stored data and change nothing. Checking the token cost about a
sixth of the result page's time (ADR 0026).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from ehcp.letters import (
    Child,
    LetterError,
    Party,
    build_letter,
    load_catalogue,
    offered_letters,
    to_docx,
    to_pdf,
)
from ehcp.letters.calendar import build_calendar
from ehcp.rules import CaseFacts, Deadline, EnglandCalendar, compute_schedule, find_problems
from ehcp.rules.schedule import Consequence
from ehcp.rules.wording import status_phrase, what_missing_it_means
from ehcp.web.accounts.permissions import Perm, requires
from ehcp.web.check.answers import AnswerError, carried, read_answer
from ehcp.web.check.questions import BY_KEY, QUESTIONS, facts_from_answers, next_question, relevant

CALENDAR: Final = EnglandCalendar()
FAMILY_WINDOWS: Final = frozenset({"A4", "R7"})
MAX_UPLOAD: Final = 20_000
WORDS: Final = {  # what the clock's checks call things, as a family would
    "request_received": "the date the council got your request",
    "decision_to_assess_notified": "the decision on assessment",
    "draft_comments_sent": "your comments on the draft plan",
    "draft_plan_served": "the draft plan",
    "final_plan_issued": "the final plan",
    "decision_not_to_issue_notified": "the letter saying no plan will be issued",
    "review_meeting_held": "the review meeting",
    "review_decision_notified": "the review decision",
    "amended_plan_issued": "the amended plan",
    "mediation_adviser_informed": "contacting the mediation adviser",
    "mediation_certificate_issued": "the mediation certificate",
    "appeal_lodged": "the appeal",
    "phase_transfer": "the move to a new school or college",
}


def _today() -> date:
    return date.today()


@csrf_exempt
@require_GET
@requires(Perm.PUBLIC)
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "check/start.html", {"upload_error": ""})


@csrf_exempt
@requires(Perm.PUBLIC)
def question(request: HttpRequest) -> HttpResponse:
    """Ask the next question, or show the result once every question that applies is done."""
    if request.method != "POST":
        return _ask(request, {}, QUESTIONS[0], "")
    answers = relevant(carried(request.POST))
    if "change" in request.POST:
        key = request.POST["change"]
        if key in BY_KEY:
            kept = {k: v for k, v in answers.items() if k.removesuffix("_on") != key}
            return _ask(request, kept, BY_KEY[key], "")
    asked = BY_KEY.get(request.POST.get("q", ""))
    if asked is not None:
        try:
            answers = relevant({**answers, **read_answer(asked, request.POST, _today())})
        except AnswerError as error:
            return _ask(request, answers, asked, str(error), status=400)
    following = next_question(answers)
    if following is not None:
        return _ask(request, answers, following, "")
    return _result(request, answers)


def _ask(
    request: HttpRequest, answers: dict[str, str], asked: Any, error: str, status: int = 200
) -> HttpResponse:
    context = {
        "question": asked,
        "answers": answers,
        "error": error,
        "errors": [("answer", error)] if error else [],
        "chosen": request.POST.get("answer", "") if error else answers.get(asked.key, ""),
        "parts": [request.POST.get(f"day_{n}", "") for n in range(3)] if error else ["", "", ""],
    }
    return render(request, "check/question.html", context, status=status)


def _facts(answers: dict[str, str]) -> tuple[CaseFacts, list[str]]:
    """The facts the answers give, and what cannot all be right about them, in words."""
    facts = facts_from_answers(answers, CALENDAR)
    return facts, [_in_words(problem) for problem in find_problems(facts, _today())]


def _schedule(answers: dict[str, str]) -> tuple[CaseFacts, tuple[Deadline, ...], list[str]]:
    facts, problems = _facts(answers)
    if problems:
        return facts, (), problems
    return facts, compute_schedule(facts, today=_today(), calendar=CALENDAR), []


def _in_words(problem: str) -> str:
    for name, words in WORDS.items():
        problem = problem.replace(name, words)
    return problem


def _result(request: HttpRequest, answers: dict[str, str], status: int = 200) -> HttpResponse:
    facts, schedule, problems = _schedule(answers)
    rows = [_row(d) for d in schedule]
    family = [row for row in rows if _familys(row["deadline"])]
    council = [row for row in rows if not _familys(row["deadline"])]
    context: dict[str, Any] = {"family": family, "council": council, "today": _today()}
    if "print" in request.POST:
        return render(request, "check/print.html", context, status=status)
    offered = offered_letters(
        load_catalogue(), facts, today=_today(), calendar=CALENDAR, schedule=schedule
    )
    context |= {
        "answers": answers,
        "summary": _summary(answers),
        "problems": problems,
        "letters": [t for t in offered if t.audience == "family"],
    }
    return render(request, "check/result.html", context, status=status, using="jinja2")


def _familys(deadline: Deadline) -> bool:
    return deadline.consequence is Consequence.FAMILY or deadline.id in FAMILY_WINDOWS


def _row(deadline: Deadline) -> dict[str, Any]:
    return {
        "deadline": deadline,
        "status": status_phrase(deadline),
        "meaning": what_missing_it_means(deadline),
        "late": deadline.is_breach and deadline.completed_on is None,
    }


def _summary(answers: dict[str, str]) -> list[tuple[str, str, str]]:
    rows = []
    for key, value in answers.items():
        asked = BY_KEY.get(key)
        if asked is None:
            continue
        label = dict(asked.choices).get(value, value)
        on = answers.get(f"{key}_on")
        rows.append((asked.text, f"{label}, {on}" if on else label, key))
    return rows


@csrf_exempt
@require_POST
@requires(Perm.PUBLIC)
def calendar_file(request: HttpRequest) -> HttpResponse:
    _, schedule, _ = _schedule(relevant(carried(request.POST)))
    body = build_calendar(schedule, reminders=True).to_ical()
    return _download(body, "text/calendar", "ehc-dates.ics")


@csrf_exempt
@require_POST
@requires(Perm.PUBLIC)
def saved_answers(request: HttpRequest) -> HttpResponse:
    body = json.dumps({"ehc_date_checker": 1, "answers": relevant(carried(request.POST))})
    return _download(body.encode(), "application/json", "ehc-answers.json")


@csrf_exempt
@require_POST
@requires(Perm.PUBLIC)
def load_answers(request: HttpRequest) -> HttpResponse:
    """Your saved answers, uploaded again: read, checked and shown; never stored."""
    upload = request.FILES.get("answers")
    try:
        if upload is None or upload.size is None or upload.size > MAX_UPLOAD:
            raise ValueError
        data = json.loads(upload.read().decode("utf-8"))
        saved = {f"a:{key}": value for key, value in data["answers"].items()}
        answers = relevant(carried(saved))
        if len(answers) != len(saved):
            raise ValueError("the file holds answers this service did not write")
    except (ValueError, KeyError, TypeError, AttributeError):
        context = {"upload_error": "Choose a file of answers saved from this service"}
        return render(request, "check/start.html", context, status=400)
    following = next_question(answers)
    if following is not None:
        return _ask(request, answers, following, "")
    return _result(request, answers)


@csrf_exempt
@require_POST
@requires(Perm.PUBLIC)
def letter(request: HttpRequest) -> HttpResponse:
    """The letter the button named (`F2.pdf`): one address for every letter and format, so
    the result page works out one address, not two for each letter it offers."""
    kind, _, format_ = request.POST.get("letter", "").partition(".")
    if format_ not in ("docx", "pdf"):
        message = "Choose a letter to download, as Word or as PDF, from your results."
        return render(request, "check/letter_problem.html", {"message": message}, status=400)
    facts, problems = _facts(relevant(carried(request.POST)))  # build_letter runs the clock
    name = request.POST.get("your_name", "").strip()[:100] or "[Your name]"
    child = request.POST.get("child_name", "").strip()[:100] or "[Your child's name]"
    try:
        if problems:
            raise LetterError(problems[0])
        built = build_letter(
            kind,
            facts,
            today=_today(),
            calendar=CALENDAR,
            sender=Party(name),
            recipient=Party("Director of Children's Services"),
            child=Child(child),
        )
    except LetterError as error:
        return render(request, "check/letter_problem.html", {"message": str(error)}, status=400)
    if format_ == "pdf":
        return _download(to_pdf(built), "application/pdf", f"{built.template.id}.pdf")
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(to_docx(built), mime, f"{built.template.id}.docx")


def _download(body: bytes, mime: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
