"""`manage.py ehcp_statistics`, which `./dev.sh demo` runs: imports only into an empty store."""

from __future__ import annotations

import shutil

from django.core.management import call_command

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
