"""Shared fixtures: the two real DfE releases, imported once per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from stats_releases import DATA, RELEASE_2022, RELEASE_2025

from ehcp.stats.store import connect, import_releases


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding both shared releases. Read it; copy it before changing it."""
    if not RELEASE_2022.exists() or not RELEASE_2025.exists():
        pytest.fail(f"The shared DfE releases are missing from {DATA}")
    path = tmp_path_factory.mktemp("stats") / "stats.duckdb"
    import_releases(path, [RELEASE_2022, RELEASE_2025])
    return path


@pytest.fixture
def store(store_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with connect(store_path, read_only=True) as connection:
        yield connection


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the imported store, for tests that import again."""
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path, copy)
    return copy
