"""`ehcp clock` as a user runs it: output, files and every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ehcp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["clock", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_issue_example_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--received", "2024-01-08", "--json")
    due = {d["id"]: d["due"] for d in json.loads(out) if not d["step"]}
    assert code == 0
    assert (due["A1"], due["A3"], due["A6"]) == ("2024-02-19", "2024-04-29", "2024-05-27")
    assert all({"id", "due", "status", "citation"} <= set(d) for d in json.loads(out))


def test_the_table_shows_the_new_request_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--received", "2024-01-08", "--today", "2024-03-01")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()[2:] if line.strip()}
    assert "Mon 19 Feb 2024" in lines["A1"]
    assert "overdue" in lines["A1"]
    assert "Sun 12 May 2024" in lines["A6.draft_latest"]
    assert "Fri 24 May 2024" in lines["A6"]


def test_events_with_kinds_and_a_facts_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"events": [{"event": "request_received", "date": "2024-01-08"}]}))
    code, out, _ = run(
        capsys,
        "--facts",
        str(case),
        "--event",
        "advice_requested:health=2024-02-20",
        "--today",
        "2024-04-10",
        "--json",
    )
    advice = [d for d in json.loads(out) if d["id"] == "A2"]
    assert code == 0
    assert (advice[0]["due"], advice[0]["status"]) == ("2024-04-02", "overdue")


def test_writes_an_icalendar_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    code, _, _ = run(capsys, "--received", "2024-01-08", "--ics", str(target))
    text = target.read_text()
    assert code == 0
    assert text.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20240527" in text
    assert text.count("BEGIN:VEVENT") == 5


def test_lists_the_events(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--list-events")
    assert code == 0
    assert "mediation_certificate_issued" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "2024-02-30"], "'2024-02-30' is not a real date"),
        (["--event", "final_plan_issed=2024-01-01"], "Did you mean 'final_plan_issued'?"),
        (["--event", "moved"], "should look like NAME=DATE"),
        (
            ["--received", "2024-01-08", "--event", "advice_requested=2024-01-01"],
            "before the request",
        ),
        (["--received", "2024-01-08", "--today", "2024-13-01"], "--today '2024-13-01'"),
        (["--facts", "/nonexistent/case.json"], "There is no file called"),
        ([], "Give at least one fact"),
        (["--received", "2024-01-08", "--ics", "/nonexistent/x.ics"], "Could not write"),
    ],
)
def test_bad_input_gets_one_clear_message_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("ehcp clock: ")
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_a_broken_facts_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [')
    code, _, err = run(capsys, "--facts", str(broken))
    assert code == 2
    assert "is not a readable JSON file" in err


def test_the_installed_command_runs_as_a_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ehcp.cli", "clock", "--received", "2024-01-08", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert '"A6"' in result.stdout


def test_a_refusal_shows_the_appeal_window_and_the_mediation_step(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "--received",
        "2025-09-01",
        "--event",
        "decision_to_assess_notified:refuse=2025-10-06",
        "--today",
        "2025-10-20",
    )
    lines = {line.split()[0]: line for line in out.splitlines()[3:] if line.strip()}
    assert code == 0
    # 2 months after Mon 6 Oct 2025 is Sat 6 Dec; HESC r.12(2) moves it to Monday.
    assert "Mon 8 Dec 2025" in lines["AP1"]
    assert "window open, closes Mon 8 Dec 2025 [family]" in lines["AP1"]
    assert "Sat 6 Dec 2025" in lines["M1"]
    assert "Overdue (breaches by the council or ICB): 0. Behind target: 0." in out


def test_the_headline_counts_only_council_breaches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--received", "2024-01-08", "--today", "2024-05-20")
    assert code == 0
    # A1 and A3 overdue; both derived draft dates only behind target; A6 not yet due.
    assert "Overdue (breaches by the council or ICB): 2. Behind target: 2." in out


def test_the_json_says_what_missing_each_limit_means(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--event",
        "decision_to_assess_notified:refuse=2025-10-06",
        "--today",
        "2025-10-20",
        "--json",
    )
    rows = {d["id"]: d for d in json.loads(out)}
    assert code == 0
    assert rows["AP1"]["consequence"] == "family"
    assert rows["AP1"]["status_text"] == "window open, closes Mon 8 Dec 2025"


def test_the_command_line_can_say_what_a_facts_file_can(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "--received",
        "2024-06-03",
        "--dob",
        "2019-05-01",
        "--closure",
        "Oak Primary:2024-07-23:2024-09-04",
        "--exception",
        "E1:2024-07-16::Oak Primary",
        "--today",
        "2024-12-01",
        "--json",
    )
    rows = {d["id"]: d for d in json.loads(out) if not d["step"]}
    assert code == 0
    # Advice asked Tue 16 Jul 2024, inside Oak Primary's closure window, excuses A3 and A6;
    # it was asked after A1's 6 weeks ended (Mon 15 Jul), so A1 stays overdue.
    assert (rows["A3"]["status"], rows["A6"]["status"]) == ("excused", "excused")
    assert rows["A1"]["status"] == "overdue"


def test_an_exception_with_an_end_date_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "--received",
        "2024-01-08",
        "--exception",
        "E3:2024-02-12:2024-02-16",
        "--today",
        "2024-03-01",
        "--json",
    )
    rows = {d["id"]: d for d in json.loads(out) if not d["step"]}
    assert code == 0
    assert rows["A1"]["status"] == "excused"
    assert rows["A1"]["exception"] == "E3"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--exception", "E3", "should look like CODE:START[:END[:SETTING]]"),
        ("--exception", "E3:2024-02-31", "is not a real date"),
        ("--closure", "Oak Primary:2024-07-23", "should look like SETTING:FIRST:REOPENING"),
        ("--dob", "01/05/2019", "is not a real date"),
        ("--exception", "E9:2024-02-12", "'E9' is not a known exception"),
    ],
)
def test_bad_exceptions_closures_and_birth_dates_are_one_sentence(
    capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    code, _, err = run(capsys, "--received", "2024-01-08", flag, value)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_an_event_that_needs_a_kind_is_refused_with_the_kinds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "--event", "phase_transfer=2026-09-01")
    assert code == 2
    assert "phase_transfer on Tue 1 Sep 2026 needs a kind" in err
    assert "primary_to_secondary" in err
