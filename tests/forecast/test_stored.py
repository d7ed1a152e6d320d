"""Forecasts kept on disk beside the statistics store: read back exactly as written, found
only for the version of the figures they were made from, and written all at once."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import numpy as np
import pytest
from synthetic import parameters

from ehcp.forecast import ForecastError, stored
from ehcp.forecast.engine import Parameters
from ehcp.forecast.places import (
    Accuracy,
    ForecastRequest,
    PlaceModel,
    run_forecast,
)

ACCURACY = Accuracy(
    2023, ((2024, 1.5), (2025, -2.25)), ((1, 4.2), (2, 6.7)), ((1, 4.3), (2, 6.8)), 147
)


def _place(code: str, plans: int, seed: int, level: str = "council") -> PlaceModel:
    return PlaceModel(
        code=code,
        name=f"Place {code}",
        level=level,
        origin=2025,
        params=replace(parameters(plans=plans, seed=seed), dispersion=50.0, level_sd=0.02),
        calibration={1: (-0.05, 0.05), 2: (-0.09, 0.09)},
        history=((2024, plans - 100), (2025, plans)),
        accuracy=ACCURACY,
    )


PLACES = {"801": _place("801", 3000, 1), "E92000001": _place("E92000001", 9000, 2, "england")}


def _keep(directory: Path, version: str) -> stored.Stored:
    return stored.keep(PLACES, version, directory)


def test_kept_forecasts_read_back_as_written(tmp_path: Path) -> None:
    _keep(tmp_path, "2025:100:2026-01-01T00:00:00.000000")
    kept = stored.load(tmp_path, "2025:100:2026-01-01T00:00:00.000000")
    assert kept is not None
    assert sorted(kept.codes) == ["801", "E92000001"]
    for code, place in PLACES.items():
        assert kept.result(code) == run_forecast(place, ForecastRequest(code))
        again = kept.place(code)
        for field in fields(Parameters):
            if field.name != "states":
                assert np.array_equal(
                    getattr(again.params, field.name), getattr(place.params, field.name)
                )
        assert replace(again, params=place.params) == place


def test_a_scenario_from_the_kept_model_is_the_same_run(tmp_path: Path) -> None:
    kept = _keep(tmp_path, "v1")
    request = ForecastRequest("801", joiners_percent=120, capacity_setting="special", places=40)
    assert run_forecast(kept.place("801"), request) == run_forecast(PLACES["801"], request)


def test_forecasts_for_other_figures_are_stale(tmp_path: Path) -> None:
    first = _keep(tmp_path, "v1")
    assert stored.load(tmp_path, "v2") is None
    second = _keep(tmp_path, "v2")
    assert stored.load(tmp_path, "v2") is not None
    assert stored.load(tmp_path, "v1") is None  # the older version is removed
    assert not first.folder.exists()
    assert [entry.name for entry in tmp_path.iterdir()] == [second.folder.name]


def test_another_file_format_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _keep(tmp_path, "v1")
    monkeypatch.setattr(stored, "FORMAT", stored.FORMAT + 1)
    assert stored.load(tmp_path, "v1") is None


def test_a_place_without_a_forecast_is_a_forecast_error(tmp_path: Path) -> None:
    kept = _keep(tmp_path, "v1")
    with pytest.raises(ForecastError, match="not enough to forecast"):
        kept.result("909")


def test_a_damaged_file_is_a_forecast_error(tmp_path: Path) -> None:
    kept = _keep(tmp_path, "v1")
    (kept.folder / "forecasts.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ForecastError, match="cannot be read"):
        stored.load(tmp_path, "v1")


def test_a_failed_write_leaves_the_kept_forecasts_alone(tmp_path: Path) -> None:
    _keep(tmp_path, "v1")
    broken = {**PLACES, "../x": _place("801", 100, 3)}
    with pytest.raises(ForecastError, match="Unexpected place code"):
        stored.keep(broken, "v2", tmp_path)
    assert stored.load(tmp_path, "v1") is not None
    assert stored.load(tmp_path, "v2") is None
    assert len(list(tmp_path.iterdir())) == 1


def test_the_folder_sits_beside_the_store() -> None:
    assert stored.directory_for(Path("/srv/ehcp/stats.duckdb")) == Path(
        "/srv/ehcp/stats.forecasts"
    )


def test_forecasts_replaced_under_a_reader_are_a_forecast_error(tmp_path: Path) -> None:
    kept = _keep(tmp_path, "v1")
    _keep(tmp_path, "v2")  # removes v1's folder while `kept` still points at it
    assert kept.result("801").name == "Place 801"
    with pytest.raises(ForecastError, match="being replaced"):
        kept.place("801")
