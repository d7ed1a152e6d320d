"""`ehcp forecast`: a table and CSV from the published figures, every council here or on a
Dask cluster, the pages' kept forecasts; bad input is one sentence."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from distributed import LocalCluster

from ehcp.cli import forecast as forecast_command
from ehcp.cli import main
from ehcp.forecast import figures_from_rows, stored
from ehcp.forecast.places import fit_places
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, import_releases, store_version

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
        (["--all", "--joiners", "400"], "--joiners must be between 0 and 300"),
        (["--la", "Kent", "--save"], "--save goes with --all, not --la."),
        (["--la", "Kent", "--dask", "tcp://127.0.0.1:1"], "--dask goes with --all"),
        (["--all", "--local-cluster", "0"], "--local-cluster must be between 1 and 64"),
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


FEW = ("886", "801", "E92000001")  # Kent, Bristol and England: enough to check the plumbing


@pytest.fixture(scope="module")
def few_places(store: Path) -> dict[str, Any]:
    """The real fitted models of a few places (one fit for the module)."""
    with connect(store, read_only=True) as connection:
        figures = figures_from_rows(read_breakdowns(connection))
    fitted = fit_places(figures)
    return {code: fitted[code] for code in FEW}


@pytest.fixture
def quick_fit(monkeypatch: pytest.MonkeyPatch, few_places: dict[str, Any]) -> None:
    monkeypatch.setattr(forecast_command, "fit_places", lambda figures: few_places)


@pytest.mark.usefixtures("quick_fit")
def test_every_council_here_and_on_a_dask_cluster_gives_the_same_csv(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["forecast", "--all", "--sims", "20", "--joiners", "110", "--store", str(store)]
    assert main([*argv, "--csv", str(tmp_path / "here.csv")]) == 0
    out = capsys.readouterr().out
    assert "2 councils × 2 scenarios, 20 simulations each" in out
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
    ):
        there = tmp_path / "there.csv"
        assert main([*argv, "--csv", str(there), "--dask", cluster.scheduler_address]) == 0
    here = (tmp_path / "here.csv").read_text()
    assert there.read_text() == here
    rows = list(csv.DictReader(here.splitlines()))
    assert {(r["council"], r["scenario"]) for r in rows} == {
        ("Bristol, City of", "baseline"),
        ("Bristol, City of", "new plans at 110%"),
        ("Kent", "baseline"),
        ("Kent", "new plans at 110%"),
    }
    kent = [r for r in rows if r["council"] == "Kent" and r["year"] == "2031"]
    by_scenario = {r["scenario"]: int(r["median"]) for r in kent}
    assert by_scenario["new plans at 110%"] > by_scenario["baseline"]


@pytest.mark.usefixtures("quick_fit")
def test_save_keeps_the_pages_forecasts_for_the_store_version(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forecast", "--all", "--save", "--store", str(store)]) == 0
    assert "Kept the pages' forecasts in" in capsys.readouterr().out
    with connect(store, read_only=True) as connection:
        version = store_version(connection)
    kept = stored.load(stored.directory_for(store), version)
    assert kept is not None
    assert sorted(kept.codes) == sorted(FEW)
    assert kept.result("801").history[-1] == (2025, 4931)


@pytest.mark.usefixtures("quick_fit")
def test_an_unreachable_cluster_is_one_sentence(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["forecast", "--all", "--sims", "5", "--dask", "tcp://127.0.0.1:1"]
    assert main([*argv, "--store", str(store)]) == 2
    assert "Cannot reach the Dask scheduler at tcp://127.0.0.1:1" in capsys.readouterr().err
