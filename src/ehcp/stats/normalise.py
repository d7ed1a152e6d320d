"""Map one release file, loaded as an all-text table, into rows of the tidy observation table.

Everything here builds SQL: DuckDB does the per-cell work. Published cells are parsed once
into a value, a marker (any non-numeric token such as `x` or `z`, or the tribunal file's `-`,
which stands for zero) and the number of decimal places the publisher printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ehcp.stats.catalogue import (
    AGGREGATE,
    INDICATORS,
    PERSON_LEVEL,
    Era,
    Indicator,
    Source,
    sources_for,
)
from ehcp.stats.errors import StatsError

OBSERVATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("release", "INTEGER"),
    ("source_file", "VARCHAR"),
    ("source_row", "INTEGER"),
    ("source_column", "VARCHAR"),
    ("indicator", "VARCHAR"),
    ("derived", "BOOLEAN"),
    ("geographic_level", "VARCHAR"),
    ("area_code", "VARCHAR"),
    ("area_name", "VARCHAR"),
    ("region_code", "VARCHAR"),
    ("region_name", "VARCHAR"),
    ("la_code", "VARCHAR"),
    ("new_la_code", "VARCHAR"),
    ("la_name", "VARCHAR"),
    ("time_period", "VARCHAR"),
    ("time_identifier", "VARCHAR"),
    ("year", "INTEGER"),
    ("breakdown_topic", "VARCHAR"),
    ("breakdown", "VARCHAR"),
    ("value", "DOUBLE"),
    ("marker", "VARCHAR"),
    ("decimals", "INTEGER"),
    ("numerator", "DOUBLE"),
    ("denominator", "DOUBLE"),
    ("collection", "VARCHAR"),
    ("series_break", "BOOLEAN"),
)
COLUMN_NAMES = ", ".join(name for name, _ in OBSERVATION_COLUMNS)

# Published spellings that differ between releases for the same column.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "pc_decsion_4weeks": ("pc_decision_4weeks",),
    "number_decsion_4weeks": ("number_decision_4weeks",),
    "org_arrangments": ("org_arrangements",),
    "outcome_maintan": ("outcome_maintain",),
}

# Sums of indicators published in different files of the same release.
COMBINED: dict[str, tuple[str, ...]] = {
    "mediations": ("request_mediations", "assessment_mediations", "other_mediations"),
}


@dataclass(frozen=True)
class Cell:
    """SQL for one parsed published column: value, marker and printed decimals."""

    value: str
    marker: str
    decimals: str


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(text: str | None) -> str:
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def parse_cell(column: str) -> Cell:
    """Parse one published column: the SQL for its value, marker and decimals."""
    return parsed_cell(f"trim({quote(column)})", f"TRY_CAST(trim({quote(column)}) AS DOUBLE)")


def parsed_cell(text: str, number: str) -> Cell:
    """Value, marker and decimals from a cell's trimmed text and its TRY_CAST to a number."""
    value = f"CASE WHEN {text} = '-' THEN 0.0 WHEN isfinite({number}) THEN {number} END"
    marker = f"CASE WHEN NOT coalesce(isfinite({number}), false) THEN NULLIF({text}, '') END"
    decimals = (
        f"CASE WHEN NOT isfinite({number}) THEN NULL WHEN contains({text}, '.') "
        f"THEN length(rtrim(split_part({text}, '.', 2), '0')) ELSE 0 END"
    )
    return Cell(value, marker, decimals)


def resolve_columns(source: Source, header: list[str], file_label: str) -> dict[str, str] | None:
    """Map each catalogue column to the header's spelling; None if an optional one is absent."""
    by_lower = {name.lower(): name for name in header}
    resolved = {}
    for column in source.columns:
        candidates = (column, *COLUMN_ALIASES.get(column, ()))
        found = next((by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None)
        if found is None:
            if source.optional:
                return None
            raise StatsError(f"{file_label} has no column '{column}', which the catalogue needs.")
        resolved[column] = found
    return resolved


GEOGRAPHY = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)
BREAKDOWN = ("breakdown_topic", "breakdown", "characteristic_age")


