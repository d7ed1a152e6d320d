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
    text = f"trim({quote(column)})"
    number = f"TRY_CAST({text} AS DOUBLE)"
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
    """The columns to read from one file and the SELECT that turns them into observations."""

    columns: tuple[str, ...]
    selects: tuple[str, ...]

    def select(self, table: str) -> str:
        return "\nUNION ALL\n".join(part.replace("{table}", table) for part in self.selects)


def plan_file(era: Era, file: str, header: list[str], release: int) -> FilePlan:
    """Which columns to read and how to map them, for every catalogue source in this file."""
    missing = [name for name in GEOGRAPHY if name not in header]
    if missing:
        raise StatsError(f"{file} (reporting year {release}) lacks the column '{missing[0]}'.")
    columns = [name for name in (*GEOGRAPHY, *BREAKDOWN) if name in header]
    selects = []
    for entry, source in sources_for(era, file):
        resolved = resolve_columns(source, header, f"{file} (reporting year {release})")
        if resolved is not None:
            columns.extend(c for c in resolved.values() if c not in columns)
            selects.append(_source_select(entry, source, resolved, era, header, release))
    return FilePlan(tuple(columns), tuple(selects))


def _source_select(
    entry: Indicator,
    source: Source,
    columns: dict[str, str],
    era: Era,
    header: list[str],
    release: int,
) -> str:
    value, marker, decimals, numerator, denominator = _measure(source, columns)
    label = source.value or _derivation_label(source)
    year = (
        "TRY_CAST(CASE WHEN length(time_period) = 6 THEN CAST(TRY_CAST(left(time_period, 4)"
        " AS INTEGER) + 1 AS VARCHAR) ELSE time_period END AS INTEGER)"
    )
    topic, breakdown = _breakdown(era, header)
    collection, series_break = _era_flags(entry)
    return f"""
SELECT {release}, {literal(source.file)}, source_row, {literal(label)}, {literal(entry.id)},
    {source.derived}, geographic_level,
    CASE geographic_level WHEN 'National' THEN country_code WHEN 'Regional' THEN region_code
        ELSE old_la_code END,
    CASE geographic_level WHEN 'National' THEN country_name WHEN 'Regional' THEN region_name
        ELSE la_name END,
    NULLIF(trim(region_code), ''), NULLIF(trim(region_name), ''),
    NULLIF(trim(old_la_code), ''), NULLIF(trim(new_la_code), ''), NULLIF(trim(la_name), ''),
    time_period, time_identifier, year, {topic}, {breakdown},
    {value}, {marker}, {decimals}, {numerator}, {denominator}, {collection}, {series_break}
FROM (SELECT *, {year} AS year FROM {{table}})
WHERE ({value}) IS NOT NULL OR ({marker}) IS NOT NULL"""  # noqa: S608 (catalogue-built SQL)


def _measure(source: Source, columns: dict[str, str]) -> tuple[str, str, str, str, str]:
    numerator = _sum([parse_cell(columns[c]) for c in source.numerator])
    denominator = _sum([parse_cell(columns[c]) for c in source.denominator])
    if source.value is not None:
        cell = parse_cell(columns[source.value])
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
