"""Questions people ask of the store: one place beside its region and England; a league table.

A place is a council, a region or England. Queries read `comparison` and `headline`, the
"Total" breakdown of the current figures.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import duckdb

from ehcp.stats.catalogue import BY_ID, POSITION, Indicator
from ehcp.stats.councils import REORGANISATIONS, alias_key
from ehcp.stats.errors import StatsError

COUNCIL = "Local authority"
REGION = "Regional"
ENGLAND = "National"


@dataclass(frozen=True)
class Council:
    """A place with figures: a council (the default), a region or England.

    For a region or England, `la_code` and `new_la_code` are both its GSS code.
    """

    la_code: str
    name: str
    new_la_code: str | None
    region_code: str | None
    region_name: str | None
    first_year: int
    last_year: int
    level: str = COUNCIL

    @property
    def is_council(self) -> bool:
        return self.level == COUNCIL


@dataclass(frozen=True)
class Value:
    value: float | None
    marker: str | None
    numerator: float | None
    denominator: float | None
    decimals: int | None


@dataclass(frozen=True)
class Comparison:
    indicator: str
    year: int
    time_period: str
    council: Value
    region: Value | None
    england: Value | None
    release: int
    source_file: str
    series_break: bool
    collection: str


@dataclass(frozen=True)
class Ranked:
    rank: int
    quartile: int
    council: Council
    value: Value


def find_council(connection: duckdb.DuckDBPyConnection, text: str) -> Council:
    """The council named by an old (3-digit) code, a GSS code or a name, any case."""
    row = _fetch(
        connection,
        "SELECT c.* FROM council_alias a JOIN council c USING (la_code) WHERE a.alias = ?",
        [alias_key(text)],
    )[:1]
    if not row:
        raise StatsError(_unknown_council_message(connection, text))
    return Council(*row[0])


def find_place(connection: duckdb.DuckDBPyConnection, text: str) -> Council:
    """A council (as `find_council`), a region or England, by name or GSS code."""
    row = _fetch(
        connection,
        "SELECT p.* FROM place_alias a JOIN place p USING (la_code) WHERE a.alias = ?",
        [alias_key(text)],
    )[:1]
    if row:
        return Council(*row[0])
    return find_council(connection, text)


def find_region(connection: duckdb.DuckDBPyConnection, text: str) -> Council:
    """A region by name or GSS code (E12...); StatsError listing the regions otherwise."""
    found = _fetch(
        connection,
        "SELECT p.* FROM place_alias a JOIN place p USING (la_code) WHERE a.alias = ?",
        [alias_key(text)],
    )[:1]
    if found and found[0][-1] == REGION:
        return Council(*found[0])
    names = "; ".join(region.name for region in regions(connection))
    raise StatsError(f"No region called '{text}'. The regions are: {names}.")


def regions(connection: duckdb.DuckDBPyConnection) -> list[Council]:
    """England's nine regions, by name."""
    rows = _fetch(connection, "SELECT * FROM place WHERE level = ? ORDER BY name", [REGION])
    return [Council(*row) for row in rows]


def england(connection: duckdb.DuckDBPyConnection) -> Council:
    rows = _fetch(connection, "SELECT * FROM place WHERE level = ?", [ENGLAND])
    if not rows:
        raise StatsError("The statistics store has no figures for England.")
    return Council(*rows[0])


def _unknown_council_message(connection: duckdb.DuckDBPyConnection, text: str) -> str:
    names = [str(name) for (name,) in connection.execute("SELECT name FROM council").fetchall()]
    wanted = alias_key(text)

    def likeness(name: str) -> float:
        key = alias_key(name)
        whole = difflib.SequenceMatcher(None, wanted, key).ratio()
        start = difflib.SequenceMatcher(None, wanted, key[: len(wanted)]).ratio()
        return max(whole, start, 0.8 if wanted and wanted in key else 0.0)

    scored = sorted(((likeness(name), name) for name in names), reverse=True)
    suggestions = [name for score, name in scored[:4] if score >= 0.75]
    if suggestions:
        return f"No council called '{text}'. Did you mean: {'; '.join(suggestions)}?"
    return (
        f"No council called '{text}'. Use a council name, its 3-digit LA code or GSS code, "
        "a region or England."
    )


