"""`manage.py ehcp_statistics`, which `./dev.sh demo` runs: imports only into an empty store,
then makes the forecast pages' forecasts unless they are kept for those figures already."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from django.core.management import CommandError, call_command

from ehcp.forecast import stored

from ..conftest import RELEASES


@pytest.fixture
def fits(monkeypatch, fitted_places):
    """Fitting replaced by the session's fitted Bristol (the real fit takes tens of seconds);
    the list records each fit's origin."""
    made = []

    def fit_places(figures):
        made.append(figures.latest_year())
        return {"801": fitted_places["801"]}

    monkeypatch.setattr(stored, "fit_places", fit_places)
    return made


def test_imports_into_an_empty_store_then_leaves_it_alone(settings, tmp_path, capsys, fits):
    settings.STATS_STORE = tmp_path / "stats.duckdb"
    call_command("ehcp_statistics", *[str(path) for path in RELEASES[:1]])
    out = capsys.readouterr().out
    assert "Imported DfE statistics (reporting years 2022)" in out
    assert "Made the forecasts for 1 place in" in out
    call_command("ehcp_statistics", *[str(path) for path in RELEASES])
    out = capsys.readouterr().out
    assert "already holds figures" in out
    assert "The forecasts for these figures are kept already." in out
    assert fits == [2022]


def test_the_demo_store_is_filled_from_the_shared_copy(settings, tmp_path, stats_store, fits):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(stats_store, copy)
    settings.STATS_STORE = copy
    call_command("ehcp_statistics", str(RELEASES[0]))
    assert copy.stat().st_size == stats_store.stat().st_size
    assert fits == [2025]  # the copy came without its forecasts
    assert stored.directory_for(copy).is_dir()


def test_a_release_that_fails_its_checks_is_refused_and_nothing_imported(
    settings, tmp_path, capsys, fits
):
    # Issue 13: one header-only file used to import "successfully" and delete a year.
    settings.STATS_STORE = tmp_path / "stats.duckdb"
    archive = tmp_path / "education-health-and-care-plans_reporting-year-2025.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("data/caseload.csv", "time_period,geographic_level,ehcplans\r\n")
    with pytest.raises(CommandError, match=r"reporting-year-2025\.zip: it lacks annual_reviews"):
        call_command("ehcp_statistics", str(archive))
    call_command("ehcp_statistics", str(RELEASES[0]), "--replace")
    assert "Imported DfE statistics (reporting years 2022)" in capsys.readouterr().out
