"""Bad facts get plain sentences; facts round-trip through plain data."""

from __future__ import annotations

import pytest

from ehcp.rules import CaseFacts, Event, FactsError, RecordedException, SettingClosure
from ehcp.rules.serialise import deadline_to_dict, facts_from_dict
from ehcp.rules.validation import find_problems, validate_facts

from .helpers import day, ev, one, schedule

TODAY = day("Sun 22 Nov 2026")


def problems(*events: Event, **facts: object) -> list[str]:
    return find_problems(CaseFacts(events=events, **facts), TODAY)  # type: ignore[arg-type]


def test_good_facts_have_no_problems() -> None:
    facts = CaseFacts(
        events=(ev("request_received", "Mon 8 Jan 2024"),),
        closures=(SettingClosure("Oak", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024")),),
    )
    assert find_problems(facts, TODAY) == []
    validate_facts(facts, TODAY)


def test_an_unknown_event_suggests_the_nearest_name() -> None:
    [message] = problems(ev("final_plan_issed", "Mon 8 Jan 2024"))
    assert "Did you mean 'final_plan_issued'?" in message


def test_an_unknown_event_with_nothing_close_says_so_plainly() -> None:
    assert problems(ev("zzz", "Mon 8 Jan 2024")) == ["'zzz' is not an event this system knows."]


def test_an_unknown_kind_lists_the_kinds() -> None:
    [message] = problems(ev("advice_requested", "Mon 8 Jan 2024", "dentist"))
    assert "educational_psychology" in message


def test_a_future_event_is_refused_unless_it_can_be_planned() -> None:
    assert problems(ev("final_plan_issued", "Mon 4 Jan 2027"))
    assert problems(ev("phase_transfer", "Wed 1 Sep 2027", "primary_to_secondary")) == []


def test_nothing_may_come_before_the_request() -> None:
    [message] = problems(
        ev("request_received", "Mon 8 Jan 2024"), ev("advice_requested", "Mon 1 Jan 2024")
    )
    assert message.startswith("advice_requested on Mon 1 Jan 2024 is before the request")


def test_impossible_sequences_are_named() -> None:
    [message] = problems(
        ev("draft_plan_served", "Mon 4 Mar 2024"), ev("final_plan_issued", "Mon 26 Feb 2024")
    )
    assert message == (
        "A final plan cannot be issued before the draft plan was served (Mon 26 Feb 2024)."
    )


def test_comments_cannot_come_before_the_draft_they_answer() -> None:
    # CFA 2014 s.38(2)(b) and SEND Regs 2014 reg 13(1)(a): the family comments on the draft
    # once it is served; the same day is possible (by hand, then an email that evening).
    draft = ev("draft_plan_served", "Mon 4 Mar 2024")
    assert problems(draft, ev("draft_comments_sent", "Mon 4 Mar 2024")) == []
    [message] = problems(draft, ev("draft_comments_sent", "Fri 1 Mar 2024"))
    assert message == (
        "Comments on the draft plan cannot be sent before the draft plan was served"
        " (Fri 1 Mar 2024)."
    )


def test_comments_on_the_draft_start_and_stop_no_time_limit() -> None:
    events = (ev("request_received", "Mon 8 Jan 2024"), ev("draft_plan_served", "Mon 4 Mar 2024"))
    commented = (*events, ev("draft_comments_sent", "Mon 11 Mar 2024"))
    assert schedule(*commented, today="Mon 18 Mar 2024") == schedule(
        *events, today="Mon 18 Mar 2024"
    )


def test_bad_exceptions_and_closures_are_named() -> None:
    found = problems(
        exceptions=(
            RecordedException("E9", day("Mon 8 Jan 2024")),
            RecordedException("E3", day("Mon 8 Jan 2024"), day("Mon 1 Jan 2024")),
        ),
        closures=(SettingClosure("Oak", day("Mon 8 Jan 2024"), day("Mon 1 Jan 2024")),),
    )
    assert len(found) == 3
    with pytest.raises(FactsError) as raised:
        validate_facts(
            CaseFacts(
                closures=(SettingClosure("Oak", day("Mon 8 Jan 2024"), day("Mon 1 Jan 2024")),)
            ),
            TODAY,
        )
    assert raised.value.problems == ["The closure of Oak reopens before it closes."]


def test_facts_from_a_file_shape() -> None:
    facts = facts_from_dict(
        {
            "date_of_birth": "2015-05-01",
            "post16_route": "apprenticeship",
            "events": [{"event": "advice_requested", "kind": "health", "date": "2024-02-01"}],
            "exceptions": [
                {"code": "E1", "start": "2024-07-16", "setting": "Oak", "applies_to": ["A6"]}
            ],
            "closures": [
                {"setting": "Oak", "first_closed_day": "2024-07-23", "reopening_day": "2024-09-04"}
            ],
        }
    )
    assert facts.events == (Event(day("Thu 1 Feb 2024"), "advice_requested", "health"),)
    assert facts.exceptions[0].applies_to == ("A6",)
    assert facts.closures[0].length_days == 43
    assert (facts.date_of_birth, facts.post16_route) == (day("Fri 1 May 2015"), "apprenticeship")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "one JSON object"),
        ({"events": {}}, "'events' must be a list"),
        ({"events": ["x"]}, "must be an object"),
        ({"events": [{"event": "moved"}]}, "missing date"),
        ({"events": [{"event": "moved", "date": "2024-02-30"}]}, "not a real date"),
        ({"events": [{"event": "moved", "date": 20240101}]}, "YYYY-MM-DD"),
        ({"date_of_birth": "soon"}, "date of birth"),
    ],
)
def test_broken_files_get_a_clear_message(data: object, message: str) -> None:
    with pytest.raises(FactsError, match=message):
        facts_from_dict(data)


