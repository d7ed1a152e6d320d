"""The DuckDB statistics store: schema, transactional import and the current figures.

`observation` keeps every row of every imported release. `figure` (a view) holds the rows
that win: for each indicator and year, the newest release that publishes a number for it.
`headline` is the "Total" breakdown of `figure` plus derived caseload growth; `comparison`
puts each place's headline beside its region's (councils) and England's (councils and regions),
ready for `show`; `place` lists councils, regions and England, each found by name or code. Import
runs in one transaction, so the store changes all at once or not at all.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ehcp.stats import checks
from ehcp.stats.councils import NAME_ALIASES, alias_key
from ehcp.stats.errors import StatsError
from ehcp.stats.normalise import (
    COLUMN_NAMES,
    OBSERVATION_COLUMNS,
    FilePlan,
    catalogue_rows,
    combined_select,
    plan_file,
)
from ehcp.stats.release import Release, ReleaseFile, open_release, read_header
from ehcp.stats.tribunal import flatten

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS observation ({", ".join(f"{n} {t}" for n, t in OBSERVATION_COLUMNS)});
CREATE TABLE IF NOT EXISTS release (
    reporting_year INTEGER PRIMARY KEY, origin VARCHAR, files VARCHAR[], rows BIGINT,
    imported_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS published_file (
    release INTEGER, file VARCHAR, table_name VARCHAR, rows BIGINT, columns VARCHAR[]);
"""


def default_store_path() -> Path:
    """`$EHCP_STATS_STORE`, else stats.duckdb in the XDG data folder for ehcp."""
    explicit = os.environ.get("EHCP_STATS_STORE")
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "ehcp" / "stats.duckdb"


@contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open store; read-only stores must already exist and hold an import."""
    if read_only and not path.exists():
        raise StatsError(f"There is no statistics store at {path} yet: import a release first.")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Queries are small: one thread answers them sooner than several would.
        config: dict[str, str | bool | int | float | list[str]] = (
            {"threads": 1} if read_only else {}
        )
        connection = duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.Error as error:
        raise StatsError(f"Cannot open the statistics store at {path} ({error}).") from error
    try:
        yield connection
    finally:
        connection.close()


@dataclass
class ImportedRelease:
    reporting_year: int
    origin: Path
    files: list[str]
    rows: int
    skipped: list[str] = field(default_factory=list)
    kept_only: list[str] = field(default_factory=list)


def import_releases(
    store: Path, paths: Sequence[Path], *, replace: bool = False
) -> list[ImportedRelease]:
    """Import release zips or folders: all or nothing, and re-importing changes nothing.

    Everything happens in one transaction, which is the staging area: until COMMIT nobody
    else sees the new rows, and any failure rolls the store back to how it was. Each release
    is checked (`ehcp.stats.checks`) before its old rows are deleted; an import that would
    leave any year with fewer rows than before is refused unless `replace` is true.
    """
    with connect(store) as connection:
        connection.execute(SCHEMA)
        connection.execute("BEGIN TRANSACTION")
        try:
            before = rows_per_year(connection)
            imported = [_load_release(connection, path) for path in paths]
            years = [release.reporting_year for release in imported]
            if len(set(years)) != len(years):
                raise StatsError("The same reporting year was given more than once.")
            lost = None if replace else checks.losses(before, rows_per_year(connection))
            if lost:
                raise StatsError(lost)
            _rebuild_current(connection)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return imported


def rows_per_year(connection: duckdb.DuckDBPyConnection) -> dict[int | None, int]:
    """How many observations the store holds for each year."""
    rows = connection.execute("SELECT year, count(*) FROM observation GROUP BY year").fetchall()
    return {None if year is None else int(year): int(count) for year, count in rows}


@dataclass(frozen=True)
class _Staged:
    """One release file read into the store and checked, not yet turned into observations."""

    member: ReleaseFile
    table: str
    plan: FilePlan


def _load_release(connection: duckdb.DuckDBPyConnection, path: Path) -> ImportedRelease:
    with open_release(path) as release, tempfile.TemporaryDirectory() as scratch:
        year = release.reporting_year
        origin = release.origin.name
        members = release.imported_files
        checks.refuse_if_any(
            origin, checks.file_set_problems([(member.name, member.era) for member in members])
        )
        _drop_published(connection, year)
        staged, problems = [], []
        for number, member in enumerate(members):
            found, file_problems = _stage_file(connection, release, member, Path(scratch), number)
            staged.append(found)
            problems.extend(file_problems)
        checks.refuse_if_any(origin, problems)
        connection.execute("DELETE FROM observation WHERE release = ?", [year])
        connection.execute("DELETE FROM release WHERE reporting_year = ?", [year])
        for file in staged:
            _insert_observations(connection, release, file)
        this_release = f"(SELECT * FROM observation WHERE release = {year:d})"  # noqa: S608
        connection.execute(
            f"INSERT INTO observation ({COLUMN_NAMES}) {combined_select(this_release)}"
        )
        files = [member.name for member in members]
        rows = _count(connection, this_release)
        connection.execute(
            "INSERT INTO release VALUES (?, ?, ?, ?, ?)",
            [year, str(path), files, rows, datetime.now(UTC).replace(tzinfo=None)],
        )
        skipped = sorted(release.unrecognised) + [m.name for m in release.files if not m.imported]
        kept_only = [m.name for m in members if not m.has_indicators]
        return ImportedRelease(year, path, files, rows, skipped, kept_only)


def _stage_file(
    connection: duckdb.DuckDBPyConnection,
    release: Release,
    member: ReleaseFile,
    scratch: Path,
    number: int,
) -> tuple[_Staged, list[checks.Problem]]:
    """Keep the file as published and check it; say how its cells become observations."""
    label = f"{member.name} in {release.origin.name}"
    tribunal = member.era == "tribunal"
    try:
        kept, problems = _keep_published(connection, release.reporting_year, member)
        path, table = member.path, kept
        if tribunal:
            path = scratch / "tribunal.csv"
            flatten(member.path, path)
            table = f"tribunal_{number}"
        header = read_header(path)
        problems += checks.header_problems(member.name, member.era, header)
        if problems:
            return _Staged(member, table, FilePlan((), ())), problems
        if tribunal:
            connection.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {_read(path, header)}")
        problems = checks.table_problems(
            connection,
            table,
            member.name,
            member.era,
            header,
            release.reporting_year,
        )
        plan = plan_file(member.era, member.name, header, release.reporting_year)
    except duckdb.Error as error:
        raise StatsError(f"{label} could not be read: {_first_line(error)}") from error
    return _Staged(member, table, plan), problems


def _insert_observations(
    connection: duckdb.DuckDBPyConnection, release: Release, staged: _Staged
) -> None:
    """Turn the cells the catalogue uses into observations."""
    if not staged.plan.selects:
        return
    try:
        connection.execute(
            f"INSERT INTO observation ({COLUMN_NAMES}) {staged.plan.select(staged.table)}"
        )
    except duckdb.Error as error:
        label = f"{staged.member.name} in {release.origin.name}"
        raise StatsError(f"{label} could not be read: {_first_line(error)}") from error


def _keep_published(
    connection: duckdb.DuckDBPyConnection, year: int, member: ReleaseFile
) -> tuple[str, list[checks.Problem]]:
    """Store every cell of the file as the text DfE printed, in a table of its own.

    `source_row` is the record number (the header is record 0). The tribunal file is a
    spreadsheet saved as CSV, so it is kept as columns column0, column1, ... with its title
    and note rows, numbered from 0. Rows of a tidy file that are not as wide as its header
    are set aside and returned as problems.
    """
    table = published_table(year, member.name)
    tidy = member.era != "tribunal"
    if tidy:
        read = _read(member.path, read_header(member.path), numbered=True)
    else:
        read = _read(member.path, None)
    connection.execute(f"CREATE OR REPLACE TABLE {table} AS {read}")
    problems = checks.shape_problems(connection, member.name) if tidy else []
    columns = [str(row[0]) for row in connection.execute(f"DESCRIBE {table}").fetchall()][1:]
    connection.execute(
        "INSERT INTO published_file VALUES (?, ?, ?, ?, ?)",
        [year, member.name, table, _count(connection, table), columns],
    )
    return table, problems


def published_table(year: int, file: str) -> str:
    """The store's table holding one release file as published, e.g. published_2025_caseload."""
    stem = re.sub(r"[^a-z0-9]+", "_", file.lower().removesuffix(".csv")).strip("_")
    return f"published_{year:d}_{stem}"


