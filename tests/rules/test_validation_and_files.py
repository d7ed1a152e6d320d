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
