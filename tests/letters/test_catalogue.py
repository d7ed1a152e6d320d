"""Every letter in the catalogue, for fixed facts, against its reviewed text.

Each golden file in `golden/` is the plain-text rendering of one letter for the facts below,
read line by line and its dates checked by hand against the law. A change to a template or
to the clock that changes a letter shows up here as a diff to review.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

import pytest

from ehcp.letters import LetterError, load_catalogue, to_pdf, to_text
from ehcp.rules import Event

from ..required import skip_or_fail
from ..rules.helpers import day, ev
from .helpers import DATA_PROTECTION, MEDIATION, MP_OFFICE, letter

GOLDEN: Final = Path(__file__).with_name("golden")

# A request on Mon 1 Sep 2025: 6 weeks to Mon 13 Oct 2025, 16 weeks to Mon 22 Dec 2025,
# 20 weeks to Mon 19 Jan 2026.
REQUEST = ev("request_received", "Mon 1 Sep 2025")
ASSESS = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "assess")
REFUSE = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")
DRAFT = ev("draft_plan_served", "Mon 1 Dec 2025")
COMMENTS = ev("draft_comments_sent", "Mon 15 Dec 2025")  # day 15 of the 15, reg 13(1)(a)
FINAL = ev("final_plan_issued", "Fri 9 Jan 2026")
NO_PLAN = ev("decision_not_to_issue_notified", "Fri 12 Dec 2025")
PLAN = (REQUEST, ASSESS, DRAFT, FINAL)
MEETING = ev("review_meeting_held", "Tue 1 Dec 2026")
KEEP = ev("review_decision_notified", "Mon 14 Dec 2026", "keep")
AMEND = ev("review_decision_notified", "Mon 14 Dec 2026", "amend")
CEASE = ev("review_decision_notified", "Mon 14 Dec 2026", "cease")
NOTICE = ev("amendment_notice_served", "Mon 14 Dec 2026")
TO_SECONDARY = ev("phase_transfer", "Tue 1 Sep 2026", "primary_to_secondary")
TO_POST16 = ev("phase_transfer", "Tue 1 Sep 2026", "secondary_to_post16")
REASSESS_ASKED = ev("reassessment_request_received", "Mon 2 Mar 2026")
REASSESS_REFUSED = ev("reassessment_decision_notified", "Fri 13 Mar 2026", "refuse")

# The Tribunal: an appeal against the refusal to assess, and the order to assess on Mon 2 Mar
# 2026 (2 weeks to Mon 16 Mar 2026, reg 44(2)(b)(i)); an appeal against the decision not to
# issue a plan, and the order to make one on Mon 4 May 2026 (the draft in 5 weeks, to Mon 8
# Jun 2026, reg 44(2)(c)); an appeal against ceasing, and the order to continue to maintain
# on Mon 11 Jan 2027 (at once).
APPEAL = ev("appeal_lodged", "Mon 1 Dec 2025")
ORDER_ASSESS = ev("tribunal_order_made", "Mon 2 Mar 2026", "assess")
NO_PLAN_APPEAL = ev("appeal_lodged", "Mon 2 Feb 2026")
ORDER_PLAN = ev("tribunal_order_made", "Mon 4 May 2026", "make_plan")
CEASE_APPEAL = ev("appeal_lodged", "Mon 4 Jan 2027")
ORDER_CONTINUE = ev("tribunal_order_made", "Mon 11 Jan 2027", "continue_to_maintain")
ORDERS = {
    "assess": (REQUEST, REFUSE, APPEAL, ORDER_ASSESS),
    "make_plan": (REQUEST, ASSESS, NO_PLAN, NO_PLAN_APPEAL, ORDER_PLAN),
    "continue": (*PLAN, MEETING, CEASE, CEASE_APPEAL, ORDER_CONTINUE),
}
# Mediation after the refusal to assess, agreeing to assess on Mon 3 Nov 2025 (as the order
# would: 2 weeks to Mon 17 Nov 2025, reg 42(2)); after the final plan, agreeing on matters
# that cannot be appealed on Mon 2 Mar 2026 (2 weeks to Mon 16 Mar 2026, reg 42(3)).
AGREED_TO_ASSESS = (
    REQUEST,
    REFUSE,
    ev("mediation_adviser_informed", "Mon 13 Oct 2025", "wants_mediation"),
    ev("mediation_requested", "Mon 13 Oct 2025", "education"),
    ev("mediation_held", "Mon 3 Nov 2025"),
    ev("mediation_agreement", "Mon 3 Nov 2025", "assess"),
)
AGREED_OTHER = (
    *PLAN,
    ev("mediation_adviser_informed", "Mon 2 Feb 2026", "wants_mediation"),
    ev("mediation_requested", "Mon 2 Feb 2026", "mixed"),
    ev("mediation_held", "Mon 2 Mar 2026"),
    ev("mediation_agreement", "Mon 2 Mar 2026", "non_appealable"),
)

REASONS = "The assessment found that Oak Primary can meet Alex's needs from its own resources."

Case = tuple[str, tuple[Event, ...], str, dict[str, Any]]

# golden name -> (letter, events, today, options)
CASES: Final[dict[str, Case]] = {
    "C1": ("C1", (REQUEST,), "Tue 2 Sep 2025", {}),
    "C2": ("C2", (REQUEST, REFUSE), "Mon 6 Oct 2025", {}),
    "C3": (
        "C3",
        (REQUEST, ASSESS, NO_PLAN),
        "Fri 12 Dec 2025",
        {"details": REASONS},
    ),
    "C4": ("C4", (REQUEST, ASSESS, DRAFT), "Mon 1 Dec 2025", {}),
    "C5": ("C5", PLAN, "Fri 9 Jan 2026", {}),
    "C6": ("C6", (*PLAN, MEETING, KEEP), "Mon 14 Dec 2026", {}),
    "C6-amend": ("C6", (*PLAN, MEETING, AMEND, NOTICE), "Mon 14 Dec 2026", {}),
    "C6-cease": ("C6", (*PLAN, MEETING, CEASE), "Mon 14 Dec 2026", {}),
    "C7": ("C7", (*PLAN, MEETING, AMEND, NOTICE), "Mon 14 Dec 2026", {}),
    "C8": ("C8", (*PLAN, REASSESS_ASKED, REASSESS_REFUSED), "Fri 13 Mar 2026", {}),
    "C9": ("C9", (*PLAN, MEETING, CEASE), "Mon 14 Dec 2026", {}),
    "C10": (
        "C10",
        (*PLAN, TO_SECONDARY, ev("amendment_notice_served", "Mon 12 Jan 2026")),
        "Mon 12 Jan 2026",
        {},
    ),
    "C11": ("C11", PLAN, "Mon 2 Nov 2026", {}),
    "F1": ("F1", (), "Mon 1 Sep 2025", {}),
    "F2": ("F2", (REQUEST,), "Tue 14 Oct 2025", {}),
    "F3": ("F3", (REQUEST, ASSESS, DRAFT), "Tue 20 Jan 2026", {}),
    "F3-comments": ("F3", (REQUEST, ASSESS, DRAFT, COMMENTS), "Tue 20 Jan 2026", {}),
    "F3-no-draft": ("F3", (REQUEST, ASSESS), "Tue 20 Jan 2026", {}),
    "F3-draft-practical": ("F3", (REQUEST, ASSESS), "Mon 22 Dec 2025", {}),
    "F3-draft-latest": ("F3", (REQUEST, ASSESS), "Mon 5 Jan 2026", {}),
    "F4": ("F4", (*PLAN, MEETING), "Wed 30 Dec 2026", {}),
    "F4-amended-plan": ("F4", (*PLAN, MEETING, AMEND, NOTICE), "Tue 9 Feb 2027", {}),
    "F4-no-review": ("F4", PLAN, "Mon 11 Jan 2027", {}),
    "F4P": ("F4P", (*PLAN, TO_SECONDARY), "Mon 16 Feb 2026", {}),
    "F4P-post16": ("F4P", (*PLAN, TO_POST16), "Wed 1 Apr 2026", {}),
    "F5": ("F5", PLAN, "Mon 2 Mar 2026", {}),
    "F6": ("F6", (REQUEST, ASSESS, DRAFT), "Wed 3 Dec 2025", {}),
    "F7": ("F7", (*PLAN, MEETING, AMEND, NOTICE), "Tue 15 Dec 2026", {}),
    "F7-draft": ("F7", (REQUEST, ASSESS, DRAFT), "Wed 3 Dec 2025", {}),
    "F8": ("F8", (REQUEST,), "Mon 3 Nov 2025", {}),
    "F8-appeal-open": ("F8", (*PLAN, TO_SECONDARY), "Mon 16 Feb 2026", {}),
    "F9": ("F9", PLAN, "Mon 2 Mar 2026", {}),
    "F10": ("F10", (REQUEST, REFUSE), "Tue 7 Oct 2025", {"recipient": MEDIATION}),
    "F10M": ("F10M", PLAN, "Mon 12 Jan 2026", {"recipient": MEDIATION}),
    "F11": ("F11", (), "Mon 2 Mar 2026", {"recipient": DATA_PROTECTION}),
    "F12": ("F12", (REQUEST, ASSESS), "Tue 20 Jan 2026", {"sender": MP_OFFICE}),
    "F13": ("F13", ORDERS["assess"], "Tue 17 Mar 2026", {}),
    "F13-make-plan": ("F13", ORDERS["make_plan"], "Tue 9 Jun 2026", {}),
    "F13-continue": ("F13", ORDERS["continue"], "Tue 12 Jan 2027", {}),
    "F14": ("F14", AGREED_TO_ASSESS, "Tue 18 Nov 2025", {}),
    "F14-non-appealable": ("F14", AGREED_OTHER, "Tue 17 Mar 2026", {}),
}


def render(name: str) -> str:
    kind, events, today, options = CASES[name]
    return to_text(letter(kind, *events, today=today, **options))


def test_every_letter_in_the_catalogue_has_a_reviewed_rendering() -> None:
    assert set(load_catalogue()) == {kind for kind, *_ in CASES.values()}
    assert {path.stem for path in GOLDEN.glob("*.txt")} == set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_the_letter_reads_as_reviewed(name: str) -> None:
    assert render(name) == (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_the_pdf_holds_the_words_of_every_block(name: str) -> None:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (Debian's poppler-utils) is not installed")
    kind, events, today, options = CASES[name]
    built = letter(kind, *events, today=today, **options)
    extracted = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=to_pdf(built), capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(extracted.split())
    for block in built.blocks:
        assert " ".join(" ".join(block.lines).split()) in flat


@pytest.mark.parametrize("name", CASES)
def test_no_letter_leaves_template_markup_or_an_empty_value(name: str) -> None:
    text = render(name)
    for leftover in ("{", "}", "# ", "None", " ,", " ."):
        assert leftover not in text


# (letter, events, the last day it is refused, the first day it is offered)
CHASERS: Final = [
    ("F3", (REQUEST, ASSESS, DRAFT), "Mon 19 Jan 2026", "Tue 20 Jan 2026"),  # A6
    ("F3", (REQUEST, ASSESS), "Sat 20 Dec 2025", "Sun 21 Dec 2025"),  # practical draft date
    ("F4", (*PLAN, MEETING), "Tue 29 Dec 2026", "Wed 30 Dec 2026"),  # R6
    ("F4", (*PLAN, MEETING, AMEND, NOTICE), "Mon 8 Feb 2027", "Tue 9 Feb 2027"),  # R8
    ("F4", PLAN, "Fri 8 Jan 2027", "Sat 9 Jan 2027"),  # R1
    ("F4P", (*PLAN, TO_SECONDARY), "Sat 14 Feb 2026", "Sun 15 Feb 2026"),  # P1
    ("F4P", (*PLAN, TO_POST16), "Mon 30 Mar 2026", "Tue 31 Mar 2026"),  # P2
    ("F8", (REQUEST,), "Mon 13 Oct 2025", "Tue 14 Oct 2025"),  # A1
    ("F8", (*PLAN, MEETING), "Tue 29 Dec 2026", "Wed 30 Dec 2026"),  # R6
    ("F12", (REQUEST, ASSESS, DRAFT), "Mon 19 Jan 2026", "Tue 20 Jan 2026"),  # A6
    ("F13", ORDERS["assess"], "Mon 16 Mar 2026", "Tue 17 Mar 2026"),  # O2.notify
    ("F13", ORDERS["make_plan"], "Mon 8 Jun 2026", "Tue 9 Jun 2026"),  # O3.draft
    ("F13", ORDERS["continue"], "Mon 11 Jan 2027", "Tue 12 Jan 2027"),  # O6, at once
    ("F14", AGREED_TO_ASSESS, "Mon 17 Nov 2025", "Tue 18 Nov 2025"),  # M7.assess.notify
    ("F14", AGREED_OTHER, "Mon 16 Mar 2026", "Tue 17 Mar 2026"),  # M8
]


@pytest.mark.parametrize(("kind", "events", "refused", "offered"), CHASERS)
def test_a_chaser_is_refused_until_its_deadline_passes(
    kind: str, events: tuple[Event, ...], refused: str, offered: str
) -> None:
    with pytest.raises(LetterError, match="only for when the clock says"):
        letter(kind, *events, today=refused)
    assert letter(kind, *events, today=offered).text


@pytest.mark.parametrize(
    ("kind", "events", "done", "today"),
    [
        ("F13", ORDERS["assess"], ("decision_to_assess_notified", "assess"), "Tue 17 Mar 2026"),
        ("F13", ORDERS["make_plan"], ("draft_plan_served", None), "Tue 9 Jun 2026"),
        ("F13", ORDERS["continue"], ("plan_maintained_confirmed", None), "Tue 12 Jan 2027"),
        ("F14", AGREED_TO_ASSESS, ("decision_to_assess_notified", "assess"), "Tue 18 Nov 2025"),
        ("F14", AGREED_OTHER, ("mediation_agreement_actioned", None), "Tue 17 Mar 2026"),
    ],
)
def test_an_order_or_agreement_carried_out_late_gets_no_chaser(
    kind: str, events: tuple[Event, ...], done: tuple[str, str | None], today: str
) -> None:
    name, done_kind = done
    late = Event(day(today) - timedelta(days=1), name, done_kind)  # the day before writing
    with pytest.raises(LetterError, match="only for when the clock says"):
        letter(kind, *events, late, today=today)


# (letter, events, the day before the window opens or none, a day it is open, a day it is shut)
WINDOWS: Final = [
    ("F6", (REQUEST, ASSESS, DRAFT), "Mon 1 Dec 2025", "Mon 15 Dec 2025", "Tue 16 Dec 2025"),
    ("F7", (REQUEST, ASSESS, DRAFT), "Mon 1 Dec 2025", "Mon 15 Dec 2025", "Tue 16 Dec 2025"),
    (
        "F7",
        (*PLAN, MEETING, AMEND, NOTICE),
        "Mon 14 Dec 2026",
        "Mon 28 Dec 2026",
        "Tue 29 Dec 2026",
    ),
    ("F10", (REQUEST, REFUSE), "Mon 6 Oct 2025", "Sat 6 Dec 2025", "Sun 7 Dec 2025"),
    ("F10M", (REQUEST, REFUSE), "Mon 6 Oct 2025", "Sat 6 Dec 2025", "Sun 7 Dec 2025"),
]


@pytest.mark.parametrize(("kind", "events", "first", "last", "shut"), WINDOWS)
def test_a_letter_for_the_familys_window_is_offered_only_while_it_is_open(
    kind: str, events: tuple[Event, ...], first: str, last: str, shut: str
) -> None:
    assert letter(kind, *events, today=first).text
    assert letter(kind, *events, today=last).text
    with pytest.raises(LetterError, match="window open"):
        letter(kind, *events, today=shut)
    before = tuple(event for event in events if event not in (DRAFT, NOTICE, REFUSE))
    with pytest.raises(LetterError, match="no such time limit applies"):
        letter(kind, *before, today=first)


@pytest.mark.parametrize(
    ("kind", "events", "missing"),
    [
        ("C1", (), "request_received"),
        ("C3", (REQUEST, ASSESS), "decision_not_to_issue_notified"),
        ("C4", (REQUEST, ASSESS), "draft_plan_served"),
        ("C5", (REQUEST, ASSESS, DRAFT), "final_plan_issued"),
        ("C6", (*PLAN, MEETING), "review_decision_notified"),
        ("C7", (*PLAN, MEETING, AMEND), "amendment_notice_served"),
        ("C8", (*PLAN, REASSESS_ASKED), "reassessment_decision_notified:refuse"),
        ("C9", (*PLAN, MEETING, KEEP), "review_decision_notified:cease"),
        ("C10", (*PLAN, ev("amendment_notice_served", "Mon 12 Jan 2026")), "phase_transfer"),
        ("C10", (*PLAN, TO_SECONDARY), "amendment_notice_served"),
        ("F9", (REQUEST, ASSESS, DRAFT), "final_plan_issued"),
    ],
)
def test_a_notice_needs_the_decision_it_gives_on_record(
    kind: str, events: tuple[Event, ...], missing: str
) -> None:
    with pytest.raises(LetterError, match=f"needs {missing} on the case"):
        letter(kind, *events, today="Mon 1 Feb 2027")


def test_the_draft_plan_letter_moves_the_familys_last_day_with_the_service_date() -> None:
    early = to_text(letter("C4", REQUEST, ASSESS, DRAFT, today="Mon 1 Dec 2025"))
    later = ev("draft_plan_served", "Wed 3 Dec 2025")
    late = to_text(letter("C4", REQUEST, ASSESS, later, today="Wed 3 Dec 2025"))
    assert "Your last day is Monday 15 December 2025." in early
    assert "Your last day is Wednesday 17 December 2025." in late
    assert "before Thursday 18 December 2025 unless" in late


def test_the_late_plan_chaser_moves_with_the_request_date() -> None:
    moved = (ev("request_received", "Mon 8 Sep 2025"), ASSESS, DRAFT)
    text = to_text(letter("F3", *moved, today="Tue 27 Jan 2026"))
    assert "within 20 weeks of the request: by Monday 26 January 2026." in text
    assert "issue the final plan by Tuesday 3 February 2026;" in text
    with pytest.raises(LetterError):
        letter("F3", *moved, today="Mon 26 Jan 2026")


def test_the_cease_notice_moves_the_appeal_and_earliest_end_with_the_decision() -> None:
    decided = ev("review_decision_notified", "Tue 15 Dec 2026", "cease")
    text = to_text(letter("C9", *PLAN, MEETING, decided, today="Tue 15 Dec 2026"))
    assert "The Tribunal must receive your appeal by Monday 15 February 2027" in text
    assert "the plan can end on Tuesday 16 February 2027 at the earliest" in text
    assert "contact the mediation adviser by Monday 15 February 2027 (2 months" in text
    assert "not a working day" not in text  # the 15th is a Monday
    later = ev("review_decision_notified", "Fri 18 Dec 2026", "cease")
    moved = to_text(letter("C9", *PLAN, MEETING, later, today="Fri 18 Dec 2026"))
    assert "The Tribunal must receive your appeal by Thursday 18 February 2027" in moved
    assert "the plan can end on Friday 19 February 2027 at the earliest" in moved


def test_the_review_chaser_moves_with_the_meeting() -> None:
    meeting = ev("review_meeting_held", "Thu 3 Dec 2026")
    text = to_text(letter("F4", *PLAN, meeting, today="Fri 1 Jan 2027"))
    assert "meeting was held on Thursday 3 December 2026. Within 4 weeks" in text
    assert "by Thursday 31 December 2026, you had to decide" in text


def test_the_review_decision_notice_follows_the_kind_of_decision() -> None:
    keep = to_text(letter("C6", *PLAN, MEETING, KEEP, today="Mon 14 Dec 2026"))
    cease = to_text(letter("C6", *PLAN, MEETING, CEASE, today="Mon 14 Dec 2026"))
    assert "against our decision not to amend the plan (section 51(2)(e)" in keep
    assert "against our decision to stop maintaining the plan (section 51(2)(f)" in cease
    assert "Tuesday 16 February 2027 at the earliest" in cease
    assert "at the earliest" not in keep


def test_the_mps_letter_asks_a_young_persons_consent() -> None:
    from ehcp.letters import Child

    from ..rules.helpers import day

    older = Child("Alex Example", day("Mon 1 Jan 2007"), "EHC-0001")
    text = to_text(
        letter("F12", REQUEST, ASSESS, today="Tue 20 Jan 2026", sender=MP_OFFICE, child=older)
    )
    assert "Alex Example is 16 or over and [has agreed" in text
    assert "has asked me to raise it on Alex Example's behalf" not in text


def test_the_pre_action_outline_lists_the_statutory_limits_the_clock_shows_as_passed() -> None:
    quiet = to_text(letter("F9", *PLAN, MEETING, today="Tue 29 Dec 2026"))
    late = to_text(letter("F9", *PLAN, MEETING, today="Wed 30 Dec 2026"))
    assert "The clock shows these as passed" not in quiet
    assert (
        "- Decide after the review (with proposed amendments if amending): due by "
        "Tuesday 29 December 2026" in late
    )
    assert late.startswith("Outline only: not a finished letter\n")


def test_a_missed_review_decision_is_cited_without_an_unconfirmed_paragraph() -> None:
    text = to_text(letter("F8", *PLAN, MEETING, today="Wed 30 Dec 2026"))
    assert (
        "- Decide after the review (with proposed amendments if amending): due by Tuesday 29 "
        "December 2026 (SEND Regs 2014 reg 20 (reg 21 where the child is not at a school or "
        "other institution); R (L) v Devon CC [2022] EWHC 493 (Admin))." in text
    )
    assert "20(10)" not in text
