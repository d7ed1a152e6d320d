"""The two shared DfE releases imported once per session (as tests/stats does), read into
the forecast's figures, and the model fitted at the backtest origin."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from ehcp.forecast import Figures, Model, figures_from_rows, fit
from ehcp.forecast.data import before
from ehcp.stats.forecast_inputs import read_breakdowns
from ehcp.stats.store import connect, import_releases

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dfe-ehcp-statistics"
RELEASES = [
    DATA / "education-health-and-care-plans_reporting-year-2022.zip",
    DATA / "education-health-and-care-plans_reporting-year-2025.zip",
]


@pytest.fixture(scope="session")
def forecast_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [str(path) for path in RELEASES if not path.exists()]
    if missing:
        pytest.fail(f"The shared DfE releases are missing: {', '.join(missing)}")
    path = tmp_path_factory.mktemp("forecast") / "stats.duckdb"
    import_releases(path, RELEASES)
    return path


@pytest.fixture(scope="session")
def figures(forecast_store: Path) -> Figures:
    with connect(forecast_store, read_only=True) as connection:
        return figures_from_rows(read_breakdowns(connection))


@pytest.fixture(scope="session")
def model_2023(figures: Figures) -> Model:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fit(before(figures, 2023), as_of=2023, horizon=2)
