"""The statistics store as the public pages see it: read-only, opened briefly, answers kept.

A DuckDB file opened read-only is locked against writers, so holding it open would stop
`ehcp stats import` while the web app runs. Each question therefore opens the store, asks
`ehcp.stats.queries` and closes it (about 20 ms), and the answer is kept in memory until the
file changes: its path, inode, size and modification time are part of the cache key. Answers
are tuples of frozen dataclasses, safe to share between requests and threads.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb
from django.conf import settings

from ehcp.stats import breakdowns, hexlayout, queries
from ehcp.stats import comparators as comparator
from ehcp.stats import headline as headlines
from ehcp.stats.catalogue import INDICATORS
from ehcp.stats.errors import StatsError
from ehcp.stats.hexlayout import Hex
from ehcp.stats.queries import Comparison, Council, Ranked
from ehcp.stats.store import connect

T = TypeVar("T")
Stamp = tuple[int, int, int]


class NoStatisticsError(Exception):
    """The store does not exist yet, or holds no imported release."""


class UnavailableError(Exception):
    """The store exists but cannot be opened now (for example while an import runs)."""


def store_path() -> Path:
    return Path(settings.STATS_STORE)


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _ask(question: Callable[..., T], *args: Any) -> T:
    path = store_path()
    stamp = _stamp(path)
    if stamp is None:
        raise NoStatisticsError(str(path))
    answer: T = _answer(str(path), stamp, question, args)
    return answer


@functools.lru_cache(maxsize=1024)
def _answer(path: str, stamp: Stamp, question: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    with ExitStack() as stack:
        try:
            connection = stack.enter_context(connect(Path(path), read_only=True))
        except StatsError as error:
            raise UnavailableError(str(error)) from error
        return question(connection, *args)


def version() -> tuple[str, Stamp]:
    """The store's path and stamp, for caches of answers derived from it."""
    path = store_path()
    stamp = _stamp(path)
    if stamp is None:
        raise NoStatisticsError(str(path))
    return str(path), stamp


def ask_version(path: str, stamp: Stamp, question: Callable[..., T]) -> T:
    """`question` asked of the store at a version `version()` returned."""
    answer: T = _answer(path, stamp, question, ())
    return answer


def clear_cache() -> None:
    _answer.cache_clear()


# Questions: each takes an open connection first and returns something immutable.


@dataclass(frozen=True)
class Overview:
    """What every page needs, fetched with one opening of the store."""

    councils: tuple[Council, ...]
    years: tuple[tuple[str, tuple[int, ...]], ...]
    releases: tuple[int, ...]


def _overview(connection: duckdb.DuckDBPyConnection) -> Overview | None:
    """None when the store holds no imported release."""
    tables = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'comparison'"
    ).fetchone()
    if not tables or not tables[0]:
        return None
    councils = connection.execute(
        "SELECT * FROM council ORDER BY region_name NULLS LAST, name, la_code"
    ).fetchall()
    releases = connection.execute("SELECT reporting_year FROM release ORDER BY 1").fetchall()
    return Overview(
        councils=tuple(Council(*row) for row in councils),
        years=tuple((i.id, tuple(queries.available_years(connection, i.id))) for i in INDICATORS),
        releases=tuple(int(year) for (year,) in releases),
    )


def _compare(
    connection: duckdb.DuckDBPyConnection, council: Council, indicator: str | None
) -> tuple[Comparison, ...]:
    return tuple(queries.compare(connection, council, indicator=indicator))


def _rank(connection: duckdb.DuckDBPyConnection, indicator: str, year: int) -> tuple[Ranked, ...]:
    return tuple(queries.rank(connection, indicator, year))


# What the views call.


def overview() -> Overview | None:
    try:
        return _ask(_overview)
    except NoStatisticsError:
        return None


def has_figures() -> bool:
    return overview() is not None


def _required() -> Overview:
    """The overview; NoStatisticsError unless a release has been imported."""
    found = overview()
    if found is None:
        raise NoStatisticsError(str(store_path()))
    return found


def councils() -> tuple[Council, ...]:
    return _required().councils


def find_council(text: str) -> Council:
    """The council for a code or name; StatsError with suggestions if there is none."""
    _required()
    return _ask(queries.find_council, text)


def find_region(text: str) -> Council:
    """The region for a GSS code or name; StatsError listing the regions if there is none."""
    _required()
    return _ask(queries.find_region, text)


def england() -> Council:
    _required()
    return _ask(queries.england)


def regions() -> tuple[Council, ...]:
    """England's regions, by name (none when nothing is imported)."""
    if overview() is None:
        return ()
    return _ask(_regions)


def _regions(connection: duckdb.DuckDBPyConnection) -> tuple[Council, ...]:
    return tuple(queries.regions(connection))


def compare(council: Council, indicator: str | None = None) -> tuple[Comparison, ...]:
    _required()
    return _ask(_compare, council, indicator)


def hex_layout() -> tuple[Hex, ...]:
    """The hex map's hexagons; UnavailableError if the layout file cannot be read."""
    path = Path(os.environ.get("EHCP_HEXMAP") or hexlayout.default_layout_path(settings.REPO_ROOT))
    try:
        return _layout(str(path), _stamp(path))
    except StatsError as error:
        raise UnavailableError(str(error)) from error


@functools.lru_cache(maxsize=4)
def _layout(path: str, stamp: Stamp | None) -> tuple[Hex, ...]:
    return hexlayout.load(Path(path))[1]


def comparators(place: Council) -> comparator.Comparators:
    _required()
    return _ask(comparator.comparators, place)


def headline(place: Council) -> str:
    _required()
    return _ask(headlines.headline, place)


def breakdown(place: Council, topic: breakdowns.Topic) -> breakdowns.Breakdown:
    _required()
    return _ask(breakdowns.breakdown, place, topic)


def rank(indicator: str, year: int) -> tuple[Ranked, ...]:
    _required()
    queries.known_indicator(indicator)
    return _ask(_rank, indicator, year)


def years() -> dict[str, tuple[int, ...]]:
    """The years with council figures, for each indicator (none when nothing is imported)."""
    found = overview()
    if found is None:
        return {i.id: () for i in INDICATORS}
    return dict(found.years)


def releases() -> tuple[int, ...]:
    """Reporting years of the imported releases."""
    found = overview()
    return found.releases if found else ()