def _drop_published(connection: duckdb.DuckDBPyConnection, year: int) -> None:
    tables = connection.execute(
        "SELECT table_name FROM published_file WHERE release = ?", [year]
    ).fetchall()
    for (table,) in tables:
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    connection.execute("DELETE FROM published_file WHERE release = ?", [year])


def _read(path: Path, header: list[str] | None, *, numbered: bool = False) -> str:
    """SELECT every cell of a CSV as text: with the given column names after a header row, or
    (header None) a spreadsheet-like file read as it is, numbered from record 0."""
    if header is None:
        options = "header = false, null_padding = true, strict_mode = false, parallel = false"
        number = "row_number() OVER () - 1 AS source_row, "
    else:
        # The dialect is known (comma, double quotes), so DuckDB need not sniff a sample.
        columns = ", ".join(f"{_text(name)}: 'VARCHAR'" for name in header)
        options = (
            "auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"', "
            f"columns = {{{columns}}}"
        )
        number = "row_number() OVER () AS source_row, " if numbered else ""
        if numbered:
            options += ", store_rejects = true"
    source = f"read_csv({_text(path)}, all_varchar = true, {options})"
    return f"SELECT {number}* FROM {source}"  # noqa: S608


def _rebuild_current(connection: duckdb.DuckDBPyConnection) -> None:
    for statement in CURRENT_FIGURES:
        connection.execute(statement)
    connection.execute(COUNCILS)
    connection.execute(PLACES)
    _alias_table(connection, "council_alias", _aliases(connection))
    _alias_table(connection, "place_alias", _place_aliases(connection))
    connection.execute(
        "CREATE OR REPLACE TABLE indicator (id VARCHAR, position INTEGER, title VARCHAR, "
        "unit VARCHAR, higher_is_better BOOLEAN)"
    )
    connection.executemany("INSERT INTO indicator VALUES (?, ?, ?, ?, ?)", catalogue_rows())


CURRENT_FIGURES = (
    """CREATE OR REPLACE TABLE winner AS
    SELECT indicator, year,
        coalesce(max(release) FILTER (WHERE value IS NOT NULL), max(release)) AS release
    FROM observation WHERE breakdown_topic = 'Total' GROUP BY indicator, year""",
    """CREATE OR REPLACE TABLE headline AS
    SELECT observation.* FROM observation JOIN winner USING (indicator, year, release)
    WHERE breakdown_topic = 'Total' ORDER BY indicator, year, geographic_level, area_code""",
    """INSERT INTO headline
    SELECT now.release, now.source_file, now.source_row,
        '100 * (caseload - previous caseload) / previous caseload', 'caseload_growth_pct', true,
        now.geographic_level, now.area_code, now.area_name, now.region_code, now.region_name,
        now.la_code, now.new_la_code, now.la_name, now.time_period, now.time_identifier,
        now.year, 'Total', 'Total',
        CASE WHEN before.value > 0
            THEN round(100 * (now.value - before.value) / before.value, 1) END,
        CASE WHEN now.value IS NULL OR before.value IS NULL
            THEN coalesce(now.marker, before.marker, 'x') WHEN before.value = 0 THEN 'z' END,
        1, now.value - before.value, before.value, now.collection, now.series_break
    FROM headline AS now JOIN headline AS before
        ON before.indicator = 'caseload' AND before.geographic_level = now.geographic_level
        AND before.area_code = now.area_code AND before.year = now.year - 1
    WHERE now.indicator = 'caseload'""",
    """CREATE OR REPLACE TABLE comparison AS
    SELECT c.area_code, c.indicator, c.year, c.time_period,
        c.value, c.marker, c.numerator, c.denominator, c.decimals,
        r.area_code IS NOT NULL AS has_region, r.value AS region_value,
        r.marker AS region_marker, r.numerator AS region_numerator,
        r.denominator AS region_denominator, r.decimals AS region_decimals,
        e.area_code IS NOT NULL AS has_england, e.value AS england_value,
        e.marker AS england_marker, e.numerator AS england_numerator,
        e.denominator AS england_denominator, e.decimals AS england_decimals,
        c.release, c.source_file, c.series_break, c.collection
    FROM headline AS c
    LEFT JOIN headline AS r ON r.indicator = c.indicator AND r.year = c.year
        AND r.geographic_level = 'Regional' AND r.area_code = c.region_code
        AND c.geographic_level = 'Local authority'
    LEFT JOIN headline AS e ON e.indicator = c.indicator AND e.year = c.year
        AND e.geographic_level = 'National' AND c.geographic_level <> 'National'
    ORDER BY c.area_code, c.indicator, c.year""",
    """CREATE OR REPLACE VIEW figure AS
    SELECT observation.* FROM observation JOIN winner USING (indicator, year, release)
    UNION ALL SELECT * FROM headline WHERE indicator = 'caseload_growth_pct'""",
)