def test_deadlines_become_plain_data() -> None:
    a6 = one(schedule(ev("request_received", "Mon 8 Jan 2024")), "A6")
    data = deadline_to_dict(a6)
    assert data["id"] == "A6"
    assert data["due"] == "2024-05-27"
    assert data["day_one_date"] == "2024-05-26"
    assert data["completed_on"] is None
    assert data["citation"].startswith("SEND Regs 2014 reg 13(2)")


def test_every_field_of_an_exception_and_a_closure_is_read() -> None:
    facts = facts_from_dict(
        {
            "events": [],
            "exceptions": [
                {
                    "code": "E4",
                    "start": "2024-07-01",
                    "end": "2024-08-02",
                    "setting": "Oak",
                    "applies_to": ["A1", "A6"],
                    "evidence": "Family abroad",
                },
                {"code": "E3", "start": "2024-09-02"},
            ],
            "closures": [
                {"setting": "Oak", "first_closed_day": "2024-07-23", "reopening_day": "2024-09-04"}
            ],
        }
    )
    assert facts.exceptions == (
        RecordedException(
            code="E4",
            start=day("Mon 1 Jul 2024"),
            end=day("Fri 2 Aug 2024"),
            setting="Oak",
            applies_to=("A1", "A6"),
            evidence="Family abroad",
        ),
        RecordedException(code="E3", start=day("Mon 2 Sep 2024")),
    )
    assert facts.closures == (
        SettingClosure("Oak", day("Tue 23 Jul 2024"), day("Wed 4 Sep 2024")),
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"events": ["x"]}, "Each event must be an object with event, date."),
        ({"events": [{"date": "2024-01-08"}]}, "One of the events in the file is missing event."),
        ({"exceptions": [{"code": "E3"}]}, "One of the exceptions in the file is missing start."),
        ({"exceptions": [7]}, "Each exception must be an object with code, start."),
        (
            {"closures": [{"setting": "Oak"}]},
            "One of the closures in the file is missing first_closed_day, reopening_day.",
        ),
        (
            {"events": [{"event": "moved", "date": "2024-02-30"}]},
            "The date of moved '2024-02-30' is not a real date (use YYYY-MM-DD).",
        ),
        (
            {"exceptions": [{"code": "E3", "start": "2024-13-01"}]},
            "The start of exception E3 '2024-13-01' is not a real date (use YYYY-MM-DD).",
        ),
        (
            {"exceptions": [{"code": "E3", "start": "2024-01-01", "end": "never"}]},
            "The end of exception E3 'never' is not a real date (use YYYY-MM-DD).",
        ),
        (
            {"closures": [{"setting": "Oak", "first_closed_day": 1, "reopening_day": "x"}]},
            "The first closed day of Oak must be a date written as YYYY-MM-DD.",
        ),
        (
            {
                "closures": [
                    {"setting": "Oak", "first_closed_day": "2024-07-23", "reopening_day": "x"}
                ]
            },
            "The reopening day of Oak 'x' is not a real date (use YYYY-MM-DD).",
        ),
        (
            {"date_of_birth": "9999-12-31"},  # Friday: limits counted from it pass year 9999
            "The date of birth '9999-12-31' is not between 1900 and 2199.",
        ),
        (
            {"events": [{"event": "moved", "date": "1899-12-31"}]},  # Sunday
            "The date of moved '1899-12-31' is not between 1900 and 2199.",
        ),
        (
            {"events": [{"event": "moved", "date": "2200-01-01"}]},  # Wednesday
            "The date of moved '2200-01-01' is not between 1900 and 2199.",
        ),
    ],
)
def test_each_broken_part_of_a_file_is_named_exactly(data: object, problem: str) -> None:
    with pytest.raises(FactsError) as raised:
        facts_from_dict(data)
    assert raised.value.problems == [problem]


