"""The hex map of England: one hexagon per council, coloured by an indicator in one year.

Values fall into up to five bands, each holding about a fifth of the councils (quintiles), in
shades of one blue from light (lowest) to dark (highest); the legend beside the map gives each
band's range in words. A hexagon is a link to the council's page, named by the council and its
figure. A small circle marks a rate on fewer than 30 cases. Councils with no figure are pale
grey. The same figures are in a table under the map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ehcp.stats import render as text
from ehcp.stats.councils import REORGANISATIONS
from ehcp.stats.hexlayout import Hex
from ehcp.stats.queries import Council, Ranked

SIZE = 17
SHADES = ("#d2e2f1", "#8eb8dc", "#5694ca", "#1d70b8", "#003078")
NO_FIGURE = "#f3f2f1"


@dataclass(frozen=True)
class Band:
    colour: str
    low: str
    high: str
    count: int

    @property
    def shade(self) -> int:
        """The shade's number (0 lightest), for the legend's swatch class."""
        return SHADES.index(self.colour)


@dataclass(frozen=True)
class Cell:
    council: Council | None
    name: str
    figure: str
    colour: str
    small: bool
    x: float
    y: float

    @property
    def label(self) -> str:
        return f"{self.name}: {self.figure}"


@dataclass(frozen=True)
class HexMap:
    cells: tuple[Cell, ...]
    bands: tuple[Band, ...]
    width: int
    height: int
    missing: int
    small: int


def build(
    hexes: Sequence[Hex], ranked: Sequence[Ranked], councils: Sequence[Council], unit: str
) -> HexMap:
    by_code = _figures_by_hex(ranked, councils)
    values = sorted(float(r.value.value) for r in ranked if r.value.value is not None)
    edges = _quintiles(values)
    top = max(h.r for h in hexes)
    cells = tuple(_cell(h, by_code.get(h.code), edges, unit, top) for h in hexes)
    width = math.ceil(SIZE * math.sqrt(3) * (max(h.q for h in hexes) + 1.5)) + 4
    height = math.ceil(SIZE * 1.5 * top + SIZE * 2) + 4
    return HexMap(
        cells,
        _bands(values, edges, ranked, unit),
        width,
        height,
        sum(1 for c in cells if c.council is None or c.colour == NO_FIGURE),
        sum(1 for c in cells if c.small),
    )


def _figures_by_hex(
    ranked: Sequence[Ranked], councils: Sequence[Council]
) -> dict[str, tuple[Council, Ranked | None]]:
    """GSS code -> the council drawn there and its figure; before a split, the old council."""
    figures = {r.council.la_code: r for r in ranked}
    found: dict[str, tuple[Council, Ranked | None]] = {
        c.new_la_code: (c, figures.get(c.la_code)) for c in councils if c.new_la_code
    }
    by_la = {c.la_code: c for c in councils}
    for old, change in REORGANISATIONS.items():
        successors = [by_la[s] for s in change.successors if s in by_la]
        if (
            old in figures
            and len(change.successors) > 1
            and not any(s.la_code in figures for s in successors)
        ):
            for successor in successors:
                found[successor.new_la_code or ""] = (by_la[old], figures[old])
    return found


def _quintiles(values: list[float]) -> list[float]:
    """Upper edges of up to five bands with about equal numbers of councils."""
    if not values:
        return []
    edges = [values[min(len(values) - 1, math.ceil(len(values) * k / 5) - 1)] for k in range(1, 6)]
    return sorted(set(edges))


def _band_of(value: float, edges: list[float]) -> int:
    return next(i for i, edge in enumerate(edges) if value <= edge)


def _cell(
    hexagon: Hex, found: tuple[Council, Ranked | None] | None, edges: list[float], unit: str,
    top: int,
) -> Cell:  # fmt: skip
    x = SIZE * math.sqrt(3) * (hexagon.q + 0.5 * (hexagon.r % 2) + 0.5) + 2
    y = SIZE * 1.5 * (top - hexagon.r) + SIZE + 2
    if found is None:
        return Cell(None, hexagon.name, "no figure", NO_FIGURE, False, round(x, 1), round(y, 1))
    council, figure = found
    if figure is None or figure.value.value is None:
        return Cell(council, council.name, "no figure", NO_FIGURE, False, round(x, 1), round(y, 1))
    colour = SHADES[_band_of(float(figure.value.value), edges) + 5 - len(edges)]
    shown = text.with_base(figure.value, unit)
    small = unit == "percent" and text.small_base(figure.value)
    return Cell(council, council.name, shown, colour, small, round(x, 1), round(y, 1))


def _bands(
    values: list[float], edges: list[float], ranked: Sequence[Ranked], unit: str
) -> tuple[Band, ...]:
    bands = []
    low_value = values[0] if values else 0.0
    for i, edge in enumerate(edges):
        members = [v for v in values if _band_of(v, edges) == i]
        low = min(members, default=low_value)
        colour = SHADES[i + 5 - len(edges)]
        bands.append(Band(colour, _shown(low, ranked, unit), _shown(edge, ranked, unit),
                          len(members)))  # fmt: skip
    return tuple(bands)


def _shown(value: float, ranked: Sequence[Ranked], unit: str) -> str:
    match = next((r.value for r in ranked if r.value.value == value), None)
    return text.shown(match, unit) if match else f"{value:g}"


def _points(x: float, y: float) -> str:
    corners = [math.radians(60 * i - 30) for i in range(6)]
    size = SIZE - 1
    return " ".join(
        f"{round(x + size * math.cos(a), 1)},{round(y + size * math.sin(a), 1)}" for a in corners
    )


def render(chart: HexMap, title_id: str, href: dict[str, str]) -> SafeString:
    """The map as inline SVG: a group of links, each a hexagon named by council and figure."""
    parts = [
        f'<svg class="app-hexmap__svg" viewBox="0 0 {chart.width} {chart.height}" '
        f'role="group" aria-labelledby="{escape(title_id)}">'
    ]
    for cell in chart.cells:
        shape = f'<polygon points="{_points(cell.x, cell.y)}" fill="{cell.colour}"/>'
        mark = (
            f'<circle cx="{cell.x}" cy="{cell.y}" r="4" fill="#ffffff" stroke="#0b0c0c" '
            'stroke-width="2"/>'
            if cell.small
            else ""
        )
        label = escape(cell.label)
        if cell.council is None:
            parts.append(f"<g><title>{label}</title>{shape}</g>")
            continue
        link = escape(href[cell.council.la_code])
        parts.append(
            f'<a href="{link}" aria-label="{label}" class="app-hexmap__link">'
            f"<title>{label}</title>{shape}{mark}</a>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped above
