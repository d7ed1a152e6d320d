"""The published breakdowns a demand forecast needs, read from the store as plain rows.

Each row is a `Breakdown`: a place (council, region or England), a year, a kind of figure and
a key within it. Caseload figures carry the year of their January census (`202425` is 2025);
flows (new and ceased plans) carry their calendar year. Cells printed as markers (`x`, `z`, ...)
are left out, so a missing row means "not published".

Kinds: `total`; `band` (the 2022 release's age bands); `age` (single-year ages, `under 3` as 2);
`setting` (placement groups, see `SETTING_COLUMNS`); `need` (primary need, all ages);
`need_age` (key `AGE:NEED`); `age_setting` (key `AGE:SETTING`); `new`; `ceased`;
`ceased_transfer` (plans ceased because the child moved to another council).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import duckdb

from ehcp.stats.errors import StatsError

LEVELS = {"Local authority": "council", "Regional": "region", "National": "england"}

SETTING_COLUMNS: dict[str, tuple[str, ...]] = {
    "mainstream": (
        "mainstream_la_maintained",
        "mainstream_academy",
        "mainstream_free_school",
        "mainstream_independent",
    ),
    "resourced": (
        "mainstream_la_maintained_resourced_provision",
        "mainstream_la_maintained_senunit",
        "mainstream_academy_resourced_provision",
        "mainstream_academy_senunit",
        "mainstream_free_school_resourced_provision",
        "mainstream_free_school_senunit",
    ),
    "special": ("special_la_maintained", "special_academy_free"),
    "independent": ("special_independent", "special_non_maintained"),
    "ap": ("ap_pru_total",),
    "fe": ("fe_total",),
    "other": ("ed_elsewhere",),
    "early_years": ("nm_early_years",),
}

NEED_COLUMNS = {
    "asd": "number_asd",
    "hi": "number_hi",
    "mld": "number_mld",
    "msi": "number_msi",
    "oth": "number_oth",
    "pd": "number_pd",
    "pmld": "number_pmld",
    "semh": "number_semh",
    "slcn": "number_slcn",
    "sld": "number_sld",
    "spld": "number_spld",
    "vi": "number_vi",
    "unknown": "number_need_unknown",
}

BANDS_2022 = ("Under 5", "Age 5 to 10", "Age 11 to 15", "Age 16 to 19", "Age 20 to 25")


@dataclass(frozen=True)
class Breakdown:
    """One published figure: `value` plans of `kind`/`key` in `place_code` in `year`."""

    place_code: str
    place_name: str
    level: str
    year: int
    kind: str
    key: str
    value: int


def read_breakdowns(connection: duckdb.DuckDBPyConnection) -> list[Breakdown]:
    """Every figure the forecast reads, from whichever releases the store holds."""
    try:
        published = connection.execute("SELECT table_name FROM published_file").fetchall()
    except duckdb.CatalogException as error:
        raise StatsError("The statistics store is empty: import a release first.") from error
    tables = {row[0] for row in published}
    rows: list[Breakdown] = []
    if "published_2025_caseload" in tables:
        rows += _caseload(connection)
        rows += _flows(connection, "published_2025_newplans", "new_ehc_plans", "new")
    if "published_2025_ceased_plans" in tables:
        rows += _flows(connection, "published_2025_ceased_plans", "total_ceased", "ceased")
        rows += _flows(connection, "published_2025_ceased_plans", "transfer", "ceased_transfer")
    if "published_2025_sen_needs_all_plans" in tables:
        rows += _needs(connection)
    if "published_2022_sen2_age_caseload" in tables:
        rows += _bands(connection)
    return rows


def _number(text: object) -> int | None:
    try:
        return int(str(text).replace(",", ""))
    except ValueError:
        return None


def _census_year(period: str) -> int:
    """`202425` and `2025` are both January 2025."""
    return int(period[-2:]) + 2000 if len(period) == 6 else int(period)


def _age_key(breakdown: str) -> str | None:
    text = breakdown.removeprefix("age ").strip()
    if text == "under 3":
        return "2"
    return text if text.isdigit() else None


def _place(row: tuple[object, ...]) -> tuple[str, str, str]:
    """(code, name, level) from (level, old_la_code, la_name, region_code, region_name)."""
    level = LEVELS[str(row[0])]
    if level == "council":
        return str(row[1]), str(row[2]), level
    if level == "region":
        return str(row[3]), str(row[4]), level
    return "E92000001", "England", level


_PLACE = "geographic_level, old_la_code, la_name, region_code, region_name"


def _caseload(connection: duckdb.DuckDBPyConnection) -> Iterator[Breakdown]:
    groups = ", ".join(
        f"{' + '.join(f'TRY_CAST({c} AS BIGINT)' for c in columns)} AS {name}"
        for name, columns in SETTING_COLUMNS.items()
    )
    # Column and table names come from this module, never from user text.
    sql = (
        f"SELECT {_PLACE}, time_period, breakdown_topic, breakdown, ehcplans, {groups} "  # noqa: S608
        "FROM published_2025_caseload WHERE breakdown_topic IN "
        "('All EHC plans', 'Child or young persons age')"
    )
    for row in connection.execute(sql).fetchall():
        code, name, level = _place(row)
        year, topic, breakdown = _census_year(str(row[5])), row[6], str(row[7])
        age = _age_key(breakdown) if topic != "All EHC plans" else None
        total = _number(row[8])
        settings = dict(zip(SETTING_COLUMNS, row[9:], strict=True))
        if topic == "All EHC plans":
            if total is not None:
                yield Breakdown(code, name, level, year, "total", "", total)
            for setting, value in settings.items():
                if value is not None:
                    yield Breakdown(code, name, level, year, "setting", setting, int(value))
        elif age is not None:
            if total is not None:
                yield Breakdown(code, name, level, year, "age", age, total)
            for setting, value in settings.items():
                if value is not None:
                    key = f"{age}:{setting}"
                    yield Breakdown(code, name, level, year, "age_setting", key, int(value))


def _flows(
    connection: duckdb.DuckDBPyConnection, table: str, column: str, kind: str
) -> Iterator[Breakdown]:
    # Column and table names come from this module, never from user text.
    sql = (
        f"SELECT {_PLACE}, time_period, {column} FROM {table} "  # noqa: S608
        "WHERE breakdown_topic IN ('New EHC plans', 'All ceased EHC plans')"
    )
    for row in connection.execute(sql).fetchall():
        code, name, level = _place(row)
        value = _number(row[6])
        if value is not None:
            yield Breakdown(code, name, level, int(str(row[5])), kind, "", value)


def _needs(connection: duckdb.DuckDBPyConnection) -> Iterator[Breakdown]:
    columns = ", ".join(NEED_COLUMNS.values())
    # Column and table names come from this module, never from user text.
    sql = (
        f"SELECT {_PLACE}, time_period, breakdown_topic, breakdown, {columns} "  # noqa: S608
        "FROM published_2025_sen_needs_all_plans WHERE breakdown_topic IN "
        "('All EHC plans', 'Child or young persons age')"
    )
    for row in connection.execute(sql).fetchall():
        code, name, level = _place(row)
        year, topic = _census_year(str(row[5])), row[6]
        age = _age_key(str(row[7])) if topic != "All EHC plans" else None
        if topic != "All EHC plans" and age is None:
            continue
        for need, text in zip(NEED_COLUMNS, row[8:], strict=True):
            value = _number(text)
            if value is None:
                continue
            kind, key = ("need", need) if age is None else ("need_age", f"{age}:{need}")
            yield Breakdown(code, name, level, year, kind, key, value)


def _bands(connection: duckdb.DuckDBPyConnection) -> Iterator[Breakdown]:
    # Column and table names come from this module, never from user text.
    sql = (
        f"SELECT {_PLACE}, time_period, characteristic_age, Total_all "  # noqa: S608
        "FROM published_2022_sen2_age_caseload"
    )
    for row in connection.execute(sql).fetchall():
        code, name, level = _place(row)
        value = _number(row[7])
        if str(row[6]) in BANDS_2022 and value is not None:
            band = str(BANDS_2022.index(str(row[6])))
            yield Breakdown(code, name, level, int(str(row[5])), "band", band, value)
