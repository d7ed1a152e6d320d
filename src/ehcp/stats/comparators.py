"""Like-for-like comparison: the councils most like a council, on published figures.

Each current council is described by five published figures for the latest January:

1. size: the number of EHC plans (compared on a log scale, so 1,000 against 2,000 counts as
   much as 5,000 against 10,000);
2. growth: the percentage change in plans over the five years before;
3. mainstream: the percentage of plans in mainstream schools;
4. special: the percentage in special schools (state-funded, independent or non-maintained);
5. region: the same region as the council, or not.

Figures 1 to 4 are put on a common scale (each minus its mean over all councils, divided by
its standard deviation); the distance between two councils is the square root of the summed
squared differences, plus 0.5 if they are in different regions. The closest councils, by that
distance, are its comparators. Nothing is weighted or hidden beyond this; the figures of every
comparator are shown beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb

from ehcp.stats.catalogue import BY_ID
from ehcp.stats.errors import StatsError
from ehcp.stats.queries import Council

COUNT = 10
REGION_PENALTY = 0.5
GROWTH_YEARS = 5
FEATURES = ("Plans", "Growth over 5 years", "Mainstream", "Special schools")


@dataclass(frozen=True)
class Profile:
    council: Council
    plans: float
    growth: float
    mainstream: float
    special: float

    @property
    def scaled_inputs(self) -> tuple[float, float, float, float]:
        return (math.log(self.plans), self.growth, self.mainstream, self.special)


@dataclass(frozen=True)
class Comparator:
    profile: Profile
    distance: float


@dataclass(frozen=True)
class Comparators:
    year: int
    own: Profile
    closest: tuple[Comparator, ...]


PROFILES = """
WITH latest AS (
    SELECT max(year) AS year FROM headline
    WHERE indicator = 'setting_mainstream_pct' AND geographic_level = 'Local authority'),
figures AS (
    SELECT area_code, indicator, year, value FROM headline
    WHERE geographic_level = 'Local authority' AND value IS NOT NULL AND indicator IN (
        'caseload', 'setting_mainstream_pct', 'setting_state_special_pct',
        'setting_independent_special_pct'))
SELECT c.*, latest.year,
    max(f.value) FILTER (WHERE f.indicator = 'caseload' AND f.year = latest.year),
    max(f.value) FILTER (WHERE f.indicator = 'caseload' AND f.year = latest.year - ?),
    max(f.value) FILTER (WHERE f.indicator = 'setting_mainstream_pct' AND f.year = latest.year),
    max(f.value) FILTER (WHERE f.indicator = 'setting_state_special_pct'
        AND f.year = latest.year),
    max(f.value) FILTER (WHERE f.indicator = 'setting_independent_special_pct'
        AND f.year = latest.year)
FROM council AS c CROSS JOIN latest JOIN figures AS f ON f.area_code = c.la_code
GROUP BY ALL ORDER BY c.la_code
"""


def profiles(connection: duckdb.DuckDBPyConnection) -> tuple[int, list[Profile]]:
    """The latest year and every council with all four figures in it."""
    rows = connection.execute(PROFILES, [GROWTH_YEARS]).fetchall()
    found = []
    year = 0
    for row in rows:
        council = Council(*row[:7])
        year, plans, before, mainstream, state, independent = row[7:]
        if None in (plans, before, mainstream, state, independent) or not before or not plans:
            continue
        growth = round(100 * (float(plans) - float(before)) / float(before), 1)
        special = round(float(state) + float(independent), 1)
        found.append(Profile(council, float(plans), growth, float(mainstream), special))
    return int(year), found


def comparators(
    connection: duckdb.DuckDBPyConnection, council: Council, count: int = COUNT
) -> Comparators:
    """The `count` councils closest to `council`, closest first."""
    year, everyone = profiles(connection)
    own = next((p for p in everyone if p.council.la_code == council.la_code), None)
    if own is None:
        raise StatsError(
            f"{council.name} cannot be compared with other councils: it lacks a published "
            "caseload or setting figure for the latest January or five years before."
        )
    scale = _scales(everyone)
    others = [p for p in everyone if p.council.la_code != council.la_code]
    ranked = sorted((Comparator(p, distance(own, p, scale)) for p in others),
                    key=lambda c: (c.distance, c.profile.council.name))  # fmt: skip
    return Comparators(year, own, tuple(ranked[:count]))


def _scales(everyone: list[Profile]) -> list[tuple[float, float]]:
    """(mean, standard deviation) of each scaled figure over all councils."""
    columns = list(zip(*(p.scaled_inputs for p in everyone), strict=True))
    found = []
    for values in columns:
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        found.append((mean, spread))
    return found


def distance(a: Profile, b: Profile, scale: list[tuple[float, float]]) -> float:
    squares = sum(
        ((x - y) / spread) ** 2
        for x, y, (_, spread) in zip(a.scaled_inputs, b.scaled_inputs, scale, strict=True)
    )
    penalty = 0.0 if a.council.region_code == b.council.region_code else REGION_PENALTY
    return round(math.sqrt(squares) + penalty, 2)


@dataclass(frozen=True)
class Standing:
    """Where the council comes among itself and its comparators on one indicator."""

    position: int
    of: int
    year: int


def standing(
    connection: duckdb.DuckDBPyConnection, found: Comparators, indicator: str
) -> Standing | None:
    """The council's rank within its group (best first) in its latest year with a figure."""
    own = found.own.council.la_code
    members = [own, *(c.profile.council.la_code for c in found.closest)]
    row = connection.execute(LATEST, [indicator, own]).fetchone()
    if row is None or row[0] is None:
        return None
    order = "ASC" if BY_ID[indicator].higher_is_better is False else "DESC"
    ranks = dict(
        connection.execute(
            GROUP_RANKS.format(order=order), [indicator, row[0], members]
        ).fetchall()
    )
    return Standing(int(ranks[own]), len(ranks), int(row[0]))


LATEST = """
SELECT max(year) FROM headline WHERE indicator = ? AND area_code = ? AND value IS NOT NULL
    AND geographic_level = 'Local authority'
"""
GROUP_RANKS = """
SELECT area_code, rank() OVER (ORDER BY value {order}) FROM headline
WHERE indicator = ? AND year = ? AND value IS NOT NULL
    AND geographic_level = 'Local authority' AND list_contains(?, area_code)
"""
