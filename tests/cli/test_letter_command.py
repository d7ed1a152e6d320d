"""`ehcp letter` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ehcp.cli import main

CASE = {
    "events": [{"event": "request_received", "date": "2025-09-01"}],
    "child": {"name": "Alex Example", "date_of_birth": "2015-05-01", "reference": "EHC-0001"},
    "sender": {"name": "Sam Example", "address": ["1 Demo Street", "Demoton"]},
    "recipient": {"name": "Director of Children's Services", "organisation": "Demo Council"},
}


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: object, *args: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    code = main(["letter", *args, "--facts", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_the_letters_that_fit_the_case_today(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, tmp_path, CASE, "--list", "--today", "2025-10-20")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["F2"].startswith("F2   Chaser: the decision on assessment is late")
    assert "C1" in lines  # the acknowledgement, once a request is on record
    assert "F3" not in lines  # the plan is not late yet
    assert "C2" not in lines  # no refusal on record


def test_writes_the_chaser_as_text(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, tmp_path, CASE, "F2", "--today", "2025-10-20")
    assert code == 0
    assert "Alex Example, born Friday 1 May 2015. Your reference: EHC-0001." in out
    assert "within 6 weeks: by Monday 13 October 2025" in out


@pytest.mark.parametrize(("format_", "magic"), [("docx", b"PK"), ("pdf", b"%PDF")])
def test_writes_docx_and_pdf_files(capsys, tmp_path, format_: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / f"letter.{format_}"
    code, _, _ = run(
        capsys,
        tmp_path,
        CASE,
        "F2",
        "--today",
        "2025-10-20",
        "--format",
        format_,
        "--out",
        str(out_file),
    )
    assert code == 0
    assert out_file.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("case", "args", "message"),
    [
        (CASE, ["F2", "--today", "2025-10-01"], "only for when the clock says overdue"),
        (CASE, ["F2", "--today", "2025-10-20", "--format", "pdf"], "needs --out FILE"),
        (CASE, ["Q7", "--today", "2025-10-20"], "'Q7' is not a letter this system knows"),
        ([], ["F2"], "must hold one JSON object"),
        ({**CASE, "child": "Alex"}, ["F2", "--today", "2025-10-20"], "The child must be"),
        (
            {**CASE, "sender": {"name": "Sam", "address": "1 Demo Street"}},
            ["F2", "--today", "2025-10-20"],
            "An address must be a list",
        ),
        (
            {**CASE, "events": [{"event": "decision_to_assess_notified", "date": "2025-10-06"}]},
            ["C2", "--today", "2025-10-20"],
            "needs a kind",
        ),
        ({**CASE, "child": {"name": 7}}, ["F2", "--today", "2025-10-20"], "name must be text"),
    ],
)
def test_bad_input_is_one_sentence(capsys, tmp_path, case, args, message: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, tmp_path, case, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