@pytest.mark.parametrize("text", ["1900-01-01", "2199-12-31"])  # Monday, Tuesday
def test_the_first_and_last_dates_a_case_can_hold(text: str) -> None:
    facts = facts_from_dict({"events": [{"event": "moved", "date": text}]})
    assert facts.events[0].date.isoformat() == text


def test_every_field_of_a_deadline_becomes_plain_data() -> None:
    a1 = one(
        schedule(
            ev("request_received", "Mon 8 Jan 2024"),
            ev("decision_to_assess_notified", "Mon 19 Feb 2024", "assess"),
            today="Tue 20 Feb 2024",
        ),
        "A1",
    )
    data = deadline_to_dict(a1)
    assert {key: value for key, value in data.items() if key != "explanation"} == {
        "id": "A1",
        "step": "",
        "title": "Decide whether to assess and tell the family",
        "due": "2024-02-19",
        "operational_target": "2024-02-19",
        "day_one_date": "2024-02-18",
        "status": "met",
        "status_text": "met on Mon 19 Feb 2024",
        "consequence": "breach",
        "completed_on": "2024-02-19",
        "start_event": "request_received",
        "start_date": "2024-01-08",
        "start_kind": None,
        "basis": "statute",
        "duty_holder": "council",
        "citation": "CFA 2014 s.36(3)-(5),(8); SEND Regs 2014 reg 4(1), reg 5(1)-(3)",
        "exception": None,
        "indicative_date": None,
        "warnings": [],
    }
    assert data["explanation"].startswith("A1: Decide whether to assess and tell the family. ")


def test_an_excused_deadline_carries_its_exception_and_indicative_date() -> None:
    a1 = one(
        schedule(
            ev("request_received", "Mon 8 Jan 2024"),
            today="Tue 20 Feb 2024",
            exceptions=(RecordedException("E3", day("Mon 12 Feb 2024"), day("Fri 16 Feb 2024")),),
        ),
        "A1",
    )
    data = deadline_to_dict(a1)
    assert (data["exception"], data["indicative_date"]) == ("E3", "2024-02-24")
