"""No letter leaves a fact to be filled in by hand once the facts are complete.

A placeholder in square brackets is right where only the writer knows what goes there (their
own account, what they enclose); it is wrong where the facts already say it, above all a date.
For every letter in the catalogue, rendered from complete facts (every event the letter's
story has, the family's comments on any draft, every contact a council or office can give, the
writer's own words), the only brackets left are the prompts listed here.
"""

from __future__ import annotations

import re
from typing import Final

import pytest

from ehcp.letters import Child, Party, load_catalogue, to_text
from ehcp.rules import Event

from ..rules.helpers import day, ev
from .helpers import letter
from .test_catalogue import CASES, COMMENTS, DRAFT

CONTACTS: Final = tuple(
    (name, f"Demo {name.replace('_', ' ')} contact, 0800 000 0000")
    for name in (
        "case_officer",
        "constituent",
        "disagreement_resolution",
        "local_offer",
        "mediation",
        "mediation_adviser",
        "sendiass",
    )
)
ADDRESS: Final = ("Town Hall", "Demoton", "ZZ99 1ZZ")
COUNCIL: Final = Party(
    "Director of Children's Services", ADDRESS, organisation="Demo Council", contacts=CONTACTS
)
FAMILY: Final = Party("Sam Example", ("1 Demo Street", "Demoton"), contacts=CONTACTS)
OFFICE: Final = Party("Jo Example MP", ("House of Commons",), contacts=CONTACTS)
CHILD: Final = Child("Alex Example", day("Fri 1 May 2015"), "EHC-0001", "Oak Primary")
OWN_WORDS: Final = "What only the writer can say goes here."

# What only the writer can supply: what they enclose, what they want, who acts for the child.
PROMPTS: Final = {
    "F6": {
        "[the school's or college's written confirmation that it can meet Alex Example's needs"
        " and has a place, if you have it]"
    },
    "F7": {
        "[If you want a personal budget for part of the provision, say so here: section 49 of"
        " the Children and Families Act 2014 lets you ask while the plan is being drawn up or"
        " reviewed.]"
    },
    "F9": {"[the parent or other person acting for the child]"},
    "F11": {
        "[proof of your identity and address, and evidence of your parental responsibility,"
        " such as a birth certificate or court order]"
    },
}
# Square brackets, but not a law report's year: R (L) v Devon CC [2022] EWHC 493 (Admin).
PLACEHOLDER: Final = re.compile(r"\[(?!\d{4}\])[^\]]*\]")
DATE_WORDS: Final = re.compile(r"\b(date|day|when)\b", re.IGNORECASE)


def complete(events: tuple[Event, ...]) -> tuple[Event, ...]:
    return (*events, COMMENTS) if DRAFT in events and COMMENTS.date > DRAFT.date else events


def rendered(name: str) -> tuple[str, str]:
    kind, events, today, options = CASES[name]
    sender = OFFICE if "sender" in options else COUNCIL if kind.startswith("C") else FAMILY
    recipient = FAMILY if kind.startswith("C") else COUNCIL
    built = letter(
        kind,
        *complete(events),
        today=today,
        sender=sender,
        recipient=recipient,
        child=CHILD,
        details=OWN_WORDS,
    )
    return kind, to_text(built)


@pytest.mark.parametrize("name", CASES)
def test_complete_facts_leave_only_the_writers_own_prompts(name: str) -> None:
    kind, text = rendered(name)
    left = set(PLACEHOLDER.findall(text))
    assert left == PROMPTS.get(kind, set())


def test_no_prompt_left_for_the_writer_asks_for_a_date() -> None:
    assert set(PROMPTS) <= set(load_catalogue())
    for prompts in PROMPTS.values():
        for prompt in prompts:
            assert not DATE_WORDS.search(prompt), prompt


def test_the_plan_chaser_gives_the_date_the_comments_were_sent() -> None:
    _, text = rendered("F3")
    assert (
        "You sent me the draft plan on Monday 1 December 2025, and I sent you my comments on"
        " it on Monday 15 December 2025." in text
    )


def test_comments_on_an_earlier_draft_are_not_given_as_comments_on_this_one() -> None:
    earlier = ev("draft_comments_sent", "Mon 8 Dec 2025")
    kind, events, today, options = CASES["F3"]
    redrafted = (*events, earlier, ev("draft_plan_served", "Mon 5 Jan 2026"))
    text = to_text(letter(kind, *redrafted, today=today, **options))
    assert "You sent me the draft plan on Monday 5 January 2026." in text
    assert "8 December" not in text
