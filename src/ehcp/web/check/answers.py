"""Reading one question's answer from a form, and all earlier answers from hidden fields."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from ehcp.web.check.questions import BY_KEY, Question

PREFIX: Final = "a:"
EARLIEST: Final = date(2014, 9, 1)  # the SEND Regulations 2014 came into force
MAX_ANSWER: Final = 20


class AnswerError(ValueError):
    """What is wrong with an answer, in words for the family."""


def carried(data: Mapping[str, object]) -> dict[str, str]:
    """The earlier answers the form (or a saved file) carried back: only known questions, each
    with one of its own choices, and dates that are real. Anything else is dropped, and the
    question asked again."""
    answers = {}
    for name, value in data.items():
        key = name.removeprefix(PREFIX)
        question = BY_KEY.get(key.removesuffix("_on"))
        if name.startswith(PREFIX) and question and _valid(key, str(value)[:MAX_ANSWER], question):
            answers[key] = str(value)
    return answers


def _valid(key: str, value: str, question: Question) -> bool:
    if not key.endswith("_on"):
        return value in {choice for choice, _ in question.choices}
    try:
        return date.fromisoformat(value) >= EARLIEST
    except ValueError:
        return False


def read_answer(question: Question, data: Mapping[str, str], today: date) -> dict[str, str]:
    """The answer to `question` as answers (`key`, and `key_on` when a date goes with it)."""
    choice = data.get("answer", "")
    if choice not in {value for value, _ in question.choices}:
        raise AnswerError("Select one of the options")
    answer = {question.key: choice}
    if choice in question.date_for:
        day = read_date(data, today, future=question.key == "transfer")
        answer[f"{question.key}_on"] = day.isoformat()
    return answer


def read_date(data: Mapping[str, str], today: date, *, future: bool = False) -> date:
    parts = [data.get(f"day_{n}", "").strip() for n in range(3)]
    if not all(parts):
        raise AnswerError("Enter the date, with a day, month and year")
    if not all(part.isdigit() and len(part) <= 4 for part in parts):
        raise AnswerError("Enter the date using numbers, for example 27 3 2025")
    try:
        day = date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        raise AnswerError("Enter a real date, for example 27 3 2025") from None
    latest = today + timedelta(days=731) if future else today
    if day > latest:
        raise AnswerError(
            "The date must be today or in the past"
            if not future
            else "The date must be within the next 2 years"
        )
    if day < EARLIEST:
        raise AnswerError("The date must be on or after 1 September 2014, when the law began")
    return day
