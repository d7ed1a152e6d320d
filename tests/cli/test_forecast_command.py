"""`ehcp forecast`: a table and CSV from the published figures; bad input is one sentence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ehcp.cli import main
from ehcp.stats.store import import_releases

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dfe-ehcp-statistics"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forecast-cli") / "stats.duckdb"
    import_releases(path, sorted(DATA.glob("*.zip")))
    return path


def test_forecast_table_and_csv(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stockport.csv"
    argv = ["forecast", "--la", "Stockport", "--years", "2", "--sims", "60", "--store", str(store)]
    assert main([*argv, "--csv", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Stockport: EHC plans from January 2025, 60 simulations" in captured.out
    assert "60/60 simulations" in captured.err
    lines = captured.out.splitlines()
    assert lines[2].split()[:2] == ["2025", "3506"]  # the published January 2025 caseload
    rows = list(csv.DictReader(out.open()))
    totals = [r for r in rows if r["group"] == "total"]
    assert [r["year"] for r in totals] == ["2025", "2026", "2027"]
    assert int(totals[2]["median"]) > int(totals[0]["median"])
    assert {r["group"] for r in rows} >= {"setting:special", "need:asd", "band:16-19"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--la", "Atlantis"], "No council, region or England called 'Atlantis'"),
        (["--la", "Stockport", "--years", "0"], "--years must be between 1 and 15."),
        (["--la", "Stockport", "--sims", "0"], "--sims must be between 1 and 100000."),
        (["--la", "Stockport", "--seed", "-1"], "--seed must be 0 or more."),
    ],
)
def test_bad_input_is_one_sentence(
    store: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forecast", *argv, "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--la", "Stockport", "--store", str(tmp_path / "no.duckdb")]) == 2
    assert "There is no statistics store" in capsys.readouterr().err