COUNCILS = """
CREATE OR REPLACE TABLE council AS
SELECT la_code,
    arg_max(la_name, year) AS name,
    arg_max(new_la_code, year) FILTER (WHERE new_la_code IS NOT NULL) AS new_la_code,
    arg_max(region_code, year) FILTER (WHERE region_code IS NOT NULL) AS region_code,
    arg_max(region_name, year) FILTER (WHERE region_name IS NOT NULL) AS region_name,
    min(year) AS first_year, max(year) AS last_year
FROM observation WHERE geographic_level = 'Local authority' AND la_code IS NOT NULL
GROUP BY la_code
"""


PLACES = """
CREATE OR REPLACE TABLE place AS
SELECT *, 'Local authority' AS level FROM council
UNION ALL BY NAME
SELECT area_code AS la_code, arg_max(area_name, year) AS name, area_code AS new_la_code,
    NULL AS region_code, NULL AS region_name, min(year) AS first_year,
    max(year) AS last_year, geographic_level AS level
FROM observation WHERE geographic_level IN ('Regional', 'National') AND area_code IS NOT NULL
GROUP BY area_code, geographic_level
"""


def _alias_table(
    connection: duckdb.DuckDBPyConnection, table: str, aliases: dict[str, str]
) -> None:
    connection.execute(f"CREATE OR REPLACE TABLE {table} (alias VARCHAR, la_code VARCHAR)")
    connection.execute(
        f"INSERT INTO {table} SELECT unnest(?), unnest(?)",  # noqa: S608
        [list(aliases), list(aliases.values())],
    )


def _place_aliases(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Regions and England by name and GSS code ('england', 'e12000002', 'north west')."""
    rows = connection.execute(
        "SELECT la_code, name FROM place WHERE level <> 'Local authority'"
    ).fetchall()
    return {alias_key(str(text)): str(code) for code, name in rows for text in (code, name)}


def _aliases(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    # Oldest first, so a name shared by an old and a new council (Dorset) means the new one.
    rows = connection.execute(
        "SELECT la_code, la_name, new_la_code FROM observation "
        "WHERE geographic_level = 'Local authority' AND la_code IS NOT NULL "
        "GROUP BY ALL ORDER BY max(year), la_code, la_name, new_la_code"
    ).fetchall()
    known = {str(code) for code, _, _ in rows}
    aliases = {alias_key(k): code for k, code in NAME_ALIASES.items() if code in known}
    for code, name, new_code in rows:
        for alias in (code, name, new_code):
            if alias:
                aliases[alias_key(str(alias))] = str(code)
    return aliases


def store_version(connection: duckdb.DuckDBPyConnection) -> str:
    """Which imports the store holds: changes with every import, so anything derived from the
    figures (such as kept forecasts) can tell it is stale. Empty when nothing is imported."""
    tables = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'release'"
    ).fetchone()
    if not tables or not tables[0]:
        return ""
    rows = connection.execute(
        "SELECT reporting_year, rows, imported_at FROM release ORDER BY reporting_year"
    ).fetchall()
    return ";".join(f"{year}:{count}:{when:%Y-%m-%dT%H:%M:%S.%f}" for year, count, when in rows)


def table_digest(connection: duckdb.DuckDBPyConnection, table: str) -> tuple[int, int]:
    """(rows, order-independent hash) of a table: equal digests mean equal contents."""
    row = connection.execute(
        f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {table} AS t"  # noqa: S608
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _count(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    row = connection.execute(f"SELECT count(*) FROM {table} AS t").fetchone()  # noqa: S608
    assert row is not None
    return int(row[0])


def _text(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
