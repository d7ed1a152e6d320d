"""Charts of a place's plans by setting, need, age or sex (`ehcp.stats.breakdowns`).

Over several years: one line per category (share of all plans), told apart by colour, dash
pattern, marker and a label at the end of the line. For a single year: horizontal bars, one
per category, each labelled with its name and figure. Both are drawn by `svg`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ehcp.stats.breakdowns import Breakdown, Share
from ehcp.stats.render import breakdown_cell
from ehcp.web.statistics import charts
from ehcp.web.statistics.charts import Chart, Style, Tick

# Colours with at least 3:1 contrast against white, each with its own dash and marker.
PALETTE = (
    ("#1d70b8", "", "circle"),
    ("#d4351c", "8 5", "square"),
    ("#00703c", "2 4", "diamond"),
    ("#912b88", "", "square"),
    ("#0b0c0c", "8 5", "circle"),
    ("#003078", "2 4", "square"),
    ("#6f4e00", "", "diamond"),
)
SHORT_NAMES = {
    "Mainstream school": "Mainstream",
    "Resourced provision or SEN unit in a mainstream school": "Resourced or SEN unit",
    "State-funded special school": "State special",
    "Independent or non-maintained special school": "Independent special",
    "Alternative provision or pupil referral unit": "AP or PRU",
    "Further education": "Further education",
    "Educated elsewhere": "Educated elsewhere",
}
BAR_ROW, BAR_TOP, BAR_LEFT, BAR_RIGHT = 44, 10, 8, 560


@dataclass(frozen=True)
class Bar:
    label: str
    figure: str
    y: float
    width: float


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    title: str
    description: str
    width: int = 700
    left: int = BAR_LEFT

    @property
    def height(self) -> int:
        return BAR_TOP * 2 + BAR_ROW * len(self.bars)


def build(found: Breakdown) -> Chart | BarChart:
    """Lines over the years, or bars when there is only one year."""
    if len(found.years) == 1:
        return _bars(found, found.years[0])
    return _lines(found)


def _charted(found: Breakdown) -> list[str]:
    return [c for c in found.categories if c != "Unknown"]


def _lines(found: Breakdown) -> Chart:
    years = list(found.years)
    categories = _charted(found)
    styles = [Style(f"c{i}", *PALETTE[i % len(PALETTE)]) for i in range(len(categories))]
    series = [[_percent(found.share(c, y)) for y in years] for c in categories]
    values = [v for found_values in series for v in found_values if v is not None]
    y_ticks, scale = charts._y_axis(values, "percent")
    x_of = charts._x_scale(years)
    gap = _first_after_gap(years)
    lines = [
        charts._line(style, SHORT_NAMES.get(name, name), years, got, x_of, scale, gap)
        for style, name, got in zip(styles, categories, series, strict=True)
        if any(v is not None for v in got)
    ]
    return Chart(
        lines=tuple(charts._spread_labels(lines, styles)),
        x_ticks=tuple(Tick(x_of(y), str(y)) for y in years[:: 1 + len(years) // 13]),
        y_ticks=y_ticks,
        break_x=charts._break_x(years, gap, x_of),
        title=f"{found.title}: {found.place.name}, January {years[0]} to {years[-1]}",
        description=describe(found),
    )


def _first_after_gap(years: list[int]) -> int | None:
    """The first year after a missing one (e.g. 2024 after 2022): the line breaks there."""
    return next((b for a, b in zip(years, years[1:], strict=False) if b - a > 1), None)


def _percent(share: Share | None) -> float | None:
    return None if share is None or share.percent is None else float(share.percent)


def _bars(found: Breakdown, year: int) -> BarChart:
    shares = [(c, found.share(c, year)) for c in _charted(found)]
    top = max([_percent(s) or 0.0 for _, s in shares] + [1.0])
    bars = tuple(
        Bar(name, breakdown_cell(share), BAR_TOP + i * BAR_ROW,
            round((BAR_RIGHT - BAR_LEFT) * (_percent(share) or 0.0) / top, 1))
        for i, (name, share) in enumerate(shares)
    )  # fmt: skip
    return BarChart(bars, f"{found.title}: {found.place.name}, January {year}", describe(found))


def describe(found: Breakdown) -> str:
    """One sentence: the largest category in the latest year, and the one before it."""
    year = found.years[-1]
    ranked = sorted(
        ((s.percent, s.category) for s in found.shares if s.year == year and s.percent),
        reverse=True,
    )
    if not ranked:
        return f"No shares are published for {found.place.name} in January {year}."
    parts = [f"{name.lower()} {percent}%" for percent, name in ranked[:2]]
    return (
        f"In January {year} the largest groups of {found.place.name}'s plans were "
        f"{' and '.join(parts)} of all plans."
    )
