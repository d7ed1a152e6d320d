"""Published figures per place, in the shape the model reads, and the data-quality flags.

`Figures` is built from plain rows (place code, name, level, year, kind, key, value), such as
`ehcp.stats.forecast_inputs.read_breakdowns` returns. Caseload rows carry their January census
year; flows (`new`, `ceased`, `ceased_transfer`) carry their calendar year and become known
with the next January's census, so their data year is the calendar year + 1.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ehcp.forecast.errors import DataQualityWarning, ForecastError

FLOWS = frozenset({"new", "ceased", "ceased_transfer"})
REORGANISED = {
    "909": "Cumbria",
    "942": "Cumberland",
    "943": "Westmorland and Furness",
    "928": "Northamptonshire",
    "940": "North Northamptonshire",
    "941": "West Northamptonshire",
    "837": "Bournemouth",
    "836": "Poole",
    "839": "Bournemouth, Christchurch and Poole",
    "835": "Dorset",
    "838": "Dorset",
}
KNOWN_ERRORS = {
    ("316", 2025): "Newham's January 2025 caseload (1,199 after 2,705) is a data error"
}
AGES_MISSING_2024 = {"204": "Hackney", "874": "Peterborough"}
PLACEMENTS_UNRECORDED_2025 = {"873": "Cambridgeshire", "812": "North East Lincolnshire"}
SERIES_BREAK = 2023


class Row(Protocol):
    """One published figure (`ehcp.stats.forecast_inputs.Breakdown` has this shape)."""

    @property
    def place_code(self) -> str: ...
    @property
    def place_name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def value(self) -> int: ...


@dataclass
class Place:
    """Every figure for one place: figures[kind][year][key] = value."""

    code: str
    name: str
    level: str
    figures: dict[str, dict[int, dict[str, int]]] = field(default_factory=dict)

    def get(self, kind: str, year: int) -> dict[str, int]:
        return self.figures.get(kind, {}).get(year, {})

    def total(self, year: int) -> int | None:
        """Plans in January `year`: the published total, else the sum of the age bands."""
        total = self.get("total", year).get("")
        bands = self.get("band", year)
        if total is None and len(bands) == 5:
            return sum(bands.values())
        return total

    def years(self, kind: str) -> list[int]:
        return sorted(self.figures.get(kind, {}))


@dataclass
class Figures:
    """All places' figures up to `as_of` (None: everything given)."""

    places: dict[str, Place]
    as_of: int | None = None

    @property
    def england(self) -> Place:
        return self.places["E92000001"]

    def councils(self) -> list[Place]:
        return [p for p in self.places.values() if p.level == "council"]

    def find(self, text: str) -> Place:
        wanted = text.strip().casefold()
        for place in self.places.values():
            if wanted in (place.code.casefold(), place.name.casefold()):
                return place
        raise ForecastError(
            f"No council, region or England called {text!r} has published figures."
        )

    def latest_year(self) -> int:
        """The latest January with England's total (published, or added up from bands)."""
        years = set(self.england.years("total")) | set(self.england.years("band"))
        if not years:
            raise ForecastError("The figures have no England totals to forecast from.")
        return max(years)


def data_year(kind: str, year: int) -> int:
    """The January census by which a figure was known."""
    return year + 1 if kind in FLOWS else year


def figures_from_rows(rows: Iterable[Row]) -> Figures:
    places: dict[str, Place] = {}
    for row in rows:
        place = places.setdefault(row.place_code, Place(row.place_code, row.place_name, row.level))
        by_year = place.figures.setdefault(row.kind, defaultdict(dict))
        by_year[row.year][row.key] = row.value
    if "E92000001" not in places:
        raise ForecastError("The figures have no England totals; import the DfE releases first.")
    return Figures(places)


def up_to(figures: Figures, as_of: int) -> Figures:
    """The figures known by January `as_of`; refuses figures that are later."""
    later = [
        (place.name, kind, year)
        for place in figures.places.values()
        for kind, years in place.figures.items()
        for year in years
        if data_year(kind, year) > as_of
    ]
    if later:
        name, kind, year = later[0]
        raise ForecastError(
            f"The data run past January {as_of} ({len(later)} figures, e.g. {name}'s {kind} "
            f"for {year}); give only figures up to the forecast origin, or use before(as_of)."
        )
    return Figures(figures.places, as_of)


def before(figures: Figures, as_of: int) -> Figures:
    """A copy holding only the figures known by January `as_of`."""
    places = {
        code: Place(
            p.code,
            p.name,
            p.level,
            {
                kind: {y: v for y, v in years.items() if data_year(kind, y) <= as_of}
                for kind, years in p.figures.items()
            },
        )
        for code, p in figures.places.items()
    }
    return Figures(places, as_of)


@dataclass(frozen=True)
class Flag:
    code: str
    message: str


def quality_flags(figures: Figures) -> list[Flag]:
    """Known problems in the published figures held, each a reason to treat a place apart."""
    flags = [
        Flag(code, f"{name} changed boundaries; its series is not forecast")
        for code, name in REORGANISED.items()
        if code in figures.places
    ]
    for (code, year), message in KNOWN_ERRORS.items():
        if code in figures.places and figures.places[code].total(year) is not None:
            flags.append(Flag(code, message))
    for code, name in AGES_MISSING_2024.items():
        if code in figures.places and 2024 in figures.england.years("age"):
            if not figures.places[code].get("age", 2024):
                flags.append(Flag(code, f"{name} published no ages for January 2024"))
    for code, name in PLACEMENTS_UNRECORDED_2025.items():
        place = figures.places.get(code)
        if place is not None and _unrecorded_share(place, 2025) > 0.5:
            flags.append(Flag(code, f"{name}'s January 2025 placements are mostly not recorded"))
    if any(y >= SERIES_BREAK for y in figures.england.years("total")) and any(
        y < SERIES_BREAK for y in figures.england.years("total")
    ):
        flags.append(Flag("E92000001", "The series breaks in January 2023 (person-level return)"))
    return flags


def _unrecorded_share(place: Place, year: int) -> float:
    total = place.total(year)
    if not total:
        return 0.0
    return 1.0 - sum(place.get("setting", year).values()) / total


def warn_quality(figures: Figures) -> set[str]:
    """Raise each flag as a DataQualityWarning; return the councils to leave out."""
    skipped = set()
    for flag in quality_flags(figures):
        warnings.warn(flag.message, DataQualityWarning, stacklevel=3)
        if "boundaries" in flag.message or "data error" in flag.message:
            skipped.add(flag.code)
    return skipped
