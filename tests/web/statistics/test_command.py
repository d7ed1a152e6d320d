"""`manage.py ehcp_statistics`, which `./dev.sh demo` runs: imports only into an empty store."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from django.core.management import CommandError, call_command

from ..conftest import RELEASES


def test_imports_into_an_empty_store_then_leaves_it_alone(settings, tmp_path, capsys):
    settings.STATS_STORE = tmp_path / "stats.duckdb"
    call_command("ehcp_statistics", *[str(path) for path in RELEASES[:1]])
    assert "Imported DfE statistics (reporting years 2022)" in capsys.readouterr().out
    call_command("ehcp_statistics", *[str(path) for path in RELEASES])
    assert "already holds figures" in capsys.readouterr().out


def test_the_demo_store_is_filled_from_the_shared_copy(settings, tmp_path, stats_store):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(stats_store, copy)
    settings.STATS_STORE = copy
    call_command("ehcp_statistics", str(RELEASES[0]))
    assert copy.stat().st_size == stats_store.stat().st_size


def test_a_release_that_fails_its_checks_is_refused_and_nothing_imported(
    settings, tmp_path, capsys
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
