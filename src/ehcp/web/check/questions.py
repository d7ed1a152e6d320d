"""The family date checker's questions, and the facts the clock reads from the answers.

Plain words only: no event names or spec ids reach the family. An answer is a string (a
choice, or a date as YYYY-MM-DD); what was answered travels with each form, and nothing is
kept on the server.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from ehcp.rules import CaseFacts, EnglandCalendar, Event
from ehcp.rules.calendar import working_days_after

Answers = Mapping[str, str]
NOT_YET: Final = "no"
POSTAL_DAYS: Final = 2  # a posted letter is taken to arrive on the second working day


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); a date is asked when empty
    date_for: tuple[str, ...] = ()  # choices that need a date as well
    date_label: str = "Date"
    shown: Callable[[Answers], bool] = lambda answers: True


def _said(key: str, *values: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(key) in values


def _has_plan(answers: Answers) -> bool:
    return answers.get("start") == "plan" or answers.get("final") == "yes"


def _appealable(answers: Answers) -> bool:
    refused = answers.get("decision") == "refuse" or answers.get("no_plan") == "yes"
    return refused or answers.get("final") == "yes" or answers.get("review") in ("keep", "cease")


YES_DATE = (("yes", "Yes"), (NOT_YET, "Not yet"))
QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        "start",
        "Where are you in the process?",
        choices=(
            ("request", "We have asked the council for an EHC needs assessment"),
            ("plan", "My child already has an EHC plan"),
        ),
    ),
    Question(
        "sent",
        "How did you send your request to the council?",
        hint="A request made only to your child's school does not start the council's clock.",
        choices=(("email", "By email"), ("hand", "By hand"), ("post", "By post")),
        date_for=("email", "hand", "post"),
        date_label="Date you sent it",
        shown=_said("start", "request"),
    ),
    Question(
        "decision",
        "Has the council told you whether it will carry out an assessment?",
        choices=(
            ("assess", "Yes, it will assess"),
            ("refuse", "Yes, it has refused"),
            (NOT_YET, "Not yet"),
        ),
        date_for=("assess", "refuse"),
        date_label="Date on the decision letter",
        shown=_said("start", "request"),
    ),
    Question(
        "draft",
        "Have you had a draft EHC plan?",
        choices=YES_DATE,
        date_for=("yes",),
        date_label="Date you received the draft",
        shown=_said("decision", "assess"),
    ),
    Question(
        "comments",
        "Have you sent the council your comments on the draft plan?",
        hint="The date goes in the letters you can send; it does not change the council's dates.",
        choices=YES_DATE,
        date_for=("yes",),
        date_label="Date you sent them",
        shown=_said("draft", "yes"),
    ),
    Question(
        "final",
        "Have you had the final EHC plan?",
        choices=YES_DATE,
        date_for=("yes",),
        date_label="Date on the final plan",
        shown=_said("decision", "assess"),
    ),
    Question(
        "no_plan",
        "Has the council told you it will not issue a plan after the assessment?",
        choices=(("yes", "Yes"), (NOT_YET, "No")),
        date_for=("yes",),
        date_label="Date on the letter",
        shown=lambda a: a.get("decision") == "assess" and a.get("final") == NOT_YET,
    ),
    Question(
        "meeting",
        "Has your child had an annual review meeting?",
        hint="Answer for the most recent one.",
        choices=(("yes", "Yes"), (NOT_YET, "No, not yet")),
        date_for=("yes",),
        date_label="Date of the meeting",
        shown=_has_plan,
    ),
    Question(
        "review",
        "What did the council decide after the review?",
        choices=(
            ("keep", "To keep the plan as it is"),
            ("amend", "To change (amend) the plan"),
            ("cease", "To stop the plan"),
            (NOT_YET, "It has not told us yet"),
        ),
        date_for=("keep", "amend", "cease"),
        date_label="Date on the decision letter",
        shown=_said("meeting", "yes"),
    ),
    Question(
        "amended",
        "Have you had the final amended plan?",
        choices=YES_DATE,
        date_for=("yes",),
        date_label="Date on the amended plan",
        shown=_said("review", "amend"),
    ),
    Question(
        "transfer",
        "Is your child moving to a new school or college at the start of the next school year?",
        choices=(
            ("primary_to_secondary", "Yes, from primary to secondary school"),
            ("early_years_to_school", "Yes, from early years to school"),
            ("infant_to_junior", "Yes, from infant to junior school"),
            ("secondary_to_post16", "Yes, from secondary school to a college or post-16 place"),
            (NOT_YET, "No"),
        ),
        date_for=(
            "primary_to_secondary",
            "early_years_to_school",
            "infant_to_junior",
            "secondary_to_post16",
        ),
        date_label="Date the new school or college starts",
        shown=_has_plan,
    ),
    Question(
        "adviser",
        "Have you contacted the mediation adviser named in the council's letter?",
        hint="You must do this before you can appeal, unless the appeal is only about the school "
        "named in the plan.",
        choices=(("yes", "Yes"), (NOT_YET, "No")),
        date_for=("yes",),
        date_label="Date you contacted them",
        shown=_appealable,
    ),
    Question(
        "certificate",
        "Have you had a mediation certificate?",
        choices=YES_DATE,
        date_for=("yes",),
        date_label="Date on the certificate",
        shown=_said("adviser", "yes"),
    ),
    Question(
        "appeal",
        "Have you sent an appeal to the SEND Tribunal?",
        choices=(("yes", "Yes"), (NOT_YET, "No")),
        date_for=("yes",),
        date_label="Date the Tribunal received it",
        shown=_appealable,
    ),
)
BY_KEY: Final = {question.key: question for question in QUESTIONS}


def next_question(answers: Answers, after: str | None = None) -> Question | None:
    """The first question still to answer that applies, after `after` if given."""
    keys = [q.key for q in QUESTIONS]
    start = keys.index(after) + 1 if after in keys else 0
    for question in QUESTIONS[start:]:
        if question.shown(answers) and question.key not in answers:
            return question
    return None


def relevant(answers: Answers) -> dict[str, str]:
    """Only the answers to questions that still apply (a changed answer can hide others)."""
    kept: dict[str, str] = {}
    for question in QUESTIONS:
        if question.shown(kept) and question.key in answers:
            kept[question.key] = answers[question.key]
            if f"{question.key}_on" in answers:
                kept[f"{question.key}_on"] = answers[f"{question.key}_on"]
    return kept


def _on(answers: Answers, key: str) -> date | None:
    text = answers.get(f"{key}_on")
    return date.fromisoformat(text) if text else None


def _received(answers: Answers, calendar: EnglandCalendar) -> date | None:
    sent = _on(answers, "sent")
    if sent is None or answers.get("sent") != "post":
        return sent
    return working_days_after(calendar, sent, POSTAL_DAYS)


# (question, answer) -> the event it records, with its kind.
EVENTS: Final = {
    ("decision", "assess"): ("decision_to_assess_notified", "assess"),
    ("decision", "refuse"): ("decision_to_assess_notified", "refuse"),
    ("draft", "yes"): ("draft_plan_served", None),
    ("comments", "yes"): ("draft_comments_sent", None),
    ("final", "yes"): ("final_plan_issued", None),
    ("no_plan", "yes"): ("decision_not_to_issue_notified", None),
    ("meeting", "yes"): ("review_meeting_held", None),
    ("review", "keep"): ("review_decision_notified", "keep"),
    ("review", "amend"): ("review_decision_notified", "amend"),
    ("review", "cease"): ("review_decision_notified", "cease"),
    ("amended", "yes"): ("amended_plan_issued", None),
    ("adviser", "yes"): ("mediation_adviser_informed", "wants_mediation"),
    ("certificate", "yes"): ("mediation_certificate_issued", None),
    ("appeal", "yes"): ("appeal_lodged", None),
}


def facts_from_answers(answers: Answers, calendar: EnglandCalendar) -> CaseFacts:
    """The case as the clock reads it. A posted request is taken to arrive on the second
    working day after posting; by email or by hand, on the day it was sent."""
    events = []
    received = _received(answers, calendar)
    if received is not None:
        events.append(Event(received, "request_received"))
    for (key, value), (name, kind) in EVENTS.items():
        day = _on(answers, key)
        if answers.get(key) == value and day is not None:
            events.append(Event(day, name, kind))
    moving = answers.get("transfer")
    day = _on(answers, "transfer")
    if moving and moving != NOT_YET and day is not None:
        events.append(Event(day, "phase_transfer", moving))
    return CaseFacts(events=tuple(events))