def compare(
    connection: duckdb.DuckDBPyConnection,
    council: Council,
    *,
    year: int | None = None,
    indicator: str | None = None,
) -> list[Comparison]:
    """The council's figures beside its region's and England's, in catalogue order."""
    rows = connection.execute(
        COMPARE, [council.la_code, year, year, indicator, indicator]
    ).fetchall()
    if not rows:
        raise StatsError(_no_figures_message(council, year, indicator))
    comparisons = [_comparison(row) for row in rows]
    return sorted(comparisons, key=lambda c: (POSITION.get(c.indicator, 999), c.year))


COMPARE = """
SELECT indicator, year, time_period, value, marker, numerator, denominator, decimals,
    has_region, region_value, region_marker, region_numerator, region_denominator,
    region_decimals, has_england, england_value, england_marker, england_numerator,
    england_denominator, england_decimals, release, source_file, series_break, collection
FROM comparison
WHERE area_code = ? AND (? IS NULL OR year = ?) AND (? IS NULL OR indicator = ?)
"""


def _comparison(row: tuple[Any, ...]) -> Comparison:
    def value(start: int) -> Value:
        return Value(*row[start : start + 5])

    return Comparison(
        indicator=str(row[0]),
        year=int(row[1]),
        time_period=str(row[2]),
        council=value(3),
        region=value(9) if row[8] else None,
        england=value(15) if row[14] else None,
        release=int(row[20]),
        source_file=str(row[21]),
        series_break=bool(row[22]),
        collection=str(row[23]),
    )


def _no_figures_message(council: Council, year: int | None, indicator: str | None) -> str:
    change = REORGANISATIONS.get(council.la_code)
    when = f" for {year}" if year is not None else ""
    what = f" on {indicator}" if indicator else ""
    message = f"{council.name} has no figures{what}{when}"
    if change and year is not None and year >= change.year:
        return f"{message}: it was {change.what}."
    if year is not None:
        return f"{message}; it has figures for {council.first_year} to {council.last_year}."
    return f"{message}."


def rank(connection: duckdb.DuckDBPyConnection, indicator_id: str, year: int) -> list[Ranked]:
    """Every council with a figure, best first (largest first where 'best' has no meaning)."""
    entry = known_indicator(indicator_id)
    if entry.unit == "status":
        raise StatsError(f"{indicator_id} is a status (such as Yes or No), so it is not ranked.")
    descending = entry.higher_is_better is not False
    order = "DESC" if descending else "ASC"
    rows = _fetch(connection, RANK.format(order=order), [indicator_id, year])
    if not rows:
        years = available_years(connection, indicator_id)
        listed = f"{years[0]} to {years[-1]}" if years else "no years: no release publishes it"
        raise StatsError(f"No council figures for {indicator_id} in {year}; there are {listed}.")
    count = len(rows)
    return [
        Ranked(
            rank=int(row[0]),
            quartile=1 + (4 * (int(row[0]) - 1)) // count,
            council=Council(*row[6:]),
            value=Value(*row[1:6]),
        )
        for row in rows
    ]


RANK = """
SELECT rank() OVER (ORDER BY h.value {order}) AS place,
    h.value, h.marker, h.numerator, h.denominator, h.decimals,
    c.la_code, c.name, c.new_la_code, c.region_code, c.region_name, c.first_year, c.last_year
FROM headline AS h JOIN council AS c ON c.la_code = h.area_code
WHERE h.indicator = ? AND h.year = ? AND h.geographic_level = 'Local authority'
    AND h.value IS NOT NULL
ORDER BY place, c.name
"""


def available_years(connection: duckdb.DuckDBPyConnection, indicator_id: str) -> list[int]:
    rows = connection.execute(
        "SELECT DISTINCT year FROM headline WHERE indicator = ? AND value IS NOT NULL "
        "AND geographic_level = 'Local authority' ORDER BY year",
        [indicator_id],
    ).fetchall()
    return [int(year) for (year,) in rows]


def known_indicator(indicator_id: str) -> Indicator:
    if indicator_id in BY_ID:
        return BY_ID[indicator_id]
    close = difflib.get_close_matches(indicator_id, list(BY_ID), n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise StatsError(f"There is no indicator '{indicator_id}'.{hint}")


def _fetch(
    connection: duckdb.DuckDBPyConnection, sql: str, parameters: list[object]
) -> list[tuple[Any, ...]]:
    try:
        return connection.execute(sql, parameters).fetchall()
    except duckdb.CatalogException as error:
        raise StatsError("The statistics store is empty: import a release first.") from error
