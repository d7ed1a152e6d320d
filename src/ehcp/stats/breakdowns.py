"""A place's plans broken down by setting, primary need, age or sex, year by year.

Setting and need are catalogue indicators (percentages of all plans, with the count and the
base beside them). Age and sex are the caseload's own breakdowns: counts, with each one's share
of the year's plans derived here. For each year the newest release that breaks the caseload
down that way is used, so ages come from the aggregate return's bands up to January 2022 and
from the person-level return's single years of age (summed into the same bands) from 2024.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from ehcp.stats.catalogue import BY_ID, NEED_TYPES, SETTINGS
from ehcp.stats.errors import StatsError
from ehcp.stats.queries import Council

Topic = Literal["setting", "need", "age", "sex"]
TOPICS: tuple[Topic, ...] = ("setting", "need", "age", "sex")
TITLES: dict[Topic, str] = {
    "setting": "Plans by setting",
    "need": "Plans by primary need",
    "age": "Plans by age",
    "sex": "Plans by sex",
}
AGE_BANDS = ("Under 5", "Age 5 to 10", "Age 11 to 15", "Age 16 to 19", "Age 20 to 25", "Unknown")
SEXES = ("Female", "Male", "Unknown")
NOTES: dict[Topic, tuple[str, ...]] = {
    "setting": (
        "Resourced provision and SEN units are part of mainstream schools, so they are also "
        "counted in the mainstream figure; the settings add up to more than 100%.",
    ),
    "need": ("Published for January 2025 only (the reporting year 2025 release).",),
    "age": (
        "Up to January 2022 DfE published age bands (aggregate return); from January 2024 "
        "single years of age (person-level return), which Open EHCP sums into the same bands. "
        "January 2023 has no age breakdown. Shares are of all plans that year.",
    ),
    "sex": (
        "Published from January 2024 (person-level return). Shares are of all plans that year.",
    ),
}


@dataclass(frozen=True)
class Share:
    """One category in one year: plans, their share of all plans, and that base."""

    category: str
    year: int
    count: float | None
    percent: float | None
    base: float | None
    marker: str | None
    decimals: int | None = 1


@dataclass(frozen=True)
class Breakdown:
    topic: Topic
    place: Council
    categories: tuple[str, ...]
    years: tuple[int, ...]
    shares: tuple[Share, ...]

    @property
    def title(self) -> str:
        return TITLES[self.topic]

    @property
    def notes(self) -> tuple[str, ...]:
        return NOTES[self.topic]

    def base(self, year: int) -> float | None:
        """All plans that year: the base of every share."""
        return next((s.base for s in self.shares if s.year == year and s.base), None)

    def share(self, category: str, year: int) -> Share | None:
        return next((s for s in self.shares if s.category == category and s.year == year), None)


def known_topic(text: str) -> Topic:
    for topic in TOPICS:
        if text == topic:
            return topic
    raise StatsError(f"There is no breakdown '{text}': choose setting, need, age or sex.")


def breakdown(
    connection: duckdb.DuckDBPyConnection, place: Council, topic: Topic, year: int | None = None
) -> Breakdown:
    """The place's plans by `topic`, every year with figures (or only `year`)."""
    shares = _indicator_shares(connection, place, topic) if topic in ("setting", "need") else (
        _caseload_shares(connection, place, topic)
    )  # fmt: skip
    if year is not None:
        shares = [s for s in shares if s.year == year]
    # A year with markers only (ages before EHC plans began, 2010 to 2014) is left out.
    numbered = {s.year for s in shares if s.percent is not None or s.count is not None}
    shares = [s for s in shares if s.year in numbered]
    if not shares:
        when = f" for {year}" if year is not None else ""
        raise StatsError(f"{place.name} has no figures by {topic}{when}.")
    order = _categories(topic)
    present = {s.category for s in shares}
    categories = tuple(c for c in order if c in present)
    years = tuple(sorted({s.year for s in shares}))
    return Breakdown(topic, place, categories, years, tuple(shares))


def _categories(topic: Topic) -> tuple[str, ...]:
    if topic == "setting":
        names = [
            BY_ID[f"setting_{ident}_pct"].title.removeprefix("Setting: ") for ident, *_ in SETTINGS
        ]
        return tuple(name[0].upper() + name[1:] for name in names)
    if topic == "need":
        return tuple(title for _, title in NEED_TYPES)
    return AGE_BANDS if topic == "age" else SEXES


def _indicator_ids(topic: Topic) -> dict[str, str]:
    if topic == "setting":
        ids = [f"setting_{ident}_pct" for ident, *_ in SETTINGS]
    else:
        ids = [f"need_{code}_pct" for code, _ in NEED_TYPES]
    return dict(zip(ids, _categories(topic), strict=True))


def _indicator_shares(
    connection: duckdb.DuckDBPyConnection, place: Council, topic: Topic
) -> list[Share]:
    ids = _indicator_ids(topic)
    rows = connection.execute(
        "SELECT indicator, year, numerator, value, denominator, marker, decimals FROM headline "
        "WHERE area_code = ? AND list_contains(?, indicator) ORDER BY year",
        [place.la_code, list(ids)],
    ).fetchall()
    return [Share(ids[row[0]], int(row[1]), *row[2:]) for row in rows]


CASELOAD_ROWS = """
WITH topic AS (
    SELECT * FROM observation
    WHERE indicator = 'caseload' AND area_code = ? AND list_contains(?, breakdown_topic)),
newest AS (SELECT year, max(release) AS release FROM topic GROUP BY year),
total AS (
    SELECT year, value FROM headline
    WHERE indicator = 'caseload' AND area_code = ?)
SELECT topic.year, topic.breakdown, topic.value, topic.marker, total.value
FROM topic JOIN newest USING (year, release) LEFT JOIN total USING (year)
ORDER BY topic.year
"""


def _caseload_shares(
    connection: duckdb.DuckDBPyConnection, place: Council, topic: Topic
) -> list[Share]:
    topics = ["Age band", "Child or young persons age"] if topic == "age" else ["Sex"]
    rows = connection.execute(CASELOAD_ROWS, [place.la_code, topics, place.la_code]).fetchall()
    grouped: dict[tuple[int, str], list[Any]] = {}
    for year, category, value, marker, total in rows:
        name = age_band(str(category)) if topic == "age" else str(category)
        entry = grouped.setdefault((int(year), name), [None, None, total])
        if value is not None:
            entry[0] = (entry[0] or 0.0) + float(value)
        elif entry[1] is None:
            entry[1] = marker
    return [_share(year, name, *entry) for (year, name), entry in grouped.items()]


def _share(
    year: int, category: str, count: float | None, marker: str | None, total: float | None
) -> Share:
    percent = round(100 * count / total, 1) if count is not None and total else None
    return Share(category, year, count, percent, total, None if count is not None else marker)


_AGE = re.compile(r"age (\d+)")


def age_band(published: str) -> str:
    """The aggregate return's band for a published age: 'age 7' -> 'Age 5 to 10'."""
    if published in AGE_BANDS:
        return published
    if published.lower().startswith("under"):
        return "Under 5"
    match = _AGE.fullmatch(published.strip().lower())
    if not match:
        return "Unknown"
    age = int(match.group(1))
    bands = ((5, "Under 5"), (11, "Age 5 to 10"), (16, "Age 11 to 15"), (20, "Age 16 to 19"))
    return next((band for limit, band in bands if age < limit), "Age 20 to 25")