@dataclass(frozen=True)
class FilePlan:
    """The columns to read from one file and the one SELECT that turns them into observations.

    The file is scanned once: each published cell the catalogue uses is parsed once (value,
    marker, decimals), and every row is then unpivoted into one observation per indicator by
    unnesting a list of structs, one struct per catalogue source.
    """

    columns: tuple[str, ...]
    selects: tuple[str, ...]
    parsed: tuple[str, ...] = ()
    release: int = 0
    file: str = ""
    topic: str = "'Total'"
    breakdown: str = "'Total'"

    def select(self, table: str) -> str:
        measures = ",\n    ".join(self.selects)
        return f"""
WITH parsed AS (SELECT source_row, {_GEOGRAPHY_SQL}, time_period, time_identifier, year,
    {self.topic} AS topic, {self.breakdown} AS breakdown, unnest([{measures}]) AS m
    FROM {self._cells(table)})
SELECT {self.release}, {literal(self.file)}, source_row, m.source_column, m.indicator,
    m.derived, geographic_level, area_code, area_name, region_code, region_name, la_code,
    new_la_code, la_name, time_period, time_identifier, year, topic, breakdown,
    m.value, m.marker, m.decimals, m.numerator, m.denominator, m.collection, m.series_break
FROM parsed
WHERE m.value IS NOT NULL OR m.marker IS NOT NULL"""  # noqa: S608 (catalogue-built SQL)

    def _cells(self, table: str) -> str:
        """The table with each used cell trimmed (tN), cast (nN), then parsed (vN, mN, dN)."""
        texts = "".join(f", trim({quote(c)}) AS t{n}" for n, c in enumerate(self.parsed))
        numbers = "".join(f", TRY_CAST(t{n} AS DOUBLE) AS n{n}" for n in range(len(self.parsed)))
        cells = "".join(f",\n    {part}" for part in _parsed_columns(len(self.parsed)))
        return (
            f"(SELECT *{cells} FROM (SELECT *{numbers} FROM "  # noqa: S608
            f"(SELECT *, {_YEAR_SQL} AS year{texts} FROM {table})))"
        )


_YEAR_SQL = (
    "TRY_CAST(CASE WHEN length(time_period) = 6 THEN CAST(TRY_CAST(left(time_period, 4)"
    " AS INTEGER) + 1 AS VARCHAR) ELSE time_period END AS INTEGER)"
)
_GEOGRAPHY_SQL = """geographic_level,
    CASE geographic_level WHEN 'National' THEN country_code WHEN 'Regional' THEN region_code
        ELSE old_la_code END AS area_code,
    CASE geographic_level WHEN 'National' THEN country_name WHEN 'Regional' THEN region_name
        ELSE la_name END AS area_name,
    NULLIF(trim(region_code), '') AS region_code, NULLIF(trim(region_name), '') AS region_name,
    NULLIF(trim(old_la_code), '') AS la_code, NULLIF(trim(new_la_code), '') AS new_la_code,
    NULLIF(trim(la_name), '') AS la_name"""


def plan_file(era: Era, file: str, header: list[str], release: int) -> FilePlan:
    """Which columns to read and how to map them, for every catalogue source in this file."""
    missing = [name for name in GEOGRAPHY if name not in header]
    if missing:
        raise StatsError(f"{file} (reporting year {release}) lacks the column '{missing[0]}'.")
    columns = [name for name in (*GEOGRAPHY, *BREAKDOWN) if name in header]
    cells: dict[str, int] = {}
    structs = []
    for entry, source in sources_for(era, file):
        resolved = resolve_columns(source, header, f"{file} (reporting year {release})")
        if resolved is not None:
            columns.extend(c for c in resolved.values() if c not in columns)
            for published in resolved.values():
                cells.setdefault(published, len(cells))
            parsed = {name: cells[published] for name, published in resolved.items()}
            structs.append(_source_struct(entry, source, parsed))
    topic, breakdown = _breakdown(era, header)
    return FilePlan(
        tuple(columns),
        tuple(structs),
        tuple(cells),
        release,
        file,
        topic,
        breakdown,
    )


def _parsed_columns(count: int) -> list[str]:
    parts = []
    for number in range(count):
        cell = parsed_cell(f"t{number}", f"n{number}")
        parts.append(f"{cell.value} AS v{number}")
        parts.append(f"{cell.marker} AS m{number}")
        parts.append(f"{cell.decimals} AS d{number}")
    return parts


def _parsed_cell(number: int) -> Cell:
    return Cell(f"v{number}", f"m{number}", f"d{number}")


