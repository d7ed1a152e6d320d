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
