"""Fitted models and baseline forecasts kept on disk, beside the statistics store.

Fitting every place takes seconds to tens of seconds, so it happens once, when statistics are
imported (`build`), never in a web request. The folder `<store>.forecasts/` beside the store
holds one folder per version of the figures: its name is `key(version)`, a digest of the
store's version (which changes with every import), this file format and the page's number
of simulations and seed. A reader that finds no folder for the store's current version knows
the forecasts are stale and makes none itself.

A version's folder holds `forecasts.json` (each place's baseline forecast, its calibration,
history and accuracy) and `params/<code>.npz` (its fitted parameters, plain arrays, read
without pickle). It is written under a temporary name and renamed into place, so a reader
sees all of it or none; older versions are then removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np

from ehcp.forecast.data import Figures
from ehcp.forecast.engine import Parameters
from ehcp.forecast.errors import ForecastError
from ehcp.forecast.national import Runner, local_runner
from ehcp.forecast.places import (
    PAGE_SIMS,
    SEED,
    Accuracy,
    ForecastRequest,
    ForecastResult,
    MixRow,
    PlaceModel,
    YearRow,
    fit_places,
    run_forecast,
)
from ehcp.forecast.states import build_states

FORMAT = 1  # bump when the model or this layout changes: older folders are then stale
_SCALARS = ("dispersion", "level_sd", "trend_sd")
_ARRAYS = tuple(f.name for f in fields(Parameters) if f.name not in ("states", *_SCALARS))


def directory_for(store: Path) -> Path:
    """The folder of kept forecasts beside a statistics store file."""
    return store.with_name(f"{store.stem}.forecasts")


def key(version: str) -> str:
    text = f"format {FORMAT}; sims {PAGE_SIMS}; seed {SEED}; figures {version}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def baseline(place: PlaceModel) -> ForecastResult:
    """The page's forecast for a place without a scenario."""
    return run_forecast(place, ForecastRequest(place.code))


def build(
    figures: Figures, version: str, directory: Path, *, runner: Runner[Any, Any] = local_runner
) -> Stored:
    """Fit every place, simulate its baseline for the page and keep both for `version`."""
    return keep(fit_places(figures), version, directory, runner=runner)


def keep(
    places: dict[str, PlaceModel],
    version: str,
    directory: Path,
    *,
    runner: Runner[Any, Any] = local_runner,
) -> Stored:
    """Simulate each fitted place's baseline for the page and keep both for `version`."""
    codes = sorted(places)
    results = runner(baseline, [places[code] for code in codes])
    return save(directory, key(version), places, dict(zip(codes, results, strict=True)))


