"""Trend charts as plain geometry for an inline SVG template: no JavaScript, nothing external.

One chart per indicator: the council, its region and England, told apart by dash pattern,
marker shape and a label at the end of each line as well as by colour. Lines stop at the
series break (the first figure from the person-level return) and at years with no figure.
Counts are charted for the council only: regional and national totals would flatten it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ehcp.stats.catalogue import BY_ID
from ehcp.stats.queries import ENGLAND, Comparison, Council, Value
from ehcp.stats.render import shown

WIDTH, HEIGHT = 700, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 500, 24, 280
LABEL_LINE = 15
LABEL_CHARS = 17


@dataclass(frozen=True)
class Style:
    key: str
    colour: str
    dash: str
    marker: str


STYLES = (
    Style("council", "#1d70b8", "", "circle"),
    Style("region", "#912b88", "8 5", "square"),
    Style("england", "#0b0c0c", "2 4", "diamond"),
)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    style: Style
    name: str
    segments: tuple[str, ...]
    points: tuple[Point, ...]
    label_lines: tuple[str, ...]
    label_y: float

    @property
    def label_x(self) -> float:
        return RIGHT + 40

    @property
    def sample(self) -> tuple[float, float]:
        """Where the short stretch of line beside the label (a key to its pattern) runs."""
        return RIGHT + 8, RIGHT + 34


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    break_x: float | None
    title: str
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    top: int = TOP
    bottom: int = BOTTOM


def build(council: Council, rows: Sequence[Comparison]) -> Chart:
    """The chart for one indicator's rows (one per year, oldest first)."""
    entry = BY_ID[rows[0].indicator]
    rows = _trimmed(council, rows, entry.unit)
    series = _series(council, rows, entry.unit)
    years = [row.year for row in rows]
    values = [v for _, _, found in series for v in found if v is not None]
    y_ticks, scale = _y_axis(values, entry.unit)
    break_year = next((row.year for row in rows if row.series_break), None)
    x_of = _x_scale(years)
    lines = [
        _line(style, name, years, found, x_of, scale, break_year)
        for style, name, found in series
        if any(v is not None for v in found)
    ]
    return Chart(
        lines=tuple(_spread_labels(lines)),
        x_ticks=tuple(Tick(x_of(year), str(year)) for year in years[:: 1 + len(years) // 13]),
        y_ticks=y_ticks,
        break_x=_break_x(years, break_year, x_of),
        title=_title(entry.title, council, entry.unit, years),
        description=describe(council, rows),
    )


def _trimmed(council: Council, rows: Sequence[Comparison], unit: str) -> Sequence[Comparison]:
    """The rows from the first to the last year in which any charted line has a figure."""
    charted = [
        i
        for i, row in enumerate(rows)
        if any(v is not None for _, _, found in _series(council, [row], unit) for v in found)
    ]
    return rows[charted[0] : charted[-1] + 1] if charted else rows


def _title(indicator: str, council: Council, unit: str, years: list[int]) -> str:
    span = f"{years[0]} to {years[-1]}" if len(years) > 1 else str(years[0])
    if unit == "count" or council.level == ENGLAND:
        return f"{indicator}: {council.name}, {span}"
    if not council.is_council:
        return f"{indicator}: {council.name}, with England, {span}"
    region = council.region_name or "its region"
    return f"{indicator}: {council.name}, with {region} and England, {span}"


def _series(
    council: Council, rows: Sequence[Comparison], unit: str
) -> list[tuple[Style, str, list[float | None]]]:
    council_style, region_style, england_style = STYLES
    found = [(council_style, council.name, [_number(r.council) for r in rows])]
    if unit != "count":
        region = council.region_name or "Region"
        found.append((region_style, region, [_number(r.region) for r in rows]))
        found.append((england_style, "England", [_number(r.england) for r in rows]))
    return found


def _number(value: Value | None) -> float | None:
    return None if value is None or value.value is None else float(value.value)


def _x_scale(years: list[int]) -> Scale:
    first, last = min(years), max(years)
    if first == last:
        return Scale(first - 1, first + 1, LEFT, RIGHT)
    return Scale(first, last, LEFT, RIGHT)


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low) if self.high != self.low else 0.5
        return round(self.start + share * (self.end - self.start), 1)


def _y_axis(values: list[float], unit: str) -> tuple[tuple[Tick, ...], Scale]:
    low = min([0.0, *values])
    high = max([0.0, *values])
    if high == low:
        high = low + (10.0 if unit == "percent" else 1.0)
    step = nice_step((high - low) / 5)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    scale = Scale(bottom, top, BOTTOM, TOP)
    count = round((top - bottom) / step)
    ticks = tuple(
        Tick(scale(bottom + i * step), _tick_label(bottom + i * step, step, unit))
        for i in range(count + 1)
    )
    return ticks, scale


def nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`."""
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough * (1 - 1e-9))


def _tick_label(value: float, step: float, unit: str) -> str:
    places = 0 if float(step).is_integer() else 1
    text = f"{value:,.{places}f}"
    return text + "%" if unit == "percent" else text


def _line(
    style: Style,
    name: str,
    years: list[int],
    found: list[float | None],
    x_of: Scale,
    y_of: Scale,
    break_year: int | None,
) -> Line:
    points: list[Point] = []
    segments: list[list[Point]] = [[]]
    for year, value in zip(years, found, strict=True):
        if value is None or year == break_year:
            segments.append([])
        if value is not None:
            point = Point(x_of(year), y_of(value))
            points.append(point)
            segments[-1].append(point)
    drawn = tuple(" ".join(f"{p.x},{p.y}" for p in part) for part in segments if len(part) > 1)
    return Line(style, name, drawn, tuple(points), wrap(name), points[-1].y)


def wrap(name: str) -> tuple[str, ...]:
    """A direct label in lines short enough for the space right of the plot."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines)


def _spread_labels(lines: list[Line], styles: Sequence[Style] = STYLES) -> list[Line]:
    """Move end labels apart vertically so that none overlaps another."""
    ordered = sorted(lines, key=lambda line: line.label_y)
    placed: list[Line] = []
    floor = float(TOP)
    for line in ordered:
        y = max(line.label_y, floor)
        placed.append(_with_label_y(line, y))
        floor = y + LABEL_LINE * len(line.label_lines) + 4
    overflow = floor - 4 - (BOTTOM + LABEL_LINE)
    if overflow > 0:
        placed = [_with_label_y(line, line.label_y - overflow) for line in placed]
    return sorted(placed, key=lambda line: list(styles).index(line.style))


def _with_label_y(line: Line, y: float) -> Line:
    return Line(line.style, line.name, line.segments, line.points, line.label_lines, y)


def _break_x(years: list[int], break_year: int | None, x_of: Scale) -> float | None:
    if break_year is None or break_year == years[0]:
        return None
    return x_of(break_year - 0.5)


def describe(council: Council, rows: Sequence[Comparison]) -> str:
    """One sentence: where the council started and ended, and England (and region) then."""
    unit = BY_ID[rows[0].indicator].unit
    have = [row for row in rows if row.council.value is not None]
    if not have:
        return f"No figures are published for {council.name}."
    first, last = have[0], have[-1]
    if first is last:
        opening = f"{council.name} was {shown(last.council, unit)} in {last.year}"
    else:
        opening = (
            f"{council.name} went from {shown(first.council, unit)} in {first.year} "
            f"to {shown(last.council, unit)} in {last.year}"
        )
    return opening + _others(council, last, unit) + "."


def _others(council: Council, last: Comparison, unit: str) -> str:
    parts = [
        f"{name} was {shown(value, unit)}"
        for name, value in ((council.region_name, last.region), ("England", last.england))
        if name and value is not None and value.value is not None
    ]
    if not parts:
        return ""
    return "; " + " and ".join(parts) + (" (totals, not charted)" if unit == "count" else "")