def _source_struct(entry: Indicator, source: Source, cells: dict[str, int]) -> str:
    """One struct per source: the observation's indicator-specific fields for this row."""
    value, marker, decimals, numerator, denominator = _measure(source, cells)
    label = source.value or _derivation_label(source)
    collection, series_break = _era_flags(entry)
    fields = (
        ("source_column", literal(label), "VARCHAR"),
        ("indicator", literal(entry.id), "VARCHAR"),
        ("derived", str(source.derived).lower(), "BOOLEAN"),
        ("value", value, "DOUBLE"),
        ("marker", marker, "VARCHAR"),
        ("decimals", decimals, "INTEGER"),
        ("numerator", numerator, "DOUBLE"),
        ("denominator", denominator, "DOUBLE"),
        ("collection", collection, "VARCHAR"),
        ("series_break", series_break, "BOOLEAN"),
    )
    return "{" + ", ".join(f"'{n}': CAST({sql} AS {t})" for n, sql, t in fields) + "}"


def _measure(source: Source, cells: dict[str, int]) -> tuple[str, str, str, str, str]:
    numerator = _sum([_parsed_cell(cells[c]) for c in source.numerator])
    denominator = _sum([_parsed_cell(cells[c]) for c in source.denominator])
    if source.value is not None:
        cell = _parsed_cell(cells[source.value])
        return cell.value, cell.marker, cell.decimals, numerator.value, denominator.value
    if not source.denominator:
        return numerator.value, numerator.marker, "0", "NULL", "NULL"
    rate = (
        f"CASE WHEN ({denominator.value}) > 0 "
        f"THEN round(100.0 * ({numerator.value}) / ({denominator.value}), 1) END"
    )
    no_rate = f"CASE WHEN ({rate}) IS NULL THEN 'z' END"
    marker = f"coalesce({numerator.marker}, {denominator.marker}, {no_rate})"
    return rate, marker, "1", numerator.value, denominator.value


def _sum(cells: list[Cell]) -> Cell:
    if not cells:
        return Cell("NULL", "NULL", "NULL")
    value = " + ".join(f"({cell.value})" for cell in cells)
    marker = f"coalesce({', '.join(cell.marker for cell in cells)})"
    return Cell(value, marker, "0")


def _derivation_label(source: Source) -> str:
    numerator = " + ".join(source.numerator)
    if not source.denominator:
        return numerator
    return f"100 * {numerator} / ({' + '.join(source.denominator)})"


def _breakdown(era: Era, header: list[str]) -> tuple[str, str]:
    if era == PERSON_LEVEL and "breakdown_topic" in header:
        same = "breakdown_topic = breakdown"
        return (
            f"CASE WHEN {same} THEN 'Total' ELSE breakdown_topic END",
            f"CASE WHEN {same} THEN 'Total' ELSE breakdown END",
        )
    if era == AGGREGATE and "characteristic_age" in header:
        total = "characteristic_age = 'Total'"
        return (
            f"CASE WHEN {total} THEN 'Total' ELSE 'Age band' END",
            f"CASE WHEN {total} THEN 'Total' ELSE characteristic_age END",
        )
    return "'Total'", "'Total'"


def _era_flags(entry: Indicator) -> tuple[str, str]:
    first = entry.series_break_year
    if first is None:
        return "'unaffected'", "false"
    return (
        f"CASE WHEN year >= {first} THEN 'person-level' ELSE 'aggregate' END",
        f"coalesce(year = {first}, false)",
    )


def combined_select(staged: str) -> str:
    """Rows for indicators summed across files of one release (e.g. mediations)."""
    selects = []
    for target, parts in COMBINED.items():
        names = ", ".join(literal(part) for part in parts)
        selects.append(f"""
SELECT release, string_agg(DISTINCT source_file, ' + ' ORDER BY source_file), NULL,
    {literal(" + ".join(parts))}, {literal(target)}, true,
    geographic_level, area_code, any_value(area_name), any_value(region_code),
    any_value(region_name), any_value(la_code), any_value(new_la_code), any_value(la_name),
    time_period, any_value(time_identifier), year, breakdown_topic, breakdown,
    CASE WHEN count(value) = {len(parts)} THEN sum(value) END,
    CASE WHEN count(value) < {len(parts)} THEN coalesce(max(marker), 'x') END, 0, NULL, NULL,
    any_value(collection), bool_or(series_break)
FROM {staged} WHERE indicator IN ({names})
GROUP BY release, geographic_level, area_code, time_period, year, breakdown_topic, breakdown
HAVING count(*) = {len(parts)}""")  # noqa: S608 (catalogue-built SQL)
    return "\nUNION ALL\n".join(selects)


def catalogue_rows() -> list[tuple[str, int, str, str, bool | None]]:
    """(id, position, title, unit, higher_is_better) for the store's indicator table."""
    return [
        (entry.id, place, entry.title, entry.unit, entry.higher_is_better)
        for place, entry in enumerate(INDICATORS)
    ]
