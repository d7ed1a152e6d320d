"""When a letter may be written, and that every date in it comes from the clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from ehcp.letters import LetterError, load_catalogue, offered_letters, to_text
from ehcp.letters.templates import TemplateError, parse_template
from ehcp.rules import CaseFacts

from ..rules.helpers import CALENDAR, day, ev
from .helpers import letter

REQUEST = ev("request_received", "Mon 1 Sep 2025")
REFUSAL = ev("decision_to_assess_notified", "Mon 6 Oct 2025", "refuse")


def test_a_chaser_is_offered_only_once_the_deadline_has_passed() -> None:
    with pytest.raises(LetterError) as raised:
        letter("F2", REQUEST, today="Mon 13 Oct 2025")  # the last day of the 6 weeks
    assert "only for when the clock says overdue with no exception" in str(raised.value)
    assert "'Decide whether to assess and tell the family' is due soon" in str(raised.value)
    assert letter("F2", REQUEST, today="Tue 14 Oct 2025").reply_by == day("Tue 21 Oct 2025")


def test_a_chaser_is_not_offered_when_an_exception_excuses_the_deadline() -> None:
    from ehcp.letters import Child, Party, build_letter
    from ehcp.rules import RecordedException

    facts = CaseFacts(
        events=(REQUEST,),
        exceptions=(RecordedException("E3", day("Mon 15 Sep 2025"), day("Fri 19 Sep 2025")),),
    )
    with pytest.raises(LetterError, match="is excused"):
        build_letter(
            "F2",
            facts,
            today=day("Tue 14 Oct 2025"),
            calendar=CALENDAR,
            sender=Party("a"),
            recipient=Party("b"),
            child=Child("c"),
        )


@pytest.mark.parametrize(
    ("received", "decision_due", "plan_due"),
    [
        ("Mon 1 Sep 2025", "Monday 13 October 2025", "Monday 19 January 2026"),
        ("Wed 3 Sep 2025", "Wednesday 15 October 2025", "Wednesday 21 January 2026"),
    ],
)
def test_the_dates_in_a_chaser_move_with_the_facts(
    received: str, decision_due: str, plan_due: str
) -> None:
    text = to_text(letter("F2", ev("request_received", received), today="Mon 1 Dec 2025"))
    assert f"within 6 weeks: by {decision_due}" in text
    assert f"ends on {plan_due}" in text


def test_a_refusal_notice_needs_the_refusal_on_record() -> None:
    with pytest.raises(LetterError, match="needs decision_to_assess_notified:refuse"):
        letter("C2", REQUEST, today="Mon 6 Oct 2025")


def test_a_refusal_notice_gives_the_appeal_and_mediation_dates_from_the_clock() -> None:
    text = to_text(letter("C2", REQUEST, REFUSAL, today="Mon 6 Oct 2025"))
    assert "The Tribunal must receive your appeal by Monday 8 December 2025" in text
    assert "contact the mediation adviser by Saturday 6 December 2025" in text
    assert "The mediation adviser is Demo Mediation, 0800 000 0000." in text
    assert "[the SENDIASS contact details]" in text  # not configured: left to complete


def test_the_councils_reasons_are_printed_where_given() -> None:
    reasons = "The school's own support is meeting Alex's needs."
    text = to_text(letter("C2", REQUEST, REFUSAL, today="Mon 6 Oct 2025", details=reasons))
    assert reasons in text
    assert "[Give the reasons" not in text


def test_an_unknown_letter_lists_the_letters() -> None:
    with pytest.raises(LetterError, match="'Z9' is not a letter this system knows"):
        letter("Z9", REQUEST, today="Mon 6 Oct 2025")


def test_the_letters_offered_follow_the_clock() -> None:
    catalogue = load_catalogue()
    facts = CaseFacts(events=(REQUEST,))
    before = offered_letters(catalogue, facts, today=day("Mon 13 Oct 2025"), calendar=CALENDAR)
    after = offered_letters(catalogue, facts, today=day("Tue 14 Oct 2025"), calendar=CALENDAR)
    assert "F2" not in {t.id for t in before}
    assert "F2" in {t.id for t in after}


def test_an_organisation_can_replace_the_sign_off(tmp_path: Path) -> None:
    (tmp_path / "_signoff.txt").write_text("With best wishes,\n\n{{ sender.name }}\n")
    text = to_text(letter("F2", REQUEST, today="Tue 14 Oct 2025", folders=(tmp_path,)))
    assert text.endswith("With best wishes,\n\nSam Example\n")


def test_an_organisations_template_that_uses_an_unknown_field_gets_a_clear_message(
    tmp_path: Path,
) -> None:
    (tmp_path / "_signoff.txt").write_text("{{ sender.nickname }}\n")
    with pytest.raises(LetterError, match="The F2 template could not be filled in"):
        letter("F2", REQUEST, today="Tue 14 Oct 2025", folders=(tmp_path,))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no header", r"must start with a \+\+\+ header"),
        ("+++\nid = \n+++\nbody", "is not valid TOML"),
        ("+++\nid = 'X1'\n+++\nbody", "has no title"),
        (
            "+++\nid='X1'\ntitle='t'\naudience='press'\nto='x'\ncitations=[]\n"
            "law_from=2014-09-01\n+++\nbody",
            "audience must be one of",
        ),
        (
            "+++\nid='X1'\ntitle='t'\naudience='family'\nto='x'\ncitations=[]\n"
            "law_from='soon'\n+++\nbody",
            "law_from and law_to are dates",
        ),
    ],
)
def test_a_broken_template_file_is_named(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text, "X1.txt")


def test_a_letter_for_law_no_longer_in_force_is_refused(tmp_path: Path) -> None:
    (tmp_path / "X1.txt").write_text(
        "+++\nid='X1'\ntitle='Old rule'\naudience='family'\nto='x'\ncitations=[]\n"
        "law_from=2014-09-01\nlaw_to=2015-03-22\n+++\nbody\n"
    )
    with pytest.raises(LetterError, match="as it stood until Sun 22 Mar 2015"):
        letter("X1", REQUEST, today="Mon 6 Oct 2025", folders=(tmp_path,))


def test_the_letters_offered_are_those_with_no_reason_not_to_write_them() -> None:
    from ehcp.letters.compose import why_not
    from ehcp.rules import compute_schedule

    from .test_catalogue import CASES, CHASERS

    stories = [(events, today) for _, events, today, _ in CASES.values()]
    stories += [(events, day_) for _, events, *days in CHASERS for day_ in days]
    catalogue = load_catalogue()
    for events, today in stories:
        facts = CaseFacts(events=events)
        schedule = compute_schedule(facts, today=day(today), calendar=CALENDAR)
        expected = [
            t for t in catalogue.values() if why_not(t, facts, schedule, day(today)) is None
        ]
        offered = offered_letters(catalogue, facts, today=day(today), calendar=CALENDAR)
        assert offered == expected, (events, today)


def test_an_organisations_edited_template_is_read_again(tmp_path: Path) -> None:
    import os

    built_in = (Path(__file__).parents[2] / "src/ehcp/letters/catalogue/F2.txt").read_text()
    own = tmp_path / "F2.txt"
    own.write_text(built_in.replace("your decision is late", "still no decision"))
    assert "still no decision" in to_text(
        letter("F2", REQUEST, today="Tue 14 Oct 2025", folders=(tmp_path,))
    )
    own.write_text(built_in.replace("your decision is late", "now very late"))
    later = own.stat().st_mtime_ns + 1_000_000_000
    os.utime(own, ns=(later, later))
    assert "now very late" in to_text(
        letter("F2", REQUEST, today="Tue 14 Oct 2025", folders=(tmp_path,))
    )