def save(
    directory: Path, name: str, places: dict[str, PlaceModel], results: dict[str, ForecastResult]
) -> Stored:
    directory.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".writing-", dir=directory))
    try:
        (scratch / "params").mkdir()
        for code, place in places.items():
            _save_params(scratch / "params" / f"{_file_name(code)}.npz", place.params)
        places_json = {
            code: {
                "level": place.level,
                "calibration": [[h, *bounds] for h, bounds in place.calibration.items()],
                "baseline": _result_json(results[code]),
            }
            for code, place in places.items()
        }
        document = {"format": FORMAT, "places": places_json}
        (scratch / "forecasts.json").write_text(json.dumps(document), encoding="utf-8")
        target = directory / name
        if target.exists():
            shutil.rmtree(target)
        os.replace(scratch, target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    _remove_others(directory, keep=name)
    return Stored(target, places_json)


def _remove_others(directory: Path, keep: str) -> None:
    for entry in directory.iterdir():
        if entry.is_dir() and entry.name != keep and not entry.name.startswith(".writing-"):
            shutil.rmtree(entry, ignore_errors=True)


def load(directory: Path, version: str) -> Stored | None:
    """The forecasts kept for this version of the figures, or None if there are none yet."""
    folder = directory / key(version)
    try:
        document = json.loads((folder / "forecasts.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise ForecastError(f"The kept forecasts in {folder} cannot be read ({error}).") from None
    if document.get("format") != FORMAT:
        return None
    return Stored(folder, document["places"])


class Stored:
    """One version's kept forecasts: each place's baseline, and its model for scenarios."""

    def __init__(self, folder: Path, places: dict[str, Any]) -> None:
        self.folder = folder
        self._places = places
        self._results = {code: _result(entry["baseline"]) for code, entry in places.items()}

    @property
    def codes(self) -> Iterable[str]:
        return self._places.keys()

    def result(self, code: str) -> ForecastResult:
        """The page's baseline forecast for a place."""
        try:
            return self._results[code]
        except KeyError:
            raise ForecastError("the published figures are not enough to forecast.") from None

    def place(self, code: str) -> PlaceModel:
        """A place's fitted model, for a scenario or a longer run."""
        found = self.result(code)
        entry = self._places[code]
        return PlaceModel(
            code=code,
            name=found.name,
            level=entry["level"],
            origin=found.origin,
            params=self._params(code),
            calibration={int(h): (low, high) for h, low, high in entry["calibration"]},
            history=found.history,
            accuracy=found.accuracy,
        )

    def scenario(self, request: ForecastRequest) -> ForecastResult | None:
        """A scenario worked out earlier for these figures (`keep_scenario`), if there is one."""
        try:
            text = self._scenario_path(request).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            return _result(json.loads(text))
        except (ValueError, KeyError, TypeError):
            return None  # written by an older layout: worked out again

    def keep_scenario(self, result: ForecastResult) -> None:
        """Keep a scenario's forecast beside these figures' baselines (written whole or not at
        all); a new import's folder starts without any."""
        path = self._scenario_path(result.request)
        path.parent.mkdir(exist_ok=True)
        scratch = path.with_name(f".writing-{os.getpid()}-{path.name}")
        scratch.write_text(json.dumps(_result_json(result)), encoding="utf-8")
        os.replace(scratch, path)

    def _scenario_path(self, request: ForecastRequest) -> Path:
        asked = {f.name: getattr(request, f.name) for f in fields(ForecastRequest)}
        digest = hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()[:20]
        return self.folder / "scenarios" / f"{digest}.json"

    def _params(self, code: str) -> Parameters:
        try:
            return _load_params(self.folder / "params" / f"{_file_name(code)}.npz")
        except (OSError, ValueError, KeyError):
            raise ForecastError(
                "the forecasts are being replaced by newer ones; try again in a minute."
            ) from None


def _file_name(code: str) -> str:
    if not code.isalnum():
        raise ForecastError(f"Unexpected place code {code!r}.")
    return code


def _save_params(path: Path, params: Parameters) -> None:
    arrays = {name: getattr(params, name) for name in _ARRAYS}
    arrays |= {name: np.float64(getattr(params, name)) for name in _SCALARS}
    np.savez_compressed(path, **arrays)


def _load_params(path: Path) -> Parameters:
    with np.load(path, allow_pickle=False) as saved:
        values: dict[str, Any] = {name: saved[name] for name in _ARRAYS}
        values |= {name: float(saved[name]) for name in _SCALARS}
    return Parameters(states=build_states(), **values)


# Results as JSON: plain lists and numbers, read back into the same frozen dataclasses.


def _result_json(result: ForecastResult) -> dict[str, Any]:
    accuracy = result.accuracy
    return {
        "request": {f.name: getattr(result.request, f.name) for f in fields(ForecastRequest)},
        "name": result.name,
        "origin": result.origin,
        "history": [list(pair) for pair in result.history],
        "years": [[getattr(row, f.name) for f in fields(YearRow)] for row in result.years],
        "settings": [[row.name, row.start, row.end] for row in result.settings],
        "needs": [[row.name, row.start, row.end] for row in result.needs],
        "unmet": result.unmet,
        "accuracy": None
        if accuracy is None
        else {
            "origin": accuracy.origin,
            "place_errors": accuracy.place_errors,
            "model_mape": accuracy.model_mape,
            "growth_mape": accuracy.growth_mape,
            "councils": accuracy.councils,
        },
    }


def _result(data: dict[str, Any]) -> ForecastResult:
    accuracy = data["accuracy"]
    return ForecastResult(
        request=ForecastRequest(**data["request"]),
        name=data["name"],
        origin=data["origin"],
        history=tuple((int(year), int(plans)) for year, plans in data["history"]),
        years=tuple(YearRow(*row) for row in data["years"]),
        settings=tuple(MixRow(*row) for row in data["settings"]),
        needs=tuple(MixRow(*row) for row in data["needs"]),
        unmet=data["unmet"],
        accuracy=None
        if accuracy is None
        else Accuracy(
            origin=accuracy["origin"],
            place_errors=_pairs(accuracy["place_errors"]),
            model_mape=_pairs(accuracy["model_mape"]),
            growth_mape=_pairs(accuracy["growth_mape"]),
            councils=accuracy["councils"],
        ),
    )


def _pairs(rows: list[list[float]]) -> tuple[tuple[int, float], ...]:
    return tuple((int(first), float(second)) for first, second in rows)
