"""The paragraph at the top of a place's page: where it stands on timeliness and caseload.

For a council: "Bristol, City of ranked 131 of 153 councils on the 20-week measure in 2024
(4th quartile): 17.3% of new plans were issued within 20 weeks, against England's 45.9%;
down from 38.1% in 2022." Then its place among the councils most like it (`comparators`),
and the caseload: "4,931 children and young people had a plan in
January 2025, up 12.5% on a year before." Every figure is the published one, shown at DfE's
precision; ranks count the councils with a figure that year (ties share a rank).
"""

from __future__ import annotations

import duckdb

from ehcp.stats.catalogue import BY_ID
from ehcp.stats.comparators import comparators, standing
from ehcp.stats.errors import StatsError
from ehcp.stats.queries import Comparison, Council, Value, compare, rank
from ehcp.stats.render import shown

MEASURE = "plans_within_20_weeks_pct"
LOOK_BACK = 2
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def headline(connection: duckdb.DuckDBPyConnection, place: Council) -> str:
    """One paragraph; empty if the place has neither a 20-week figure nor a caseload."""
    parts = [
        _timeliness(connection, place),
        _group(connection, place),
        _caseload(connection, place),
    ]
    return " ".join(part for part in parts if part)


def _figures(
    connection: duckdb.DuckDBPyConnection, place: Council, indicator: str
) -> list[Comparison]:
    try:
        rows = compare(connection, place, indicator=indicator)
    except StatsError:
        return []
    return [row for row in rows if row.council.value is not None]


def _timeliness(connection: duckdb.DuckDBPyConnection, place: Council) -> str:
    rows = _figures(connection, place, MEASURE)
    if not rows:
        return ""
    latest = rows[-1]
    value = _percent(latest.council)
    if place.is_council:
        opening = _standing(connection, place, latest.year)
    else:
        opening = f"{place.name}, {latest.year}"
    sentence = f"{opening}: {value} of new plans were issued within 20 weeks"
    if latest.england is not None and latest.england.value is not None:
        sentence += f", against England's {_percent(latest.england)}"
    return sentence + _change(rows, latest) + "."


def _standing(connection: duckdb.DuckDBPyConnection, place: Council, year: int) -> str:
    ranked = rank(connection, MEASURE, year)
    found = next((r for r in ranked if r.council.la_code == place.la_code), None)
    if found is None:
        return f"In {place.name} in {year}"
    return (
        f"{place.name} ranked {found.rank} of {len(ranked)} councils on the 20-week measure "
        f"in {year} ({ORDINALS[found.quartile]} quartile)"
    )


def _change(rows: list[Comparison], latest: Comparison) -> str:
    before = next((r for r in rows if r.year == latest.year - LOOK_BACK), None)
    if before is None or before.council.value is None or latest.council.value is None:
        return ""
    was, now = _percent(before.council), _percent(latest.council)
    if was == now:
        return f"; the same as in {before.year}"
    word = "up" if float(latest.council.value) > float(before.council.value) else "down"
    return f"; {word} from {was} in {before.year}"


def _group(connection: duckdb.DuckDBPyConnection, place: Council) -> str:
    if not place.is_council:
        return ""
    try:
        found = comparators(connection, place)
    except StatsError:
        return ""
    where = standing(connection, found, MEASURE)
    if where is None:
        return ""
    return (
        f"Among the {len(found.closest)} councils most like it, it comes {where.position} of "
        f"{where.of} on that measure in {where.year}."
    )


def _caseload(connection: duckdb.DuckDBPyConnection, place: Council) -> str:
    rows = _figures(connection, place, "caseload")
    if not rows:
        return ""
    latest = rows[-1]
    plans = shown(latest.council, "count")
    sentence = f"{plans} children and young people had a plan in January {latest.year}"
    growth = _figures(connection, place, "caseload_growth_pct")
    change = next((g for g in growth if g.year == latest.year), None)
    if change is not None and change.council.value is not None:
        amount = float(change.council.value)
        word = "up" if amount > 0 else "down"
        size = shown(Value(abs(amount), None, None, None, 1), "percent")
        sentence += f", {word} {size} on a year before" if amount else ", as many as a year before"
    return sentence + "."


def _percent(value: Value) -> str:
    return shown(value, BY_ID[MEASURE].unit)
